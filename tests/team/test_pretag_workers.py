"""Pre-tagging shared by worker processes (`app.pretag_runs`), on SQLite and PostgreSQL: a
worker SIGKILLed in the middle of a batch leaves it to another, which does it exactly once
(at once on PostgreSQL, where the dead worker's session lock is gone; after the lease on
SQLite);
two workers running at once never claim the same batch and never write a document twice.

"Exactly once" is read off the database: every pre-tagged annotation's version moved by exactly
one (each batch write bumps it once), each document holds its suggestions once, the batches'
recorded suggestion counts add up to the span rows, and no worker met a suggestion already
there (`identical_skipped` would count a batch written twice, or half-written before)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from annotator.core.model import SourceDocument
from annotator.store import ProjectStore
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.pretag_claims import B, claim_batch, create_run, run_batches
from annotator.store.tables import Annotation, Annotator, SpanRow, table_of

HERE = Path(__file__).resolve().parent
WORKER = HERE / "pretag_worker.py"
sys.path.insert(0, str(HERE))
from pretag_worker import ANNOTATOR, NAMES, write_names  # noqa: E402

N, S, A = table_of(Annotation), table_of(SpanRow), table_of(Annotator)


def _project(url: str, documents: int) -> None:
    store = ProjectStore.create(url, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.write() as c:
        ingest(c, [SourceDocument(f"زار لافروف موسكو ثم كوريا في اليوم {i}", source=f"d{i}")
                   for i in range(documents)], store.project().overlap_policy, IngestOptions())
    store.close()


def _start(url: str, names: Path, delay: float, lease: float, batch: int
           ) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(HERE.parents[1])}
    child = subprocess.Popen([sys.executable, str(WORKER), url, str(names), str(delay),
                              str(lease), str(batch)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    return child, child.stdout.readline().strip()  # its worker name: it is ready


def _go(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()


def _report(child: subprocess.Popen[str]) -> dict[str, object]:
    out, _ = child.communicate(timeout=120)
    assert child.returncode == 0
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _batches(url: str) -> list[dict[str, object]]:
    store = ProjectStore.open(url)
    try:
        with store.engine.connect() as c:
            run = c.execute(select(B.c.run_id).order_by(B.c.run_id.desc())).scalar()
            return [] if run is None else run_batches(c, run)
    finally:
        store.close()


def _check_exactly_once(url: str, documents: int, batches: list[dict[str, object]]) -> None:
    store = ProjectStore.open(url)
    try:
        with store.engine.connect() as c:
            versions = c.execute(select(N.c.version).join(A, A.c.id == N.c.annotator_id)
                                 .where(A.c.name == ANNOTATOR)).scalars().all()
            spans = c.execute(select(S.c.annotation_id, S.c.start, S.c.end, S.c.label)).all()
    finally:
        store.close()
    assert sorted(versions) == [1] * documents  # each annotation written exactly once
    assert len(spans) == len(set(spans)) == documents * len(NAMES)
    assert {b["state"] for b in batches} == {"done"}
    assert sum(int(str(b["suggestions"])) for b in batches) == len(spans)


def test_a_killed_workers_batch_is_done_exactly_once_by_another(fresh_project_url, tmp_path):
    url, names, documents = fresh_project_url, tmp_path / "names.jsonl", 12
    # PostgreSQL: the killed worker's session lock goes with it, so its batch is taken at once
    # (a lease of 300 s would make the test time out); SQLite: once the lease runs out
    lease = 300.0 if url.startswith("postgresql") else 1.5
    _project(url, documents)
    write_names(str(names))
    first, first_name = _start(url, names, delay=0.4, lease=lease, batch=3)
    _go(first)
    deadline = time.monotonic() + 60
    held = None
    while held is None and time.monotonic() < deadline:  # one batch done, the next under way
        batches = _batches(url)
        if any(b["state"] == "done" for b in batches):
            held = next((b for b in batches if b["state"] == "claimed"
                         and b["claimed_by"] == first_name), None)
        time.sleep(0.05)
    assert held is not None, "the first worker never got to its second batch"
    time.sleep(0.5)  # inside that batch: its first document computed, nothing written
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    killed_at = {b["id"]: b["state"] for b in _batches(url)}
    assert killed_at[held["id"]] == "claimed"  # its batch was cut off, not finished
    done_by_first = sum(state == "done" for state in killed_at.values())

    second, second_name = _start(url, names, delay=0.0, lease=lease, batch=3)
    started = time.monotonic()
    _go(second)
    report = _report(second)
    assert time.monotonic() - started < 60  # never waited for a 300 s lease
    batches = _batches(url)
    assert report["joined"] is True and report["batches_left"] == 0
    assert report["batches_done_by_others"] == done_by_first
    assert report["batches_done_here"] == len(batches) - done_by_first
    assert next(b for b in batches if b["id"] == held["id"])["claimed_by"] == second_name
    assert report["identical_skipped"] == 0  # the killed worker left nothing of its batch
    _check_exactly_once(url, documents, batches)


def test_two_workers_at_once_never_claim_the_same_batch(fresh_project_url, tmp_path):
    url, names, documents = fresh_project_url, tmp_path / "names.jsonl", 24
    _project(url, documents)
    write_names(str(names))
    workers = [_start(url, names, delay=0.15, lease=60, batch=2) for _ in range(2)]
    for child, _name in workers:
        _go(child)
    reports = [_report(child) for child, _name in workers]
    batches = _batches(url)
    assert len({r["run"] for r in reports}) == 1  # one plans the run, the other joins it
    assert sorted(bool(r["joined"]) for r in reports) == [False, True]
    claimed = [set(r["batches_claimed"]) for r in reports]  # type: ignore[call-overload]
    assert not claimed[0] & claimed[1]
    assert claimed[0] | claimed[1] == {b["id"] for b in batches}
    assert all(claimed), "one worker did every batch: the test shows no sharing"
    for (_child, name), ids in zip(workers, claimed, strict=True):
        assert {b["id"] for b in batches if b["claimed_by"] == name} == ids
    assert sum(int(str(r["batches_done_here"])) for r in reports) == len(batches)
    assert all(r["identical_skipped"] == 0 and r["batches_lost"] == 0 for r in reports)
    _check_exactly_once(url, documents, batches)


@pytest.mark.postgres
def test_postgres_claims_skip_a_batch_another_claimer_has_locked(pg_url):
    """SKIP LOCKED: a claimer never waits for a batch row another transaction holds; it takes
    the next one (without it this claim would wait, and the statement timeout would fail it)."""
    _project(pg_url, 3)
    store = ProjectStore.open(pg_url)
    other = store.engine.connect()
    try:
        with store.write() as c:
            run = create_run(c, "test/p:1", "", "{}", store.document_ids(), 1)
        holding = other.begin()
        other.execute(select(B.c.id).where(B.c.run_id == run, B.c.position == 0)
                      .with_for_update())
        with store.write() as c:
            c.execute(text("SET LOCAL statement_timeout = '5s'"))
            batch = claim_batch(c, run, "w:1:skip", lease=300)
        assert batch is not None and batch.position == 1
        holding.rollback()
        with store.write() as c:
            assert [claim_batch(c, run, "w:1:skip", lease=300).position] == [0]  # type: ignore[union-attr]
    finally:
        other.close()
        store.close()
