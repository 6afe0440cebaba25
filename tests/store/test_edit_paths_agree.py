"""The two implementations of the everyday edits agree, whatever the sequence of edits.

`ProjectStore.apply` sends a lone AddSpan, RelabelSpan, DeleteSpan, RejectSuggestion or SetStatus
down the fast path (`store/single_edits.py`: one UPDATE of the annotation is the lock) and any
Batch down the general path (`AnnotationVersions.lock`, then `store/edits.apply_operation`): a
Batch of that one operation is the same edit through the other implementation.

Hypothesis draws sequences of steps (`edit_sequences.py`): adds of every state, origin and score
(overlapping, duplicate, out-of-range, empty, unknown-label, to no annotation), relabels,
deletes, rejections and status changes (of live, gone and unknown spans), undo and redo of
earlier changes by their inverse or pinned operation, a colleague's edit from another store
(the view goes stale: E114), a reload; and resizes and acceptances, which take the general path
either way but leave state (the span-length bound) the fast path relies on. Each sequence runs
under one overlap policy against one or two annotations, on two copies of one project, one path
each; after every step the test compares what each path answered (the Change, or the refusal's
code and details), every row of the span and annotation tables (every column but the
timestamps, whose values differ from run to run; which of them moved is compared instead), and
the version each store believes it last saw of each annotation (it decides later refusals).
"""

from __future__ import annotations

import itertools
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import event, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import Table, select

from annotator.core.errors import AnnotatorError
from annotator.core.model import OverlapPolicy, SourceDocument, Span, SpanState, Status
from annotator.core.operations import (
    AddSpan,
    Batch,
    Change,
    DeleteSpan,
    Operation,
    RejectSuggestion,
    RelabelSpan,
    SetStatus,
)
from annotator.store import ProjectStore, project_store
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.single_edits import SINGLE_EDITS
from annotator.store.tables import Annotation, SpanRow, table_of

sys.path.insert(0, str(Path(__file__).parent))
from edit_sequences import (  # noqa: E402
    LABELS,
    TEXTS,
    Accept,
    Colleague,
    Example,
    Redo,
    Reload,
    Resize,
    Step,
    Undo,
    hand_picked,
    operation,
    sequences,
)

TIMESTAMPS = ("created_at", "updated_at")
COMPARED_TABLES = (table_of(SpanRow), table_of(Annotation))
SQLITE_EXAMPLES = 100
POSTGRES_EXAMPLES = 15  # each example copies two databases (~0.35 s each)

Fresh = Callable[[OverlapPolicy], AbstractContextManager[str]]  # a new copy of the template


# ------------------------------------------------------------------ one project, one path
Outcome = Change | tuple[str, dict[str, object]]  # the change, or the refusal: code, details


