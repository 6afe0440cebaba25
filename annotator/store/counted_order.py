"""The document list sorted by status, spans or suggestions on SQLite, read a page at a time
over the per-annotation counters of migration 0014 (`annotation_counts`), whatever the
project's size.

Such a list is cut into parts that each come in order from one index:
- sorted by status, one part per status, each in project order (`ix_annotation_counts_status`);
- sorted by spans (or suggestions), the documents with none in project order, and those with
  some by (count, position) (`ix_annotation_counts_spans` / `_suggestions`).
A document the annotator has no annotation on counts as new with no spans: the parts that hold
such documents ("new", no spans) merge the counters' walk with a walk of the documents in
project order that skips the annotated ones (an SQLite merge of two ordered selects, no sort);
when every document is annotated (the tallies say so) that second walk is left out.
Each part is counted from the tallies (`status_tally`, `counted_tally`, `document_tally`).

Only lists without words and outside a queue are served here (`serves`); the others, and
PostgreSQL, keep the general statements of `document_listing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from annotator.core.model import Status

COUNTED_SORTS = ("spans", "suggestions")  # the orders cut into a part without and one with
ZERO, COUNTED = "zero", "counted"  # DocumentQuery.band: the documents with none / with some
NEW = str(Status.NEW)
STATUS_VALUES = tuple(str(s) for s in Status)


@dataclass(frozen=True)
class Part:
    """One part of a list: the counters' rows where COLUMN is VALUE (or > 0 when VALUE is
    None), in project order (or by COLUMN then position when VALUE is None); UNANNOTATED adds
    the documents the annotator has no annotation on."""

    column: str
    value: str | int | None
    unannotated: bool
    descending: bool

    def condition(self) -> str:
        return f"{self.column} > 0" if self.value is None else f"{self.column} = :value"

    def order(self) -> str:
        way = " DESC" if self.descending else ""
        if self.value is None:
            return f"{self.column}{way}, position{way}"
        return f"position{way}"


def serves(c: Connection, query: Any) -> bool:
    """Whether QUERY (a `DocumentQuery`) is one part of a list read over the counters: a
    status filter in project order, or a band of the spans or suggestions order."""
    if c.dialect.name != "sqlite" or query.queue_only or query.words.split():
        return False
    if query.band is not None:
        return query.sort in COUNTED_SORTS and query.status is None
    return query.sort == "position" and query.status in STATUS_VALUES


def _unannotated(c: Connection, who: int) -> int:
    """How many documents annotator WHO has no annotation on (from the tallies)."""
    return int(c.execute(text(
        "SELECT (SELECT documents FROM document_tally) - coalesce((SELECT sum(count) "
        "FROM status_tally WHERE annotator_id = :who), 0)"), {"who": who}).scalar() or 0)


def _counted(c: Connection, who: int, column: str) -> int:
    """How many annotations of WHO have COLUMN above zero (`counted_tally`)."""
    return int(c.execute(text(f"SELECT {column} FROM counted_tally WHERE annotator_id = :who"),
                         {"who": who}).scalar() or 0)


def _part(c: Connection, query: Any, who: int) -> Part:
    if query.band is None:
        return Part("status", query.status, query.status == NEW and _unannotated(c, who) > 0,
                    query.descending)
    if query.band == ZERO:
        return Part(query.sort, 0, _unannotated(c, who) > 0, query.descending)
    if query.band == COUNTED:
        return Part(query.sort, None, False, query.descending)
    raise ValueError(f"unknown band {query.band!r}; {ZERO} or {COUNTED}")


def bands(c: Connection, query: Any, who: int) -> list[tuple[str, int]]:
    """The bands of a list sorted by spans or suggestions, in list order, with their rows."""
    counted = _counted(c, who, query.sort)
    documents = int(c.execute(text("SELECT documents FROM document_tally")).scalar() or 0)
    found = [(ZERO, documents - counted), (COUNTED, counted)]
    return found[::-1] if query.descending else found


def count(c: Connection, query: Any, who: int) -> int:
    """How many documents the part QUERY lists."""
    if query.band is not None:
        return dict(bands(c, query, who))[query.band]
    kept = int(c.execute(text("SELECT count FROM status_tally WHERE annotator_id = :who "
                              "AND status = :status"),
                         {"who": who, "status": query.status}).scalar() or 0)
    return kept + (_unannotated(c, who) if query.status == NEW else 0)


def _select(part: Part) -> str:
    """The part's document ids and positions, in its order."""
    keyed = (f"SELECT document_id, position FROM annotation_counts "
             f"WHERE annotator_id = :who AND {part.condition()}")
    if not part.unannotated:
        return f"{keyed} ORDER BY {part.order()}"
    return (f"{keyed} UNION ALL SELECT id, position FROM document WHERE NOT EXISTS "
            "(SELECT 1 FROM annotation WHERE annotation.document_id = document.id "
            f"AND annotation.annotator_id = :who) ORDER BY {part.order()}")


