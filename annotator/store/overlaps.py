"""Overlapping spans and the overlap policy: find the spans that overlap another one in the
same annotation, and change the policy only when no span would break it.

One query finds them all: within each annotation, ordered by start, a span overlaps an
earlier one exactly when it starts before the largest end among the spans before it (a window
function, the same on SQLite and PostgreSQL). The census and the change run in one write
transaction, so no span can slip in between; nothing is ever deleted here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy
from annotator.store.project_store import ProjectStore
from annotator.store.tables import Annotation, Annotator, Document, Project, SpanRow, table_of
from annotator.store.team import privileged

P, D, A, N, S = (table_of(t) for t in (Project, Document, Annotator, Annotation, SpanRow))
SHOWN_TEXT = 30


@dataclass(frozen=True)
class OverlapExample:
    """One span that overlaps an earlier span of the same annotation."""

    doc_id: int
    annotator: str
    span: tuple[int, int, str, str]  # start, end, label, text
    other: tuple[int, int, str, str]  # the earlier span it overlaps

    def describe(self) -> str:
        def shown(part: tuple[int, int, str, str]) -> str:
            start, end, label, text = part
            text = text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT] + "…"
            return f"[{start}, {end}) {label} “{text}”"

        (start, end), (other_start, other_end) = self.span[:2], self.other[:2]
        relation = ("inside" if other_start <= start and end <= other_end
                    else "holds" if start <= other_start and other_end <= end else "overlaps")
        return (f"document {self.doc_id}, {self.annotator}: {shown(self.span)} {relation} "
                f"{shown(self.other)}")


@dataclass(frozen=True)
class OverlapCensus:
    count: int = 0  # spans overlapping an earlier span of their annotation
    annotations: int = 0
    examples: list[OverlapExample] = field(default_factory=list)  # the first few, in order


def overlap_census(c: Connection, limit: int | None = 5) -> OverlapCensus:
    """The spans that overlap another span of their annotation: how many, and the first LIMIT
    (None: all) with the span each one overlaps."""
    before = func.max(S.c.end).over(partition_by=S.c.annotation_id,
                                    order_by=(S.c.start, S.c.end, S.c.id), rows=(None, -1))
    ranked = select(S.c.id, S.c.annotation_id, S.c.start, S.c.end, S.c.label,
                    before.label("end_before")).subquery()
    overlapping = select(ranked).where(ranked.c.start < ranked.c.end_before).subquery()
    count, annotations = c.execute(select(func.count(), func.count(
        overlapping.c.annotation_id.distinct())).select_from(overlapping)).one()
    if not count:
        return OverlapCensus()
    rows = c.execute(
        select(overlapping.c.annotation_id, overlapping.c.start, overlapping.c.end,
               overlapping.c.label, overlapping.c.id, N.c.document_id, A.c.name, D.c.text)
        .join(N, N.c.id == overlapping.c.annotation_id)
        .join(A, A.c.id == N.c.annotator_id).join(D, D.c.id == N.c.document_id)
        .order_by(N.c.document_id, A.c.name, overlapping.c.start, overlapping.c.end)
        .limit(limit)).all()
    examples = []
    for annotation_id, start, end, label, span_id, doc_id, annotator, text in rows:
        other = c.execute(
            select(S.c.start, S.c.end, S.c.label)
            .where(and_(S.c.annotation_id == annotation_id, S.c.id != span_id,
                        S.c.start <= start, S.c.end > start))
            .order_by(S.c.start, S.c.end, S.c.id).limit(1)).one()
        examples.append(OverlapExample(
            doc_id, annotator, (start, end, label, text[start:end]),
            (other.start, other.end, other.label, text[other.start:other.end])))
    return OverlapCensus(int(count), int(annotations), examples)


def set_overlap_policy(store: ProjectStore, policy: OverlapPolicy, shown_project: str,
                       examples: int = 3) -> OverlapPolicy:
    """Make POLICY the project's overlap policy; returns the policy before. Refused (E120),
    with nothing changed, when spans overlap and POLICY is not `allow`."""
    refused: AnnotatorError | None = None
    with privileged("changing the overlap policy", "a manager's role"), store.write() as c:
        current = OverlapPolicy(c.execute(select(P.c.overlap_policy)).scalar_one())
        if policy is not OverlapPolicy.ALLOW and policy is not current:
            census = overlap_census(c, examples)
            if census.count:
                listed = "; ".join(e.describe() for e in census.examples)
                more = census.count - len(census.examples)
                refused = AnnotatorError(
                    E.E120, current=str(current), count=census.count,
                    annotations=census.annotations, policy=str(policy),
                    examples=listed + (f"; and {more} more" if more > 0 else ""),
                    project=shown_project)
        if refused is None and policy is not current:
            c.execute(update(P).where(P.c.id == 1).values(overlap_policy=str(policy)))
    if refused is not None:  # raised outside: the transaction wrote nothing and is closed
        raise refused
    store.forget_project_settings()
    return current
