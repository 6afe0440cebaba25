"""Mutations of real files for the importer fuzz test: byte-level (flips, cuts, repeats, hostile
tokens) and, for JSON, structure-level (a value swapped for one of another type)."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

EXAMPLES = Path(__file__).parent / "examples"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SEED_BYTES = 6000  # a prefix of each real file: enough structure, fast to import

# (format, seed file or folder, file inside a folder to mutate)
SEEDS: list[tuple[str, Path, str]] = [
    ("conll", EXAMPLES / "example.conll", ""),
    ("doccano", EXAMPLES / "example.doccano.jsonl", ""),
    ("jsonl", EXAMPLES / "example.jsonl", ""),
    ("labelstudio", EXAMPLES / "example.labelstudio.json", ""),
    ("prodigy", EXAMPLES / "example.prodigy.jsonl", ""),
    ("spacy", EXAMPLES / "example.spacy", ""),
    ("brat", EXAMPLES / "brat", "doc-1.ann"),
    ("brat", EXAMPLES / "brat", "doc-1.txt"),
    ("txt", EXAMPLES.parents[2] / "seeds" / "lavrov_north_korea_ar.txt", ""),
    ("csv", EXAMPLES / "example.csv", ""),
]
SHARED_SEEDS = [
    ("conll", SHARED / "arabic" / "anercorp_sample.conll", ""),
    ("conll", SHARED / "arabic" / "wojood_sample_train.txt", ""),
    ("doccano", SHARED / "tool_exports" / "doccano_api_tests_example_overlapping.jsonl", ""),
    ("doccano", SHARED / "tool_exports" / "doccano_legacy_download_example.jsonl", ""),
    ("prodigy", SHARED / "tool_exports" / "prodigy_fashion_brands_eval.jsonl", ""),
]

HOSTILE = [
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\\ud800", b"\\udfff", b"[" * 3000, b"{" * 3000,
    b"\r", b"\r\n", b"\t", b"\n\n", b"-DOCSTART- O\n", b" B-", b"I_LOC", b"LOC-B", b"O O O",
    b'"annotations": 1.5', b"null", b"1e999", b"-1", b"99999999999999999999", b"{}", b"[]",
    b'"', b"\\", b"\xd9", b"\xe2\x80\x8f", b"T1\tLOC 0 9999\tx\n", b"T2\tLOC 3;1 5\tx\n",
    b"#", b"\x1a", b"0" * 40,
]
ODD_VALUES: list[object] = [1.5, None, [], {}, "x", -1, 10 ** 20, True, "\ud800", [[0]], {"a": []},
                            "", 0, "B-LOC", [0, 5, "LOC"], [5, 0, "LOC"]]


def seed_bytes(seed: Path, member: str) -> bytes:
    data = (seed / member).read_bytes() if member else seed.read_bytes()
    return data if seed.suffix == ".spacy" else data[:SEED_BYTES]


def mutate_bytes(data: bytes, rng: random.Random, rounds: int) -> bytes:
    out = bytearray(data)
    for _ in range(rounds):
        where = rng.randrange(len(out) + 1)
        choice = rng.randrange(6)
        if choice == 0 and out:
            out[min(where, len(out) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:
            del out[where:where + rng.randrange(1, 64)]
        elif choice == 2:
            out[where:where] = out[where:where + rng.randrange(1, 200)]
        elif choice == 3:
            out[where:where] = rng.choice(HOSTILE)
        elif choice == 4:
            del out[where:]
        else:
            out[where:where + 1] = bytes([rng.randrange(256)])
    return bytes(out)


def mutate_json(data: bytes, rng: random.Random, rounds: int) -> bytes | None:
    """DATA (JSON lines or one JSON array) with values swapped for ODD_VALUES; None when
    DATA does not parse as JSON."""
    text = data.decode("utf-8", "replace")
    try:
        array = json.loads(text)
        lines = None
    except ValueError:
        try:
            lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError:
            return None
        array = lines
    if not isinstance(array, list) or not array:
        return None
    for _ in range(rounds):
        _swap(array, rng)
    if lines is None:
        return json.dumps(array, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    return "\n".join(json.dumps(item) for item in array).encode("utf-8")


def _swap(root: list[object], rng: random.Random) -> None:
    container: object = root
    key: object = rng.randrange(len(root))
    for _depth in range(rng.randrange(1, 7)):
        value = container[key]  # type: ignore[index]
        if isinstance(value, dict) and value:
            container, key = value, rng.choice(list(value))
        elif isinstance(value, list) and value:
            container, key = value, rng.randrange(len(value))
        else:
            break
    if rng.random() < 0.15 and isinstance(container, dict):
        del container[key]
    else:
        container[key] = copy.deepcopy(rng.choice(ODD_VALUES))  # type: ignore[index]
