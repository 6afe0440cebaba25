"""Resumable pre-tagging on a SQLite project (`app.pretag_runs`): a run stopped part-way keeps
the batches it finished whole and drops the one it was in; resuming does only what is left; a
finished run is not joined again; a claim whose lease ran out is taken over, and the worker
that lost it writes nothing."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

import pytest
from sqlalchemy import update

from annotator.app.pretag_runs import pretag_in_batches
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import Name, SourceDocument
from annotator.nlp.pretaggers import GazetteerPretagger, Suggestion
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.pretag_claims import B, claim_batch, run_batches, take_for_done

DOCUMENTS = 10
def STOP_AT_ONCE() -> bool:  # the run is planned, then stopped before any batch
    return True


class Recording:
    """The gazetteer pre-tagger, remembering every text it was given."""

    def __init__(self) -> None:
        self.inner = GazetteerPretagger([Name("لافروف", "PERS"), Name("موسكو", "LOC")], "ar",
                                        "names")
        self.origin = self.inner.origin
        self.seen: list[str] = []

    def labels(self) -> list[str]:
        return self.inner.labels()

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        for text in texts:
            self.seen.append(text)
            yield from self.inner.suggest([text])


@pytest.fixture
def project(tmp_path) -> Iterator[Project]:  # type: ignore[no-untyped-def]
    project = Project.create(tmp_path / "p.db", labels=["PERS", "LOC"])
    with project.store.write() as c:
        ingest(c, [SourceDocument(f"زار لافروف موسكو {i}", source=f"d{i}")
                   for i in range(DOCUMENTS)], project.info().overlap_policy, IngestOptions())
    yield project
    project.close()


def _suggestions(project: Project) -> dict[int, int]:
    result = {}
    for doc_id in project.store.document_ids():
        annotation = project.store.annotation_id(doc_id, "model")
        result[doc_id] = len(project.store.spans(annotation))
    return result


def _stopping(documents: int) -> tuple[Recording, Callable[[], bool]]:
    """A pre-tagger and a should_stop that says stop once it computed DOCUMENTS documents."""
    pretagger = Recording()
    return pretagger, lambda: len(pretagger.seen) >= documents


def test_a_stopped_run_resumes_without_redoing_done_batches(project):
    first, stop = _stopping(5)
    report = pretag_in_batches(project, first, annotator="model", batch_documents=2,
                               should_stop=stop)
    assert report.cancelled and not report.joined
    assert (report.batches, report.batches_done_here, report.batches_left) == (5, 2, 3)
    assert len(first.seen) == 5  # the fifth document was computed, then the run stopped
    counts = _suggestions(project)
    ids = project.store.document_ids()
    assert [counts[d] for d in ids] == [2] * 4 + [0] * 6  # the stopped batch left nothing
    with project.store.engine.connect() as c:
        before = {b["id"]: b for b in run_batches(c, report.run_id)}
    assert [b["state"] for b in before.values()] == ["done"] * 2 + ["pending"] * 3

    second = Recording()
    resumed = pretag_in_batches(project, second, annotator="model", batch_documents=2)
    assert resumed.joined and resumed.run_id == report.run_id and not resumed.cancelled
    assert second.seen == [project.document_text(d) for d in ids[4:]]  # only what was left
    assert (resumed.batches_done_here, resumed.batches_done_by_others,
            resumed.batches_left) == (3, 2, 0)
    assert resumed.suggestions.identical == 0
    assert set(_suggestions(project).values()) == {2}
    with project.store.engine.connect() as c:
        after = {b["id"]: b for b in run_batches(c, report.run_id)}
    for batch_id in list(before)[:2]:  # the batches done first were left as they were
        assert after[batch_id]["done_at"] == before[batch_id]["done_at"]
        assert after[batch_id]["claimed_by"] == report.worker

    again = pretag_in_batches(project, Recording(), annotator="model", batch_documents=2)
    assert not again.joined and again.run_id != report.run_id  # the finished run is not joined
    assert again.suggestions.added == 0 and again.suggestions.identical == 2 * DOCUMENTS


def test_new_run_starts_over_even_with_an_unfinished_run(project):
    stopped = pretag_in_batches(project, Recording(), annotator="model", batch_documents=4,
                                should_stop=STOP_AT_ONCE)
    fresh = pretag_in_batches(project, Recording(), annotator="model", batch_documents=4,
                              resume=False)
    assert fresh.run_id != stopped.run_id and not fresh.joined
    assert fresh.batches_done_here == 3 and fresh.documents_tagged == DOCUMENTS


def test_other_options_make_another_run(project):
    pretag_in_batches(project, Recording(), annotator="model", should_stop=STOP_AT_ONCE)
    other = pretag_in_batches(project, Recording(), annotator="other")
    assert not other.joined


def test_an_expired_claim_is_taken_over_and_its_first_worker_writes_nothing(project):
    pretag_in_batches(project, Recording(), annotator="model", batch_documents=5,
                      should_stop=STOP_AT_ONCE)  # a run of two batches, none done
    run_id = 1
    with project.store.write() as c:
        ghost = claim_batch(c, run_id, "ghost:1:dead", lease=300)
        assert ghost is not None
        c.execute(update(B).where(B.c.id == ghost.id).values(heartbeat=0.0))  # silent for long
    report = pretag_in_batches(project, Recording(), annotator="model", batch_documents=5,
                               lease=300)
    assert report.joined and report.batches_done_here == 2 and ghost.id in report.claimed
    with project.store.write() as c:
        assert not take_for_done(c, ghost.id, "ghost:1:dead")
    assert set(_suggestions(project).values()) == {2}


def test_a_live_claim_of_another_worker_is_waited_for_not_taken(project):
    pretag_in_batches(project, Recording(), annotator="model", batch_documents=5,
                      should_stop=STOP_AT_ONCE)
    with project.store.write() as c:
        held = claim_batch(c, 1, "alive:1:busy", lease=300)
    assert held is not None
    until = time.monotonic() + 1.0
    report = pretag_in_batches(project, Recording(), annotator="model", batch_documents=5,
                               poll=0.05, should_stop=lambda: time.monotonic() > until)
    assert report.cancelled and held.id not in report.claimed  # it waited, then was stopped
    assert (report.batches_done_here, report.batches_left) == (1, 1)
    with project.store.engine.connect() as c:
        batch = next(b for b in run_batches(c, 1) if b["id"] == held.id)
    assert (batch["state"], batch["claimed_by"]) == ("claimed", "alive:1:busy")


def test_invalid_batch_size_and_lease_are_refused(project):
    for options in ({"batch_documents": 0}, {"lease": 0}):
        with pytest.raises(AnnotatorError, match="E116"):
            pretag_in_batches(project, Recording(), annotator="model", **options)
