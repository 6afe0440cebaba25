"""Engines: a project is a SQLite file (default) or a PostgreSQL database, chosen by URL.

Every user action runs in its own transaction and is committed before the caller hears that it
succeeded. On SQLite the file is in WAL mode with `synchronous=FULL`, so a committed edit
survives a killed process or a power cut.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError

from annotator.core.errors import AnnotatorError, E

WRITE_OPTION = "annotator_write"
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".annotator")
BUSY_TIMEOUT_S = 10  # how long a SQLite write waits for the lock before E119


def project_url(project: str | Path) -> str:
    """A database URL for PROJECT: a URL as given, or a path to a SQLite project file."""
    text = str(project)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as err:
            raise AnnotatorError(E.E113, url=text) from err
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise AnnotatorError(E.E113, url=text)
        if url.get_backend_name() == "postgresql" and url.get_driver_name() in ("", "psycopg2"):
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def shown_url(url: str) -> str:
    """URL as it may be shown in a message or a log: the password hidden."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    name = parsed.database  # sqlite:///file:/path/p.db?mode=ro&uri=true opens it read-only
    return Path(name.removeprefix("file:") if name.startswith("file:") else name)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The sqlite3 module's own transaction handling is switched off so that SQLAlchemy's BEGIN
    # and COMMIT are the real ones (see SQLAlchemy's "Serializable isolation / Savepoints" notes).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    # Writers (see `writer`) take the write lock up front, so two writers never deadlock on a
    # lock upgrade; readers begin deferred and never wait for writers (WAL).
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for URL with the project's connection settings applied."""
    from annotator.store.faults import watch

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_on_connect)
        file = sqlite_path(url)
        watch(engine, str(file) if file else url, file, BUSY_TIMEOUT_S, WRITE_OPTION)  # before BEGIN
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ImportError as err:  # the optional driver: pip install 'annotator[postgres]'
            raise AnnotatorError(E.E158, url=shown_url(url), reason=(
                f"the PostgreSQL driver is not installed ({err}); install it with: "
                "pip install 'annotator[postgres]'")) from err
        watch(engine, shown_url(url), None, BUSY_TIMEOUT_S, WRITE_OPTION)
        from annotator.store.blind_scope import remember_access_path

        event.listen(engine, "connect", remember_access_path)  # blind mode's views or tables
        return engine
    raise AnnotatorError(E.E113, url=url)


def writer(engine: Engine) -> Engine:
    """The same engine, marked so that its transactions are write transactions."""
    return engine.execution_options(**{WRITE_OPTION: True})
