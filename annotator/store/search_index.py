"""The search index of document titles during a bulk write (SQLite).

`document_search` (FTS5, trigram) and `document_words` (FTS5, unicode61), keyed by the
document's position (migration 0015), are kept by triggers, one document's entries at a time. For an import that was most of the cost of writing the rows (`bench/bench_bulk.py`
compares plain sqlite3 with the triggers and without). `deferred_search_index`
takes that trigger off for the writes inside the caller's transaction, then indexes the
documents written in one INSERT ... SELECT and puts the trigger back exactly as it was, in the
same transaction: a failed import rolls the trigger's removal back with everything else, and no
other writer adds a document meanwhile (the transaction holds SQLite's write lock). PostgreSQL
has no such index (and a SQLite project from before 0015 has other triggers, left to do their
work): nothing to do there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from annotator.store.list_search import SUBSTRINGS, WORD_STARTS
from annotator.store.queries import TITLE_CHARS

INSERT_TRIGGER = "document_index_insert"  # migration 0015's; it feeds both indexes
INDEXES = (SUBSTRINGS.name, WORD_STARTS.name)  # the list's indexes, keyed by position (0015)
INDEX_NEW_DOCUMENTS = [f"INSERT INTO {index} (rowid, title, source) "
                       f"SELECT position, substr(text, 1, {TITLE_CHARS}), source FROM document "
                       "WHERE id > ?" for index in INDEXES]


@contextmanager
def deferred_search_index(c: Connection) -> Iterator[None]:
    """Within the open transaction on C: documents inserted in the block are indexed once, at
    its end, instead of one by one. New documents take ids above every id there was (SQLite's
    INTEGER PRIMARY KEY)."""
    created = None
    if c.dialect.name == "sqlite":
        created = c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                    "AND name = ?", (INSERT_TRIGGER,)).scalar()
    if created is None:
        yield
        return
    last_id = int(c.exec_driver_sql("SELECT coalesce(max(id), 0) FROM document").scalar_one())
    c.exec_driver_sql(f"DROP TRIGGER {INSERT_TRIGGER}")
    try:
        yield
    except BaseException:
        with suppress(DBAPIError):  # the caller rolls back, which restores it anyway
            c.exec_driver_sql(created)
        raise
    for statement in INDEX_NEW_DOCUMENTS:
        c.exec_driver_sql(statement, (last_id,))
    c.exec_driver_sql(created)
