"""Copy a whole project from one database to another: SQLite to PostgreSQL and back.

Everything is copied, row for row and under the same ids: the project row, labels, documents
(text exactly as stored), annotators (with their database roles), annotations (status, version,
timestamps), spans, assignments, gazetteer entries and annotation time. Id sequences continue
after the highest id the source ever gave a span, so ids are never reused (undo relies on that).

The target must be empty. The schema and all the rows are written in one transaction; before it
commits, the rows are read back and a digest of every table is compared with the digest of the
source. Any difference, or any error, rolls everything back: the target is left as it was.
Timestamps are compared and written in UTC (SQLite keeps them without a zone; a PostgreSQL
session may show them in another zone).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url

from annotator.core.errors import AnnotatorError, E
from annotator.store import schema
from annotator.store.database import make_engine, project_url, sqlite_path, writer
from annotator.store.project_store import ProjectStore
from annotator.store.tables import TABLES, table_of
from annotator.store.team import sees_everything

BATCH = 1000
ORDER = [table_of(t) for t in TABLES]  # parents before children
IDS_NEVER_REUSED = "span"  # its ids must stay unused after a copy


@dataclass
class CopyReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied
    digest: str = ""  # sha256 over every table, equal on both sides
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "rows": self.rows,
                "sha256": self.digest, "seconds": round(self.seconds, 3)}


def copy_database(source: str | Path, target: str | Path,
                  progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy the project at SOURCE into the empty database or new file TARGET (see the module
    docstring; `app.copying.copy_project` is the use-case)."""
    started = time.perf_counter()
    source_url, target_url = project_url(source), project_url(target)
    shown = target if sqlite_path(target_url) else _safe(target_url)  # never show a password
    if source_url == target_url:
        raise AnnotatorError(E.E150, target=shown, reason="it is the source")
    report = CopyReport(_safe(source_url), _safe(target_url))
    store = ProjectStore.open(source)  # brings an older source to the current schema first
    try:
        with store.engine.connect() as src:
            if not sees_everything(src):
                raise AnnotatorError(E.E156, role=str(make_url(source_url).username))
            target_path = sqlite_path(target_url)
            created_file = target_path is not None and not target_path.exists()
            engine = _target_engine(target_url, shown)
            try:
                with writer(engine).begin() as dst:
                    _refuse_non_empty(dst, shown)
                    _create_schema(dst)
                    digest = hashlib.sha256()
                    for table in ORDER:
                        count, table_digest = _copy_table(src, dst, table, progress)
                        report.rows[table.name] = count
                        _verify(dst, table, table_digest, shown)
                        digest.update(table_digest.encode())
                    _continue_sequences(src, dst)
                report.digest = digest.hexdigest()
            except BaseException:
                engine.dispose()
                if created_file and target_path is not None:
                    for suffix in ("", "-wal", "-shm", "-journal"):
                        Path(f"{target_path}{suffix}").unlink(missing_ok=True)
                raise
            engine.dispose()
    finally:
        store.close()
    report.seconds = time.perf_counter() - started
    return report


def project_digest(project: str | Path) -> dict[str, str]:
    """Table -> digest of its rows, the same function the copy is verified with."""
    store = ProjectStore.open(project)
    try:
        with store.engine.connect() as c:
            return {table.name: _digest_rows(_rows(c, table)) for table in ORDER}
    finally:
        store.close()


# --------------------------------------------------------------------------- steps
def _target_engine(url: str, shown: str | Path) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        if path.exists() and path.stat().st_size > 0:
            raise AnnotatorError(E.E150, target=shown, reason="the file exists")
        path.parent.mkdir(parents=True, exist_ok=True)
        return make_engine(url)
    _ensure_database(url)
    return make_engine(url)


def _refuse_non_empty(c: Connection, shown: str | Path) -> None:
    tables = inspect(c).get_table_names()
    if tables:
        raise AnnotatorError(E.E150, target=shown,
                             reason=f"it has tables: {', '.join(sorted(tables)[:5])}")


