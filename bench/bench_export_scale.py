"""Export peak memory at 10k, 100k and 1M documents: bounded, or growing with the corpus?

The project is written straight into a SQLite store with sqlite3 `executemany`: short Arabic
documents (~120 characters, ~20 tokens: tweets, sentences of a big corpus), two accepted spans
each, one annotator, every annotation done. Each export runs in a fresh process (its peak RSS
is its own), formats interleaved, medians of --runs runs:
- spacy: `annotator export DB out.spacy` (streamed DocBin shards);
- conll: `annotator export DB out.conll` (IOB2);
- jsonl: `annotator export DB out.jsonl`.
The growth exponent of each figure is the slope of log(figure) over log(documents) between the
smallest and the largest size (0: independent of the corpus size).

    python bench/bench_export_scale.py [--sizes 10000,100000,1000000] [--runs 1]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, arabic_sentences, median, save  # noqa: E402

LABELS = ["PERS", "LOC", "ORG", "MISC"]
DOC_CHARS = 120
FORMATS = {"spacy": "out.spacy", "conll": "out.conll", "jsonl": "out.jsonl"}
NOW = "2026-01-01 00:00:00.000000"


def generate(path: Path, count: int) -> None:
    """COUNT short documents, two accepted spans each, all done by one annotator."""
    from annotator.store import ProjectStore

    ProjectStore.create(path, labels=LABELS).close()
    rng = random.Random(5)
    sentences = arabic_sentences()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO annotator (id, name, role, created_at) "
                 "VALUES (1, 'bench', 'annotator', ?)", (NOW,))
    for first in range(0, count, 20_000):
        docs, annotations, spans = [], [], []
        for i in range(first, min(count, first + 20_000)):
            text = rng.choice(sentences)[:DOC_CHARS].strip()
            words, position = [], 0
            for word in text.split(" "):
                if len(word) >= 3 and word.isalpha():
                    words.append((position, position + len(word)))
                position += len(word) + 1
            docs.append((i + 1, len(text), hashlib.sha256(f"{i}{text}".encode()).hexdigest(),
                         f"doc{i}.txt", "{}", i, NOW, text))
            annotations.append((i + 1, i + 1, 1, "done", 0, NOW, NOW))
            for k, (start, end) in enumerate(words[::3][:2]):
                spans.append((i + 1, start, end, LABELS[(i + k) % 4], "accepted", "manual", None,
                              NOW, NOW))
        conn.executemany("INSERT INTO document (id, length, content_hash, source, meta, "
                         "position, created_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
        conn.executemany("INSERT INTO annotation (id, document_id, annotator_id, status, "
                         "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         annotations)
        conn.executemany('INSERT INTO span (annotation_id, start, "end", label, state, origin, '
                         "score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         spans)
        conn.commit()
    conn.close()


def peak_of_child(path: Path, fmt: str, folder: Path) -> dict[str, float]:
    """One `annotator export` in a child of a small wrapper process, which reads the export's
    own peak RSS (RUSAGE_CHILDREN of a process with one child) and its times."""
    wrapper = ("import resource, subprocess, sys, json, time\n"
               "t0 = time.perf_counter()\n"
               "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
               "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
               "print(json.dumps({'seconds': time.perf_counter() - t0,"
               " 'cpu_seconds': u.ru_utime + u.ru_stime, 'peak_mb': u.ru_maxrss / 1024}))\n")
    out = folder / fmt
    out.mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "annotator",
                             "export", str(path), str(out / FORMATS[fmt]), "--overwrite"],
                            check=True, capture_output=True, text=True, cwd=REPO)
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(count: int, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "export.db"
        t0 = time.perf_counter()
        generate(path, count)
        figures: dict[str, object] = {"documents": count, "generate_s": time.perf_counter() - t0,
                                      "database_mb": path.stat().st_size / 2**20}
        every: dict[str, list[dict[str, float]]] = {fmt: [] for fmt in FORMATS}
        for _ in range(runs):
            for fmt in FORMATS:
                every[fmt].append(peak_of_child(path, fmt, folder))
        for fmt, results in every.items():
            figures[fmt] = {key: median([r[key] for r in results]) for key in results[0]}
        figures["every_run"] = every
    return figures


def growth(results: dict[int, dict[str, object]], fmt: str, key: str) -> float | None:
    small, large = min(results), max(results)
    if small == large:
        return None
    a = results[small][fmt][key]  # type: ignore[index]
    b = results[large][fmt][key]  # type: ignore[index]
    return math.log(b / a) / math.log(large / small)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--save-as", default="export_scale")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    results: dict[int, dict[str, object]] = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        results[size] = measure(size, args.runs)
        line = ", ".join(f"{fmt} {results[size][fmt]['peak_mb']:.0f} MB / "  # type: ignore[index]
                         f"{results[size][fmt]['seconds']:.1f} s" for fmt in FORMATS)
        print(f"{size:>9,} documents: {line}", flush=True)
    exponents = {fmt: {key: growth(results, fmt, key) for key in ("peak_mb", "seconds")}
                 for fmt in FORMATS}
    print("growth exponents:", exponents)
    save(args.save_as, {"benchmark": "export_scale", "runs": args.runs, "cpus": os.cpu_count(),
                        "doc_chars": DOC_CHARS,
                        "load_average_before_after": [load_before, os.getloadavg()[0]],
                        "sizes": {str(k): v for k, v in results.items()},
                        "growth_exponents": exponents})


if __name__ == "__main__":
    main()
