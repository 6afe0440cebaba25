"""Benchmark: label operations on a project of ~40,000 spans (two annotators, accepted and
suggested spans), each done and undone in one transaction.

Timed, median of --runs rounds (each round does the operation, then its inverse): rename a
label used by a quarter of the spans, merge it into another (with duplicates on the same
offsets), remove it deleting its spans. Side by side in the same rounds: relabelling the same
spans one `RelabelSpan` each inside one `Batch` (what a rename would cost without the
database's cascade). Prints the figures and saves bench/results/labels.json; never a pass/fail.

    .venv/bin/python bench/bench_labels.py [--documents 400] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import arabic_documents, median, peak_rss_mb, save, timed  # noqa: E402

from annotator.app.project import Project  # noqa: E402
from annotator.core.model import OverlapPolicy, SourceDocument, Span, SpanState  # noqa: E402
from annotator.core.operations import (  # noqa: E402
    Batch,
    MergeLabels,
    RelabelSpan,
    RemoveLabel,
    RenameLabel,
)
from annotator.store.ingest import IngestOptions, ingest  # noqa: E402

LABELS = ["PERS", "LOC", "ORG", "MISC"]
SPARE = "OTHER"  # a label no span has: the one-by-one relabelling's target


def words(text: str) -> list[tuple[int, int]]:
    found, start = [], None
    for i, ch in enumerate(text + " "):
        if ch.isspace() or ch in ".،,()":
            if start is not None:
                found.append((start, i))
                start = None
        elif start is None:
            start = i
    return found


def build(path: Path, documents: int) -> tuple[Project, int]:
    project = Project.create(path, labels=[*LABELS, SPARE], overlap_policy=OverlapPolicy.ALLOW)
    texts = list(arabic_documents(documents, 1200))
    total = 0
    for annotator, state in (("amal", SpanState.ACCEPTED), ("badr", SpanState.SUGGESTED)):
        sources = []
        for i, text in enumerate(texts):
            spans = [Span(s, e, LABELS[(i + j) % 4]) for j, (s, e) in enumerate(words(text)[::4])]
            if annotator == "badr":  # every other span also under the next label: duplicates
                spans += [Span(s.start, s.end, LABELS[(LABELS.index(s.label) + 1) % 4])
                          for s in spans[::2]]
            total += len(spans)
            sources.append(SourceDocument(text, source=f"d{i}", spans=spans))
        with project.store.write() as c:
            ingest(c, sources, OverlapPolicy.ALLOW,
                   IngestOptions(annotator=annotator, span_state=state))
    return project, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project, total = build(Path(folder) / "labels.db", args.documents)
        used = project.stats()["spans_per_label"]
        org = sum(used["ORG"].values()) if isinstance(used, dict) else 0
        ids = [s.id for doc in project.document_ids() for who in ("amal", "badr")
               for s in project.spans(project.annotation_id(doc, who)) if s.label == "ORG"]
        times: dict[str, list[float]] = {k: [] for k in (
            "rename", "rename_undo", "merge", "merge_undo", "remove_deleting", "remove_undo",
            "relabel_one_by_one", "relabel_one_by_one_undo")}
        duplicates = 0
        for _ in range(args.runs):
            for name, op in (("rename", RenameLabel("ORG", "ORGANISATION")),
                             ("merge", MergeLabels("ORG", "LOC")),
                             ("remove_deleting", RemoveLabel("ORG", delete_spans=True)),
                             ("relabel_one_by_one",
                              Batch(tuple(RelabelSpan(i, SPARE) for i in ids), "relabel"))):
                start = time.perf_counter()
                change = project.apply(op)
                times[name].append(time.perf_counter() - start)
                if change.label_report is not None and change.label_report.duplicates:
                    duplicates = len(change.label_report.duplicates)
                undo = "remove_undo" if name == "remove_deleting" else f"{name}_undo"
                times[undo].append(timed(lambda c=change: project.apply(c.inverse)))
        project.close()
    figures: dict[str, object] = {
        "documents": args.documents, "spans": total, "spans_of_the_label": org,
        "merge_duplicates": duplicates, "runs": args.runs,
        "median_seconds": {k: round(median(v), 4) for k, v in times.items()},
        "rename_vs_relabel_one_by_one": round(median(times["relabel_one_by_one"])
                                              / median(times["rename"]), 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    for key, value in figures.items():
        print(f"{key}: {value}")
    save("labels", figures)


if __name__ == "__main__":
    main()
