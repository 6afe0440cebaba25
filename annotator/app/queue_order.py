"""An annotator's queue in an order: the project's, or the model's most uncertain first.

`ordered_queue(project, annotator, order, model)`: with `order="uncertainty"` and a spaCy
pipeline (a folder or package; `nlp/uncertainty.py` says how it is measured), the documents
the annotator has not finished come first, most uncertain first, ties and unscored documents
in project order, then the finished ones in project order. Without a model (cold start) the
queue keeps the project's order and no scores.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.app.assignment import queue
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import DocumentSummary, Status
from annotator.nlp.pretaggers import load_spacy_pipeline
from annotator.nlp.uncertainty import uncertainties

ORDERS = ("project", "uncertainty")


@dataclass
class QueueEntry:
    document: DocumentSummary
    uncertainty: float | None = None  # 0 sure .. 1 unsure; None when not scored

    def to_dict(self) -> dict[str, object]:
        return {"id": self.document.id, "title": self.document.title,
                "status": self.document.status.value, "uncertainty": self.uncertainty}


def ordered_queue(project: Project, annotator: str, order: str = "project",
                  model: str | None = None, nlp: object | None = None) -> list[QueueEntry]:
    """ANNOTATOR's queue in ORDER (see the module's docstring); NLP: an already loaded pipeline."""
    if order not in ORDERS:
        raise AnnotatorError(E.E423, order=order, known=", ".join(ORDERS))
    entries = [QueueEntry(summary) for summary in queue(project, annotator)]
    if order == "project" or (model is None and nlp is None):
        return entries
    pipeline = nlp if nlp is not None else load_spacy_pipeline(model or "")
    unfinished = [e for e in entries if e.document.status is not Status.DONE]
    texts = (project.document_text(e.document.id) for e in unfinished)
    for entry, value in zip(unfinished, uncertainties(pipeline, texts), strict=True):
        entry.uncertainty = value
    ranked = sorted(enumerate(unfinished), key=lambda item: (
        item[1].uncertainty is None, -(item[1].uncertainty or 0.0), item[0]))
    return [e for _n, e in ranked] + [e for e in entries if e.document.status is Status.DONE]
