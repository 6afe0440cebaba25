"""The agreement measures' input, read from a project: `AgreementDocument`s, streamed.

Rules (the same for the CLI, the app and the HTML report):

* an annotator's annotation of a document counts only when its status is done; any other
  status (new, in progress, skipped) or no annotation at all makes it MISSING for that
  annotator (never "all O");
* only accepted spans count; suggestions a person has not confirmed are not annotations;
* the adjudicated gold set (annotator "gold") is never compared;
* a document is handed in when at least one of the compared annotators finished it (the
  report counts documents by how many finished them); documents nobody finished are left out;
* tokens are those of the project tokenizer (`ProjectTokenizer(language).token_offsets`), the
  tokens the editor snaps selections to.

Documents are read in batches in project order, so the store is never loaded at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, func, select

from annotator.agreement import AgreementDocument, AgreementReport, compute_agreement
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.store.project_store import ProjectStore
from annotator.store.queries import accepted_spans_by_annotator, title_of
from annotator.store.tables import Annotation, Annotator, Document, SpanRow, table_of

A, D, N, S = (table_of(t) for t in (Annotator, Document, Annotation, SpanRow))
Tokenize = Callable[[str], Sequence[tuple[int, int]]]
BATCH = 200


def project_tokenize(language: str) -> Tokenize:
    """Token offsets of the project tokenizer for LANGUAGE (one tokenizer, its cache shared)."""
    from annotator.text.tokenizer import ProjectTokenizer

    return ProjectTokenizer(language).token_offsets


def agreement_annotators(store: ProjectStore) -> list[str]:
    """Annotators (gold excluded) who finished at least one document, sorted by name."""
    with store.engine.connect() as c:
        names = c.execute(select(A.c.name).distinct().join(N, N.c.annotator_id == A.c.id)
                          .where(N.c.status == str(Status.DONE), A.c.name != GOLD_ANNOTATOR))
        return sorted(names.scalars())


def agreement_documents(store: ProjectStore, annotators: Sequence[str] | None = None, *,
                        tokenize: Tokenize | None = None,
                        batch: int = BATCH) -> Iterator[AgreementDocument]:
    """The documents at least one of ANNOTATORS (default: all but gold) finished, in project
    order, each with every compared annotator's accepted spans (None where not done)."""
    tokenize = tokenize or project_tokenize(store.project().language)
    names = None if annotators is None else set(annotators) - {GOLD_ANNOTATOR}
    done = (select(N.c.id, N.c.document_id, A.c.name).join(A, A.c.id == N.c.annotator_id)
            .where(N.c.status == str(Status.DONE), A.c.name != GOLD_ANNOTATOR))
    if names is not None:
        done = done.where(A.c.name.in_(sorted(names)))
    with store.engine.connect() as c:
        finished = done.subquery()
        doc_ids = list(c.execute(select(D.c.id).where(D.c.id.in_(select(finished.c.document_id)))
                                 .order_by(D.c.position)).scalars())
    for first in range(0, len(doc_ids), batch):
        yield from _batch(store, doc_ids[first:first + batch], done, tokenize)


def _batch(store: ProjectStore, doc_ids: list[int], done: Select[Any], tokenize: Tokenize
           ) -> Iterator[AgreementDocument]:
    with store.engine.connect() as c:
        texts = dict(c.execute(select(D.c.id, D.c.text).where(D.c.id.in_(doc_ids))).all())
        annotations = c.execute(done.where(N.c.document_id.in_(doc_ids))).all()
        owners = {r.id: (r.document_id, r.name) for r in annotations}
        spans = accepted_spans_by_annotator(c, owners, doc_ids)
    for doc_id in doc_ids:
        text = texts[doc_id]
        yield AgreementDocument(doc_id, len(text), tokenize(text),
                                {name: sorted(found) for name, found in spans[doc_id].items()})


def check_labels(store: ProjectStore, labels: Sequence[str] | None) -> None:
    """Refuse a label filter naming a label the project does not have (E104)."""
    if labels is None:
        return
    known = [spec.name for spec in store.labels()]
    for label in labels:
        if label not in known:
            raise AnnotatorError(E.E104, label=label, known=", ".join(known) or "(none)")


def project_agreement(store: ProjectStore, annotators: Sequence[str] | None = None,
                      labels: Sequence[str] | None = None, *,
                      tokenize: Tokenize | None = None) -> AgreementReport:
    """Every agreement measure of the project (see `annotator.agreement.report` for the JSON).

    ANNOTATORS selects and orders the annotators compared (default: everyone who finished a
    document, gold excluded); LABELS the labels (default: every label found)."""
    check_labels(store, labels)
    if annotators is not None and GOLD_ANNOTATOR in annotators:
        raise AnnotatorError(E.E116, value=GOLD_ANNOTATOR, what="--annotators",
                             reason="the gold set is the adjudicated result, not an annotator")
    documents = agreement_documents(store, annotators, tokenize=tokenize)
    return compute_agreement(documents, annotators=annotators, labels=labels)


def document_titles(store: ProjectStore, doc_ids: Sequence[int]) -> dict[int, str]:
    """A short title (the first words) of each document, for lists and reports."""
    titles: dict[int, str] = {}
    ids = list(doc_ids)
    with store.engine.connect() as c:
        for first in range(0, len(ids), 500):
            part = ids[first:first + 500]
            for doc_id, head in c.execute(select(D.c.id, func.substr(D.c.text, 1, 80))
                                          .where(D.c.id.in_(part))):
                titles[int(doc_id)] = title_of(head or "")
    return titles