class Side:
    """A copy of the project, edited by one path: its store, a colleague's store on the same
    database, the changes its edits returned, and the timestamps as the last step left them."""

    def __init__(self, url: str, general: bool) -> None:
        self.general = general
        self.store = ProjectStore.open(url)
        self.colleague = ProjectStore.open(url)  # never reads spans: no view, never stale
        self.changes: list[Change] = []
        self.stamps: dict[tuple[str, int, str], object] = {}

    def edit(self, op: Operation, by: ProjectStore | None = None) -> Outcome:
        """Apply a fresh edit: path A as is (an everyday edit takes the fast path), path B as a
        one-operation Batch (the general path)."""
        return self.replay(Batch((op,)) if self.general else op, by)

    def replay(self, op: Operation, by: ProjectStore | None = None) -> Outcome:
        """Apply an operation one of this side's changes holds (an undo or a redo) as it is, as
        History does: path A's single-edit inverses take the fast path again."""
        try:
            change = (by or self.store).apply(op)
        except AnnotatorError as err:
            return err.code.name, err.details
        if by is None:
            self.changes.append(change)
        return change

    def rows(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of the compared tables, every column but the timestamps (by id); and the
        timestamps that moved since the last call, by (table, row id, column)."""
        found: dict[str, list[tuple[Any, ...]]] = {}
        stamps: dict[tuple[str, int, str], object] = {}
        with self.store.engine.connect() as c:
            for table in COMPARED_TABLES:
                columns = [col for col in table.c if col.name not in TIMESTAMPS]
                found[table.name] = [tuple(r) for r in c.execute(
                    select(*columns).order_by(table.c.id))]
                stamps.update(_stamps(c, table))
        moved = sorted(key for key, value in stamps.items() if self.stamps.get(key) != value)
        self.stamps = stamps
        found["timestamps moved"] = [tuple(key) for key in moved]
        return found

    def close(self) -> None:
        self.store.close()
        self.colleague.close()


def _stamps(c: Any, table: Table) -> dict[tuple[str, int, str], object]:
    names = [name for name in TIMESTAMPS if name in table.c]
    rows = c.execute(select(table.c.id, *(table.c[name] for name in names)))
    return {(table.name, int(r[0]), name): r[i + 1] for r in rows for i, name in enumerate(names)}


def _unwrap(op: Operation) -> Operation:
    assert isinstance(op, Batch) and len(op.operations) == 1, op
    return op.operations[0]


def normalised(outcome: Outcome, general: bool) -> object:
    """What a path answered, in a form both paths must give alike."""
    if not isinstance(outcome, Change):
        return outcome  # the refusal: same code, same details
    operation, inverse = outcome.operation, outcome.inverse
    if general:
        # Path B's edits (and so its undos and redos, which replay its own changes) travel in a
        # one-operation Batch, and the general path hands back that wrapper (named "batch",
        # "undo batch", ...) around exactly the operation and inverse path A returns. Only that
        # one level is dropped (asserting it is there); anything path A itself returns as a
        # Batch (the undo of an add that replaced spans) is compared whole.
        operation, inverse = _unwrap(operation), _unwrap(inverse)
    return dict(operation=operation, inverse=inverse, added=outcome.added,
                removed=outcome.removed, updated=outcome.updated, status=outcome.status,
                annotation_ids=outcome.annotation_ids)


# ------------------------------------------------------------------ running one example
def _step(example: Example, a: Side, b: Side, step: Step) -> tuple[Outcome, Outcome] | None:
    if isinstance(step, Undo | Redo):
        if not a.changes:
            return None
        index = len(a.changes) - 1 - step.change % len(a.changes)
        pick: Callable[[Change], Operation] = (
            (lambda change: change.inverse) if isinstance(step, Undo)
            else (lambda change: change.operation))
        note(f"{step}: {pick(a.changes[index])}")
        return a.replay(pick(a.changes[index])), b.replay(pick(b.changes[index]))
    if isinstance(step, Reload):
        annotation = example.annotation(step.annotation)
        note(f"{step}: spans({annotation})")
        assert a.store.spans(annotation) == b.store.spans(annotation)
        return None
    if isinstance(step, Colleague):
        op = operation(example, step.edit)
        note(f"{step}: the colleague applies {op}")
        return a.edit(op, by=a.colleague), b.edit(op, by=b.colleague)
    op = operation(example, step)
    assert isinstance(op, SINGLE_EDITS) is not isinstance(step, Resize | Accept), op
    note(f"{step}: {op}")
    return a.edit(op), b.edit(op)


def _compare(number: int, step: Step, outcomes: tuple[Outcome, Outcome] | None,
             example: Example, a: Side, b: Side, annotations: list[int]) -> None:
    """Everything both paths must agree on after step NUMBER."""
    if outcomes is not None:
        answer = outcomes[0][0] if isinstance(outcomes[0], tuple) else "applied"
        event(f"{type(step).__name__}: {answer}")  # see --hypothesis-show-statistics
        if isinstance(outcomes[0], Change) and outcomes[0].removed and outcomes[0].added:
            event(f"{type(step).__name__}: replaced spans")
        assert normalised(outcomes[0], False) == normalised(outcomes[1], True), (
            f"step {number}: the paths answered differently")
    rows = a.rows()
    assert rows == b.rows(), f"step {number}: the rows differ"
    example.gone.update(example.live)
    example.live = [int(r[0]) for r in rows["span"]]
    example.gone.difference_update(example.live)
    for annotation in annotations:
        # the version each store believes it last saw decides which of its later edits are
        # refused as stale (E114); a path that records a wrong one refuses, or lets through,
        # edits the other does not (private, but nothing public tells it before that happens)
        assert a.store._versions.seen(annotation) == b.store._versions.seen(annotation), (
            f"step {number}: the stores' views of annotation {annotation} differ")


def run_example(fresh: Fresh, annotations: list[int], policy: OverlapPolicy,
                annotation_count: int, sequence: list[Step]) -> None:
    """Run SEQUENCE on two fresh copies of the template, one path each, comparing every step."""
    example = Example(annotations[:annotation_count], [], set())
    event(f"{len(sequence) // 10 * 10}+ steps")
    with fresh(policy) as url_a, fresh(policy) as url_b:
        a, b = Side(url_a, general=False), Side(url_b, general=True)
        try:
            for side in (a, b):
                example.live = [int(r[0]) for r in side.rows()["span"]]  # stamps noted too
                for annotation in annotations:
                    side.store.spans(annotation)  # a view of each: the stale check runs
            for number, step in enumerate(sequence):
                _compare(number, step, _step(example, a, b, step), example, a, b, annotations)
        finally:
            a.close()
            b.close()


# ------------------------------------------------------------------ the template projects
def _fill(store: ProjectStore) -> list[int]:
    """Two documents; amal's annotation of the first is new and empty, badr's of the second is
    done with an imported span (an edit must keep `done`)."""
    with store.write() as c:
        ingest(c, [SourceDocument(TEXTS[0], "doc-1"),
                   SourceDocument(TEXTS[1], "doc-2", spans=[Span(0, 4, "LOC")],
                                  annotator="badr")],
               store.project().overlap_policy, IngestOptions())
    first, second = store.document_ids()
    return [store.annotation_id(first, "amal"), store.annotation_id(second, "badr")]


@pytest.fixture(scope="module")
def sqlite_projects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Fresh, list[int]]]:
    folder = tmp_path_factory.mktemp("edit-paths")
    templates: dict[OverlapPolicy, Path] = {}
    annotations: list[int] = []
    copies = itertools.count()
    for policy in OverlapPolicy:
        templates[policy] = folder / f"template-{policy}.db"
        with ProjectStore.create(templates[policy], labels=LABELS, overlap_policy=policy) as store:
            annotations = _fill(store)
        assert not Path(f"{templates[policy]}-wal").exists()  # closed: the file is whole

    @contextmanager
    def fresh(policy: OverlapPolicy) -> Iterator[str]:
        path = folder / f"copy-{next(copies)}.db"
        shutil.copyfile(templates[policy], path)
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)

    yield fresh, annotations


@pytest.fixture(scope="module")
def postgres_projects(postgres_server: Any) -> Iterator[tuple[Fresh, list[int]]]:
    from pg_server import OWNER

    templates: dict[OverlapPolicy, str] = {}
    annotations: list[int] = []
    copies = itertools.count()
    try:
        for policy in OverlapPolicy:
            templates[policy] = postgres_server.create_database()
            url = postgres_server.owner_url(templates[policy])
            with ProjectStore.create(url, labels=LABELS, overlap_policy=policy) as store:
                annotations = _fill(store)

        @contextmanager
        def fresh(policy: OverlapPolicy) -> Iterator[str]:
            name = f"{templates[policy]}_copy_{next(copies)}"
            postgres_server.admin(
                f'CREATE DATABASE "{name}" OWNER "{OWNER}" TEMPLATE "{templates[policy]}"')
            try:
                yield postgres_server.owner_url(name)
            finally:
                postgres_server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        yield fresh, annotations
    finally:
        for name in templates.values():
            postgres_server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ------------------------------------------------------------------ the tests
examples = dict(policy=st.sampled_from(OverlapPolicy), annotation_count=st.integers(1, 2),
                sequence=sequences)


@settings(max_examples=SQLITE_EXAMPLES, deadline=None)
@hand_picked
@given(**examples)
def test_both_edit_paths_agree_on_sqlite(
        sqlite_projects: tuple[Fresh, list[int]], policy: OverlapPolicy, annotation_count: int,
        sequence: list[Step]) -> None:
    run_example(*sqlite_projects, policy, annotation_count, sequence)


@pytest.mark.postgres
@settings(max_examples=POSTGRES_EXAMPLES, deadline=None)
@hand_picked
@given(**examples)
def test_both_edit_paths_agree_on_postgresql(
        postgres_projects: tuple[Fresh, list[int]], policy: OverlapPolicy, annotation_count: int,
        sequence: list[Step]) -> None:
    run_example(*postgres_projects, policy, annotation_count, sequence)


def _paths_taken(store: ProjectStore, op: Operation) -> tuple[Change, int, int]:
    """Apply OP; how often the fast path and the general path ran for it."""
    with mock.patch.object(project_store, "apply_single_edit",
                           wraps=project_store.apply_single_edit) as single, \
         mock.patch.object(project_store, "apply_operation",
                           wraps=project_store.apply_operation) as general:
        change = store.apply(op)
    return change, single.call_count, general.call_count


@pytest.mark.parametrize("batched", [False, True])
def test_the_two_paths_are_really_two(sqlite_projects: tuple[Fresh, list[int]],
                                      batched: bool) -> None:
    """The premise: a lone edit takes `single_edits` and never `edits.apply_operation`; the same
    edit in a one-operation Batch takes `edits.apply_operation` and never `single_edits`."""
    fresh, annotations = sqlite_projects
    expected = (0, 1) if batched else (1, 0)

    def taken(op: Operation) -> Change:
        change, single, general = _paths_taken(store, Batch((op,)) if batched else op)
        assert (single, general) == expected, op
        return change

    with fresh(OverlapPolicy.REFUSE) as url, ProjectStore.open(url) as store:
        imported = store.spans(annotations[1])[0].id
        added = taken(AddSpan(annotations[0], 0, 3, "PERS", state=SpanState.SUGGESTED))
        span_id = added.added[0].id
        taken(RelabelSpan(span_id, "LOC"))
        taken(SetStatus(annotations[0], Status.DONE))
        taken(RejectSuggestion(span_id))
        taken(DeleteSpan(imported))
