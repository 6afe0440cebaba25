"""`annotator agreement` over the store: 3 annotators x 10k, 100k and 1M tokens, end to end.

The project is written straight into a SQLite store with sqlite3 `executemany`: documents of
ten real Arabic sentences (the ANERcorp sample, reshuffled, as bench_agreement.py builds them),
annotator `amal` with the corpus' own entities, `badr` and `carim` noisy copies of them, every
annotation done. Then, median of --runs rounds, each figure in a fresh process, interleaved:
- cli_cold: `annotator agreement DB --json --no-gamma --bootstrap 0` (the measures issue 13
  names: alpha, alpha_u, kappa, AC1, F1, per document and per label) with no kept tokens (the
  first run on a project: it tokenizes and keeps the tokens, migration 0013), wall-clock from
  the process start to its exit, and its CPU time;
- cli: the same command again (tokens kept): what every later run costs;
- cli_old: the same report by the path before (document by document, every text tokenized),
  with the command's imports and output, side by side: ratio_cli_to_old;
- cli_all: `annotator agreement DB --json`, everything on by default (gamma and 1,000
  bootstrap resamples);
- in process, the phases of `cli` (imports, reading the columns, computing) and of the path
  before (reading and tokenizing, computing), wall-clock and CPU.
The load average is recorded at every round. The growth exponent of each figure is the slope
of log(figure) over log(tokens) between the smallest and the largest size.

    python bench/bench_store_agreement.py [--sizes 10000,100000,1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
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


# the phases of the command's path: imports, reading the columns (kept tokens), computing
PHASES = """
import json, sys, time
def now(): return time.perf_counter(), time.process_time()
t0 = now()
from annotator.agreement import compute_agreement
from annotator.app.agreement import agreement_columns
from annotator.app.project import Project
imported = now()
project = Project.open(sys.argv[1])
columns, counts = agreement_columns(project)
read = now()
report = compute_agreement(columns, gamma=None)
report.to_dict()
done = now()
print(json.dumps({"import_s": imported[0] - t0[0], "read_s": read[0] - imported[0],
                  "compute_s": done[0] - read[0], "import_cpu_s": imported[1] - t0[1],
                  "read_cpu_s": read[1] - imported[1], "compute_cpu_s": done[1] - read[1],
                  "statements": counts.statements, "tokenized": counts.tokenized}))
"""
# the path before (document by document, every text tokenized), measured beside it
OLD_PHASES = """
import json, sys, time
def now(): return time.perf_counter(), time.process_time()
from annotator.agreement import compute_agreement
from annotator.app.agreement import agreement_documents, project_tokenize
from annotator.app.project import Project
t0 = now()
project = Project.open(sys.argv[1])
documents = list(agreement_documents(project, tokenize=project_tokenize("ar")))
read = now()
compute_agreement(documents, gamma=None).to_dict()
done = now()
print(json.dumps({"old_read_and_tokenize_s": read[0] - t0[0], "old_compute_s": done[0] - read[0],
                  "old_read_and_tokenize_cpu_s": read[1] - t0[1],
                  "old_compute_cpu_s": done[1] - read[1]}))
"""
# `annotator agreement DB --json --no-gamma --bootstrap 0` as it ran before: the command's
# imports and output, the report through the document path (tokenize given)
OLD_CLI = """
import sys
from annotator.cli import build_parser
build_parser()
from annotator.app.agreement import document_titles, project_agreement, project_tokenize
from annotator.app.project import Project
from annotator.cli.common import print_json
with Project.open(sys.argv[1]) as project:
    report = project_agreement(project, tokenize=project_tokenize(project.info().language),
                               gamma=None)
    document_titles(project, [d.doc_id for d in report.per_document])
