"""Batch pre-tagging: stream documents through a pre-tagger and store its suggestions.

`pretag_documents(project, pretagger, ...)` is what `annotator pretag` and the app's pre-tag
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
skipped, accepted spans never touched, overlaps dropped) are in `store/suggestions.py`, which
annotations a run writes to in `store/pretag_targets.py`.

`load_pretagger_for(project, kind, spec)` loads a pre-tagger of any registered kind with what
the project offers it (its gazetteer, its trained models); `clear_suggestions` takes a run's
suggestions back out.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.app.gazetteer import gazetteer_entries
from annotator.app.project import Project
from annotator.app.training import recorded_models
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Name, OverlapPolicy
from annotator.nlp.pretaggers import (
    PRETAGGER_KINDS,
    CombinedPretagger,
    LoadContext,
    MappedPretagger,
    Pretagger,
    Suggestion,
    available_pretaggers,
    load_pretagger,
    missing_pipeline_help,
)
from annotator.paths import starter_gazetteer_path
from annotator.store.pretag_targets import (
    READ_BATCH,
    PretagTargets,
    document_texts,
    open_annotations,
    pretag_targets,
)
from annotator.store.suggestions import (
    NewSuggestion,
    SuggestionCounts,
    add_suggestions_bulk,
    remove_suggestions,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

Progress = Callable[[int, int], None]  # (documents done, documents to do)
Computed = list[tuple[int, int, list[NewSuggestion]]]  # (doc id, length, its suggestions)


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
    annotation_ids: set[int] = field(default_factory=set)  # annotations written to
    document_ids: set[int] = field(default_factory=set)

    @property
    def changes(self) -> ProjectChanges:
        """What the run changed, for the views (labels too, when it added some)."""
        changes = ProjectChanges.of_annotations(self.annotation_ids, self.document_ids)
        return changes.merged(ProjectChanges(labels=bool(self.labels_added)))

    def count_targets(self, targets: PretagTargets) -> None:
        self.documents_selected = targets.documents_selected
        self.finished_skipped = targets.finished_skipped
        self.started_skipped = targets.started_skipped
        self.without_open_annotation = targets.without_open_annotation

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


def plan_labels(project: Project, pretagger: Pretagger,
                label_map: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """(pre-tagger label -> project label for every label kept, labels that would be dropped)."""
    known = {spec.name for spec in project.labels()}
    kept: dict[str, str] = {}
    dropped: list[str] = []
    for label in pretagger.labels():
        target = label_map.get(label, label)
        if target in known:
            kept[label] = target
        elif target:
            dropped.append(label)
    return kept, dropped


def pretag_documents(
    project: Project,
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
    store = project.store
    label_map = dict(label_map or {})
    report = PretagReport(origin=pretagger.origin)
    if new_labels not in ("drop", "add"):
        raise AnnotatorError(E.E116, value=new_labels, what="new_labels", reason="drop or add")
    if new_labels == "add":
        for label in plan_labels(project, pretagger, label_map)[1]:
            store.add_label(label_map.get(label, label))
            report.labels_added.append(label_map.get(label, label))
    project_labels = {spec.name for spec in store.labels()}
    policy = store.project().overlap_policy
    with store.engine.connect() as c:
        planned = pretag_targets(c, doc_ids, annotator, untouched_only)
    report.count_targets(planned)
    targets = planned.annotations
    report.documents_to_tag = len(targets)
    annotator_id = store.annotator_id(annotator) if annotator else None
    stop = should_stop or (lambda: False)
    queue: deque[tuple[int, int]] = deque()  # (doc id, length) of texts handed to the pre-tagger
    pending: Computed = []
    done = 0

    def flush() -> None:
        nonlocal done
        if not pending:
            return
        with store.write() as c:
            store_suggestions(c, pending, targets, annotator_id, untouched_only, policy, report)
        report.characters += sum(length for _doc_id, length, _found in pending)
        done += len(pending)
        report.documents_tagged = done
        pending.clear()
        if progress:
            progress(done, len(targets))

    if progress:
        progress(0, len(targets))
    texts = _texts(project, list(targets), queue)
    deadline = time.perf_counter() + commit_every[0]
    for found in pretagger.suggest(texts, batch_size):
        doc_id, length = queue.popleft()
        pending.append((doc_id, length,
                        map_suggestions(found, label_map, project_labels, report)))
        if stop():
            report.cancelled = True
            break
        if len(pending) >= commit_every[1] or time.perf_counter() >= deadline:
            flush()
            deadline = time.perf_counter() + commit_every[0]
    flush()
    report.seconds = time.perf_counter() - started
    return report


def store_suggestions(c: Connection, computed: Computed, targets: dict[int, list[int]],
                      annotator_id: int | None, untouched_only: bool, policy: OverlapPolicy,
                      report: PretagReport) -> None:
    """Write COMPUTED into the annotations TARGETS plans (those still open now) in C's write
    transaction, counting into REPORT."""
    wanted = [(doc_id, length, found) for doc_id, length, found in computed
              if found or targets[doc_id]]  # no annotation is created to hold nothing
    annotations = open_annotations(c, [(d, targets[d]) for d, _l, _f in wanted],
                                   annotator_id, untouched_only)
    items = [(annotation_id, length, found) for doc_id, length, found in wanted
             for annotation_id in annotations.get(doc_id, [])]
    for counts in add_suggestions_bulk(c, items, policy):
        report.suggestions.add(counts)
    report.annotations_tagged += len(items)
    for doc_id, _length, found in wanted:
        if found and annotations.get(doc_id):
            report.annotation_ids.update(annotations[doc_id])
            report.document_ids.add(doc_id)


def map_suggestions(found: list[Suggestion], label_map: dict[str, str], labels: set[str],
                    report: PretagReport) -> list[NewSuggestion]:
    """FOUND with labels mapped to the project's; the others dropped and counted in REPORT."""
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


