"""Import throughput and peak memory.

1. 10,000 Arabic documents (about 10 MB of UTF-8 in all) as JSONL: wall time, documents/s.
2. 100,000 JSONL records, and a 50 MB text file split by line: peak memory stays bounded.

Each run happens in a fresh child process so that its peak RSS is its own.
usage: python bench/bench_import.py [--runs 3] [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import arabic_documents, median, save  # noqa: E402

CHILD = """
import sys, time, json, resource
from annotator.app.project import Project
from annotator.app.importing import import_paths
from annotator.formats.registry import ReadOptions
project, source, split = sys.argv[1], sys.argv[2], sys.argv[3]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
store = Project.create(project, labels=["PERS", "LOC", "ORG", "MISC"])
start = time.perf_counter()
report = import_paths(store, [source], read=ReadOptions(split=split))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "documents": report.ingest.added,
                  "characters": report.ingest.characters,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_import_mb": base}))
"""


def run_child(folder: Path, source: Path, split: str, run: int) -> dict[str, float]:
    project = folder / f"p{run}-{source.stem}.db"
    out = subprocess.run([sys.executable, "-c", CHILD, str(project), str(source), split],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def write_jsonl(path: Path, count: int, chars: int) -> int:
    with path.open("w", encoding="utf-8") as f:
        for text in arabic_documents(count, chars):
            f.write(json.dumps({"text": text, "meta": {"source": "bench"}}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def write_lines(path: Path, megabytes: int) -> int:
    with path.open("w", encoding="utf-8") as f:
        for text in arabic_documents(megabytes * 1000, 560, seed=11):
            f.write(text + "\n")
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one run")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [
            ("jsonl_10k_docs", folder / "docs10k.jsonl", "file",
             lambda p: write_jsonl(p, 1000 if args.quick else 10_000, 560)),
            ("jsonl_100k_records", folder / "docs100k.jsonl", "file",
             lambda p: write_jsonl(p, 10_000 if args.quick else 100_000, 120)),
            ("text_50mb_by_line", folder / "big.txt", "line",
             lambda p: write_lines(p, 5 if args.quick else 50)),
        ]
        for name, path, split, make in cases:
            size = make(path)
            results = [run_child(folder, path, split, i) for i in range(runs)]
            seconds = median([r["seconds"] for r in results])
            docs = results[0]["documents"]
            figures[name] = {
                "input_mb": round(size / 1e6, 1),
                "documents": docs,
                "seconds_median": round(seconds, 2),
                "documents_per_second": round(docs / seconds),
                "mb_per_second": round(size / 1e6 / seconds, 1),
                "peak_rss_mb_median": round(median([r["peak_rss_mb"] for r in results]), 1),
                "rss_before_import_mb": round(results[0]["rss_before_import_mb"], 1),
                "runs": runs,
            }
            print(f"{name:22} {size / 1e6:6.1f} MB  {docs:>7,} docs  {seconds:6.2f} s  "
                  f"{docs / seconds:>8,.0f} docs/s  peak {figures[name]['peak_rss_mb_median']} MB")
    figures["when_measured"] = time.strftime("%Y-%m-%d")
    save("import" + ("_quick" if args.quick else ""), figures)


if __name__ == "__main__":
    main()
