"""Load: several annotator processes edit one project at once (each edit its own transaction);
afterwards every edit is in the database exactly once, on SQLite and PostgreSQL alike. The full
8 x 500 figures come from bench/bench_team_load.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from load_worker import LoadResult, check, create_project, run_load  # noqa: E402

from annotator.core.operations import AddSpan  # noqa: E402
from annotator.store import ProjectStore  # noqa: E402

WORKERS, EDITS, DOCUMENTS = 4, 100, 3


@pytest.mark.slow
def test_concurrent_annotator_processes_lose_and_repeat_nothing(fresh_project_url):
    names = [f"annotator{k}" for k in range(WORKERS)]
    create_project(fresh_project_url, DOCUMENTS, names)
    result = run_load(fresh_project_url, [fresh_project_url] * WORKERS, names, EDITS)
    assert result.failures == []
    assert result.edits == WORKERS * EDITS == len(result.latencies)
    assert (result.lost, result.extra, result.version_errors) == (0, 0, 0)
    with ProjectStore.open(fresh_project_url) as store:  # opens cleanly, everyone's work there
        assert store.stats()


def test_the_load_check_notices_a_missing_and_an_unplanned_edit(fresh_project_url):
    """The check itself can fail: one planned edit undone, one edit nobody planned."""
    names = ["annotator0", "annotator1"]
    create_project(fresh_project_url, 2, names)
    result = run_load(fresh_project_url, [fresh_project_url] * 2, names, 6)
    assert (result.lost, result.extra, result.version_errors) == (0, 0, 0)
    from load_worker import annotation_versions

    with ProjectStore.open(fresh_project_url) as store:
        docs = store.document_ids()
        before = annotation_versions(fresh_project_url)
        first = store.annotation_id(docs[0], "annotator0")
        with store.write() as c:  # an edit lost: its row gone, the version as if never made
            c.exec_driver_sql(f"DELETE FROM span WHERE id = (SELECT max(id) FROM span "
                              f"WHERE annotation_id = {first})")
        store.apply(AddSpan(store.annotation_id(docs[1], "annotator1"), 900, 905, "LOC"))
    for annotation in before:  # the check compares with the versions before the workers ran
        before[annotation] -= 3
    again = LoadResult(edits=0, seconds=0.0)
    check(fresh_project_url, names, 6, before, again)
    assert again.lost == 1 and again.extra == 1 and again.version_errors == 1