def _texts(project: Project, doc_ids: list[int],
           queue: deque[tuple[int, int]]) -> Iterator[str]:
    """Texts of DOC_IDS in order, read in batches; each id joins QUEUE as its text leaves."""
    for first in range(0, len(doc_ids), READ_BATCH):
        batch = doc_ids[first:first + READ_BATCH]
        with project.store.engine.connect() as c:
            texts = document_texts(c, batch)
        for doc_id in batch:
            text = texts[doc_id]
            queue.append((doc_id, len(text)))
            yield text


# ------------------------------------------------------------------ pre-taggers of a project
def pretagger_context(project: Project | None, language: str = "ar",
                      n_process: int = 1) -> LoadContext:
    """What the pre-tagger kinds may use of PROJECT: its language, its gazetteer (read when a
    gazetteer pre-tagger loads), its trained models, the starter gazetteer."""
    starter = starter_gazetteer_path(project.info().language if project else language)
    if project is None:
        return LoadContext(language=language, n_process=n_process,
                           starter_gazetteer=starter if starter.exists() else None)

    def names() -> list[Name]:
        return gazetteer_entries(project)

    models = [str(record["path"]) for record in recorded_models(project)
              if Path(str(record["path"])).is_dir()]
    info = project.info()
    return LoadContext(language=info.language, n_process=n_process,
                       project_gazetteer=names, project_models=models,
                       starter_gazetteer=starter if starter.exists() else None,
                       nested=info.overlap_policy is OverlapPolicy.ALLOW)


def load_pretagger_for(project: Project | None, kind: str, spec: str,
                       n_process: int = 1) -> Pretagger:
    """A pre-tagger of KIND (see `nlp.pretaggers.PRETAGGER_KINDS`) for PROJECT."""
    return load_pretagger(kind, spec, pretagger_context(project, n_process=n_process))


def compose_pretagger(project: Project, *, model: str | None = None, rules: Sequence[str] = (),
                      gazetteer: str | None = None,
                      own_maps: dict[str, dict[str, str]] | None = None,
                      n_process: int = 1) -> Pretagger:
    """One pre-tagger from the choices of `annotator pretag`: a spaCy pipeline (MODEL, or
    'project' for the latest model trained on the project), pattern RULES files, the
    GAZETTEER ('project' or a names file); each kind with its own label mapping (OWN_MAPS,
    by kind). E410 when nothing is chosen."""
    own_maps = own_maps or {}
    context = pretagger_context(project, n_process=n_process)
    parts: list[Pretagger] = []
    if model:
        kind = "project-model" if model == "project" else "spacy"
        parts.append(MappedPretagger(load_pretagger(
            kind, "" if kind == "project-model" else model, context), own_maps.get("spacy", {})))
    parts += [MappedPretagger(load_pretagger("rules", path, context), own_maps.get("rules", {}))
              for path in rules]
    if gazetteer:
        parts.append(MappedPretagger(load_pretagger("gazetteer", gazetteer, context),
                                     own_maps.get("gazetteer", {})))
    return CombinedPretagger(parts)


PretaggerContext = LoadContext  # what the pre-tagger kinds may use of a project


def kind_choices(context: PretaggerContext, kind: str) -> list[str]:
    """The choices KIND offers with CONTEXT (installed pipelines, trained models, files)."""
    return PRETAGGER_KINDS[kind].choices(context)


def load_with(context: PretaggerContext, kind: str, spec: str) -> Pretagger:
    return load_pretagger(kind, spec, context)


def pretagger_kinds() -> dict[str, str]:
    """Kind -> what it is, for lists and help."""
    return {name: kind.description for name, kind in sorted(PRETAGGER_KINDS.items())}


def no_pipeline_help(choices: dict[str, list[str]]) -> str | None:
    """What to do when CHOICES (`pretaggers_of`) hold no spaCy pipeline or trained model."""
    return missing_pipeline_help(choices)


def pretaggers_of(project: Project | None) -> dict[str, list[str]]:
    """Kind -> the choices it offers for PROJECT now (installed pipelines, trained models, ...)."""
    return available_pretaggers(pretagger_context(project))


def clear_suggestions(project: Project, doc_ids: Iterable[int] | None = None,
                      annotator: str | None = None, untouched_only: bool = False
                      ) -> tuple[int, ProjectChanges]:
    """Remove the suggestions (never accepted spans) a pre-tagging run over the same choice of
    documents would write to; returns how many, and what changed."""
    with project.store.write() as c:
        targets = pretag_targets(c, doc_ids, annotator, untouched_only).annotations
        ids = [a for annotations in targets.values() for a in annotations]
        removed = remove_suggestions(c, ids)
    return removed, ProjectChanges.of_annotations(ids, targets)
