"""Persistence: SQLAlchemy Core tables, engines for SQLite and PostgreSQL, migrations, the project store."""

from annotator.store.project_store import ProjectStore

__all__ = ["ProjectStore"]
