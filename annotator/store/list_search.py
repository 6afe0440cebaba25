"""The document list's search box in SQL: which documents hold every word typed in their title
(the first `TITLE_CHARS` characters of the text) or their source, case aside.

On SQLite the words go to the trigram index `document_search` (migration 0012): a word of three
characters or more is looked up in the index, a shorter one (the trigram tokenizer cannot
index it) is matched with LIKE over that table's narrow title and source rows, never over
the texts (counting its matches reads every such row). PostgreSQL matches LIKE over the first characters of every text and the source.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    MetaData,
    Table,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from annotator.store.queries import TITLE_CHARS
from annotator.store.tables import Document, table_of

D = table_of(Document)
SEARCH = Table("document_search", MetaData(), Column("rowid"), Column("title"),
               Column("source"))
# what FTS5 keeps of it: id, c0 (title), c1 (source)
CONTENT = Table("document_search_content", MetaData(), Column("id"), Column("c0"), Column("c1"))
TRIGRAM = 3  # the shortest word the trigram index finds


def _pattern(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def title_key() -> ColumnElement[str]:
    """What the list sorts by title: the title's characters in lower case, leading spaces
    aside; written with literal numbers so SQLite's expression index `ix_document_title_key`
    serves it."""
    head = func.substr(D.c.text, literal_column("1"), literal_column(str(TITLE_CHARS)))
    return func.lower(func.ltrim(head))


def words_filter(c: Connection, words: list[str]) -> ColumnElement[bool] | None:
    """A condition on `document` for the documents holding every one of WORDS; None for none."""
    if not words:
        return None
    if c.dialect.name != "sqlite":
        head = func.substr(D.c.text, 1, TITLE_CHARS)
        return and_(*(or_(head.ilike(_pattern(w), escape="\\"),
                          D.c.source.ilike(_pattern(w), escape="\\")) for w in words))
    long_words = [w for w in words if len(w) >= TRIGRAM]
    short_words = [w for w in words if len(w) < TRIGRAM]
    found: list[ColumnElement[bool]] = []
    if long_words:
        found.append(D.c.id.in_(select(SEARCH.c.rowid).where(
            text("document_search MATCH :phrases").bindparams(
                phrases=" AND ".join(_phrase(w) for w in long_words)))))
    if short_words:
        # the FTS5 table's own content table, a plain table of narrow rows, looked up by id:
        # the list walks its order and stops at a page (SQLite's LIKE ignores ASCII case)
        found.append(exists().where(CONTENT.c.id == D.c.id, *(
            or_(CONTENT.c.c0.like(_pattern(w), escape="\\"),
                CONTENT.c.c1.like(_pattern(w), escape="\\")) for w in short_words)))
    return and_(*found)