def _create_schema(c: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    config.attributes["connection"] = c
    command.upgrade(config, "head")


def _copy_table(src: Connection, dst: Connection, table: Table,
                progress: Callable[[str, int], None] | None) -> tuple[int, str]:
    """Copy TABLE in batches; return (rows, digest of the rows as read from the source)."""
    digest = hashlib.sha256()
    count = 0
    batch: list[dict[str, Any]] = []
    for row in _rows(src, table):
        _check_storable(table, row)
        digest.update(_canonical(row))
        batch.append(row)
        if len(batch) >= BATCH:
            dst.execute(insert(table), batch)
            count += len(batch)
            batch = []
            if progress:
                progress(table.name, count)
    if batch:
        dst.execute(insert(table), batch)
        count += len(batch)
    if progress:
        progress(table.name, count)
    return count, digest.hexdigest()


def _verify(dst: Connection, table: Table, expected: str, shown: str | Path) -> None:
    found = _digest_rows(_rows(dst, table))
    if found != expected:
        raise AnnotatorError(E.E151, table=table.name, target=shown,
                             reason="its rows read back differently")


def _continue_sequences(src: Connection, dst: Connection) -> None:
    """Make the target hand out ids after every id the source used (or ever used, for spans)."""
    for table in ORDER:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        highest = int(src.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
        if table.name == IDS_NEVER_REUSED:
            highest = max(highest, _ever_used(src, table.name))
        if dst.dialect.name == "postgresql":
            dst.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n, :called)"),
                        {"t": table.name, "n": max(highest, 1), "called": highest > 0})
        elif table.name == IDS_NEVER_REUSED and highest > 0:
            dst.execute(text("DELETE FROM sqlite_sequence WHERE name = :t"), {"t": table.name})
            dst.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :n)"),
                        {"t": table.name, "n": highest})


def _ever_used(c: Connection, table: str) -> int:
    if c.dialect.name == "postgresql":
        sequence = _sequence(c, table)
        if not c.execute(text("SELECT has_sequence_privilege(:s, 'SELECT')"),
                         {"s": sequence}).scalar():
            return 0  # a curator may not read it: the highest id stands in
        row = c.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
        return int(row[0]) if row[1] else 0
    seq = c.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table}).scalar()
    return int(seq or 0)


def _sequence(c: Connection, table: str) -> str:
    return str(c.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar())


def _ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in URL when it does not exist (needs CREATEDB)."""
    import psycopg
    from psycopg import sql

    parsed = make_url(url)
    given: dict[str, Any] = {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                             "password": parsed.password}
    given.update((k, v) for k, v in parsed.query.items() if isinstance(v, str))
    connect = {k: v for k, v in given.items() if v is not None}
    try:
        psycopg.connect(dbname=parsed.database, **connect).close()
        return
    except psycopg.OperationalError as err:
        if "does not exist" not in str(err):
            raise AnnotatorError(E.E158, url=_safe(url), reason=_first_line(err)) from err
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **connect) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(str(parsed.database))))
    except psycopg.Error as err:
        raise AnnotatorError(E.E158, url=_safe(url), reason=(
            f"database {parsed.database} does not exist and could not be created "
            f"({_first_line(err)}); create it with: createdb -O {parsed.username} "
            f"{parsed.database}")) from err


# --------------------------------------------------------------------------- rows
def _rows(c: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    result = c.execute(select(table).order_by(*order)
                       .execution_options(stream_results=True, yield_per=BATCH))
    for row in result.mappings():
        yield {key: _normal(value) for key, value in row.items()}


def _normal(value: Any) -> Any:
    """One representation on both backends: timestamps as aware UTC datetimes."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _canonical(row: dict[str, Any]) -> bytes:
    parts = []
    for key in sorted(row):
        value = row[key]
        if isinstance(value, datetime):
            value = value.isoformat(timespec="microseconds")
        elif isinstance(value, bool):
            value = int(value)
        elif isinstance(value, float):
            value = value.hex()
        parts.append(f"{key}={value!r}")
    return ("\x1f".join(parts) + "\x1e").encode("utf-8", "surrogatepass")


def _digest_rows(rows: Iterable[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    for row in rows:
        digest.update(_canonical(row))
    return digest.hexdigest()


def _check_storable(table: Table, row: dict[str, Any]) -> None:
    for key, value in row.items():
        if isinstance(value, str) and "\x00" in value:
            raise AnnotatorError(E.E151, table=table.name, target="the target", reason=(
                f"row {row.get('id', '?')}, column {key}, holds a NUL character, which "
                "PostgreSQL cannot store"))


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__

