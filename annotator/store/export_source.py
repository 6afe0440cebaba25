"""What an export (or training) reads: whose annotations, which documents, their spans.

The choice of annotations follows `annotator export`: one annotator, the adjudicated gold set,
or a merge of everyone's (the rule is applied by the caller); without a choice, the gold set
when there is one, else the only annotator, else E304. Documents are read in batches of
`BATCH` in project order, so a corpus is never held in memory.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, Span, SpanState, Status
from annotator.store.tables import (
    Annotation,
    Annotator,
    Document,
    GazetteerEntry,
    SpanRow,
    table_of,
)

D, N, S, A, G = (table_of(t) for t in (Document, Annotation, SpanRow, Annotator, GazetteerEntry))
MERGE_RULES = ("union", "intersection", "majority")
BATCH = 200


@dataclass(frozen=True)
class AnnotationSource:
    """Whose annotations are exported: annotator ids, the rule combining them, and a
    description for reports ("annotator NAME", "gold", "majority of A, B")."""

    annotator_ids: list[int]
    rule: str  # single | union | intersection | majority | none
    description: str


@dataclass(frozen=True)
class SourceRow:
    """A document as exported: its row, and each chosen annotator's spans of it."""

    id: int
    source: str
    text: str
    meta: dict[str, object]
    spans: list[set[Span]]  # one set per annotation of the chosen annotators


def annotation_source(c: Connection, gold: bool = False, annotator: str | None = None,
                      merge: str | None = None) -> AnnotationSource:
    """The annotations to export, as `annotator export` chooses them."""
    names = {name: id_ for name, id_ in c.execute(select(A.c.name, A.c.id))}
    with_annotations = set(c.execute(select(N.c.annotator_id).distinct()).scalars())
    if sum((bool(gold), bool(annotator), bool(merge))) > 1:
        raise AnnotatorError(E.E116, value="--gold/--annotator/--merge", what="annotation source",
                             reason="give one of them")
    if gold or annotator:
        name = GOLD_ANNOTATOR if gold else str(annotator)
        if name not in names or names[name] not in with_annotations:
            if gold:
                raise AnnotatorError(E.E303, reason="the project has no adjudicated (gold) "
                                                    "annotations yet")
            raise AnnotatorError(E.E115, name=name)
        return AnnotationSource([names[name]], "single", "gold" if gold else f"annotator {name}")
    people = {n: i for n, i in names.items() if i in with_annotations and n != GOLD_ANNOTATOR}
    if merge:
        if merge not in MERGE_RULES:
            raise AnnotatorError(E.E116, value=merge, what="--merge",
                                 reason="use union, intersection or majority")
        if not people:
            raise AnnotatorError(E.E303, reason="no annotator has annotations to merge")
        return AnnotationSource(sorted(people.values()), merge,
                                f"{merge} of {', '.join(sorted(people))}")
    if GOLD_ANNOTATOR in names and names[GOLD_ANNOTATOR] in with_annotations:
        return AnnotationSource([names[GOLD_ANNOTATOR]], "single", "gold")
    if len(people) == 1:
        name = next(iter(people))
        return AnnotationSource([people[name]], "single", f"annotator {name}")
    if not people:
        return AnnotationSource([], "none", "no annotations")
    raise AnnotatorError(E.E304, names=", ".join(sorted(people)))


def project_lexicon(c: Connection) -> list[str]:
    """Every distinct accepted span text and gazetteer name: the words the project tokenizer
    splits proclitics off (so `لكوريا` is `ل` + `كوريا` wherever `كوريا` is a known name)."""
    texts: set[str] = set()  # each text read once (SQL substr per span rereads it per span)
    edges: dict[int, set[tuple[int, int]]] = {}  # a batch of documents -> their span edges

    def read_batch() -> None:
        for doc_id, text in c.execute(select(D.c.id, D.c.text).where(D.c.id.in_(list(edges)))):
            texts.update(text[start:end] for start, end in edges[doc_id])
        edges.clear()

    # Streamed in document order, BATCH documents at a time: memory holds one batch's edges
    # and the distinct texts, never every span of the corpus.
    spans = (select(N.c.document_id, S.c.start, S.c.end)
             .select_from(S.join(N, N.c.id == S.c.annotation_id))
             .where(S.c.state == str(SpanState.ACCEPTED)).order_by(N.c.document_id))
    for doc_id, start, end in c.execute(spans.execution_options(yield_per=5000)):
        if doc_id not in edges and len(edges) >= BATCH:
            read_batch()
        edges.setdefault(doc_id, set()).add((start, end))
    read_batch()
    texts.update(c.execute(select(G.c.text)).scalars())
    return sorted(texts)


def document_total(c: Connection) -> int:
    return int(c.execute(select(func.count()).select_from(D)).scalar_one())


ID_CHUNK = 500  # ids taken from the cursor at a time (their rows are ~100 bytes each)


def selected_documents(c: Connection, source: AnnotationSource,
                       all_documents: bool) -> array[int]:
    """Ids of the documents to export, in project order: those with a done annotation of the
    source (every document with ALL_DOCUMENTS). An int64 array (8 bytes a document, where a
    list of ints takes about 36), filled from the cursor a chunk at a time."""
    ids: array[int] = array("q")
    if source.rule == "none" and not all_documents:
        return ids
    query = select(D.c.id).order_by(D.c.position)
    if not all_documents:
        query = query.where(D.c.id.in_(
            select(N.c.document_id).where(N.c.annotator_id.in_(source.annotator_ids),
                                          N.c.status == str(Status.DONE))))
    result = c.execute(query.execution_options(yield_per=ID_CHUNK))
    while chunk := result.fetchmany(ID_CHUNK):
        ids.extend(row[0] for row in chunk)
    return ids


def read_documents(c: Connection, doc_ids: Sequence[int], source: AnnotationSource,
                   all_documents: bool, suggestions: bool) -> Iterator[SourceRow]:
    """One batch of documents (at most BATCH ids), each with the source's spans: accepted
    ones (and suggested ones with SUGGESTIONS), from done annotations (any status with
    ALL_DOCUMENTS)."""
    states = [str(SpanState.ACCEPTED)] + ([str(SpanState.SUGGESTED)] if suggestions else [])
    batch = list(doc_ids)
    rows = {r.id: r for r in c.execute(
        select(D.c.id, D.c.source, D.c.text, D.c.meta).where(D.c.id.in_(batch)))}
    annotations: dict[int, dict[int, set[Span]]] = {}
    ids = source.annotator_ids
    if ids:
        status_ok = (N.c.status.in_([str(s) for s in Status]) if all_documents
                     else N.c.status == str(Status.DONE))
        for doc_id, annotator_id in c.execute(select(N.c.document_id, N.c.annotator_id).where(
                N.c.document_id.in_(batch), N.c.annotator_id.in_(ids), status_ok)):
            annotations.setdefault(doc_id, {})[annotator_id] = set()
        for doc_id, annotator_id, start, end, label in c.execute(
                select(N.c.document_id, N.c.annotator_id, S.c.start, S.c.end, S.c.label)
                .select_from(N.join(S, S.c.annotation_id == N.c.id))
                .where(N.c.document_id.in_(batch), N.c.annotator_id.in_(ids), status_ok,
                       S.c.state.in_(states))).all():
            annotations[doc_id][annotator_id].add(Span(start, end, label))
    for doc_id in batch:
        row = rows[doc_id]
        yield SourceRow(doc_id, row.source, row.text, json.loads(row.meta or "{}"),
                        list(annotations.get(doc_id, {}).values()))
