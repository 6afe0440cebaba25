"""Team load: 8 annotator processes x 500 edits each on one project at once, SQLite and
PostgreSQL, each edit its own transaction through ProjectStore.apply (committed durably before it
returns). Afterwards every edit is checked to be in the database exactly once (spans per plan,
annotation versions moved by exactly the edits made).

PostgreSQL runs on a throwaway cluster this script starts (tests/pg_server.py: initdb + pg_ctl as
an unprivileged user, Unix socket only, fsync on); its annotators log in as their own database
roles in a blind project, so row-level security is on the path of every edit.
Reported per backend: throughput (edits/s, all processes together) and p50/p95/max latency of one
edit; medians over RUNS runs; beside each, one annotator alone (same edits, no contention).
Saved to bench/results/team_load.json.
usage: python bench/bench_team_load.py [--workers 8] [--edits 500] [--documents 4] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "tests" / "team"))
from common import median, percentile, save  # noqa: E402
from load_worker import LoadResult, create_project, run_load  # noqa: E402
from pg_server import find_postgres_bin, start_server  # noqa: E402

PASSWORD = "load-Pa55word"


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


def sqlite_run(folder: Path, names: list[str], edits: int, documents: int, run: int) -> LoadResult:
    url = f"sqlite:///{folder / f'load{run}.db'}"
    create_project(url, documents, names)
    return run_load(url, [url] * len(names), names, edits)


def postgres_run(server, names: list[str], edits: int, documents: int) -> LoadResult:  # type: ignore[no-untyped-def]
    from annotator.core.model import Role
    from annotator.store import ProjectStore, team

    url = server.owner_url(server.create_database())
    create_project(url, documents, [])
    with ProjectStore.open(url) as store:
        for name in names:
            team.add_member(store, name, Role.ANNOTATOR, password=PASSWORD)
        team.set_blind(store, True)
        for name in names:  # annotations made before the clock starts (as the workers would)
            for doc in store.document_ids():
                store.annotation_id(doc, name)
    return run_load(url, [as_role(url, name) for name in names], names, edits)


def summary(results: list[LoadResult]) -> dict[str, object]:
    for r in results:
        if r.failures or r.lost or r.extra or r.version_errors:
            print(f"  !! failures={r.failures} lost={r.lost} extra={r.extra} "
                  f"version_errors={r.version_errors}")
    return {
        "runs": len(results),
        "edits_per_run": [r.edits for r in results],
        "throughput_edits_per_s_median": round(median([r.throughput for r in results]), 1),
        "throughput_edits_per_s_runs": [round(r.throughput, 1) for r in results],
        "seconds_runs": [round(r.seconds, 2) for r in results],
        "latency_ms_p50_median": round(median([percentile(r.latencies, 50) for r in results])
                                       * 1000, 2),
        "latency_ms_p95_median": round(median([percentile(r.latencies, 95) for r in results])
                                       * 1000, 2),
        "latency_ms_p99_median": round(median([percentile(r.latencies, 99) for r in results])
                                       * 1000, 2),
        "latency_ms_max": round(max(max(r.latencies) for r in results) * 1000, 1),
        "edits_over_1s": sum(sum(x > 1.0 for x in r.latencies) for r in results),
        "edits_refused_database_locked_then_redone": sum(r.busy for r in results),
        "lost": sum(r.lost for r in results),
        "extra_or_duplicated": sum(r.extra for r in results),
        "annotations_with_wrong_version": sum(r.version_errors for r in results),
        "failed_workers": [f for r in results for f in r.failures],
    }


def show(backend: str, figures: dict[str, object]) -> None:
    print(f"{backend:10} {figures['throughput_edits_per_s_median']:8.1f} edits/s   "
          f"p50 {figures['latency_ms_p50_median']:7.2f} ms   p95 "
          f"{figures['latency_ms_p95_median']:7.2f} ms   p99 {figures['latency_ms_p99_median']:7.2f}"
          f" ms   max {figures['latency_ms_max']:7.1f} ms ({figures['edits_over_1s']} over 1 s, "
          f"{figures['edits_refused_database_locked_then_redone']} refused as locked)"
          f"   lost {figures['lost']} extra {figures['extra_or_duplicated']} "
          f"bad versions {figures['annotations_with_wrong_version']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--documents", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    names = [f"annotator{k}" for k in range(args.workers)]
    figures: dict[str, object] = {"workers": args.workers, "edits_per_worker": args.edits,
                                  "documents": args.documents, "cpus": os.cpu_count(),
                                  "load_average_before": os.getloadavg()}
    folder = Path(tempfile.mkdtemp(prefix="annotator-load-"))
    try:
        sqlite = [sqlite_run(folder, names, args.edits, args.documents, run)
                  for run in range(args.runs)]
        figures["sqlite"] = summary(sqlite)
        show("sqlite", figures["sqlite"])  # type: ignore[arg-type]
        alone = [sqlite_run(folder, names[:1], args.edits, args.documents, args.runs + run)
                 for run in range(args.runs)]
        figures["sqlite_one_annotator"] = summary(alone)
        show("  alone", figures["sqlite_one_annotator"])  # type: ignore[arg-type]
        if find_postgres_bin() is None:
            print("postgresql: initdb/pg_ctl not found; skipped")
        else:
            server = start_server()
            try:
                figures["postgresql_version"] = server.run("pg_ctl", "--version").stdout.strip()
                postgres = [postgres_run(server, names, args.edits, args.documents)
                            for _ in range(args.runs)]
                alone = [postgres_run(server, names[:1], args.edits, args.documents)
                         for _ in range(args.runs)]
            finally:
                server.stop("fast")
                shutil.rmtree(server.base, ignore_errors=True)
            figures["postgresql"] = summary(postgres)
            show("postgresql", figures["postgresql"])  # type: ignore[arg-type]
            figures["postgresql_one_annotator"] = summary(alone)
            show("  alone", figures["postgresql_one_annotator"])  # type: ignore[arg-type]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    figures["load_average_after"] = os.getloadavg()
    save("team_load", figures)


if __name__ == "__main__":
    main()
