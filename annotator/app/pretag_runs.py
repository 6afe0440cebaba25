"""Resumable, shared pre-tagging: a run in batches that workers claim, do and commit one by one.

`pretag_in_batches(project, pretagger, ...)` is what `annotator pretag` calls. It opens a run
(`store/pretag_claims.py`): with `resume` (the default) it joins the newest unfinished run of
the same pre-tagger into the same target with the same options (label mapping, `untouched`,
new labels, choice of documents), else it plans a new one (the documents `pretag_targets`
chooses, in document order, split into batches of `batch_documents`). Opening is serialised
(SQLite's write lock; a PostgreSQL advisory lock), so two commands started together share one
run. Then it loops: claim a batch, read its documents' targets and texts, compute the
suggestions outside any transaction (renewing the claim's heartbeat every `lease / 3` s), and
write them AND mark the batch done in one transaction, only if this worker still holds the
claim. A batch's suggestions therefore appear all at once or not at all; a run cut off by a
crash, a kill or Ctrl-C resumes where it stopped (a stopped worker gives its batch back; a
killed one's batch is claimed again at once on PostgreSQL, where its session's lock went with
it, and once its lease ran out on SQLite), and several commands against one PostgreSQL project
share the work without doing a batch twice.

When no batch is claimable but others still hold claims, the worker waits (polling) until they
are done or their lease runs out, so a command that returns has seen its run through (unless
stopped). The report says how many batches this worker did, how many others did, and how many
are left.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field

from annotator.app.pretagging import (
    Computed,
    PretagReport,
    Progress,
    map_suggestions,
    plan_labels,
    store_suggestions,
)
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.nlp.pretaggers import Pretagger
from annotator.store.pretag_claims import (
    ClaimedBatch,
    RunTally,
    annotator_in_run,
    claim_batch,
    claim_connection,
    create_run,
    finish_run_if_done,
    heartbeat,
    lock_runs,
    record_suggestions,
    release,
    run_choices,
    run_documents,
    run_tally,
    take_for_done,
    unfinished_run,
    unlock_batch,
)
from annotator.store.pretag_targets import document_texts, pretag_targets


@dataclass
class RunReport(PretagReport):
    run_id: int = 0
    joined: bool = False  # joined an unfinished run instead of planning a new one
    worker: str = ""
    batches: int = 0
    batches_done_here: int = 0
    batches_done_by_others: int = 0
    batches_left: int = 0
    batches_lost: int = 0  # claims taken over by another worker (lease ran out): not written
    claimed: list[int] = field(default_factory=list)  # ids of the batches this worker claimed

    def to_dict(self) -> dict[str, object]:
        result = super().to_dict()
        result.update(run=self.run_id, joined=self.joined, worker=self.worker,
                      batches=self.batches, batches_done_here=self.batches_done_here,
                      batches_done_by_others=self.batches_done_by_others,
                      batches_left=self.batches_left, batches_lost=self.batches_lost,
                      batches_claimed=self.claimed)
        return result

    def count_tally(self, tally: RunTally) -> None:
        self.batches = tally.batches
        self.batches_done_here = tally.done_here
        self.batches_done_by_others = tally.done_by_others
        self.batches_left = tally.left


def worker_name() -> str:
    """host:pid:uuid, unique for every worker (a pid is reused, a host name may be shared)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def run_options(label_map: dict[str, str], new_labels: str, untouched_only: bool,
                doc_ids: Iterable[int] | None) -> str:
    """What besides pre-tagger and target makes two runs the same run (canonical JSON)."""
    chosen = "all" if doc_ids is None else hashlib.sha256(
        ",".join(str(d) for d in sorted(set(doc_ids))).encode()).hexdigest()[:16]
    return json.dumps({"documents": chosen, "labels": dict(sorted(label_map.items())),
                       "new_labels": new_labels, "untouched": untouched_only}, sort_keys=True)


