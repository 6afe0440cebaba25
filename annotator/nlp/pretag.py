"""Batch pre-tagging: stream documents through a pre-tagger and store its suggestions.

`pretag_documents(store, pretagger, ...)` is what `annotator pretag` and the app's pre-tag
dialog call. Whose annotations receive the suggestions:

- `annotator=NAME`: NAME's annotation of each document (created, status `new`, when missing);
  documents NAME has marked done or skipped are left alone;
- no annotator: every open annotation (status new or in progress, the adjudicated `gold` set
  excluded) of each document; documents without one are counted in
  `PretagReport.without_open_annotation` and left alone (pass an annotator to include them).
  With `untouched_only`, only annotations still `new` are pre-tagged (model in the loop: tag
  what nobody has started).

Labels: the pre-tagger's label L is stored as `label_map.get(L, L)`; a label the project does
not have (after mapping) is dropped and counted per label in `PretagReport.unmapped`, or, with
`new_labels="add"`, added to the project before the run. `plan_labels` tells the app which
labels would be dropped before anything runs, so it can offer mappings or new labels.

Atomicity: suggestions are computed outside any transaction, then written for a group of
documents in one transaction (a group closes after `commit_every` seconds or documents). A
document's suggestions are always in the same transaction, so a cancelled or crashed run leaves
every document either fully pre-tagged or untouched; `should_stop()` is checked after every
document, and what was computed before a stop is committed. Storage rules (identical spans
skipped, accepted spans never touched, overlaps dropped) are in `store/suggestions.py`.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.nlp.pretaggers import Pretagger, Suggestion
from annotator.store.project_store import ProjectStore
from annotator.store.suggestions import (
    NewSuggestion,
    SuggestionCounts,
    add_suggestions_bulk,
    annotations_for,
)
from annotator.store.tables import Annotation, Annotator, Document, table_of

D, N, A = table_of(Document), table_of(Annotation), table_of(Annotator)
OPEN = (str(Status.NEW), str(Status.IN_PROGRESS))
READ_BATCH = 200

Progress = Callable[[int, int], None]  # (documents done, documents to do)


@dataclass
class PretagReport:
    origin: str
    documents_selected: int = 0
    documents_to_tag: int = 0
    documents_tagged: int = 0  # fully written (committed)
    characters: int = 0
    annotations_tagged: int = 0
    finished_skipped: int = 0  # the named annotator's annotation is done or skipped
    started_skipped: int = 0  # untouched_only: the annotation is no longer new
    without_open_annotation: int = 0  # no annotator given and no open annotation
    suggestions: SuggestionCounts = field(default_factory=SuggestionCounts)
    unmapped: Counter[str] = field(default_factory=Counter)  # label -> suggestions dropped
    labels_added: list[str] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        s = self.suggestions
        return {
            "origin": self.origin, "documents_selected": self.documents_selected,
            "documents_to_tag": self.documents_to_tag, "documents_tagged": self.documents_tagged,
            "characters": self.characters, "annotations_tagged": self.annotations_tagged,
            "finished_skipped": self.finished_skipped, "started_skipped": self.started_skipped,
            "without_open_annotation": self.without_open_annotation,
            "suggestions_added": s.added, "identical_skipped": s.identical,
            "overlapping_accepted_dropped": s.overlapping_accepted,
            "overlapping_suggestions_dropped": s.overlapping_suggested,
            "outside_text_dropped": s.outside, "unmapped_labels": dict(self.unmapped),
            "labels_added": self.labels_added, "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
        }


def parse_label_map(items: Iterable[str]) -> dict[str, str]:
    """['GPE=LOC', 'PERSON=PERS', 'DATE=-'] -> {'GPE': 'LOC', 'PERSON': 'PERS', 'DATE': ''}."""
    mapping: dict[str, str] = {}
    for item in items:
        for part in item.split(","):
            source, equals, target = part.partition("=")
            if not equals or not source.strip():
                raise AnnotatorError(E.E406, value=part)
            target = target.strip()
            mapping[source.strip()] = "" if target == "-" else target
    return mapping


def split_label_maps(items: Iterable[str], kinds: Iterable[str]
                     ) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """--map items -> (mapping for every pre-tagger, KIND -> mapping for that pre-tagger only):
    'GPE=LOC' maps for all, 'spacy:GPE=LOC' only for the pre-tagger of kind spacy."""
    common: list[str] = []
    per_kind: dict[str, list[str]] = {}
    known = set(kinds)
    for item in items:
        for part in item.split(","):
            kind, colon, rest = part.partition(":")
            if colon and kind.strip() in known:
                per_kind.setdefault(kind.strip(), []).append(rest)
            else:
                common.append(part)
    return parse_label_map(common), {k: parse_label_map(v) for k, v in per_kind.items()}


def plan_labels(store: ProjectStore, pretagger: Pretagger,
                label_map: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """(pre-tagger label -> project label for every label kept, labels that would be dropped)."""
    project = {spec.name for spec in store.labels()}
    kept: dict[str, str] = {}
    dropped: list[str] = []
    for label in pretagger.labels():
        target = label_map.get(label, label)
        if target in project:
            kept[label] = target
        elif target:
            dropped.append(label)
    return kept, dropped


def pretag_documents(
    store: ProjectStore,
    pretagger: Pretagger,
    doc_ids: Iterable[int] | None = None,
    annotator: str | None = None,
    *,
    label_map: dict[str, str] | None = None,
    new_labels: str = "drop",
    untouched_only: bool = False,
    batch_size: int = 64,
    commit_every: tuple[float, int] = (0.5, 256),
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> PretagReport:
    """Pre-tag DOC_IDS (default: every document) with PRETAGGER; see the module doc."""
    started = time.perf_counter()
    label_map = dict(label_map or {})
    report = PretagReport(origin=pretagger.origin)
    if new_labels not in ("drop", "add"):
        raise AnnotatorError(E.E116, value=new_labels, what="new_labels", reason="drop or add")
    if new_labels == "add":
        for label in plan_labels(store, pretagger, label_map)[1]:
            store.add_label(label_map.get(label, label))
            report.labels_added.append(label_map.get(label, label))
    project_labels = {spec.name for spec in store.labels()}
    policy = store.project().overlap_policy
    targets = _targets(store, doc_ids, annotator, untouched_only, report)
    report.documents_to_tag = len(targets)
    annotator_id = store.annotator_id(annotator) if annotator else None
    stop = should_stop or (lambda: False)
    queue: deque[tuple[int, int]] = deque()  # (doc id, length) of texts handed to the pre-tagger
    pending: list[tuple[int, int, list[NewSuggestion]]] = []
    done = 0

    def flush() -> None:
        nonlocal done
        if not pending:
            return
        with store.write() as c:
            wanted = [(doc_id, length, found) for doc_id, length, found in pending
                      if found or targets[doc_id]]  # no annotation is created to hold nothing
            annotations = _open_annotations(c, [(d, targets[d]) for d, _l, _f in wanted],
                                            annotator_id, untouched_only)
            items = [(annotation_id, length, found) for doc_id, length, found in wanted
                     for annotation_id in annotations.get(doc_id, [])]
            for counts in add_suggestions_bulk(c, items, policy):
                report.suggestions.add(counts)
            report.annotations_tagged += len(items)
        report.characters += sum(length for _doc_id, length, _found in pending)
        done += len(pending)
        report.documents_tagged = done
        pending.clear()
        if progress:
            progress(done, len(targets))

    if progress:
        progress(0, len(targets))
    texts = _texts(store, list(targets), queue)
    deadline = time.perf_counter() + commit_every[0]
    for found in pretagger.suggest(texts, batch_size):
        doc_id, length = queue.popleft()
        pending.append((doc_id, length, _mapped(found, label_map, project_labels, report)))
        if stop():
            report.cancelled = True
            break
        if len(pending) >= commit_every[1] or time.perf_counter() >= deadline:
            flush()
            deadline = time.perf_counter() + commit_every[0]
    flush()
    report.seconds = time.perf_counter() - started
    return report


def _mapped(found: list[Suggestion], label_map: dict[str, str], labels: set[str],
            report: PretagReport) -> list[NewSuggestion]:
    result = []
    for suggestion in found:
        label = label_map.get(suggestion.label, suggestion.label)
        if label not in labels:
            if label:  # mapped to '' on purpose: dropped without comment
                report.unmapped[suggestion.label] += 1
            continue
        result.append(NewSuggestion(suggestion.start, suggestion.end, label, suggestion.score,
                                    suggestion.origin))
    return result


def _texts(store: ProjectStore, doc_ids: list[int],
           queue: deque[tuple[int, int]]) -> Iterator[str]:
    """Texts of DOC_IDS in order, read in batches; each id joins QUEUE as its text leaves."""
    for first in range(0, len(doc_ids), READ_BATCH):
        batch = doc_ids[first:first + READ_BATCH]
        with store.engine.connect() as c:
            texts = {r[0]: r[1] for r in c.execute(select(D.c.id, D.c.text).where(D.c.id.in_(batch)))}
        for doc_id in batch:
            text = texts[doc_id]
            queue.append((doc_id, len(text)))
            yield text


def _targets(store: ProjectStore, doc_ids: Iterable[int] | None, annotator: str | None,
             untouched_only: bool, report: PretagReport) -> dict[int, list[int]]:
    """Document id -> annotation ids to pre-tag ([] : the named annotator's, to be created)."""
    with store.engine.connect() as c:
        ordered = list(c.execute(select(D.c.id).order_by(D.c.position)).scalars())
        if doc_ids is not None:
            wanted = set(doc_ids)
            missing = wanted - set(ordered)
            if missing:
                raise AnnotatorError(E.E110, doc_id=min(missing))
            ordered = [d for d in ordered if d in wanted]
        report.documents_selected = len(ordered)
        if annotator:
            found = c.execute(select(A.c.id).where(A.c.name == annotator)).scalar()
            rows = [] if found is None else c.execute(
                select(N.c.document_id, N.c.id, N.c.status).where(N.c.annotator_id == found)).all()
        else:
            rows = c.execute(select(N.c.document_id, N.c.id, N.c.status)
                             .join(A, A.c.id == N.c.annotator_id)
                             .where(A.c.name != GOLD_ANNOTATOR)).all()
    by_document: dict[int, list[tuple[int, str]]] = {}
    for doc_id, annotation_id, status in rows:
        by_document.setdefault(doc_id, []).append((annotation_id, status))
    targets: dict[int, list[int]] = {}
    for doc_id in ordered:
        annotations = by_document.get(doc_id, [])
        if annotator:
            status = annotations[0][1] if annotations else str(Status.NEW)
            if status not in OPEN:
                report.finished_skipped += 1
            elif untouched_only and status != str(Status.NEW):
                report.started_skipped += 1
            else:
                targets[doc_id] = [annotations[0][0]] if annotations else []
            continue
        allowed = (str(Status.NEW),) if untouched_only else OPEN
        chosen = [annotation_id for annotation_id, status in annotations if status in allowed]
        if chosen:
            targets[doc_id] = chosen
        elif untouched_only and any(status in OPEN for _id, status in annotations):
            report.started_skipped += 1
        else:
            report.without_open_annotation += 1
    return targets


def _open_annotations(c, planned: list[tuple[int, list[int]]],  # type: ignore[no-untyped-def]
                      annotator_id: int | None, untouched_only: bool) -> dict[int, list[int]]:
    """Document id -> its planned annotations still open now (a person may have finished one
    meanwhile); an empty plan means the named annotator's annotation, created when missing."""
    result: dict[int, list[int]] = {}
    to_create = [doc_id for doc_id, ids in planned if not ids]
    if annotator_id is not None and to_create:
        for doc_id, (annotation_id, status) in annotations_for(c, to_create, annotator_id).items():
            if status in (Status.NEW, Status.IN_PROGRESS):
                result[doc_id] = [annotation_id]
    allowed = (str(Status.NEW),) if untouched_only else OPEN
    wanted = [annotation_id for _doc_id, ids in planned for annotation_id in ids]
    still_open: set[int] = set()
    for first in range(0, len(wanted), READ_BATCH):
        still_open.update(c.execute(select(N.c.id).where(
            N.c.id.in_(wanted[first:first + READ_BATCH]), N.c.status.in_(allowed))).scalars())
    for doc_id, ids in planned:
        if ids:
            result[doc_id] = [annotation_id for annotation_id in ids if annotation_id in still_open]
    return result
