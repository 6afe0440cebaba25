"""The PostgreSQL server itself crashes (`pg_ctl stop -m immediate`: no shutdown checkpoint, WAL
recovery at the next start) while an annotator is editing: after the restart every edit the
annotator was told had succeeded is there, and the project opens cleanly. (The operating system's
cache survives this crash, so it shows the server's own commit discipline, not the disk's.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "store"))
from test_durability import CHILD, check_after_kill  # noqa: E402

from annotator.core.model import SourceDocument  # noqa: E402
from annotator.store import ProjectStore  # noqa: E402
from annotator.store.ingest import IngestOptions, ingest  # noqa: E402

pytestmark = pytest.mark.postgres


@pytest.fixture
def own_server(postgres_server):
    """A cluster of this test's own (the session's is shared and must not crash)."""
    from pg_server import start_server

    server = start_server()
    yield server
    try:
        server.stop("immediate")  # thrown away
    finally:
        shutil.rmtree(server.base, ignore_errors=True)


def test_a_server_crash_loses_no_reported_edit(own_server):
    assert own_server.durable
    url = own_server.owner_url(own_server.create_database())
    with ProjectStore.create(url, labels=["PERS", "LOC", "ORG", "MISC"]) as store:
        with store.write() as c:
            # two-letter words: the plan's spans [3k, 3k + 2) are each exactly one word
            words = " ".join(["في", "من", "عن", "هو"] * 5000)
            ingest(c, [SourceDocument(words, source="seed")], store.project().overlap_policy,
                   IngestOptions())
    child = subprocess.Popen([sys.executable, str(CHILD), url, "amal", "100000"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    reported = 0
    for line in child.stdout:
        reported = int(line.split()[1]) + 1
        if reported >= 120:
            own_server.stop("immediate")  # the crash, with the child mid-stream
            break
    for line in child.stdout:  # what it printed before it noticed
        if line.startswith("done"):
            reported = int(line.split()[1]) + 1
    child.wait(timeout=60)
    assert child.returncode != 0, "the child finished before the crash"
    own_server.start()  # crash recovery replays the WAL
    check_after_kill(url, "amal", reported, total=100_000)
