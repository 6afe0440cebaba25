"""Score a model against the project's gold spans: what `annotator evaluate` and the app call.

By default a model trained by `annotator train` is scored on the documents held out when it was
trained (recorded in its meta.json) against the annotations it learnt from; any other choice of
documents and annotations can be given, as for export. Figures are entity-level, as conlleval
computes them (`nlp.scoring`); `conll` writes the `token gold predicted` file conlleval reads.
Each document's errors (missed, spurious, wrong label, wrong boundary) are kept for the app's
view of where the model is wrong.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotator.app.exporting import merge_spans
from annotator.app.project import Project
from annotator.app.training import HELD_OUT_KEY, HELD_OUT_PIECES_KEY, SOURCE_KEY
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Span
from annotator.nlp.evaluation import DocumentEvaluation, SpanError, evaluate_documents
from annotator.nlp.pretaggers import load_spacy_pipeline
from annotator.nlp.scoring import Score, conlleval_line, score_sentences
from annotator.store.export_source import BATCH, annotation_source, read_documents

NONE = "(none)"  # the confusion matrix's row or column for no entity

__all__ = ["DocumentEvaluation", "EvaluationReport", "SpanError", "conlleval_line",
           "evaluate_model", "held_out_documents"]


@dataclass
class EvaluationReport:
    model: str
    source: str  # whose annotations are the gold: "annotator NAME", "gold", ...
    documents: list[int]
    overall: Score
    per_label: dict[str, Score]
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label -> entities
    errors: dict[str, int]  # kind -> count
    tokens: int = 0
    token_accuracy: float = 0.0
    gold_widened: int = 0  # gold spans widened to the model's tokens to be compared
    held_out: bool = False  # the documents are those held out when the model was trained
    conll: str | None = None  # the token gold predicted file written
    sentences: int = 0  # held-out pieces of sentences scored (a model trained on a sentence split)
    per_document: list[DocumentEvaluation] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "model": self.model, "source": self.source, "documents": len(self.documents),
            "held_out": self.held_out, "overall": self.overall.to_dict(),
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "confusion": self.confusion, "errors": self.errors, "tokens": self.tokens,
            "token_accuracy": self.token_accuracy, "gold_widened": self.gold_widened,
            "conll": self.conll, "held_out_sentences": self.sentences,
        }


def _meta(model: Path) -> dict[str, object]:
    path = model / "meta.json"
    if not path.is_file():
        return {}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def held_out_documents(model: str | Path) -> list[int] | None:
    """The documents MODEL was not trained on, when `annotator train` recorded them."""
    found = _meta(Path(model)).get(HELD_OUT_KEY)
    return [int(d) for d in found] if isinstance(found, list) else None


def held_out_sentences(model: str | Path) -> dict[int, list[tuple[int, int]]] | None:
    """The sentences MODEL was not trained on, when it was trained on a split over sentences:
    document id -> [start, end) of each held-out piece."""
    found = _meta(Path(model)).get(HELD_OUT_PIECES_KEY)
    if not isinstance(found, list) or not found:
        return None
    pieces: dict[int, list[tuple[int, int]]] = {}
    for doc_id, start, end in found:
        pieces.setdefault(int(doc_id), []).append((int(start), int(end)))
    return pieces


def _confusion(evaluations: list[DocumentEvaluation], gold: dict[int, list[Span]]
               ) -> dict[str, dict[str, int]]:
    counts: Counter[tuple[str, str]] = Counter()
    for evaluation in evaluations:
        predicted = {(s.start, s.end): s.label for s in evaluation.predicted}
        for span in gold[evaluation.doc_id]:
            counts[(span.label, predicted.get((span.start, span.end), NONE))] += 1
        gold_extents = {(s.start, s.end) for s in gold[evaluation.doc_id]}
        for (start, end), label in predicted.items():
            if (start, end) not in gold_extents:
                counts[(NONE, label)] += 1
    matrix: dict[str, dict[str, int]] = {}
    for (row, column), count in sorted(counts.items()):
        matrix.setdefault(row, {})[column] = count
    return matrix


def evaluate_model(project: Project, model: str | Path, *, annotator: str | None = None,
                   gold: bool = False, merge: str | None = None,
                   documents: list[int] | None = None, conll: str | Path | None = None,
                   keep_documents: bool = False) -> EvaluationReport:
    """Score MODEL (a pipeline folder or package) on DOCUMENTS (default: those held out when
    it was trained) against the done annotations chosen as for export (default: the ones it
    was trained on)."""
    model_dir = Path(str(model)).expanduser()
    meta = _meta(model_dir)
    source_used = meta.get(SOURCE_KEY) if isinstance(meta.get(SOURCE_KEY), dict) else None
    if not (annotator or gold or merge) and isinstance(source_used, dict):
        annotator = source_used.get("annotator")
        gold = bool(source_used.get("gold"))
        merge = source_used.get("merge")
    held_out = documents is None
    pieces = held_out_sentences(model_dir) if held_out else None
    if pieces is not None:
        documents = sorted(pieces)
    if documents is None:
        documents = held_out_documents(model_dir)
        if documents is None:
            raise AnnotatorError(E.E420, model=model)
    nlp = load_spacy_pipeline(str(model))
    with project.store.engine.connect() as c:
        source = annotation_source(c, gold, annotator, merge)
    gold_spans: dict[int, list[Span]] = {}
    texts: list[tuple[int, str, list[Span]]] = []
    owners: list[int] = []  # the document of each text
    for first in range(0, len(documents), BATCH):
        with project.store.engine.connect() as c:
            for row in read_documents(c, documents[first:first + BATCH], source, False, False):
                spans = merge_spans(row.spans, source.rule)
                for start, end in (pieces or {}).get(row.id, [(0, len(row.text))]):
                    key = len(texts)  # a piece of a document is scored as a text of its own
                    gold_spans[key] = [Span(s.start - start, s.end - start, s.label)
                                       for s in spans if start <= s.start and s.end <= end]
                    texts.append((key, row.text[start:end], gold_spans[key]))
                    owners.append(row.id)
    if not texts:
        raise AnnotatorError(E.E421, source=source.description)
    evaluations = list(evaluate_documents(nlp, texts))
    confusion = _confusion(evaluations, gold_spans)
    if pieces is None:  # whole documents: their own ids (the app's errors view needs them)
        for evaluation in evaluations:
            evaluation.doc_id = owners[evaluation.doc_id]
    sentences = [(s.gold, s.predicted) for e in evaluations for s in e.sentences]
    scores = score_sentences(sentences)
    errors = Counter(error.kind for e in evaluations for error in e.errors)
    report = EvaluationReport(
        model=str(model), source=source.description, documents=sorted(set(owners)),
        overall=scores.overall, per_label=scores.per_label,
        confusion=confusion, errors=dict(sorted(errors.items())),
        tokens=scores.tokens, token_accuracy=scores.token_accuracy,
        gold_widened=sum(e.gold_widened for e in evaluations), held_out=held_out,
        sentences=len(texts) if pieces is not None else 0,
        per_document=evaluations if keep_documents and pieces is None else [])
    if conll is not None:
        report.conll = str(_write_conll(Path(conll), evaluations))
    return report


def _write_conll(path: Path, evaluations: list[DocumentEvaluation]) -> Path:
    try:
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for evaluation in evaluations:
                for sentence in evaluation.sentences:
                    for token, g, p in zip(sentence.tokens, sentence.gold, sentence.predicted,
                                           strict=True):
                        out.write(f"{token} {g} {p}\n")
                    out.write("\n")
    except OSError as err:
        raise AnnotatorError(E.E302, path=path, reason=err.strerror or str(err)) from err
    return path
