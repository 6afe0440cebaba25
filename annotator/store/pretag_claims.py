"""Pre-tagging runs and the batches workers claim (tables `pretag_run`, `pretag_batch`).

A run is one pre-tagging of a choice of documents by one pre-tagger into one target with given
options. Its documents are split into batches when it is created; a batch goes `pending` ->
`claimed` (by one worker, `host:pid:uuid`, with a heartbeat) -> `done`.

- Claiming is one statement: `UPDATE ... WHERE id = (SELECT id ... LIMIT 1 FOR UPDATE SKIP
  LOCKED) RETURNING ...`. On PostgreSQL concurrent claimers skip each other's candidate rows
  instead of queueing on them; SQLite renders no `FOR UPDATE` and runs it inside `BEGIN
  IMMEDIATE`, which holds the whole database. A claimable batch is pending, or claimed with a
  heartbeat older than the lease (its worker died or hung).
- On PostgreSQL a worker also holds a session-level advisory lock on each batch it claimed:
  when the worker dies its session ends and the lock goes, and the batch is claimable at once;
  the lease is then only the fallback for a worker that hangs with its connection open.
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

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    false,
    func,
    insert,
    literal_column,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.engine import Connection, Engine

from annotator.store.database import writer
from annotator.store.tables import Annotator, PretagBatch, PretagRun, table_of, utcnow

R, B, A = table_of(PretagRun), table_of(PretagBatch), table_of(Annotator)
PENDING, CLAIMED, DONE = "pending", "claimed", "done"
RUN_LOCK_KEY = 0x70726574  # "pret": serialises opening runs on PostgreSQL (advisory lock)
BATCH_LOCK_KEY = 0x70726574  # with the batch id: the claim of a live worker (two-key locks)


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


def annotator_in_run(c: Connection, name: str) -> int:
    """The id of the annotator NAME, created if missing (call after `lock_runs`: workers
    starting together would otherwise both create it)."""
    found = c.execute(select(A.c.id).where(A.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return int(c.execute(insert(A).values(name=name, role="annotator", created_at=utcnow())
                         .returning(A.c.id)).scalar_one())


def unfinished_run(c: Connection, pretagger: str, target: str, options: str) -> int | None:
    """The newest run of PRETAGGER into TARGET with OPTIONS that is not finished."""
    return c.execute(select(R.c.id).where(
        R.c.pretagger == pretagger, R.c.target == target, R.c.options == options,
        R.c.finished_at.is_(None)).order_by(R.c.id.desc()).limit(1)).scalar()


def run_choices(c: Connection, run_id: int) -> tuple[str, str, str] | None:
    """(pretagger, target, options) of RUN_ID; None when there is no such run."""
    row = c.execute(select(R.c.pretagger, R.c.target, R.c.options).where(R.c.id == run_id)).first()
    return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


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


def claim_connection(engine: Engine) -> Connection:
    """The connection a worker claims on, kept for the whole run: its write transactions
    start with BEGIN IMMEDIATE on SQLite, and on PostgreSQL its session holds the advisory
    lock of each batch it claimed (see `claim_batch`). Close it when the run ends."""
    return writer(engine).connect()


def _claimable(c: Connection, run_id: int, lease: float) -> ColumnElement[bool]:
    expired = and_(B.c.state == CLAIMED, B.c.heartbeat < database_seconds(c) - lease)
    if c.dialect.name != "postgresql":
        return and_(B.c.run_id == run_id, or_(B.c.state == PENDING, expired))
    # or the claiming session is gone, and its lock with it. CASE fixes the order: the lock is
    # tried only on claimed batches of this run (a lock tried on a pending batch could make
    # two claimers wait for each other)
    return and_(B.c.run_id == run_id, case(
        (B.c.run_id != run_id, false()), (B.c.state == PENDING, true()), (expired, true()),
        (B.c.state == CLAIMED, func.pg_try_advisory_xact_lock(BATCH_LOCK_KEY, B.c.id)),
        else_=false()))


def claim_batch(c: Connection, run_id: int, worker: str, lease: float) -> ClaimedBatch | None:
    """Claim the first claimable batch of RUN_ID for WORKER (one statement; see the module
    doc); None when no batch is pending and no claim has run out. Commit right after.

    On PostgreSQL the claim also takes a session-level advisory lock on the batch, before the
    claim commits, held by C's session until `unlock_batch` (or until the session ends): a
    claimed batch whose lock can be taken has lost its worker (killed, or its connection
    dropped) and is claimable at once, without waiting for the lease."""
    candidate = (select(B.c.id).where(_claimable(c, run_id, lease)).order_by(B.c.position)
                 .limit(1).with_for_update(skip_locked=True).scalar_subquery())
    row = c.execute(update(B).where(B.c.id == candidate).values(
        state=CLAIMED, claimed_by=worker, claimed_at=utcnow(), heartbeat=database_seconds(c))
        .returning(B.c.id, B.c.run_id, B.c.position, B.c.doc_ids)).first()
    if row is None:
        return None
    if c.dialect.name == "postgresql":
        c.execute(select(func.pg_advisory_lock(BATCH_LOCK_KEY, row.id)))
    ids = [int(part) for part in str(row.doc_ids).split(",") if part]
    return ClaimedBatch(int(row.id), int(row.run_id), int(row.position), ids)


def unlock_batch(c: Connection, batch_id: int) -> None:
    """Let go of the advisory lock `claim_batch` took on C's session (PostgreSQL; call
    outside a transaction on C, once the batch is done, given back or lost)."""
    if c.dialect.name == "postgresql":
        with c.begin():
            c.execute(select(func.pg_advisory_unlock(BATCH_LOCK_KEY, batch_id)))


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
