"""The document list's search box in SQL: which documents hold every word typed in their title
(the first `TITLE_CHARS` characters of the text) or their source, case aside.

On SQLite two FTS5 indexes keyed by the document's position answer it (migration 0015):
- a word of three characters or more is a substring, found in the trigram index
  `document_search`;
- a word of one or two characters, which a trigram index cannot hold, finds the titles and
  sources with a *word beginning with it* (punctuation aside: "في" finds في and فيها, not
  وفي; "(7" finds "(7)" and "(70)"), in the word index `document_words` (unicode61 with
  prefix indexes of 1 and 2 characters);
- a short word of punctuation only (no word to begin) is matched with LIKE over every title.
When every word goes to one index and nothing else filters, the list in project order is read
from that index alone (`count_alone`, `page_alone`, `row_alone`): the matches are never looked
up one by one, so a word found in most documents costs what a rare one does. Otherwise the
words are a condition on `document` (`words_filter`: its position among the index's matches).

PostgreSQL matches ILIKE over the title expression and the source, served by trigram GIN
indexes when pg_trgm is installed (migration 0015; the substring meaning for every length,
a word shorter than 3 characters reads every title).
"""

from __future__ import annotations

import unicodedata
from typing import Any, cast

from sqlalchemy import (
    Column,
    MetaData,
    Table,
    and_,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.elements import TextClause

from annotator.store.queries import TITLE_CHARS
from annotator.store.tables import Document, table_of

D = table_of(Document)
SUBSTRINGS = Table("document_search", MetaData(), Column("rowid"))  # trigram
WORD_STARTS = Table("document_words", MetaData(), Column("rowid"))  # unicode61, prefixes
TRIGRAM = 3  # the shortest word the trigram index finds


def _pattern(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _has_word(word: str) -> bool:
    """Whether WORD holds a character the word index keeps (letters, digits, marks)."""
    return any(unicodedata.category(ch)[0] in "LNM" or unicodedata.category(ch) == "Co"
               for ch in word)


def short_words_begin_words(dialect: str) -> bool:
    """Whether a word of one or two characters finds the words beginning with it (SQLite's
    word index) rather than any substring (PostgreSQL)."""
    return dialect == "sqlite"


def title_key() -> ColumnElement[str]:
    """What the list sorts by title: the title's characters in lower case, leading spaces
    aside; written with literal numbers so SQLite's expression index `ix_document_title_key`
    serves it."""
    head = func.substr(D.c.text, literal_column("1"), literal_column(str(TITLE_CHARS)))
    return func.lower(func.ltrim(head))


def _title() -> ColumnElement[str]:
    """The title expression with literal numbers (PostgreSQL's trigram index is on it)."""
    return func.substr(D.c.text, literal_column("1"), literal_column(str(TITLE_CHARS)))


def _scanned(word: str, *, ilike: bool) -> ColumnElement[bool]:
    if ilike:
        return or_(_title().ilike(_pattern(word), escape="\\"),
                   D.c.source.ilike(_pattern(word), escape="\\"))
    return or_(_title().like(_pattern(word), escape="\\"),
               D.c.source.like(_pattern(word), escape="\\"))


def _matches(words: list[str]) -> list[tuple[Table, str]]:
    """The SQLite indexes WORDS go to, each with its MATCH expression."""
    long_words = [w for w in words if len(w) >= TRIGRAM]
    short_words = [w for w in words if len(w) < TRIGRAM and _has_word(w)]
    found = []
    if long_words:
        found.append((SUBSTRINGS, " AND ".join(_phrase(w) for w in long_words)))
    if short_words:
        found.append((WORD_STARTS, " AND ".join(_phrase(w) + "*" for w in short_words)))
    return found


def _matched(index: Table, expression: str) -> TextClause:
    return text(f"{index.name} MATCH :match_{index.name}").bindparams(
        **{f"match_{index.name}": expression})


def words_filter(c: Connection, words: list[str]) -> ColumnElement[bool] | None:
    """A condition on `document` for the documents holding every one of WORDS; None for none."""
    if not words:
        return None
    if c.dialect.name != "sqlite":
        return and_(*(_scanned(w, ilike=True) for w in words))
    found: list[ColumnElement[bool]] = [
        D.c.position.in_(select(index.c.rowid).where(_matched(index, expression)))
        for index, expression in _matches(words)]
    found += [_scanned(w, ilike=False) for w in words if len(w) < TRIGRAM and not _has_word(w)]
    return and_(*found)


def one_index(c: Connection, words: list[str]) -> tuple[Table, str] | None:
    """The one SQLite index that answers every one of WORDS alone, with its MATCH expression;
    None when they need two, or LIKE, or the database is not SQLite."""
    if c.dialect.name != "sqlite" or not words:
        return None
    found = _matches(words)
    if len(found) != 1 or any(len(w) < TRIGRAM and not _has_word(w) for w in words):
        return None
    return found[0]


def _over(index: Table, expression: str) -> Select[Any]:
    return select(index.c.rowid).where(_matched(index, expression))


def count_alone(c: Connection, index: Table, expression: str) -> int:
    """How many documents match (one count inside the index)."""
    return int(cast(int, c.execute(
        select(func.count()).select_from(index).where(_matched(index, expression))).scalar()))


def page_alone(c: Connection, index: Table, expression: str, descending: bool, first: int,
               rows: int) -> list[int]:
    """The ids of ROWS matching documents from row FIRST on, in project order: the index's
    rowids (positions) in order, then the documents at those positions."""
    order = index.c.rowid.desc() if descending else index.c.rowid.asc()
    positions = [int(cast(int, p)) for p in c.execute(
        _over(index, expression).order_by(order).limit(rows).offset(first)).scalars()]
    if not positions:
        return []
    at = {int(p): int(d) for d, p in c.execute(
        select(D.c.id, D.c.position).where(D.c.position.in_(positions))).all()}
    return [at[p] for p in positions if p in at]


def row_alone(c: Connection, index: Table, expression: str, descending: bool,
              position: int) -> int | None:
    """The row of the document at POSITION among the matches in project order (a count of the
    index's rowids before it); None when it does not match."""
    if c.execute(_over(index, expression).where(index.c.rowid == position)).first() is None:
        return None
    before = index.c.rowid > position if descending else index.c.rowid < position
    return int(cast(int, c.execute(select(func.count()).select_from(index).where(
        _matched(index, expression), before)).scalar()))
