"""Import and export at size: 1k, 10k and 100k documents.

1. `import` of JSONL (Arabic documents of about 550 characters, 5 spans each) against a plain
   sqlite3 `executemany` of the same rows (the same documents, annotations and spans, into the
   same empty project schema, with the same pragmas), side by side in one run; the ratio is
   import / plain. A third side inserts the same rows with the triggers that keep derived
   tables (tallies 0010, search indexes 0012/0015, token cache 0013, the list's counters
   0014) dropped first: the rows alone, so the
   triggers' share shows. Medians of the runs; wall and CPU time; the load before and after
   each run.
2. Export peak memory (DocBin, CoNLL, JSONL) of the imported project at each size.

Every import and every export runs in a fresh child process, so its peak RSS is its own.
usage: python bench/bench_bulk.py [--sizes 1000,10000,100000] [--runs 3] [--name bulk]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import arabic_documents, median, save  # noqa: E402

LABELS = ["PERS", "LOC", "ORG", "MISC"]
SPANS_PER_DOC = 5

IMPORT_CHILD = """
import sys, time, json, resource
from annotator.app.project import Project
from annotator.app.importing import import_paths
project, source = sys.argv[1], sys.argv[2]
store = Project.create(project, labels=LABELS)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
cpu_start = time.process_time()
report = import_paths(store, [source])
seconds = time.perf_counter() - start
assert report.ingest.spans_added == report.ingest.added * SPANS_PER_DOC, report.ingest.spans_added
print(json.dumps({"seconds": seconds, "cpu_seconds": time.process_time() - cpu_start,
                  "documents": report.ingest.added,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_mb": base}))
""".replace("LABELS", repr(LABELS)).replace("SPANS_PER_DOC", str(SPANS_PER_DOC))

# The same rows as an import writes, by hand: read and hash each record, then executemany.
PLAIN_CHILD = """
import sys, time, json, hashlib, sqlite3, resource
from datetime import datetime, timezone
from annotator.app.project import Project
project, source = sys.argv[1], sys.argv[2]
Project.create(project, labels=LABELS).store.engine.dispose()
db = sqlite3.connect(project, isolation_level=None)
for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL"):
    db.execute("PRAGMA " + pragma)
if len(sys.argv) > 3:  # "bare": the rows alone, every trigger that keeps a derived table off
    # (tallies 0010, search indexes 0012/0015, token cache 0013, list counters 0014; the span
    # bounds guard stays)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND ("
                              "name LIKE '%tally%' OR name LIKE 'document_search%' OR "
                              "name LIKE 'document_index%' OR name LIKE 'token_cache%' OR "
                              "name LIKE 'annotation_counts%')").fetchall():
        db.execute(f"DROP TRIGGER {name}")
start = time.perf_counter()
cpu_start = time.process_time()
annotator = "imported"
db.execute("BEGIN")
db.execute("INSERT INTO annotator (name, role, created_at) VALUES (?, 'annotator', ?)",
           (annotator, str(datetime.now(timezone.utc))))
annotator_id = db.execute("SELECT id FROM annotator WHERE name = ?", (annotator,)).fetchone()[0]
documents, annotations, spans = [], [], []
def flush():
    db.executemany("INSERT INTO document (id, length, content_hash, source, meta, position, "
                   "created_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", documents)
    db.executemany("INSERT INTO annotation (id, document_id, annotator_id, status, version, "
                   "created_at, updated_at) VALUES (?, ?, ?, 'done', 0, ?, ?)", annotations)
    db.executemany('INSERT INTO span (annotation_id, start, "end", label, state, origin, '
                   "created_at, updated_at) VALUES (?, ?, ?, ?, 'accepted', 'imported', ?, ?)",
                   spans)
    documents.clear(); annotations.clear(); spans.clear()
with open(source, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        record = json.loads(line)
        text = record["text"]
        now = str(datetime.now(timezone.utc))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        documents.append((number, len(text), digest, f"{source}:{number}",
                          json.dumps(record.get("meta", {}), ensure_ascii=False), number - 1,
                          now, text))
        annotations.append((number, number, annotator_id, now, now))
        spans += [(number, s["start"], s["end"], s["label"], now, now) for s in record["spans"]]
        if len(documents) >= 1000:
            flush()
flush()
db.execute("COMMIT")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cpu_seconds": time.process_time() - cpu_start,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""".replace("LABELS", repr(LABELS))

EXPORT_CHILD = """
import sys, time, json, resource
from annotator.app.project import Project
from annotator.app.exporting import ExportOptions, export_project
import annotator.formats.spacy_docbin, spacy  # imported before the baseline is taken
project, out, fmt = sys.argv[1], sys.argv[2], sys.argv[3]
store = Project.open(project)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
report = export_project(store, out, ExportOptions(format=fmt, overwrite=True))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "documents": sum(report.documents.values()),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_mb": base}))
"""

EXPORTS = {"spacy": ".spacy", "conll": ".conll", "jsonl": ".jsonl"}


def child(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_corpus(path: Path, count: int, seed: int = 5) -> None:
    """COUNT documents of about 550 characters, each with 5 non-overlapping spans on words."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for text in arabic_documents(count, 550):
            words = [(i, i + len(w)) for i, w in _words(text) if len(w) > 2]
            chosen = sorted(rng.sample(words, SPANS_PER_DOC))
            spans = [{"start": s, "end": e, "label": rng.choice(LABELS)} for s, e in chosen]
            f.write(json.dumps({"text": text, "spans": spans, "meta": {"bench": "bulk"}},
                               ensure_ascii=False) + "\n")


def _words(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    position = 0
    for word in text.split(" "):
        if word.isalpha():
            found.append((position, word))
        position += len(word) + 1
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3, help="import runs per size (median)")
    parser.add_argument("--name", default="bulk", help="results file: bench/results/NAME.json")
    parser.add_argument("--no-export", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    figures: dict[str, object] = {"spans_per_document": SPANS_PER_DOC, "runs": args.runs}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            source = folder / f"docs{size}.jsonl"
            write_corpus(source, size)
            imports, plains, bares, loads = [], [], [], [os.getloadavg()[0]]
            for run in range(args.runs):  # side by side: import, plain, bare plain, each run
                imports.append(child(IMPORT_CHILD, str(folder / f"i{size}-{run}.db"), str(source)))
                plains.append(child(PLAIN_CHILD, str(folder / f"p{size}-{run}.db"), str(source)))
                bares.append(child(PLAIN_CHILD, str(folder / f"b{size}-{run}.db"), str(source),
                                   "bare"))
                loads.append(os.getloadavg()[0])
            seconds = median([r["seconds"] for r in imports])
            plain = median([r["seconds"] for r in plains])
            bare = median([r["seconds"] for r in bares])
            row: dict[str, object] = {
                "documents": size, "input_mb": round(source.stat().st_size / 1e6, 1),
                "import_seconds": round(seconds, 2), "plain_sqlite3_seconds": round(plain, 2),
                "ratio_to_plain": round(seconds / plain, 1),
                "plain_sqlite3_without_triggers_seconds": round(bare, 2),
                "ratio_to_plain_without_triggers": round(seconds / bare, 1),
                "import_cpu_seconds": round(median([r["cpu_seconds"] for r in imports]), 2),
                "plain_sqlite3_cpu_seconds": round(median([r["cpu_seconds"] for r in plains]), 2),
                "plain_sqlite3_without_triggers_cpu_seconds": round(
                    median([r["cpu_seconds"] for r in bares]), 2),
                "import_peak_rss_mb": round(median([r["peak_rss_mb"] for r in imports]), 1),
                "import_rss_before_mb": round(imports[0]["rss_before_mb"], 1),
                "load_average_1min": [round(x, 2) for x in loads],  # before, after each run
            }
            print(f"{size:>7,} docs  import {seconds:6.2f} s  plain sqlite3 {plain:6.2f} s  "
                  f"ratio {seconds / plain:4.1f}x  (without the triggers {bare:6.2f} s, "
                  f"{seconds / bare:4.1f}x)  peak {row['import_peak_rss_mb']} MB  "
                  f"load {loads[0]:.1f}-{loads[-1]:.1f}", flush=True)
            if not args.no_export:
                for fmt, suffix in EXPORTS.items():
                    result = child(EXPORT_CHILD, str(folder / f"i{size}-0.db"),
                                   str(folder / f"out{size}{suffix}"), fmt)
                    row[f"export_{fmt}_peak_rss_mb"] = round(result["peak_rss_mb"], 1)
                    row[f"export_{fmt}_growth_mb"] = round(
                        result["peak_rss_mb"] - result["rss_before_mb"], 1)
                    row[f"export_{fmt}_seconds"] = round(result["seconds"], 2)
                    print(f"{'':>13} export {fmt:6} {result['seconds']:6.2f} s  "
                          f"peak {result['peak_rss_mb']:.0f} MB "
                          f"(+{result['peak_rss_mb'] - result['rss_before_mb']:.0f})", flush=True)
            figures[f"docs_{size}"] = row
            for run in range(args.runs):
                for name in (f"i{size}-{run}.db", f"p{size}-{run}.db", f"b{size}-{run}.db"):
                    for extra in ("", "-wal", "-shm"):
                        Path(folder / (name + extra)).unlink(missing_ok=True)
    save(args.name, figures)


if __name__ == "__main__":
    main()
