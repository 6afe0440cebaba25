"""Apply the label-set operations (`core.operations`: AddLabel ... RestoreLabel) inside a
transaction the caller opened.

Spans, gazetteer names and time records name their label (foreign keys with ON UPDATE
CASCADE), so a rename is one UPDATE of the label row and the database carries it to every row:
every annotator's spans and every suggestion, whatever a database role may read. A merge
relabels SOURCE's rows to TARGET (of two identical spans it keeps one, the accepted one, else
TARGET's) and removes SOURCE; a removal refuses a label in use unless told what becomes of its
rows. Every annotation whose spans changed has its version bumped, so colleagues' polls see it
and their stale views are refused. The inverse of a removal or merge (`RestoreLabel`) carries
the ids it moved and the rows it deleted, so undo brings back the very same rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.engine import Connection, RowMapping

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import LabelSpec, SpanState, StoredSpan
from annotator.core.operations import (
    AddLabel,
    Change,
    LabelOperation,
    LabelReport,
    MergeLabels,
    Operation,
    RecolorLabel,
    RemoveLabel,
    RenameLabel,
    ReorderLabels,
    RestoreLabel,
    Row,
    SetLabelDescription,
    SetLabelHotkey,
)
from annotator.store.edits import refuse_label
from annotator.store.tables import (
    Annotation,
    GazetteerEntry,
    Label,
    SpanRow,
    SpanTimeRow,
    table_of,
    utcnow,
)

L, S, G, T, N = (table_of(t) for t in (Label, SpanRow, GazetteerEntry, SpanTimeRow, Annotation))
USES: tuple[Table, ...] = (S, G, T)  # the tables whose rows name a label
CHUNK = 500  # ids per statement (SQLite limits bound parameters)


# ---------------------------------------------------------------- checks shared with add
def check_label_name(raw: str) -> str:
    name = raw.strip()
    if not name or any(ch.isspace() for ch in name) or name in {"O", "-"}:
        raise AnnotatorError(E.E111, label=raw,
                             reason="labels are non-empty, without spaces, and not O")
    return name


def check_color(color: str, name: str) -> None:
    if color and not re.fullmatch(r"#[0-9A-Fa-f]{6}", color):
        raise AnnotatorError(E.E341, color=color, name=name)


def check_hotkey(c: Connection, hotkey: str, name: str) -> None:
    """E342 for a key that is not one letter or digit, E340 for one another label has (in
    either case: the editor takes `l` and `L` for one key)."""
    if not hotkey:
        return
    if len(hotkey) != 1 or not hotkey.isalnum():
        raise AnnotatorError(E.E342, hotkey=hotkey, name=name)
    owner = c.execute(select(L.c.name).where(  # the editor reads keys without their case
        func.lower(L.c.hotkey) == hotkey.lower(), L.c.name != name)).scalar()
    if owner is not None:
        raise AnnotatorError(E.E340, hotkey=hotkey, label=owner, name=name)


def insert_label(c: Connection, spec: LabelSpec, position: int) -> str:
    """Insert SPEC at POSITION after checking it (E111, E341, E342, E340); its name."""
    name = check_label_name(spec.name)
    if c.execute(select(L.c.id).where(L.c.name == name)).scalar() is not None:
        raise AnnotatorError(E.E111, label=name, reason="the project has it already")
    check_color(spec.color, name)
    check_hotkey(c, spec.hotkey, name)
    c.execute(insert(L).values(name=name, color=spec.color, hotkey=spec.hotkey,
                               description=spec.description, position=position))
    return name


# ---------------------------------------------------------------- the operations
def apply_label_operation(c: Connection, op: LabelOperation) -> Change:
    """Apply OP within the open transaction on C and return what changed (`labels` set)."""
    if isinstance(op, AddLabel):
        name = insert_label(c, op.spec, len(_ordered(c)))
        return Change(op, RemoveLabel(name), labels=True)
    if isinstance(op, RenameLabel):
        return _rename(c, op)
    if isinstance(op, RecolorLabel | SetLabelHotkey | SetLabelDescription):
        return _set_field(c, op)
    if isinstance(op, ReorderLabels):
        return _reorder(c, op)
    if isinstance(op, RemoveLabel):
        return _remove(c, op)
    if isinstance(op, MergeLabels):
        return _merge(c, op, op)
    return _restore(c, op)


def _ordered(c: Connection) -> list[RowMapping]:
    return list(c.execute(select(L).order_by(L.c.position, L.c.id)).mappings().all())


def _label(c: Connection, name: str) -> RowMapping:
    row = c.execute(select(L).where(L.c.name == name)).mappings().first()
    if row is None:
        refuse_label(c, name)  # E104, with the labels there are
    assert row is not None
    return row


def _spec(row: RowMapping) -> LabelSpec:
    return LabelSpec(row["name"], row["color"], row["hotkey"], row["description"])


def _count(c: Connection, table: Table, label: str) -> int:
    return int(c.execute(select(func.count()).select_from(table)
                         .where(table.c.label == label)).scalar_one())


def _rename(c: Connection, op: RenameLabel) -> Change:
    row = _label(c, op.name)
    new = check_label_name(op.new_name)
    if new == op.name:
        raise AnnotatorError(E.E344, what=f"rename {op.name} to {new}", reason="the same name")
    if c.execute(select(L.c.id).where(L.c.name == new)).scalar() is not None:
        raise AnnotatorError(E.E111, label=new, reason="the project has it already")
    annotations = _annotations_of(c, op.name)
    counts = [_count(c, table, op.name) for table in USES]
    c.execute(update(L).where(L.c.id == row["id"]).values(name=new))  # cascades to every use
    _bump(c, annotations)
    report = LabelReport(spans_relabelled=counts[0], gazetteer_relabelled=counts[1],
                         time_records_relabelled=counts[2])
    return Change(op, RenameLabel(new, op.name), labels=True, annotation_ids=annotations,
                  label_report=report)


def _set_field(c: Connection, op: RecolorLabel | SetLabelHotkey | SetLabelDescription) -> Change:
    row = _label(c, op.name)
    inverse: Operation
    if isinstance(op, RecolorLabel):
        check_color(op.color, op.name)
        values, inverse = {"color": op.color}, RecolorLabel(op.name, row["color"])
    elif isinstance(op, SetLabelHotkey):
        check_hotkey(c, op.hotkey, op.name)
        values, inverse = {"hotkey": op.hotkey}, SetLabelHotkey(op.name, row["hotkey"])
    else:
        values = {"description": op.description}
        inverse = SetLabelDescription(op.name, row["description"])
    c.execute(update(L).where(L.c.id == row["id"]).values(**values))
    return Change(op, inverse, labels=True)


def _reorder(c: Connection, op: ReorderLabels) -> Change:
    rows = _ordered(c)
    before = [r["name"] for r in rows]
    names = list(op.names)
    known = ", ".join(before)
    for name in names:
        if name not in before:
            raise AnnotatorError(E.E171, reason=f"{name!r} is not a label", known=known)
        if names.count(name) > 1:
            raise AnnotatorError(E.E171, reason=f"{name} is named twice", known=known)
    missing = [name for name in before if name not in names]
    if missing:
        raise AnnotatorError(E.E171, reason=f"{', '.join(missing)} not placed", known=known)
    _write_positions(c, names)
    return Change(op, ReorderLabels(tuple(before)), labels=True)


def _write_positions(c: Connection, names: Sequence[str]) -> None:
    for position, name in enumerate(names):
        c.execute(update(L).where(L.c.name == name).values(position=position))


def _delete_label(c: Connection, row: RowMapping) -> int:
    """Delete the label ROW (its uses are gone); the place it had. The others keep their
    order, numbered 0, 1, ... as `ReorderLabels` and `AddLabel` number them."""
    names = [r["name"] for r in _ordered(c)]
    position = names.index(row["name"])
    c.execute(delete(L).where(L.c.id == row["id"]))
    _write_positions(c, names[:position] + names[position + 1:])
    return position


def _remove(c: Connection, op: RemoveLabel) -> Change:
    row = _label(c, op.name)
    if op.spans_to is not None and op.delete_spans:
        raise AnnotatorError(E.E344, what=f"remove {op.name}",
                             reason="choose either to relabel its spans or to delete them")
    if op.spans_to is not None:
        return _merge(c, MergeLabels(op.name, op.spans_to), op)
    counts = [_count(c, table, op.name) for table in USES]
    if any(counts) and not op.delete_spans:
        uses = ", ".join(f"{n} {what}" for n, what in zip(
            counts, ("span(s)", "gazetteer name(s)", "time record(s)"), strict=True) if n)
        raise AnnotatorError(E.E343, name=op.name, uses=uses)
    deleted: list[tuple[str, Row]] = []
    for table in USES:
        rows = c.execute(select(table).where(table.c.label == op.name)).mappings().all()
        deleted.extend((table.name, _row(r)) for r in rows)
        c.execute(delete(table).where(table.c.label == op.name))
    spans = [_stored(dict(r)) for t, r in deleted if t == S.name]
    annotations = {s.annotation_id for s in spans}
    position = _delete_label(c, row)
    _bump(c, annotations)
    report = LabelReport(spans_deleted=counts[0], gazetteer_deleted=counts[1],
                         time_records_deleted=counts[2])
    inverse = RestoreLabel(_spec(row), position, deleted=tuple(deleted))
    return Change(op, inverse, removed=spans, labels=True, annotation_ids=annotations,
                  label_report=report)


def _merge(c: Connection, op: MergeLabels, forward: Operation) -> Change:
    """Relabel every row of OP.source to OP.target and remove the source; FORWARD is the
    operation as given (a merge, or a removal with its spans relabelled)."""
    source = _label(c, op.source)
    _label(c, op.target)
    if op.source == op.target:
        raise AnnotatorError(E.E344, what=f"merge {op.source} into itself",
                             reason="choose another label")
    deleted: list[tuple[str, Row]] = []
    duplicates: list[tuple[StoredSpan, StoredSpan]] = []
    for mine, theirs in _identical_spans(c, op.source, op.target):
        keep_mine = (mine["state"] == str(SpanState.ACCEPTED)
                     and theirs["state"] != str(SpanState.ACCEPTED))
        kept, dropped = (mine, theirs) if keep_mine else (theirs, mine)
        deleted.append((S.name, _row(dropped)))
        duplicates.append((_stored(kept, op.target), _stored(dropped)))
    _delete_ids(c, S, [d.id for _, d in duplicates])
    target_names = select(G.c.text).where(G.c.label == op.target).scalar_subquery()
    same_names = c.execute(select(G).where(G.c.label == op.source, G.c.text.in_(target_names))
                           ).mappings().all()
    deleted.extend((G.name, _row(r)) for r in same_names)
    _delete_ids(c, G, [r["id"] for r in same_names])
    annotations = _annotations_of(c, op.source) | {d.annotation_id for _, d in duplicates}
    moved: list[tuple[str, tuple[int, ...]]] = []
    for table in USES:
        ids = tuple(c.execute(select(table.c.id).where(table.c.label == op.source)
                              .order_by(table.c.id)).scalars())
        c.execute(update(table).where(table.c.label == op.source).values(label=op.target))
        moved.append((table.name, ids))
    position = _delete_label(c, source)
    _bump(c, annotations)
    sizes = {table: len(ids) for table, ids in moved}
    report = LabelReport(spans_relabelled=sizes[S.name], duplicates=tuple(duplicates),
                         spans_deleted=len(duplicates), gazetteer_relabelled=sizes[G.name],
                         gazetteer_deleted=len(same_names),
                         time_records_relabelled=sizes[T.name])
    inverse = RestoreLabel(_spec(source), position, op.target, tuple(moved), tuple(deleted))
    return Change(forward, inverse, removed=[d for _, d in duplicates], labels=True,
                  annotation_ids=annotations, label_report=report)


def _identical_spans(c: Connection, source: str, target: str
                     ) -> list[tuple[RowMapping, RowMapping]]:
    """Pairs of spans of SOURCE and TARGET on the same offsets in one annotation."""
    mine, theirs = S.alias("mine"), S.alias("theirs")
    pairs = c.execute(select(mine.c.id, theirs.c.id).join(theirs, (
        (theirs.c.annotation_id == mine.c.annotation_id) & (theirs.c.start == mine.c.start)
        & (theirs.c.end == mine.c.end))).where(mine.c.label == source, theirs.c.label == target)
        .order_by(mine.c.id)).all()
    rows = {r["id"]: r for r in _rows_by_id(c, S, [i for pair in pairs for i in pair])}
    return [(rows[a], rows[b]) for a, b in pairs]


def _restore(c: Connection, op: RestoreLabel) -> Change:
    names = [r["name"] for r in _ordered(c)]
    if op.moved_to is not None:
        _label(c, op.moved_to)
    name = insert_label(c, op.spec, len(names))
    names.insert(min(op.position, len(names)), name)
    _write_positions(c, names)
    tables = {table.name: table for table in USES}
    annotations: set[int] = set()
    sizes = {table.name: 0 for table in USES}
    for table_name, ids in op.moved:
        table = tables[table_name]
        for chunk in _chunks(ids):
            c.execute(update(table).where(table.c.id.in_(chunk), table.c.label == op.moved_to)
                      .values(label=name))
        sizes[table_name] = len(ids)
        if table is S:
            annotations |= {int(r["annotation_id"]) for r in _rows_by_id(c, S, ids)}
    restored: list[StoredSpan] = []
    for table_name in tables:  # the rows of one table in one executemany
        rows = [dict(row) for name, row in op.deleted if name == table_name]
        for first in range(0, len(rows), CHUNK):
            c.execute(insert(tables[table_name]), rows[first:first + CHUNK])
        if table_name == S.name:
            restored = [_stored(values) for values in rows]
            annotations |= {s.annotation_id for s in restored}
    _bump(c, annotations)
    inverse: Operation = (MergeLabels(name, op.moved_to) if op.moved_to is not None
                          else RemoveLabel(name, delete_spans=bool(op.deleted)))
    report = LabelReport(spans_relabelled=sizes[S.name], gazetteer_relabelled=sizes[G.name],
                         time_records_relabelled=sizes[T.name])
    return Change(op, inverse, added=restored, labels=True, annotation_ids=annotations,
                  label_report=report)


# ---------------------------------------------------------------- helpers
def _annotations_of(c: Connection, label: str) -> set[int]:
    return {int(i) for i in c.execute(select(S.c.annotation_id).distinct()
                                      .where(S.c.label == label)).scalars()}


def _bump(c: Connection, annotations: Iterable[int]) -> None:
    """Move the versions of ANNOTATIONS on (their spans changed); statuses stay as they are."""
    now = utcnow()
    for chunk in _chunks(sorted(annotations)):
        c.execute(update(N).where(N.c.id.in_(chunk)).values(version=N.c.version + 1,
                                                             updated_at=now))


def _rows_by_id(c: Connection, table: Table, ids: Sequence[int]) -> list[RowMapping]:
    rows: list[RowMapping] = []
    for chunk in _chunks(ids):
        rows.extend(c.execute(select(table).where(table.c.id.in_(chunk))).mappings().all())
    return rows


def _delete_ids(c: Connection, table: Table, ids: Sequence[int]) -> None:
    for chunk in _chunks(ids):
        c.execute(delete(table).where(table.c.id.in_(chunk)))


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for first in range(0, len(ids), CHUNK):
        yield list(ids[first:first + CHUNK])


def _row(row: RowMapping) -> Row:
    return tuple((str(key), value) for key, value in row.items())


def _stored(row: RowMapping | dict[str, object], label: str | None = None) -> StoredSpan:
    score = row["score"]
    return StoredSpan(int(str(row["id"])), int(str(row["annotation_id"])), int(str(row["start"])),
                      int(str(row["end"])), label or str(row["label"]), SpanState(str(row["state"])),
                      str(row["origin"]), float(str(score)) if score is not None else None)
