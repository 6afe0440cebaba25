"""ProjectStore: open or create a project database and read and change it.

Every public method that changes anything runs one transaction and commits it before returning,
so what a caller has been told succeeded is on disk. Hot paths (span reads and edits) use
SQLAlchemy Core rather than ORM objects: 10,000 span rows load as plain tuples.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import (
    DEFAULT_COLORS,
    Direction,
    DocumentSummary,
    LabelSpec,
    OverlapPolicy,
    ProjectInfo,
    Role,
    SpanState,
    Status,
    StoredSpan,
    default_label_specs,
)
from annotator.core.operations import (
    LABEL_OPERATIONS,
    Change,
    LabelOperation,
    Operation,
    RecordTime,
)
from annotator.store import schema
from annotator.store.blind_scope import scope, scope_operation
from annotator.store.changes import ChangeToken, Poll, changes_since
from annotator.store.concurrency import AnnotationVersions
from annotator.store.database import (
    BUSY_TIMEOUT_S,
    make_engine,
    project_url,
    shown_url,
    sqlite_path,
    writer,
)
from annotator.store.edits import SpanLengthBounds, apply_operation
from annotator.store.label_edits import apply_label_operation
from annotator.store.label_edits import check_label_name as _check_label_name
from annotator.store.label_edits import insert_label as _insert_label
from annotator.store.single_edits import SINGLE_EDITS, apply_single_edit
from annotator.store.tables import (
    Annotation,
    Annotator,
    Document,
    Label,
    Project,
    SpanRow,
    new_id,
    table_of,
    utcnow,
)

P, L, D, A, N, S = (table_of(t) for t in (Project, Label, Document, Annotator, Annotation, SpanRow))


class ProjectStore:
    """One project database. Create with `ProjectStore.create`, open with `ProjectStore.open`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self._writer = writer(engine)
        self._overlap_policy: OverlapPolicy | None = None
        self._span_bounds = SpanLengthBounds()
        self._versions = AnnotationVersions()  # what this store last saw of each annotation

    def write(self) -> AbstractContextManager[Connection]:
        """A write transaction (committed on leaving the block, rolled back on an error)."""
        return self._writer.begin()

    # ---------------------------------------------------------------- opening and creating
    @classmethod
    def open(cls, project: str | Path) -> ProjectStore:
        url = project_url(project)
        path = sqlite_path(url)
        if path is not None and not path.exists():
            raise AnnotatorError(E.E101, path=project)
        engine = make_engine(url)
        shown = project if path is not None else shown_url(url)  # never a password in a message
        try:
            revision = schema.current_revision(engine)
        except AnnotatorError:  # a storage fault, already said clearly
            engine.dispose()
            raise
        except Exception as err:  # not a database at all, or unreadable
            engine.dispose()
            if path is None and isinstance(err, OperationalError):  # the server refused us
                raise AnnotatorError(E.E158, url=shown, reason=_short(err)) from err
            raise AnnotatorError(E.E103, path=shown, reason=_short(err)) from err
        if revision is None:
            engine.dispose()
            raise AnnotatorError(E.E103, path=shown, reason="no annotator schema in it")
        if revision != schema.HEAD:
            if revision not in schema.all_revisions():
                engine.dispose()
                raise AnnotatorError(E.E103, path=shown, reason=f"schema revision {revision}")
            schema.upgrade(engine)
        store = cls(engine, url)
        store.project()  # fails clearly if the project row is missing
        return store

    @classmethod
    def create(
        cls,
        project: str | Path,
        name: str | None = None,
        language: str = "ar",
        labels: Iterable[str | LabelSpec] = (),
        direction: Direction = Direction.AUTO,
        overlap_policy: OverlapPolicy = OverlapPolicy.REFUSE,
        guidelines: str = "",
    ) -> ProjectStore:
        url = project_url(project)
        path = sqlite_path(url)
        specs = _label_specs(list(labels))
        for spec in specs:  # before anything is made
            _check_label_name(spec.name)
        created_file = path is not None and not path.exists()
        if path is not None:
            if path.exists() and path.stat().st_size > 0:
                raise AnnotatorError(E.E102, path=project)
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(url)
        try:
            if schema.current_revision(engine) is not None:
                raise AnnotatorError(E.E102, path=project if path is not None else shown_url(url))
            with writer(engine).begin() as c:  # schema, project row and labels: all or nothing
                schema.migrate(c)
                c.execute(insert(P).values(
                    id=1, name=name or _default_name(project), language=language,
                    direction=str(direction), guidelines=guidelines,
                    overlap_policy=str(overlap_policy), blind=False, settings="{}",
                    created_at=utcnow(),
                ))
                for position, spec in enumerate(specs):
                    _insert_label(c, spec, position)
        except BaseException:
            engine.dispose()
            if created_file and path is not None:  # a failed init leaves no file behind
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            raise
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- project and labels
    def project(self) -> ProjectInfo:
        with self.engine.connect() as c:
            row = c.execute(select(P)).mappings().first()
        if row is None:
            raise AnnotatorError(E.E103, path=self.url, reason="no project row")
        return ProjectInfo(
            name=row["name"], language=row["language"], direction=Direction(row["direction"]),
            guidelines=row["guidelines"], overlap_policy=OverlapPolicy(row["overlap_policy"]),
            blind=bool(row["blind"]), settings=json.loads(row["settings"] or "{}"),
        )

    def update_project(self, **values: object) -> None:
        allowed = {"name", "language", "direction", "guidelines", "overlap_policy", "blind"}
        unknown = set(values) - allowed - {"settings"}
        if unknown:
            raise TypeError(f"update_project: unknown project fields {sorted(unknown)}")
        if "settings" in values:
            values["settings"] = json.dumps(values["settings"], ensure_ascii=False)
        for key in ("direction", "overlap_policy"):
            if key in values:
                values[key] = str(values[key])
        with self.write() as c:
            c.execute(update(P).where(P.c.id == 1).values(**values))
        self._overlap_policy = None

    def forget_project_settings(self) -> None:
        """The project row changed under this store (`store.overlaps`): read it again."""
        self._overlap_policy = None

    def labels(self) -> list[LabelSpec]:
        with self.engine.connect() as c:
            rows = c.execute(select(L).order_by(L.c.position, L.c.id)).mappings().all()
        return [LabelSpec(r["name"], r["color"], r["hotkey"], r["description"]) for r in rows]

    def add_label(self, spec: LabelSpec | str) -> LabelSpec:
        if isinstance(spec, str):
            labels = self.labels()
            spec = default_label_specs([""] * len(labels) + [spec])[-1]
            if spec.hotkey in {label.hotkey for label in labels}:  # re-keyed: no default key
                spec = LabelSpec(spec.name, spec.color, "", spec.description)
        with self.write() as c:
            position = c.execute(select(func.count()).select_from(L)).scalar_one()
            _insert_label(c, spec, position)
        return spec

    # ---------------------------------------------------------------- annotators
    def annotator_id(self, name: str, create: bool = True, role: Role = Role.ANNOTATOR) -> int:
        name = name.strip()
        if not name:
            raise AnnotatorError(E.E116, value=name, what="annotator name", reason="empty")
        with self.write() as c:
            found = c.execute(select(A.c.id).where(A.c.name == name)).scalar()
            if found is not None:
                return int(found)
            if not create:
                raise AnnotatorError(E.E115, name=name)
            return new_id(c.execute(insert(A).values(
                name=name, role=str(role), created_at=utcnow())))

    def annotators(self) -> list[tuple[int, str, Role]]:
        with self.engine.connect() as c:
            rows = c.execute(select(A.c.id, A.c.name, A.c.role).order_by(A.c.id)).all()
        return [(r.id, r.name, Role(r.role)) for r in rows]

    # ---------------------------------------------------------------- documents
    def document_count(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(D)).scalar_one())

    def document_ids(self) -> list[int]:
        with self.engine.connect() as c:
            return list(c.execute(select(D.c.id).order_by(D.c.position)).scalars())

    def document_text(self, doc_id: int) -> str:
        with self.engine.connect() as c:
            text = c.execute(select(D.c.text).where(D.c.id == doc_id)).scalar()
        if text is None:
            raise AnnotatorError(E.E110, doc_id=doc_id)
        return str(text)

    def document_meta(self, doc_id: int) -> dict[str, object]:
        with self.engine.connect() as c:
            row = c.execute(select(D.c.meta, D.c.source).where(D.c.id == doc_id)).first()
        if row is None:
            raise AnnotatorError(E.E110, doc_id=doc_id)
        return dict(json.loads(row.meta or "{}"), source=row.source)

    def iter_documents(self, batch: int = 200) -> Iterator[tuple[int, str, str]]:
        """(id, source, text) in project order, streamed in batches (bounded memory)."""
        last = -1
        while True:
            with self.engine.connect() as c:
                rows = c.execute(
                    select(D.c.id, D.c.position, D.c.source, D.c.text)
                    .where(D.c.position > last).order_by(D.c.position).limit(batch)
                ).all()
            if not rows:
                return
            for row in rows:
                yield row.id, row.source, row.text
            last = rows[-1].position

    def documents(self, annotator: str | None = None) -> list[DocumentSummary]:
        """A summary of every document (for lists): title, status and span counts."""
        from annotator.store.queries import annotator_id_to_read, document_summaries

        with self.engine.connect() as c:
            return document_summaries(c, annotator_id_to_read(c, annotator))

    # ---------------------------------------------------------------- annotations and spans
    def annotation_id(self, doc_id: int, annotator: str) -> int:
        """The annotation of DOC_ID by ANNOTATOR, created (status new) if there is none."""
        annotator_id = self.annotator_id(annotator)
        try:
            with self.write() as c:
                return _get_or_create_annotation(c, doc_id, annotator_id)
        except IntegrityError:  # created by another session at the same moment (PostgreSQL)
            with self.write() as c:
                return _get_or_create_annotation(c, doc_id, annotator_id)

    def annotation_status(self, annotation_id: int) -> Status:
        with self.engine.connect() as c:
            status = c.execute(select(N.c.status).where(N.c.id == annotation_id)).scalar()
        return Status(status) if status else Status.NEW

    def spans(self, annotation_id: int) -> list[StoredSpan]:
        """The spans of an annotation; edits made after this read are checked against it."""
        with self.engine.connect() as c:
            scope(c, annotation_id=annotation_id)  # blind mode's views: this annotation only
            self._versions.remember(c, annotation_id)  # before the spans: errs towards refusing
            rows = c.execute(
                select(S.c.id, S.c.annotation_id, S.c.start, S.c.end, S.c.label, S.c.state,
                       S.c.origin, S.c.score)
                .where(S.c.annotation_id == annotation_id).order_by(S.c.start, S.c.end)
            ).all()
        return [StoredSpan(r[0], r[1], r[2], r[3], r[4], SpanState(r[5]), r[6], r[7]) for r in rows]

    def apply(self, operation: Operation) -> Change:
        """Apply one edit in its own transaction; committed when this returns."""
        if isinstance(operation, LABEL_OPERATIONS):
            return self._apply_label(operation)
        if self._overlap_policy is None:
            self._overlap_policy = self.project().overlap_policy
        policy = self._overlap_policy
        try:
            with self.write() as c:
                scope_operation(c, operation)  # blind mode's views: one annotation's rows
                if isinstance(operation, SINGLE_EDITS):  # the keystrokes: fewest statements
                    edited = apply_single_edit(c, operation, policy, self._span_bounds,
                                               self._versions)
                    change, states, stale = edited.change, edited.states, edited.stale
                else:
                    stale = self._versions.lock(c, operation)  # edited elsewhere since read?
                    change = apply_operation(c, operation, policy, self._span_bounds)
                    self._versions.refuse_overwrites(stale, change)  # E114, rolled back
                    states = self._versions.read(c, change.annotation_ids)
            self._versions.describe(change, states)
            self._versions.update(states, stale)
            return change
        except IntegrityError as err:
            self._span_bounds = SpanLengthBounds()  # it may describe a rolled-back version
            raise AnnotatorError(E.E118, reason=_short(err)) from err
        except ProgrammingError as err:
            self._span_bounds = SpanLengthBounds()
            if str(err.orig).startswith("blind project: "):  # refused by migration 0008's path
                raise AnnotatorError(E.E161, reason=_short(err).split("blind project: ")[-1]
                                     ) from err
            raise
        except OperationalError as err:
            self._span_bounds = SpanLengthBounds()
            if "database is locked" in str(err):  # SQLite: others' writes held it past the timeout
                raise AnnotatorError(E.E119, seconds=BUSY_TIMEOUT_S) from err
            raise
        except BaseException:
            self._span_bounds = SpanLengthBounds()
            raise

    def _apply_label(self, operation: LabelOperation) -> Change:
        """A label operation (`store.label_edits`): one transaction over the whole project;
        the annotations whose spans it changed are noted as this store's own edits."""
        try:
            with self.write() as c:
                change = apply_label_operation(c, operation)
                states = self._versions.read(c, change.annotation_ids)
        except DBAPIError as err:
            self._span_bounds = SpanLengthBounds()
            if _insufficient_privilege(err):
                raise AnnotatorError(E.E172, reason=_short(err.orig or err)) from err
            if isinstance(err, IntegrityError):
                raise AnnotatorError(E.E118, reason=_short(err)) from err
            raise
        self._span_bounds = SpanLengthBounds()  # spans were deleted or restored
        for annotation_id, state in states.items():
            change.statuses[annotation_id] = state.status
            change.document_ids.add(state.document_id)
        self._versions.update(states, set())
        return change

    def record_time(self, operation: RecordTime) -> int:
        """Store annotation time (`store.time_records`) in one transaction; the rows written."""
        from annotator.store.time_records import record_time

        try:
            with self.write() as c:
                return record_time(c, operation)
        except DBAPIError as err:
            if self.engine.dialect.name == "postgresql":
                from psycopg import errors

                if isinstance(err.orig, errors.InsufficientPrivilege):
                    raise AnnotatorError(E.E183, reason=_short(err.orig)) from err
            raise

    def changes_since(self, token: ChangeToken | None) -> Poll:
        """What colleagues changed since TOKEN; poll it to keep the views fresh."""
        with self.engine.connect() as c:
            poll = changes_since(c, token, self._versions)
        if poll.changes.project:
            self._overlap_policy = None
        return poll

    def stats(self) -> dict[str, object]:
        from annotator.store.queries import project_stats

        with self.engine.connect() as c:
            return project_stats(c)

    def label_counts(self, annotator: str) -> tuple[dict[str, tuple[int, int]], bool]:
        """label -> (accepted, suggested), and whether that is the whole project (SQLite's
        tallies) or the annotator's own spans (PostgreSQL)."""
        from annotator.store.queries import label_counts

        with self.engine.connect() as c:
            return label_counts(c, annotator)


