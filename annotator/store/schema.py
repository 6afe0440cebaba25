"""Bring a project database to the current schema with Alembic, run in code.

Opening a project checks the recorded revision with one query; Alembic is imported only when
the file needs creating or upgrading, so opening a current project stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


def all_revisions() -> list[str]:
    """Revision ids from oldest to newest."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None if it has no annotator schema."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to REVISION (default: the newest), in one transaction."""
    from annotator.store.database import writer

    with writer(engine).begin() as connection:
        migrate(connection, revision)


def migrate(connection: Connection, revision: str = "head") -> None:
    """Migrate to REVISION within the transaction open on CONNECTION."""
    from alembic import command

    command.upgrade(_alembic_config(connection), revision)


# The newest revision this code knows, without importing Alembic (kept equal to the script head
# by tests/store/test_migrations.py).
HEAD = "0015"
# tables the database keeps itself by triggers (SQLite; migration 0010), not in the models
TALLY_TABLES = ("span_tally", "status_tally", "document_tally")
# the list's per-annotation counters and their tally (SQLite; migration 0014)
COUNTER_TABLES = ("annotation_counts", "counted_tally")
# the list's search indexes and their FTS5 shadow tables (SQLite; migrations 0012, 0015:
# contentless, so no content table)
SEARCH_TABLES = tuple(f"{index}{part}" for index in ("document_search", "document_words")
                      for part in ("", "_data", "_idx", "_docsize", "_config"))
# PostgreSQL's trigram indexes for the list's search, made only where pg_trgm can be had
# (migration 0015), so no model holds them
SEARCH_INDEXES = ("ix_document_title_trgm", "ix_document_source_trgm")
# each document's tokens, kept for agreement (SQLite; migration 0013), not project data
CACHE_TABLES = ("token_cache",)


def revision_at(project: str | Path) -> str | None:
    """The schema revision of the project at PROJECT (a path or URL) without changing it; None
    when it holds no annotator schema or is not a database at all. E101 when a file is missing
    (asking its version never creates one)."""
    from sqlalchemy.exc import SQLAlchemyError

    from annotator.core.errors import AnnotatorError, E
    from annotator.store.database import make_engine, project_url, sqlite_path

    url = project_url(project)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise AnnotatorError(E.E101, path=project)
    engine = make_engine(url)
    try:
        return current_revision(engine)
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