def page(c: Connection, query: Any, who: int, first: int, rows: int) -> list[int]:
    """The ids of ROWS documents of the part QUERY from its row FIRST on."""
    part = _part(c, query, who)
    return [int(d) for d in c.execute(
        text(f"{_select(part)} LIMIT :rows OFFSET :first"),
        {"who": who, "value": part.value, "rows": rows, "first": first}).scalars()]


def row(c: Connection, query: Any, who: int, doc_id: int) -> int | None:
    """DOC_ID's row in the part QUERY (the documents before it, counted over the part's
    index); None when the part does not hold it."""
    part = _part(c, query, who)
    found = c.execute(text(  # by the annotation's id (else SQLite may walk a covering index)
        f"SELECT {part.column}, position FROM annotation_counts WHERE annotation_id = "
        "(SELECT id FROM annotation WHERE document_id = :doc AND annotator_id = :who)"),
        {"doc": doc_id, "who": who}).first()
    if found is not None:
        mark, position = found
    else:  # no annotation: new, no spans
        mark = NEW if part.column == "status" else 0
        position = c.execute(text("SELECT position FROM document WHERE id = :doc"),
                             {"doc": doc_id}).scalar()
        if position is None:
            return None
    if not (int(mark) > 0 if part.value is None else mark == part.value):
        return None
    if part.value is None:
        return _before_counted(c, part, who, int(mark), int(position))
    return _before_in_order(c, part, who, int(position))


def _before_counted(c: Connection, part: Part, who: int, mark: int, position: int) -> int:
    """The rows before (MARK, POSITION) in a part ordered by count then position: two ranges
    of its index."""
    lower, earlier = (">", ">") if part.descending else ("<", "<")
    column = part.column
    return int(c.execute(text(
        f"SELECT (SELECT count(*) FROM annotation_counts WHERE annotator_id = :who "
        f"AND {column} > 0 AND {column} {lower} :mark) + (SELECT count(*) FROM "
        f"annotation_counts WHERE annotator_id = :who AND {column} = :mark "
        f"AND position {earlier} :position)"),
        {"who": who, "mark": mark, "position": position}).scalar() or 0)


def _before_in_order(c: Connection, part: Part, who: int, position: int) -> int:
    """The rows before POSITION in a part in project order."""
    earlier = ">" if part.descending else "<"
    statement = (f"SELECT count(*) FROM annotation_counts WHERE annotator_id = :who "
                 f"AND {part.condition()} AND position {earlier} :position")
    if part.unannotated:
        statement = (f"SELECT ({statement}) + (SELECT count(*) FROM document WHERE position "
                     f"{earlier} :position AND NOT EXISTS (SELECT 1 FROM annotation WHERE "
                     "annotation.document_id = document.id AND annotation.annotator_id = :who))")
    return int(c.execute(text(statement), {"who": who, "value": part.value,
                                           "position": position}).scalar() or 0)
