"""Span edit latency on a 1 MB Arabic document holding 10,000 spans.

Each edit (add, relabel, delete) goes through ProjectStore.apply: checked, written and committed
durably (WAL, synchronous=FULL) before it returns. Reported: p50 and p95 per kind and the SQL
statements each edit sends (BEGIN and COMMIT included), for the everyday-edit path apply takes
and, interleaved in the same run, the general path (lock, apply_operation, read the versions
back) every edit took before; beside raw sqlite3 INSERT+COMMIT on the same file (the floor).
usage: python bench/bench_edit_latency.py [--edits 500]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import arabic_documents, percentile, save  # noqa: E402
from sqlalchemy import event  # noqa: E402

from annotator.core.model import SourceDocument, Span  # noqa: E402
from annotator.core.operations import AddSpan, Change, DeleteSpan, Operation, RelabelSpan  # noqa: E402
from annotator.store import ProjectStore  # noqa: E402
from annotator.store.edits import apply_operation  # noqa: E402
from annotator.store.ingest import IngestOptions, ingest  # noqa: E402

LABELS = ["PERS", "LOC", "ORG", "MISC"]


def build(folder: Path) -> tuple[ProjectStore, int, str]:
    text = next(arabic_documents(1, 1_000_000))
    words, position = [], 0
    for word in text.split(" "):
        words.append((position, position + len(word)))
        position += len(word) + 1
    rng = random.Random(3)
    chosen = sorted(rng.sample(range(0, len(words), 2), 10_000))
    spans = [Span(words[i][0], words[i][1], rng.choice(LABELS)) for i in chosen
             if words[i][1] > words[i][0]]
    store = ProjectStore.create(folder / "edit.db", labels=LABELS)
    with store.write() as c:
        ingest(c, [SourceDocument(text, "big", spans=spans[:10_000])],
               store.project().overlap_policy, IngestOptions(annotator="amal"))
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    return store, annotation, text


def free_gaps(store: ProjectStore, annotation: int, text: str, count: int) -> list[tuple[int, int]]:
    spans = store.spans(annotation)
    gaps = []
    for a, b in zip(spans, spans[1:], strict=False):
        if b.start - a.end >= 4:
            gaps.append((a.end + 1, a.end + 3))
    random.Random(5).shuffle(gaps)
    return gaps[:count]


def raw_sqlite_floor(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_floor (a INTEGER, b INTEGER, c TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_floor VALUES (?, ?, 'LOC')", (i, i + 1))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def apply_general(store: ProjectStore, op: Operation) -> Change:
    """ProjectStore.apply as it ran every edit before the everyday-edit path (same guarantees)."""
    versions, bounds = store._versions, store._span_bounds  # noqa: SLF001 (the bench's before)
    with store.write() as c:
        stale = versions.lock(c, op)
        policy = store._overlap_policy or store.project().overlap_policy  # noqa: SLF001 (cached)
        change = apply_operation(c, op, policy, bounds)
        versions.refuse_overwrites(stale, change)
        seen = versions.read(c, change.annotation_ids)
    versions.update(seen, stale)
    return change


class StatementCount:
    def __init__(self, store: ProjectStore) -> None:
        self.count = 0
        event.listen(store.engine, "before_cursor_execute", self._sent)
        event.listen(store.engine, "commit", self._sent)

    def _sent(self, *_args: object) -> None:
        self.count += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=500)
    args = parser.parse_args()
    paths = {"everyday": ProjectStore.apply, "general": apply_general}
    with tempfile.TemporaryDirectory() as tmp:
        store, annotation, text = build(Path(tmp))
        assert len(store.spans(annotation)) >= 9_900
        gaps = free_gaps(store, annotation, text, args.edits)
        counter = StatementCount(store)
        timings = {(path, kind): [] for path in paths for kind in ("add", "relabel", "delete")}
        statements: dict[tuple[str, str], int] = {}
        floor: list[float] = []
        for i, (start, end) in enumerate(gaps):
            path = "everyday" if i % 2 == 0 else "general"  # side by side, same machine load

            def timed(kind: str, op: Operation, path: str = path) -> Change:
                counter.count = 0
                t0 = time.perf_counter()
                change = paths[path](store, op)
                timings[(path, kind)].append(time.perf_counter() - t0)
                statements[(path, kind)] = counter.count
                return change

            span_id = timed("add", AddSpan(annotation, start, end, LABELS[i % 4])).added[0].id
            timed("relabel", RelabelSpan(span_id, LABELS[(i + 1) % 4]))
            timed("delete", DeleteSpan(span_id))
            if i % 10 == 0:  # the floor, interleaved so both see the same machine load
                floor.extend(raw_sqlite_floor(Path(tmp) / "edit.db", 3))
        figures: dict[str, object] = {"document_chars": len(text),
                                      "spans_in_document": len(store.spans(annotation)),
                                      "edits_per_kind_and_path": len(gaps) // 2}
        floor95 = percentile(floor, 95)
        for (path, kind), values in timings.items():
            p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
            figures[f"{path}_{kind}"] = {
                "p50_ms": round(p50, 3), "p95_ms": round(p95, 3),
                "statements_with_begin_commit": statements[(path, kind)],
                "p95_ratio_to_raw_sqlite": round(percentile(values, 95) / floor95, 2)}
            print(f"{path:9} {kind:8} p50 {p50:7.3f} ms   p95 {p95:7.3f} ms   "
                  f"{statements[(path, kind)]:2} statements")
        for kind in ("add", "relabel", "delete"):
            ratio = (percentile(timings[("general", kind)], 50)
                     / percentile(timings[("everyday", kind)], 50))
            figures[f"{kind}_p50_general_over_everyday"] = round(ratio, 2)
            print(f"{kind:8} p50 general / everyday {ratio:.2f}x")
        p50, p95 = percentile(floor, 50) * 1000, floor95 * 1000
        figures["raw_sqlite_insert_commit"] = {"p50_ms": round(p50, 3), "p95_ms": round(p95, 3)}
        print(f"raw sqlite3 insert+commit p50 {p50:7.3f} ms   p95 {p95:7.3f} ms")
        store.close()
    save("edit_latency", figures)


if __name__ == "__main__":
    main()
