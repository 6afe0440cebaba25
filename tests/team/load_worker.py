"""Several annotator processes editing one project at once, and the check that every edit landed
exactly once. Used by tests/team/test_team_load.py (small, slow-marked) and
bench/bench_team_load.py (8 x 500).

Each worker process is one annotator: it opens the project, makes sure its annotation of every
document exists, says `ready`, waits for `go` on stdin, then applies its planned edits (adds,
relabels, deletes; edit I goes to document I mod D) through `ProjectStore.apply`, one transaction
each, timing each call. It prints one JSON line at the end: latencies, start, end.

The check afterwards: for each worker and document, the spans are exactly those its plan leaves
(nothing lost, nothing extra) with no row twice, and the annotation's version moved by exactly the
number of edits planned for it (an edit applied twice or not at all would show).

usage (worker): python load_worker.py PROJECT_URL ANNOTATOR EDITS
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from edit_stream_child import expected_spans, planned_operations  # noqa: E402

LABELS = ["PERS", "LOC", "ORG", "MISC"]


def edits_per_document(edits: int, documents: int) -> list[int]:
    """How many of a worker's EDITS go to each document (edit I to document I mod DOCUMENTS)."""
    return [len(range(d, edits, documents)) for d in range(documents)]


def create_project(url: str, documents: int, annotators: list[str]) -> None:
    """A project with DOCUMENTS copies of an Arabic text, long enough for any plan here."""
    from annotator.core.model import SourceDocument
    from annotator.store import ProjectStore
    from annotator.store.ingest import IngestOptions, ingest

    # two-letter words: the plans' spans [3k, 3k + 2) are each exactly one word
    text = " ".join(["في", "من", "عن", "هو"] * 1600)
    store = ProjectStore.create(url, labels=LABELS)
    with store.write() as c:
        ingest(c, [SourceDocument(f"{text} ({i})", source=f"doc{i}") for i in range(documents)],
               store.project().overlap_policy, IngestOptions())
    for name in annotators:  # their annotations exist before the clock starts
        for doc in store.document_ids():
            store.annotation_id(doc, name)
    store.close()


def worker(url: str, annotator: str, edits: int) -> None:
    from sqlalchemy.exc import OperationalError

    from annotator.core.errors import AnnotatorError
    from annotator.core.operations import AddSpan, DeleteSpan, Operation, RelabelSpan
    from annotator.store import ProjectStore

    store = ProjectStore.open(url)
    documents = store.document_ids()
    annotations = [store.annotation_id(doc, annotator) for doc in documents]
    plans = [planned_operations(a, n)
             for a, n in zip(annotations, edits_per_document(edits, len(documents)), strict=True)]
    ids: list[list[int]] = [[] for _ in documents]
    print("ready", flush=True)
    sys.stdin.readline()
    latencies: list[float] = []
    busy = 0  # edits refused with SQLite's "database is locked" (busy timeout), then redone
    start = time.time()
    for i in range(edits):
        d = i % len(documents)
        step = plans[d][i // len(documents)]
        if step[0] == "add":
            operation: Operation = AddSpan(annotations[d], step[1], step[2], step[3])
        elif step[0] == "relabel":
            operation = RelabelSpan(ids[d][step[1]], step[2])
        else:
            operation = DeleteSpan(ids[d][step[1]])
        began = time.perf_counter()
        while True:  # what the annotator would do: try again
            try:
                change = store.apply(operation)
                break
            except (AnnotatorError, OperationalError) as err:
                if "database is locked" not in str(err) and "project is busy" not in str(err):
                    raise
                busy += 1
        latencies.append(time.perf_counter() - began)
        if step[0] == "add":
            ids[d].append(change.added[0].id)
    end = time.time()
    store.close()
    print(json.dumps({"latencies": latencies, "start": start, "end": end, "busy": busy}),
          flush=True)


@dataclass
class LoadResult:
    edits: int  # reported done by the workers
    seconds: float  # from the first worker's start to the last one's end
    latencies: list[float] = field(default_factory=list)
    lost: int = 0  # planned spans missing
    extra: int = 0  # spans nobody planned (or a planned one twice)
    version_errors: int = 0  # annotations whose version moved by other than their edit count
    failures: list[str] = field(default_factory=list)  # workers that did not finish
    busy: int = 0  # edits refused "database is locked" (SQLite busy timeout) and redone

    @property
    def throughput(self) -> float:
        return self.edits / self.seconds if self.seconds else 0.0


def run_load(url: str, worker_urls: list[str], annotators: list[str], edits: int) -> LoadResult:
    """Run one worker per annotator at once (worker K connects with WORKER_URLS[K]), then check."""
    versions_before = annotation_versions(url)
    children = [subprocess.Popen([sys.executable, __file__, worker_url, name, str(edits)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                for worker_url, name in zip(worker_urls, annotators, strict=True)]
    for child in children:  # everyone connected and ready
        assert child.stdout is not None
        line = child.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"a worker failed to start: {line!r}")
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    reports, failures = [], []
    for name, child in zip(annotators, children, strict=True):
        output, _ = child.communicate(timeout=900)
        if child.returncode != 0:
            failures.append(f"{name}: exit {child.returncode}")
            continue
        reports.append(json.loads(output.strip().splitlines()[-1]))
    result = LoadResult(
        edits=sum(len(r["latencies"]) for r in reports),
        seconds=(max(r["end"] for r in reports) - min(r["start"] for r in reports)) if reports
        else 0.0,
        latencies=[x for r in reports for x in r["latencies"]], failures=failures,
        busy=sum(r["busy"] for r in reports))
    check(url, annotators, edits, versions_before, result)
    return result


def annotation_versions(url: str) -> dict[int, int]:
    from sqlalchemy import select

    from annotator.store import ProjectStore
    from annotator.store.tables import Annotation, table_of

    N = table_of(Annotation)
    with ProjectStore.open(url) as store, store.engine.connect() as c:
        return {int(i): int(v) for i, v in c.execute(select(N.c.id, N.c.version)).all()}


def check(url: str, annotators: list[str], edits: int, versions_before: dict[int, int],
          result: LoadResult) -> None:
    """Count lost, extra and twice-applied edits into RESULT (read as the project owner)."""
    from annotator.store import ProjectStore

    versions_after = annotation_versions(url)
    with ProjectStore.open(url) as store:
        documents = store.document_ids()
        counts = edits_per_document(edits, len(documents))
        for name in annotators:
            for doc, count in zip(documents, counts, strict=True):
                annotation = store.annotation_id(doc, name)
                plan = planned_operations(annotation, count)
                expected = Counter(expected_spans(plan).values())
                found = Counter((s.start, s.end, s.label) for s in store.spans(annotation))
                result.lost += sum((expected - found).values())
                result.extra += sum((found - expected).values())
                moved = versions_after[annotation] - versions_before.get(annotation, 0)
                result.version_errors += moved != count


if __name__ == "__main__":
    worker(sys.argv[1], sys.argv[2], int(sys.argv[3]))
