"""Storage faults as one clear line: a full disk, a read-only file or folder, a project file
that vanished, a server that went away.

`watch(engine, shown)` turns the database driver's errors into `AnnotatorError`s naming the
project and what to do (E119 busy, E130-E133), wherever a statement fails: an edit, an import,
an export read. The transaction they happened in is rolled back by the caller as for any other
error, so nothing half-done is kept. SQLite does not notice its file being deleted while open
(the writes go on into the unlinked file, and are lost when it is closed), so every write
transaction first checks that the file is still there.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExceptionContext

from annotator.core.errors import AnnotatorError, E

_SQLITE = (  # the sqlite3 message (lower case) -> the code
    ("database or disk is full", E.E130),
    ("attempt to write a readonly database", E.E131),
    ("readonly database", E.E131),
    ("unable to open database file", E.E132),
    ("disk i/o error", E.E132),
    ("no such table", None),  # not a fault: a project that is not one (E103 says so)
)


def translate(error: BaseException, shown: str, sqlite: bool, disconnect: bool,
              busy_seconds: int, file: Path | None = None) -> AnnotatorError | None:
    """The AnnotatorError for a driver's ERROR, or None when it is not a storage fault."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if sqlite:
        lowered = text.lower()
        if "database is locked" in lowered:
            return AnnotatorError(E.E119, seconds=busy_seconds)
        if ("unable to open database file" in lowered and file is not None and file.exists()
                and not os.access(file.parent, os.W_OK)):  # no room for its journal: read-only
            return AnnotatorError(E.E131, project=shown, reason=text)
        for phrase, code in _SQLITE:
            if phrase in lowered:
                return None if code is None else AnnotatorError(code, project=shown, reason=text)
        return None
    if disconnect:
        return AnnotatorError(E.E133, project=shown, reason=text[:200])
    if blind_switched(error):
        return AnnotatorError(E.E160, project=shown, reason=text[:200])
    return None


_BLIND_TABLES = ("annotation", "span", "document_time", "span_time")


def blind_switched(error: BaseException) -> bool:
    """Whether ERROR is a connection opened before blind mode was switched on reaching a table
    its role lost (migration 0008): a new connection takes the access path of blind mode."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return type(error).__name__ == "InsufficientPrivilege" and any(
        text == f"permission denied for table {table}" for table in _BLIND_TABLES)


def watch(engine: Engine, shown: str, file: Path | None, busy_seconds: int,
          write_option: str) -> None:
    """Translate ENGINE's storage faults; for a SQLite FILE, refuse writes (transactions begun
    with WRITE_OPTION) once it is gone. A server that cannot be reached at all is E158."""
    sqlite = engine.dialect.name == "sqlite"

    def on_error(context: ExceptionContext) -> None:
        original = context.original_exception
        if context.connection is None and not sqlite:  # connecting failed: no server there
            text = str(original).strip().splitlines()[0] if str(original).strip() else ""
            raise AnnotatorError(E.E158, url=shown, reason=text[:300]) from original
        found = translate(original, shown, sqlite, context.is_disconnect, busy_seconds, file)
        if found is not None and found.code is E.E160:
            context.is_disconnect = True  # the pool's connections are renewed
        if found is not None:
            raise found from context.original_exception

    event.listen(engine, "handle_error", on_error)
    if file is not None:
        def before_write(connection: Connection) -> None:
            if connection.get_execution_options().get(write_option) and not file.exists():
                raise AnnotatorError(E.E132, project=shown, reason="the file was deleted or "
                                     "moved while the project was open")

        event.listen(engine, "begin", before_write)
