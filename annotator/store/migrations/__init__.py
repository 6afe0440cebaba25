"""Alembic migrations of the project schema (run in code by annotator.store.schema)."""
