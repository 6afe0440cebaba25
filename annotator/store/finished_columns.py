"""Finished work as columns: what agreement over a whole project reads, in a fixed number of
statements, with each document's tokens kept in `token_cache` (SQLite, migration 0013).

The rules are those of `finished` (done annotations only, accepted spans only, never gold);
this module reads them for every document at once through the driver's own cursor, as plain
tuples into numpy arrays, since a million tokens bring some 200,000 span rows whose
SQLAlchemy rows alone cost a second. Three statements whatever the size of the project: the
done annotations, the documents they belong to (in project order, with their kept tokens), the
accepted spans. Texts are read, in batches, only for documents whose tokens are not kept yet
(or were made by another tokenizer); their tokens are then kept for the next run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy.engine import Connection, Engine

from annotator.core.model import GOLD_ANNOTATOR, SpanState, Status
from annotator.store.database import BUSY_TIMEOUT_S

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
Tokenize = Callable[[str], Sequence[tuple[int, int]]]
TEXT_BATCH = 500
CACHE_WAIT_MS = 100  # keeping tokens is worth no more wait than this for the write lock
_OFFSET = np.dtype("<i4")  # a kept offset: little-endian int32, (start, end) pairs


@dataclass(frozen=True)
class FinishedColumns:
    """Every document at least one compared annotator finished, in project order (D of them),
    its tokens (T in all) and the compared annotators' accepted spans (S), as arrays."""

    doc_ids: IntArray  # (D,)
    doc_lengths: IntArray  # (D,) code points
    tokens: IntArray  # (T, 2) document-local [start, end)
    token_counts: IntArray  # (D,)
    annotators: tuple[str, ...]  # names with a done annotation among these documents, sorted
    present: BoolArray  # (A, D): annotator a finished document d
    span_annotator: IntArray  # (S,) index into annotators
    span_doc: IntArray  # (S,) document index
    span_start: IntArray  # (S,) document-local
    span_end: IntArray  # (S,)
    span_label: IntArray  # (S,) index into label_names
    label_names: tuple[str, ...]  # every label of those spans


@dataclass(frozen=True)
class ReadCounts:
    """What one read did: statements run, texts tokenized, token rows kept (for tests)."""

    statements: int
    tokenized: int
    kept: int


def _done_filter(annotators: Sequence[str] | None, mark: str) -> tuple[str, list[Any]]:
    """The done annotations of ANNOTATORS (default: all but gold), as SQL and parameters."""
    sql = ("SELECT n.id, n.document_id, a.name FROM annotation n JOIN annotator a"
           f" ON a.id = n.annotator_id WHERE n.status = {mark} AND a.name <> {mark}")
    params: list[Any] = [str(Status.DONE), GOLD_ANNOTATOR]
    if annotators is not None:
        names = sorted(set(annotators) - {GOLD_ANNOTATOR})
        if not names:
            return sql + " AND 1 = 0", params
        sql += f" AND a.name IN ({', '.join([mark] * len(names))})"
        params += names
    return sql, params


def finished_columns(c: Connection, annotators: Sequence[str] | None, tokenize: Tokenize,
                     tokenizer_key: str) -> tuple[FinishedColumns, ReadCounts]:
    """The finished work of ANNOTATORS (default: all but gold) as columns; TOKENIZE makes the
    tokens of a document whose kept tokens (SQLite) are missing or not TOKENIZER_KEY's. The
    tokens made here are kept before returning (when the write lock is free at once)."""
    sqlite = c.dialect.name == "sqlite"
    mark = "?" if c.dialect.paramstyle == "qmark" else "%s"
    done_sql, done_params = _done_filter(annotators, mark)
    with c.begin():  # one snapshot for the three reads (SQLite: BEGIN; PostgreSQL: below)
        if not sqlite:
            c.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        rows = _read(c, done_sql, done_params, mark, sqlite, tokenize, tokenizer_key)
    columns = _columns(rows)
    kept = keep_tokens(c.engine, tokenizer_key, rows.made) if sqlite and rows.made else 0
    return columns, ReadCounts(rows.statements + (0 if sqlite else 1), len(rows.made), kept)


@dataclass
class _Rows:
    done: list[Any]  # (annotation id, document id, annotator)
    documents: list[Any]  # (document id, length, kept tokens or None), in project order
    spans: list[Any]  # (annotation id, start, end, label)
    blobs: list[bytes | None]  # each document's packed tokens
    made: list[tuple[int, bytes]]  # (document id, packed tokens) made in this read
    statements: int


