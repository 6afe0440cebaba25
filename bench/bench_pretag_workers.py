"""Pre-tagging shared by 1, 2 and 4 worker processes against one PostgreSQL server.

A throwaway cluster (tests/pg_server.py: initdb + pg_ctl in a temporary folder, Unix socket
only, fsync on) holds one project of DOCUMENTS generated Arabic documents (~550 characters) and
the starter gazetteer (578 names) as its project gazetteer. Each round starts N `annotator
pretag URL --gazetteer --annotator roundK` commands at once, exactly as a user on N terminals
or N machines would: one plans the run, the others join it, and they share its batches
(`--batch-documents`, default 256). Every round writes into a fresh annotator's annotations,
so every round does the same work (annotations created, suggestions inserted).

Throughput is documents / (last batch done - run created), read from the database, so process
start-up (imports, loading the gazetteer) is left out; the wall time from launching the
commands to the last exit is reported beside it. Medians of ROUNDS rounds per N; speed-up is
the ratio to the median of 1 worker, measured in the same run (rounds interleaved: 1, 2, 4
workers, then again). The workers' CPU seconds (user + system, all of them, start-up included)
and the load average are saved per round: on a machine busy with other work they say how much
of the cores the workers got. Afterwards each round is checked:
every batch done exactly once, each annotation written once (version 1).

This machine has 2 cores shared with other work: N workers can at best be ~2x one worker here
(the pre-tagger is CPU-bound Python; PostgreSQL's own work shares the same 2 cores). So that
the figure can be read, each round is preceded by a control: N plain CPU-bound Python
processes (a fixed loop, no database) started at once, their throughput over one such
process's (`plain_processes_speedup`) is the most N workers could gain here at that moment.
The workers' CPU seconds give docs per worker CPU-second, which shows what sharing costs.
Saved to bench/results/pretag_workers.json.
usage: python bench/bench_pretag_workers.py [--documents 10000] [--rounds 3] [--workers 1,2,4]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))
from common import arabic_documents, median, save  # noqa: E402
from pg_server import find_postgres_bin, start_server  # noqa: E402


def create_project(url: str, documents: int) -> None:
    from annotator.app.gazetteer import import_name_files
    from annotator.app.project import Project
    from annotator.core.model import SourceDocument
    from annotator.store.ingest import IngestOptions, ingest

    project = Project.create(url, labels=["PERS", "LOC", "ORG", "MISC"])
    try:
        with project.store.write() as c:
            ingest(c, [SourceDocument(text, source=f"d{i}")
                       for i, text in enumerate(arabic_documents(documents, 550))],
                   project.info().overlap_policy, IngestOptions())
        import_name_files(project, [], True, {})
    finally:
        project.close()


CEILING_LOOP = "sum(i * i for i in range(4_000_000))"  # ~1 s of one core when it is idle


def parallel_ceiling(workers: int) -> float:
    """Units of a fixed CPU-bound loop per second with WORKERS plain processes at once (no
    database, no annotator): how much more CPU N processes get here than one, right now."""
    command = [sys.executable, "-c", CEILING_LOOP]
    started = time.perf_counter()
    children = [subprocess.Popen(command) for _ in range(workers)]
    for child in children:
        child.wait()
    return workers / (time.perf_counter() - started)


def run_round(url: str, workers: int, annotator: str, batch_documents: int) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "annotator", "pretag", url, "--gazetteer",
               "--annotator", annotator, "--batch-documents", str(batch_documents), "--json"]
    started = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=env) for _ in range(workers)]
    reports = []
    for child in children:
        out, err = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"a worker failed: {err[-2000:]}")
        reports.append(json.loads(out))
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {"wall_seconds": wall, "workers_cpu_seconds": round(cpu, 1),
            "load_average_1min_after": os.getloadavg()[0], **check(url, annotator, reports)}


def check(url: str, annotator: str, reports: list[dict[str, object]]) -> dict[str, object]:
    from sqlalchemy import func, select

    from annotator.store import ProjectStore
    from annotator.store.pretag_claims import B, R
    from annotator.store.tables import Annotation, Annotator, table_of

    N, A = table_of(Annotation), table_of(Annotator)
    run_ids = {r["run"] for r in reports}
    assert len(run_ids) == 1, f"the workers ran {len(run_ids)} runs"
    run_id = run_ids.pop()
    store = ProjectStore.open(url)
    try:
        with store.engine.connect() as c:
            created = c.execute(select(R.c.created_at, R.c.documents)
                                .where(R.c.id == run_id)).one()
            states = dict(c.execute(select(B.c.state, func.count()).where(B.c.run_id == run_id)
                                    .group_by(B.c.state)).all())
            last_done = c.execute(select(func.max(B.c.done_at))
                                  .where(B.c.run_id == run_id)).scalar_one()
            versions = dict(c.execute(
                select(N.c.version, func.count()).join(A, A.c.id == N.c.annotator_id)
                .where(A.c.name == annotator).group_by(N.c.version)).all())
    finally:
        store.close()
    batches = sum(states.values())
    done_here = sorted(int(str(r["batches_done_here"])) for r in reports)
    assert states == {"done": batches}, states
    assert sum(done_here) == batches, (done_here, batches)
    assert set(versions) == {1}, f"annotations written more than once: {versions}"
    seconds = (last_done - created.created_at).total_seconds()
    return {"run_seconds": seconds, "documents": created.documents,
            "docs_per_s": created.documents / seconds, "batches": batches,
            "batches_per_worker": done_here,
            "suggestions": sum(int(str(r["suggestions_added"])) for r in reports),
            "batches_lost": sum(int(str(r["batches_lost"])) for r in reports)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--batch-documents", type=int, default=256)
    args = parser.parse_args()
    if find_postgres_bin() is None:
        raise SystemExit("initdb/pg_ctl not found: this benchmark needs PostgreSQL binaries")
    counts = [int(n) for n in args.workers.split(",")]
    figures: dict[str, object] = {"documents": args.documents, "rounds": args.rounds,
                                  "batch_documents": args.batch_documents,
                                  "pretagger": "starter gazetteer (578 names), CPU-bound",
                                  "cpus": os.cpu_count(), "load_average_before": os.getloadavg()}
    server = start_server()
    try:
        figures["postgresql_version"] = server.run("pg_ctl", "--version").stdout.strip()
        url = server.owner_url(server.create_database())
        started = time.perf_counter()
        create_project(url, args.documents)
        figures["project_created_seconds"] = round(time.perf_counter() - started, 1)
        rounds: dict[int, list[dict[str, object]]] = {n: [] for n in counts}
        for k in range(args.rounds):  # interleaved: N=1, 2, 4, then again, so drift hits all
            for n in counts:
                ceiling = parallel_ceiling(n)
                result = run_round(url, n, f"round{k}_{n}", args.batch_documents)
                result["ceiling_loops_per_s"] = ceiling
                rounds[n].append(result)
                print(f"round {k + 1}: {n} worker(s): {result['docs_per_s']:.1f} docs/s "
                      f"(run {result['run_seconds']:.1f} s, wall {result['wall_seconds']:.1f} s,"
                      f" batches per worker {result['batches_per_worker']})", flush=True)
    finally:
        server.stop("fast")
        shutil.rmtree(server.base, ignore_errors=True)
    one = median([float(str(r["docs_per_s"])) for r in rounds[counts[0]]])
    one_ceiling = median([float(str(r["ceiling_loops_per_s"])) for r in rounds[counts[0]]])
    summary = {}
    for n in counts:
        rate = median([float(str(r["docs_per_s"])) for r in rounds[n]])
        ceiling = median([float(str(r["ceiling_loops_per_s"])) for r in rounds[n]]) / one_ceiling
        summary[str(n)] = {
            "docs_per_s_median": round(rate, 1),
            "speedup_vs_1_median": round(rate / one, 2),
            "plain_processes_speedup_median": round(ceiling, 2),
            "docs_per_worker_cpu_second_median": round(median([
                float(str(r["documents"])) / float(str(r["workers_cpu_seconds"]))
                for r in rounds[n]]), 1),
            "run_seconds_median": round(median([float(str(r["run_seconds"]))
                                                for r in rounds[n]]), 1),
            "wall_seconds_median": round(median([float(str(r["wall_seconds"]))
                                                 for r in rounds[n]]), 1),
            "rounds": rounds[n]}
        print(f"{n} worker(s): {rate:8.1f} docs/s, {rate / one:.2f}x one worker; {n} plain "
              f"CPU-bound processes: {ceiling:.2f}x one")
    figures["workers"] = summary
    figures["load_average_after"] = os.getloadavg()
    save("pretag_workers", figures)


if __name__ == "__main__":
    main()