def pretag_in_batches(
    project: Project,
    pretagger: Pretagger,
    doc_ids: Iterable[int] | None = None,
    annotator: str | None = None,
    *,
    label_map: dict[str, str] | None = None,
    new_labels: str = "drop",
    untouched_only: bool = False,
    batch_size: int = 64,
    batch_documents: int = 256,
    lease: float = 300.0,
    resume: bool = True,
    run: int | None = None,
    opened: Callable[[int], None] | None = None,
    worker: str | None = None,
    poll: float = 1.0,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RunReport:
    """Pre-tag in claimed batches; see the module doc (and `pretagging.pretag_documents` for
    targets, labels and storage rules, which are the same). RUN joins that run (E145 when
    there is none, E146 when it was started with other choices); OPENED hears the run's id
    once it is open, before any batch is claimed."""
    started = time.perf_counter()
    for value, what in ((batch_documents, "documents per batch"), (lease, "--lease")):
        if value <= 0:
            raise AnnotatorError(E.E116, value=value, what=what, reason="more than 0")
    if new_labels not in ("drop", "add"):
        raise AnnotatorError(E.E116, value=new_labels, what="new_labels", reason="drop or add")
    store = project.store
    label_map = dict(label_map or {})
    doc_ids = None if doc_ids is None else list(doc_ids)
    report = RunReport(origin=pretagger.origin, worker=worker or worker_name())
    if new_labels == "add":
        for label in plan_labels(project, pretagger, label_map)[1]:
            store.add_label(label_map.get(label, label))
            report.labels_added.append(label_map.get(label, label))
    options = run_options(label_map, new_labels, untouched_only, doc_ids)
    run_id, annotator_id = _open_run(project, (pretagger.origin, annotator or "", options), run,
                                     resume, (doc_ids, annotator, untouched_only),
                                     batch_documents, report)
    report.run_id = run_id
    if opened:
        opened(run_id)
    loop = _Worker(project, pretagger, report, (annotator, annotator_id), label_map,
                   untouched_only, batch_size, lease, should_stop or (lambda: False))
    with store.engine.connect() as c:
        tally = run_tally(c, run_id, report.worker, lease)
        report.documents_to_tag = run_documents(c, run_id)
    if progress:
        progress(tally.documents_done, report.documents_to_tag)
    with claim_connection(store.engine) as claims:
        while True:
            if loop.stop():
                report.cancelled = True
                break
            with claims.begin():
                batch = claim_batch(claims, run_id, report.worker, lease)
            if batch is None:
                with store.engine.connect() as c:
                    tally = run_tally(c, run_id, report.worker, lease)
                if not tally.left:
                    break
                time.sleep(min(poll, lease / 4))  # others hold claims: wait for them or lease
                continue
            report.claimed.append(batch.id)
            try:
                loop.do(batch)
            finally:
                unlock_batch(claims, batch.id)
            if progress:
                with store.engine.connect() as c:
                    progress(run_tally(c, run_id, report.worker, lease).documents_done,
                             report.documents_to_tag)
    with store.write() as c:
        finish_run_if_done(c, run_id)
        report.count_tally(run_tally(c, run_id, report.worker, lease))
    report.seconds = time.perf_counter() - started
    return report


def _open_run(project: Project, choices: tuple[str, str, str], run: int | None, resume: bool,
              selection: tuple[list[int] | None, str | None, bool], batch_documents: int,
              report: RunReport) -> tuple[int, int | None]:
    """(run id, target annotator id): RUN, or the unfinished run of CHOICES (pre-tagger,
    target, options) when RESUME, else a new run over SELECTION (documents, annotator,
    untouched only). Serialised with every other worker's opening."""
    doc_ids, annotator, untouched_only = selection
    with project.store.write() as c:
        lock_runs(c)
        annotator_id = annotator_in_run(c, annotator) if annotator else None
        if run is not None:
            _check_run(run, run_choices(c, run), choices)
            run_id: int | None = run
        else:
            run_id = unfinished_run(c, *choices) if resume else None
        report.joined = run_id is not None
        if run_id is None:
            planned = pretag_targets(c, doc_ids, annotator, untouched_only)
            report.count_targets(planned)
            run_id = create_run(c, *choices, list(planned.annotations), batch_documents)
    return run_id, annotator_id


def _check_run(run: int, found: tuple[str, str, str] | None,
               wanted: tuple[str, str, str]) -> None:
    """E145 when RUN does not exist, E146 when it was started with other choices."""
    if found is None:
        raise AnnotatorError(E.E145, run=run)
    names = ("pre-tagger", "annotator", "options")
    differ = [f"{name} {was!r}, not {given!r}" for name, was, given in zip(names, found, wanted,
                                                                            strict=True)
              if was != given]
    if differ:
        raise AnnotatorError(E.E146, run=run, what="; ".join(differ))


class _Worker:
    """Does one claimed batch at a time for a report."""

    def __init__(self, project: Project, pretagger: Pretagger, report: RunReport,
                 annotator: tuple[str | None, int | None], label_map: dict[str, str], untouched_only: bool,
                 batch_size: int, lease: float, stop: Callable[[], bool]) -> None:
        self.project, self.store, self.pretagger = project, project.store, pretagger
        self.report, self.label_map, self.untouched_only = report, label_map, untouched_only
        self.annotator, self.annotator_id = annotator
        self.batch_size, self.lease, self.stop = batch_size, lease, stop
        self.labels = {spec.name for spec in self.store.labels()}
        self.policy = self.store.project().overlap_policy

    def do(self, batch: ClaimedBatch) -> None:
        """Compute BATCH and store it with its `done`; give it back when stopped or failing."""
        try:
            self._do(batch)
        except BaseException:  # Ctrl-C, a pre-tagger failing: the next worker takes it at once
            with suppress(Exception), self.store.write() as c:
                release(c, batch.id, self.report.worker)
            raise

    def _do(self, batch: ClaimedBatch) -> None:
        worker = self.report.worker
        with self.store.engine.connect() as c:
            planned = pretag_targets(c, batch.doc_ids, self.annotator, self.untouched_only)
            texts = document_texts(c, list(planned.annotations))
        computed = self._compute(batch, planned.annotations, texts)
        if computed is None:  # stopped, or taken over while computing
            return
        report = self.report
        added_before = report.suggestions.added
        with self.store.write() as c:
            if not take_for_done(c, batch.id, worker):
                report.batches_lost += 1
                return
            store_suggestions(c, computed, planned.annotations, self.annotator_id,
                              self.untouched_only, self.policy, report)
            record_suggestions(c, batch.id, report.suggestions.added - added_before)
        report.finished_skipped += planned.finished_skipped
        report.started_skipped += planned.started_skipped
        report.without_open_annotation += planned.without_open_annotation
        report.documents_tagged += len(computed)
        report.characters += sum(length for _doc, length, _found in computed)

    def _compute(self, batch: ClaimedBatch, targets: dict[int, list[int]],
                 texts: dict[int, str]) -> Computed | None:
        ids = list(targets)
        computed: Computed = []
        beat_every = self.lease / 3
        last_beat = time.monotonic()
        found_all = self.pretagger.suggest((texts[d] for d in ids), self.batch_size)
        for doc_id, found in zip(ids, found_all, strict=True):
            computed.append((doc_id, len(texts[doc_id]),
                             map_suggestions(found, self.label_map, self.labels, self.report)))
            if self.stop():
                with self.store.write() as c:
                    release(c, batch.id, self.report.worker)
                self.report.cancelled = True
                return None
            if time.monotonic() - last_beat >= beat_every:
                with self.store.write() as c:
                    alive = heartbeat(c, batch.id, self.report.worker)
                if not alive:
                    self.report.batches_lost += 1
                    return None
                last_beat = time.monotonic()
        return computed
