"""Pre-tagging runs and the batches workers claim (tables `pretag_run`, `pretag_batch`).

A run is one pre-tagging of a choice of documents by one pre-tagger into one target with given
options. Its documents are split into batches when it is created; a batch goes `pending` ->
`claimed` (by one worker, `host:pid:uuid`, with a heartbeat) -> `done`.

- Claiming is one statement: `UPDATE ... WHERE id = (SELECT id ... LIMIT 1 FOR UPDATE SKIP
  LOCKED) RETURNING ...`. On PostgreSQL concurrent claimers skip each other's candidate rows
  instead of queueing on them; SQLite renders no `FOR UPDATE` and runs it inside `BEGIN
  IMMEDIATE`, which holds the whole database. A claimable batch is pending, or claimed with a
  heartbeat older than the lease (its worker died or hung).
- Heartbeats and the lease are on the database's clock (seconds since 1970), so workers on
  machines with different clocks agree on when a lease ran out.
- Finishing (`take_for_done`) moves the batch to `done` only if this worker still holds the
  claim, in the caller's transaction, before the caller writes the batch's suggestions in the
  same transaction: the suggestions and the `done` appear together or not at all, and a worker
  whose claim was taken over (its lease ran out) writes nothing. Two workers can never both
  finish one batch: the second's conditional update finds it done (PostgreSQL re-checks the
  row after waiting for the first's row lock).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, insert, literal_column, or_, select, update
from sqlalchemy.engine import Connection

from annotator.store.tables import PretagBatch, PretagRun, table_of, utcnow

R, B = table_of(PretagRun), table_of(PretagBatch)
PENDING, CLAIMED, DONE = "pending", "claimed", "done"
RUN_LOCK_KEY = 0x70726574  # "pret": serialises opening runs on PostgreSQL (advisory lock)


@dataclass(frozen=True, slots=True)
class ClaimedBatch:
    id: int
    run_id: int
    position: int
    doc_ids: list[int]


@dataclass
class RunTally:
    """Where a run stands, seen from one worker."""

    batches: int = 0
    done_here: int = 0  # done by this worker
    done_by_others: int = 0
    claimed_by_others: int = 0  # claimed now by another worker, lease not run out
    left: int = 0  # not done (pending, or claimed by anyone)
    documents_done: int = 0  # by anyone


def database_seconds(c: Connection) -> ColumnElement[Any]:
    """Now on the database's clock, in seconds since 1970 (a SQL expression)."""
    if c.dialect.name == "postgresql":
        return literal_column("extract(epoch from clock_timestamp())::float8")
    return literal_column("((julianday('now') - 2440587.5) * 86400.0)")


def lock_runs(c: Connection) -> None:
    """Serialise opening runs until the end of C's transaction (find-or-create is then safe).
    SQLite's write transaction (BEGIN IMMEDIATE) already does."""
    if c.dialect.name == "postgresql":
        c.execute(select(func.pg_advisory_xact_lock(RUN_LOCK_KEY)))


def unfinished_run(c: Connection, pretagger: str, target: str, options: str) -> int | None:
    """The newest run of PRETAGGER into TARGET with OPTIONS that is not finished."""
    return c.execute(select(R.c.id).where(
        R.c.pretagger == pretagger, R.c.target == target, R.c.options == options,
        R.c.finished_at.is_(None)).order_by(R.c.id.desc()).limit(1)).scalar()


def create_run(c: Connection, pretagger: str, target: str, options: str,
               doc_ids: Sequence[int], batch_documents: int) -> int:
    """A new run over DOC_IDS (in the order given), split into batches of BATCH_DOCUMENTS."""
    run_id = int(c.execute(insert(R).values(
        pretagger=pretagger, target=target, options=options, documents=len(doc_ids),
        created_at=utcnow()).returning(R.c.id)).scalar_one())
    rows = [{"run_id": run_id, "position": n, "documents": len(chunk), "state": PENDING,
             "doc_ids": ",".join(str(d) for d in chunk)}
            for n, chunk in enumerate(doc_ids[first:first + batch_documents]
                                      for first in range(0, len(doc_ids), batch_documents))]
    for first in range(0, len(rows), 1000):
        c.execute(insert(B), rows[first:first + 1000])
    return run_id


def run_documents(c: Connection, run_id: int) -> int:
    """How many documents RUN_ID's batches hold."""
    return int(c.execute(select(R.c.documents).where(R.c.id == run_id)).scalar_one())