print_json(report.to_dict())
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one child process, from its start to its exit."""
    cpu, t0 = _child_cpu(), time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, cwd=REPO)
    return time.perf_counter() - t0, _child_cpu() - cpu


def run_cli(path: Path, *extra: str) -> tuple[float, float]:
    return run([sys.executable, "-m", "annotator", "agreement", str(path), "--json", *extra])


def run_script(script: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", script, str(path)], check=True,
                         capture_output=True, text=True, cwd=REPO).stdout
    return json.loads(out)


def forget_tokens(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM token_cache")


def measure(tokens: int, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "agreement.db"
        t0 = time.perf_counter()
        corpus = generate(path, tokens)
        figures: dict[str, object] = {"corpus": corpus, "generate_s": time.perf_counter() - t0}
        subprocess.run([sys.executable, "-c", "import sys; from annotator.app.project import "
                        "Project; Project.open(sys.argv[1]).close()", str(path)],
                       check=True, cwd=REPO)  # the schema upgraded once, outside the timings
        timed: dict[str, list[float]] = {key: [] for key in (
            "cli_cold_s", "cli_cold_cpu_s", "cli_s", "cli_cpu_s", "cli_old_s", "cli_old_cpu_s",
            "cli_all_s", "cli_all_cpu_s")}
        phases, loads = [], []
        for _ in range(runs):  # interleaved, so the load falls on all of them alike
            loads.append(os.getloadavg()[0])
            forget_tokens(path)
            for key, args in (("cli_cold", ("--no-gamma", "--bootstrap", "0")),
                              ("cli", ("--no-gamma", "--bootstrap", "0")), ("cli_all", ())):
                wall, cpu = run_cli(path, *args)
                timed[f"{key}_s"].append(wall)
                timed[f"{key}_cpu_s"].append(cpu)
            wall, cpu = run([sys.executable, "-c", OLD_CLI, str(path)])
            timed["cli_old_s"].append(wall)
            timed["cli_old_cpu_s"].append(cpu)
            phases.append({**run_script(PHASES, path), **run_script(OLD_PHASES, path)})
        for key, values in timed.items():
            figures[key] = median(values)
        for name in phases[0]:
            figures[name] = median([p[name] for p in phases])
        figures["ratio_cli_to_old"] = figures["cli_s"] / figures["cli_old_s"]  # type: ignore[operator]
        figures["ratio_cli_cpu_to_old"] = figures["cli_cpu_s"] / figures["cli_old_cpu_s"]  # type: ignore[operator]
        figures["load_average"] = median(loads)
        figures["every_run"] = {**timed, "phases": phases, "load_average": loads}
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
        print(f"{r['corpus']['tokens']:>9,} tokens ({r['corpus']['documents']:,} documents, "  # type: ignore[index]
              f"load {r['load_average']:.1f}): cli {r['cli_s']:.2f} s (CPU {r['cli_cpu_s']:.2f}), "
              f"first run {r['cli_cold_s']:.2f} s, before {r['cli_old_s']:.2f} s "
              f"(CPU {r['cli_old_cpu_s']:.2f}), everything on {r['cli_all_s']:.2f} s; "
              f"import {r['import_s']:.2f} s, read {r['read_s']:.2f} s "
              f"(before: read+tokenize {r['old_read_and_tokenize_s']:.2f} s), "
              f"compute {r['compute_s']:.2f} s", flush=True)
    keys = ("cli_s", "cli_cpu_s", "cli_cold_s", "cli_old_s", "cli_all_s", "import_s", "read_s",
            "read_cpu_s", "old_read_and_tokenize_s", "compute_s", "compute_cpu_s")
    exponents = {key: growth(results, key) for key in keys}
    print("growth exponents:", {k: None if v is None else round(v, 2) for k, v in exponents.items()})
    save(args.save_as, {"benchmark": "store_agreement", "runs": args.runs,
                        "annotators": list(ANNOTATORS), "cpus": os.cpu_count(),
                        "load_average_before_after": [load_before, os.getloadavg()[0]],
                        "sizes": {str(k): v for k, v in results.items()},
                        "growth_exponents": exponents})


if __name__ == "__main__":
    main()
