"""A pre-tagging worker process for the claim tests (tests/team/test_pretag_workers.py): the
real claim loop (`app.pretag_runs.pretag_in_batches`) with the gazetteer pre-tagger, slowed down
by DELAY seconds per document so that a test can kill it in the middle of a batch.

usage: python pretag_worker.py PROJECT_URL NAMES_FILE DELAY LEASE BATCH_DOCUMENTS
Prints its worker name when it is ready, waits for a line on stdin ("go"), then works and
prints its report as one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator

from annotator.app.pretag_runs import pretag_in_batches, worker_name
from annotator.app.pretagging import compose_pretagger
from annotator.app.project import Project
from annotator.nlp.pretaggers import Pretagger, Suggestion

NAMES = [("لافروف", "PERS"), ("موسكو", "LOC"), ("كوريا", "LOC")]
ANNOTATOR = "model"


class Slow:
    """INNER, DELAY seconds slower per text (a stand-in for a heavy pipeline)."""

    def __init__(self, inner: Pretagger, delay: float) -> None:
        self.inner, self.delay, self.origin = inner, delay, inner.origin

    def labels(self) -> list[str]:
        return self.inner.labels()

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        for found in self.inner.suggest(texts, batch_size):
            time.sleep(self.delay)
            yield found


def write_names(path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for text, label in NAMES:
            out.write(json.dumps({"text": text, "label": label}, ensure_ascii=False) + "\n")


def main(url: str, names: str, delay: float, lease: float, batch_documents: int) -> None:
    worker = worker_name()
    project = Project.open(url)
    try:
        pretagger = Slow(compose_pretagger(project, gazetteer=names), delay)
        print(worker, flush=True)
        sys.stdin.readline()
        report = pretag_in_batches(project, pretagger, annotator=ANNOTATOR,
                                   batch_documents=batch_documents, lease=lease, worker=worker,
                                   poll=0.2)
    finally:
        project.close()
    print(json.dumps(report.to_dict(), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))
