"""Span edit latency on a 1 MB Arabic document holding 10,000 spans.

Each edit (add, relabel, delete) goes through ProjectStore.apply: checked, written and committed
durably (WAL, synchronous=FULL) before it returns. Reported: p50 and p95 per kind, beside raw
sqlite3 INSERT+COMMIT on the same file measured in the same run (the floor).
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

from annotator.core.model import SourceDocument, Span  # noqa: E402
from annotator.core.operations import AddSpan, DeleteSpan, RelabelSpan  # noqa: E402
from annotator.store import ProjectStore  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store, annotation, text = build(Path(tmp))
        assert len(store.spans(annotation)) >= 9_900
        gaps = free_gaps(store, annotation, text, args.edits)
        timings: dict[str, list[float]] = {"add": [], "relabel": [], "delete": []}
        floor: list[float] = []
        for i, (start, end) in enumerate(gaps):
            t0 = time.perf_counter()
            span_id = store.apply(AddSpan(annotation, start, end, LABELS[i % 4])).added[0].id
            t1 = time.perf_counter()
            store.apply(RelabelSpan(span_id, LABELS[(i + 1) % 4]))
            t2 = time.perf_counter()
            store.apply(DeleteSpan(span_id))
            t3 = time.perf_counter()
            timings["add"].append(t1 - t0)
            timings["relabel"].append(t2 - t1)
            timings["delete"].append(t3 - t2)
            if i % 10 == 0:  # the floor, interleaved so both see the same machine load
                floor.extend(raw_sqlite_floor(Path(tmp) / "edit.db", 3))
        figures: dict[str, object] = {"document_chars": len(text),
                                      "spans_in_document": len(store.spans(annotation)),
                                      "edits_per_kind": len(gaps)}
        for kind, values in {**timings, "raw_sqlite_insert_commit": floor}.items():
            p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
            figures[kind] = {"p50_ms": round(p50, 3), "p95_ms": round(p95, 3)}
            print(f"{kind:26} p50 {p50:7.3f} ms   p95 {p95:7.3f} ms")
        floor95 = percentile(floor, 95)
        for kind in timings:
            ratio = percentile(timings[kind], 95) / floor95
            figures[kind]["p95_ratio_to_raw_sqlite"] = round(ratio, 2)  # type: ignore[index]
        store.close()
    save("edit_latency", figures)


if __name__ == "__main__":
    main()