def _mine(batch_id: int, worker: str) -> ColumnElement[bool]:
    return and_(B.c.id == batch_id, B.c.claimed_by == worker, B.c.state == CLAIMED)


def _claimable(c: Connection, run_id: int, lease: float) -> ColumnElement[bool]:
    expired = and_(B.c.state == CLAIMED, B.c.heartbeat < database_seconds(c) - lease)
    return and_(B.c.run_id == run_id, or_(B.c.state == PENDING, expired))


def claim_batch(c: Connection, run_id: int, worker: str, lease: float) -> ClaimedBatch | None:
    """Claim the first claimable batch of RUN_ID for WORKER (one statement; see the module
    doc); None when no batch is pending and no claim has run out. Commit right after."""
    candidate = (select(B.c.id).where(_claimable(c, run_id, lease)).order_by(B.c.position)
                 .limit(1).with_for_update(skip_locked=True).scalar_subquery())
    row = c.execute(update(B).where(B.c.id == candidate).values(
        state=CLAIMED, claimed_by=worker, claimed_at=utcnow(), heartbeat=database_seconds(c))
        .returning(B.c.id, B.c.run_id, B.c.position, B.c.doc_ids)).first()
    if row is None:
        return None
    ids = [int(part) for part in str(row.doc_ids).split(",") if part]
    return ClaimedBatch(int(row.id), int(row.run_id), int(row.position), ids)


def heartbeat(c: Connection, batch_id: int, worker: str) -> bool:
    """Renew WORKER's claim on BATCH_ID; False when it no longer holds it (taken over)."""
    result = c.execute(update(B).where(_mine(batch_id, worker)).values(
        heartbeat=database_seconds(c)))
    return bool(result.rowcount)


def release(c: Connection, batch_id: int, worker: str) -> None:
    """Give BATCH_ID back (pending) if WORKER still holds it: a stopped worker's batch is
    claimed next without waiting for its lease."""
    c.execute(update(B).where(_mine(batch_id, worker)).values(
        state=PENDING, claimed_by=None, claimed_at=None, heartbeat=None))


def take_for_done(c: Connection, batch_id: int, worker: str) -> bool:
    """Mark BATCH_ID done in C's transaction if WORKER still holds its claim; False (nothing
    changed) when another worker took it over. Write the batch's suggestions after this, in
    the same transaction, then `record_suggestions`."""
    result = c.execute(update(B).where(_mine(batch_id, worker)).values(
        state=DONE, done_at=utcnow()))
    return bool(result.rowcount)


def record_suggestions(c: Connection, batch_id: int, added: int) -> None:
    c.execute(update(B).where(B.c.id == batch_id).values(suggestions=added))


def finish_run_if_done(c: Connection, run_id: int) -> bool:
    """Mark RUN_ID finished when every batch is done (a later command starts a new run)."""
    left = c.execute(select(func.count()).select_from(B).where(
        B.c.run_id == run_id, B.c.state != DONE)).scalar_one()
    if left:
        return False
    c.execute(update(R).where(R.c.id == run_id, R.c.finished_at.is_(None))
              .values(finished_at=utcnow()))
    return True


def run_tally(c: Connection, run_id: int, worker: str, lease: float) -> RunTally:
    tally = RunTally()
    live = and_(B.c.state == CLAIMED, B.c.heartbeat >= database_seconds(c) - lease)
    each = select(B.c.state, case((B.c.claimed_by == worker, 1), else_=0).label("mine"),
                  case((live, 1), else_=0).label("live"), B.c.documents).where(
        B.c.run_id == run_id).subquery()
    rows = c.execute(select(each.c.state, each.c.mine, each.c.live, func.count(),
                            func.sum(each.c.documents))
                     .group_by(each.c.state, each.c.mine, each.c.live))
    for state, mine, is_live, count, documents in rows:
        tally.batches += count
        if state == DONE:
            tally.documents_done += int(documents or 0)
            if mine:
                tally.done_here += count
            else:
                tally.done_by_others += count
            continue
        tally.left += count
        if state == CLAIMED and is_live and not mine:
            tally.claimed_by_others += count
    return tally


def run_batches(c: Connection, run_id: int) -> list[dict[str, Any]]:
    """Every batch of RUN_ID in order, as dicts (for tests and reports)."""
    return [dict(row._mapping) for row in c.execute(
        select(B).where(B.c.run_id == run_id).order_by(B.c.position))]