def _read(c: Connection, done_sql: str, done_params: list[Any], mark: str, sqlite: bool,
          tokenize: Tokenize, tokenizer_key: str) -> _Rows:
    cursor = c.connection.cursor()
    try:
        cursor.execute(done_sql, done_params)
        done = list(cursor.fetchall())
        kept_column = "t.offsets" if sqlite else "NULL"
        kept_join = (f" LEFT JOIN token_cache t ON t.document_id = d.id AND t.tokenizer = {mark}"
                     if sqlite else "")
        cursor.execute(f"SELECT d.id, d.length, {kept_column} FROM document d{kept_join}"
                       f" WHERE d.id IN (SELECT q.document_id FROM ({done_sql}) q)"
                       " ORDER BY d.position",
                       ([tokenizer_key] if sqlite else []) + done_params)
        documents = list(cursor.fetchall())
        cursor.execute('SELECT s.annotation_id, s.start, s."end", s.label FROM span s'
                       f" WHERE s.state = {mark} AND s.annotation_id IN (SELECT q.id FROM"
                       f" ({done_sql}) q)", [str(SpanState.ACCEPTED), *done_params])
        rows = _Rows(done, documents, list(cursor.fetchall()), [row[2] for row in documents],
                     [], 3)
        missing = [i for i, blob in enumerate(rows.blobs) if blob is None]
        for first in range(0, len(missing), TEXT_BATCH):
            part = missing[first:first + TEXT_BATCH]
            ids = [documents[i][0] for i in part]
            cursor.execute(f"SELECT id, text FROM document WHERE id IN"
                           f" ({', '.join([mark] * len(ids))})", ids)
            rows.statements += 1
            found = dict(cursor.fetchall())
            for i, doc_id in zip(part, ids, strict=True):
                blob = pack_offsets(tokenize(found[doc_id]))
                rows.blobs[i] = blob
                rows.made.append((doc_id, blob))
    finally:
        cursor.close()
    return rows


def pack_offsets(offsets: Sequence[tuple[int, int]]) -> bytes:
    """Token offsets as kept: little-endian int32 (start, end) pairs."""
    return np.asarray(offsets, dtype=_OFFSET).reshape(-1, 2).tobytes()


def unpack_offsets(blob: bytes) -> IntArray:
    """The (n, 2) int64 offsets of a blob of `pack_offsets`."""
    return np.frombuffer(blob, dtype=_OFFSET).astype(np.int64).reshape(-1, 2)


def _columns(rows: _Rows) -> FinishedColumns:
    documents, blobs, done, spans = rows.documents, rows.blobs, rows.done, rows.spans
    n_docs = len(documents)
    doc_ids = np.fromiter((row[0] for row in documents), dtype=np.int64, count=n_docs)
    lengths = np.fromiter((row[1] for row in documents), dtype=np.int64, count=n_docs)
    token_counts = np.fromiter((len(b or b"") // (2 * _OFFSET.itemsize) for b in blobs),
                               dtype=np.int64, count=n_docs)
    tokens = unpack_offsets(b"".join(b or b"" for b in blobs))

    names = tuple(sorted({row[2] for row in done}))
    annotator_of = {name: a for a, name in enumerate(names)}
    n_done = len(done)
    done_ids = np.fromiter((row[0] for row in done), dtype=np.int64, count=n_done)
    done_annotator = np.fromiter((annotator_of[row[2]] for row in done), dtype=np.int64,
                                 count=n_done)
    done_doc = _positions(doc_ids, np.fromiter((row[1] for row in done), dtype=np.int64,
                                               count=n_done))
    present = np.zeros((len(names), n_docs), dtype=np.bool_)
    present[done_annotator, done_doc] = True

    n_spans = len(spans)
    annotation_ids, starts, ends, labels = zip(*spans, strict=True) if spans else ((), (), (), ())
    label_code: dict[str, int] = {}
    label = np.fromiter((label_code.setdefault(x, len(label_code)) for x in labels),
                        dtype=np.int64, count=n_spans)
    owner = _positions(done_ids, np.fromiter(annotation_ids, dtype=np.int64, count=n_spans))
    return FinishedColumns(
        doc_ids=doc_ids, doc_lengths=lengths, tokens=tokens, token_counts=token_counts,
        annotators=names, present=present,
        span_annotator=done_annotator[owner], span_doc=done_doc[owner],
        span_start=np.fromiter(starts, dtype=np.int64, count=n_spans),
        span_end=np.fromiter(ends, dtype=np.int64, count=n_spans),
        span_label=label, label_names=tuple(label_code),
    )


def _positions(keys: IntArray, values: IntArray) -> IntArray:
    """The index in KEYS (distinct, any order) of each of VALUES (each one of KEYS)."""
    order = np.argsort(keys)
    return np.asarray(order[np.searchsorted(keys, values, sorter=order)], dtype=np.int64)


def keep_tokens(engine: Engine, tokenizer_key: str, rows: Sequence[tuple[int, bytes]]) -> int:
    """Keep ROWS (document id, packed offsets) made by TOKENIZER_KEY in `token_cache`; how many
    were kept. Only a cache: a project file that is read-only, busy with another writer for
    more than CACHE_WAIT_MS, or full, keeps nothing and the next run tokenizes again."""
    with engine.connect() as c:
        raw: sqlite3.Connection = c.connection.dbapi_connection  # type: ignore[assignment]
        raw.execute(f"PRAGMA busy_timeout = {CACHE_WAIT_MS}")
        try:
            raw.execute("BEGIN IMMEDIATE")
            raw.executemany("INSERT OR REPLACE INTO token_cache (document_id, tokenizer, offsets)"
                            " SELECT id, ?, ? FROM document WHERE id = ?",
                            [(tokenizer_key, blob, doc_id) for doc_id, blob in rows])
            raw.execute("COMMIT")
            return len(rows)
        except sqlite3.Error:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            return 0
        finally:
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
