"""`annotator agreement` over the store: 3 annotators x 10k, 100k and 1M tokens, end to end.

The project is written straight into a SQLite store with sqlite3 `executemany`: documents of
ten real Arabic sentences (the ANERcorp sample, reshuffled, as bench_agreement.py builds them),
annotator `amal` with the corpus' own entities, `badr` and `carim` noisy copies of them, every
annotation done. Then, median of --runs runs, each in a fresh process:
- cli: `annotator agreement DB --json --no-gamma --bootstrap 0` (the measures issue 13 names:
  alpha, alpha_u, kappa, AC1, F1, per document and per label), wall-clock from the process
  start to its exit;
- cli_all: `annotator agreement DB --json`, everything on by default (gamma and 1,000
  bootstrap resamples);
- in process, the phases of the first: reading the documents and spans from the store,
  tokenizing, computing.
The growth exponent of each figure is the slope of log(figure) over log(tokens) between the
smallest and the largest size.

    python bench/bench_store_agreement.py [--sizes 10000,100000,1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_agreement import build_corpus  # noqa: E402
from common import REPO, median, save  # noqa: E402

ANNOTATORS = {"amal": "gold", "badr": "x", "carim": "y"}  # store name -> build_corpus key
NOW = "2026-01-01 00:00:00.000000"


def generate(path: Path, tokens: int) -> dict[str, int]:
    """A project of about TOKENS tokens, three annotators, every annotation done."""
    import hashlib

    from annotator.store import ProjectStore

    texts, annotations, _source = build_corpus(tokens)
    labels = sorted({s.label for a in annotations for s in a["gold"]})
    ProjectStore.create(path, labels=labels).close()
    conn = sqlite3.connect(path)
    for number, name in enumerate(ANNOTATORS, 1):
        conn.execute("INSERT INTO annotator (id, name, role, created_at) VALUES (?, ?, 'annotator', ?)",
                     (number, name, NOW))
    docs, rows, spans, annotation_id = [], [], [], 0
    for i, (text, annotation) in enumerate(zip(texts, annotations, strict=True)):
        docs.append((i + 1, len(text), hashlib.sha256(text.encode()).hexdigest(),
                     f"doc{i}.txt", "{}", i, NOW, text))
        for number, key in enumerate(ANNOTATORS.values(), 1):
            if annotation[key] is None:
                continue
            annotation_id += 1
            rows.append((annotation_id, i + 1, number, "done", 0, NOW, NOW))
            spans += [(annotation_id, s.start, s.end, s.label, "accepted", "manual", None, NOW, NOW)
                      for s in annotation[key]]
    conn.executemany("INSERT INTO document (id, length, content_hash, source, meta, position, "
                     "created_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
    conn.executemany("INSERT INTO annotation (id, document_id, annotator_id, status, version, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany('INSERT INTO span (annotation_id, start, "end", label, state, origin, score, '
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
    conn.commit()
    conn.close()
    return {"documents": len(docs), "tokens": sum(len(t.split()) for t in texts),
            "annotations": len(rows), "spans": len(spans)}


PHASES = """
import json, sys, time
t0 = time.perf_counter()
from annotator.agreement import compute_agreement
from annotator.app.agreement import agreement_documents
from annotator.app.project import Project
imported = time.perf_counter()
project = Project.open(sys.argv[1])
documents = list(agreement_documents(project))
read = time.perf_counter()
report = compute_agreement(documents, gamma=None)
report.to_dict()
done = time.perf_counter()
print(json.dumps({"import_s": imported - t0, "read_and_tokenize_s": read - imported,
                  "compute_s": done - read}))
"""


def run_cli(path: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "annotator", "agreement", str(path), "--json", *extra],
                   check=True, stdout=subprocess.DEVNULL, cwd=REPO)
    return time.perf_counter() - t0


def run_phases(path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", PHASES, str(path)], check=True,
                         capture_output=True, text=True, cwd=REPO).stdout
    return json.loads(out)


def measure(tokens: int, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "agreement.db"
        t0 = time.perf_counter()
        corpus = generate(path, tokens)
        figures: dict[str, object] = {"corpus": corpus, "generate_s": time.perf_counter() - t0}
        cli, cli_all, phases = [], [], []
        for _ in range(runs):  # interleaved, so the load falls on all of them alike
            cli.append(run_cli(path, "--no-gamma", "--bootstrap", "0"))
            cli_all.append(run_cli(path))
            phases.append(run_phases(path))
        figures["cli_s"] = median(cli)
        figures["cli_all_s"] = median(cli_all)
        for name in phases[0]:
            figures[name] = median([p[name] for p in phases])
        figures["every_run"] = {"cli_s": cli, "cli_all_s": cli_all, "phases": phases}
    return figures


def growth(results: dict[int, dict[str, object]], key: str) -> float | None:
    sizes = sorted(results)
    small, large = sizes[0], sizes[-1]
    a, b = results[small][key], results[large][key]
    if small == large or not isinstance(a, float) or not isinstance(b, float) or a <= 0:
        return None
    ts = results[small]["corpus"]["tokens"], results[large]["corpus"]["tokens"]  # type: ignore[index]
    return math.log(b / a) / math.log(ts[1] / ts[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save-as", default="store_agreement")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    results = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        results[size] = measure(size, args.runs)
        r = results[size]
        print(f"{r['corpus']['tokens']:>9,} tokens ({r['corpus']['documents']:,} documents): "  # type: ignore[index]
              f"cli {r['cli_s']:.2f} s, everything on {r['cli_all_s']:.2f} s; "
              f"import {r['import_s']:.2f} s, read+tokenize {r['read_and_tokenize_s']:.2f} s, "
              f"compute {r['compute_s']:.2f} s", flush=True)
    keys = ("cli_s", "cli_all_s", "import_s", "read_and_tokenize_s", "compute_s")
    exponents = {key: growth(results, key) for key in keys}
    print("growth exponents:", {k: None if v is None else round(v, 2) for k, v in exponents.items()})
    save(args.save_as, {"benchmark": "store_agreement", "runs": args.runs,
                        "annotators": list(ANNOTATORS), "cpus": os.cpu_count(),
                        "load_average_before_after": [load_before, os.getloadavg()[0]],
                        "sizes": {str(k): v for k, v in results.items()},
                        "growth_exponents": exponents})


if __name__ == "__main__":
    main()
