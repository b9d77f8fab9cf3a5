"""Export the fine-tuned event-type encoder to ONNX, quantised to int8, for extraction.

    python scripts/export_encoder.py CHECKPOINT [OUT_DIR] [--keep-fp32]
    python scripts/export_encoder.py --unsigned ONNX     # an earlier export's weights unsigned

CHECKPOINT is the Hugging Face directory `scripts/train_type_encoder.py` wrote (config.json
with the labels, model.safetensors, tokenizer.json). Writes, to OUT_DIR
(`src/borderwatch/ingest` unless given), what `borderwatch.ingest.encoder` reads:

* `type_encoder.onnx`: the classifier exported to ONNX (opset 17) and quantised by
  onnxruntime's dynamic quantisation, int8 weights **per channel** (per tensor, the default,
  agreed with fp32 on 90-91 % of held-out examples, per channel on 96-98 %; thirty-first
  round), about 22 MiB, then stored unsigned (`unsigned_weights`);
* `type_encoder_tokenizer.json`: the checkpoint's tokenizer, as is;
* `type_encoder_labels.json`: the classes in the order of the model's outputs
  (`vocab.EVENT_TYPES`), the tokens an input was cut to in training, and the checkpoint.

The fp32 export is written to a temporary directory (kept in OUT_DIR with `--keep-fp32`).
Needs torch and transformers (`requirements-encoder.txt`), for the export only: extraction
runs the result with onnxruntime and tokenizers alone.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModelForSequenceClassification

from borderwatch.data.vocab import EVENT_TYPES

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "borderwatch" / "ingest"
SEED = 16
OPSET = 17
MAX_TOKENS = 64
"""The length inputs were cut to in training (`train_type_encoder.MAX_LEN`)."""


def unsigned_weights(path: Path) -> int:
    """Store every signed int8 weight of the model's integer products as uint8 with its zero
    point raised by 128: the same numbers, so the same products. Why: on x86 processors without
    VNNI, onnxruntime multiplies uint8 activations by int8 weights with an instruction that
    saturates at 16 bits (VPMADDUBSW), so the signed model typed some clauses differently there
    than on processors with VNNI ("a convoy of aid reached Hairatan": a deployment on one, an
    opening on the other); uint8 by uint8 is computed exactly on both. Returns the tensors
    rewritten (weights and zero points)."""
    model = onnx.load(str(path))
    inits = {i.name: i for i in model.graph.initializer}
    done: set[str] = set()
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        for name in (node.input[1], node.input[3]):
            tensor = inits[name]
            if name in done or tensor.data_type != onnx.TensorProto.INT8:
                continue
            shifted = numpy_helper.to_array(tensor).astype(np.int16) + 128
            tensor.CopyFrom(numpy_helper.from_array(shifted.astype(np.uint8), name))
            done.add(name)
    onnx.save(model, str(path))
    return len(done)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkpoint", type=Path, nargs="?")
    ap.add_argument("out", type=Path, nargs="?", default=OUT)
    ap.add_argument("--max-tokens", type=int, default=MAX_TOKENS, help="as in training")
    ap.add_argument("--keep-fp32", action="store_true", help="keep type_encoder.fp32.onnx")
    ap.add_argument(
        "--unsigned", type=Path, metavar="ONNX", help="make an earlier export unsigned in place"
    )
    args = ap.parse_args(argv)
    if args.unsigned is not None:
        print(f"{args.unsigned}: {unsigned_weights(args.unsigned)} tensors made unsigned")
        return 0
    if args.checkpoint is None:
        ap.error("a CHECKPOINT to export, or --unsigned ONNX")
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    model = AutoModelForSequenceClassification.from_pretrained(args.checkpoint)
    labels = [model.config.id2label[n] for n in range(model.config.num_labels)]
    if tuple(labels) != EVENT_TYPES:
        raise SystemExit(f"labels {labels} are not vocab.EVENT_TYPES in order")
    model.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    ids = torch.ones((2, 16), dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "type_encoder.fp32.onnx"
        t0 = time.perf_counter()
        torch.onnx.export(
            model,
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "token_type_ids": {0: "batch", 1: "tokens"},
                "logits": {0: "batch"},
            },
            opset_version=OPSET,
            dynamo=False,
        )
        t1 = time.perf_counter()
        int8 = args.out / "type_encoder.onnx"
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
        unsigned_weights(int8)
        t2 = time.perf_counter()
        if args.keep_fp32:
            shutil.copy(fp32, args.out / fp32.name)
    shutil.copy(args.checkpoint / "tokenizer.json", args.out / "type_encoder_tokenizer.json")
    meta = {
        "classes": labels,
        "max_tokens": args.max_tokens,
        "checkpoint": str(args.checkpoint),
        "regenerate": "python scripts/export_encoder.py CHECKPOINT",
    }
    labels_file = args.out / "type_encoder_labels.json"
    labels_file.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"{int8}: {int8.stat().st_size / 2**20:.1f} MiB")
    print(f"export {t1 - t0:.1f} s, quantisation {t2 - t1:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