def _get_or_create_annotation(c: Connection, doc_id: int, annotator_id: int) -> int:
    found = c.execute(select(N.c.id).where(
        N.c.document_id == doc_id, N.c.annotator_id == annotator_id)).scalar()
    if found is not None:
        return int(found)
    if c.execute(select(D.c.id).where(D.c.id == doc_id)).scalar() is None:
        raise AnnotatorError(E.E110, doc_id=doc_id)
    now = utcnow()
    return new_id(c.execute(insert(N).values(
        document_id=doc_id, annotator_id=annotator_id, status=str(Status.NEW), version=0,
        created_at=now, updated_at=now)))


def _label_specs(labels: list[str | LabelSpec]) -> list[LabelSpec]:
    """LABELS in their order; a plain name gets the next colour and hotkey that no label given
    in full has taken."""
    given = [x for x in labels if isinstance(x, LabelSpec)]
    taken_keys = {s.hotkey for s in given if s.hotkey}
    taken_colors = {s.color.upper() for s in given if s.color}
    free = iter([d for d in default_label_specs(f"_{i}" for i in range(len(labels) + 10))
                 if d.hotkey not in taken_keys])
    colors = iter([c for c in DEFAULT_COLORS if c.upper() not in taken_colors] or DEFAULT_COLORS)
    specs = []
    for label in labels:
        if isinstance(label, LabelSpec):
            specs.append(label)
            continue
        default = next(free)
        specs.append(LabelSpec(label, next(colors, default.color), default.hotkey))
    return specs


def _insufficient_privilege(err: DBAPIError) -> bool:
    """PostgreSQL refused the statement to this database role (a grant it lacks)."""
    return getattr(err.orig, "sqlstate", None) == "42501"


def _default_name(project: str | Path) -> str:
    text = str(project)
    return Path(text).stem if "://" not in text else text.rsplit("/", 1)[-1]


def _short(err: BaseException) -> str:
    return str(err).strip().splitlines()[0][:300]
