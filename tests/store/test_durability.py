"""A process killed (SIGKILL) in the middle of a stream of edits loses none it reported done."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from edit_stream_child import expected_spans, planned_operations  # noqa: E402

CHILD = Path(__file__).parent / "edit_stream_child.py"


def kill_midstream(project: str, annotator: str, kill_after: int, total: int) -> int:
    """Run the child, SIGKILL it after KILL_AFTER reported edits; return how many it reported."""
    child = subprocess.Popen([sys.executable, str(CHILD), project, annotator, str(total)],
                             stdout=subprocess.PIPE, text=True)
    reported = 0
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("done"):
            reported = int(line.split()[1]) + 1
        if reported >= kill_after:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait()
    for line in child.stdout:  # printed before it died, still in the pipe: reported too
        if line.startswith("done"):
            reported = int(line.split()[1]) + 1
    assert child.returncode == -signal.SIGKILL, "the child finished before it could be killed"
    return reported


def check_after_kill(project_url: str, annotator: str, reported: int, total: int) -> None:
    from annotator.store import ProjectStore

    store = ProjectStore.open(project_url)  # opens cleanly
    annotation = store.annotation_id(store.document_ids()[0], annotator)
    found = {(s.start, s.end, s.label) for s in store.spans(annotation)}
    plan = planned_operations(annotation, total)
    # Every reported edit is there; at most the one edit in flight may also have landed.
    candidates = [set(expected_spans(plan[:reported]).values()),
                  set(expected_spans(plan[:reported + 1]).values())]
    assert found in candidates, f"after {reported} reported edits the spans differ"
    store.close()


@pytest.mark.parametrize("kill_after", [57, 233])
def test_sigkill_loses_no_reported_edit(fresh_project_url, seed_text, kill_after):
    """On SQLite and PostgreSQL alike (there the server rolls back the dead client's open
    transaction)."""
    from annotator.core.model import SourceDocument
    from annotator.store import ProjectStore
    from annotator.store.ingest import IngestOptions, ingest

    with ProjectStore.create(fresh_project_url, labels=["PERS", "LOC", "ORG", "MISC"]) as store:
        with store.write() as c:
            # two-letter words: the plan's spans [3k, 3k + 2) are each exactly one word
            words = " ".join(["في", "من", "عن", "هو"] * 5000)
            ingest(c, [SourceDocument(words, source="seed")], store.project().overlap_policy,
                   IngestOptions())
    reported = kill_midstream(fresh_project_url, "amal", kill_after, total=100_000)
    assert reported >= kill_after
    check_after_kill(fresh_project_url, "amal", reported, total=100_000)
    if fresh_project_url.startswith("sqlite"):
        conn = sqlite3.connect(fresh_project_url.removeprefix("sqlite:///"))
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.close()
