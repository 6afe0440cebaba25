"""Who annotates which document: overlap for agreement, and each annotator's queue.

`assign(project, annotators, per_document=2, shared=10, seed=1)` gives every document to
PER_DOCUMENT annotators, and SHARED documents (chosen by the seed) to all of them, so agreement
can be measured on a common set. The plan is deterministic: the same documents, names, counts
and seed always give the same assignment. Annotators are balanced by load (documents assigned
so far), then by how often two annotators already share documents, so every pair overlaps.

`queue(project, annotator)` is that annotator's documents in project order with their status;
a project without any assignment gives everyone every document. The last plan's parameters are
kept in the project settings under "assignment". The rows are written and read by
`store.assignment`.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, DocumentSummary
from annotator.store import assignment as rows
from annotator.store.visibility import SEES_EVERYONE, viewer_role

SETTINGS_KEY = "assignment"


@dataclass(frozen=True)
class AssignmentReport:
    """What `assign` wrote."""

    annotators: tuple[str, ...]
    per_document: int
    shared: tuple[int, ...]  # ids of the documents every annotator has
    documents: int  # documents (re)assigned
    per_annotator: dict[str, int] = field(default_factory=dict)  # documents each one has
    pair_overlap: dict[tuple[str, str], int] = field(default_factory=dict)  # documents in common

    @property
    def changes(self) -> ProjectChanges:
        """New queues for everyone (and maybe new annotators, and new settings)."""
        return ProjectChanges(assignments=True, project=True)

    def to_dict(self) -> dict[str, object]:
        return {
            "annotators": list(self.annotators), "per_document": self.per_document,
            "shared": list(self.shared), "documents": self.documents,
            "per_annotator": dict(self.per_annotator),
            "pair_overlap": [{"first": a, "second": b, "documents": n}
                             for (a, b), n in self.pair_overlap.items()],
        }


def check_annotator_names(names: Iterable[str]) -> tuple[str, ...]:
    """Names stripped, deduplicated, in order; empty names and the gold set are refused."""
    cleaned = tuple(dict.fromkeys(n.strip() for n in names if n.strip()))
    if GOLD_ANNOTATOR in cleaned:
        raise AnnotatorError(E.E116, value=GOLD_ANNOTATOR, what="annotator name",
                             reason="'gold' is the adjudicated set, not a person")
    if not cleaned:
        raise AnnotatorError(E.E116, value="", what="--annotators", reason="name at least one")
    return cleaned


@dataclass(frozen=True)
class AssignmentPlan:
    documents: dict[int, tuple[str, ...]]  # document id -> its annotators (in the given order)
    shared: tuple[int, ...]  # the documents everyone has, in project order


def plan_assignment(doc_ids: Sequence[int], annotators: Sequence[str], per_document: int,
                    shared: int, seed: int) -> AssignmentPlan:
    """Who gets which of DOC_IDS (in project order). Pure and deterministic.

    SHARED documents, sampled with SEED, go to everyone; each other document goes to the
    PER_DOCUMENT annotators with the fewest documents so far, ties broken first by the fewest
    documents shared with those already chosen for it, then by a seeded draw.
    """
    names = tuple(annotators)
    if not 1 <= per_document <= len(names):
        raise AnnotatorError(E.E116, value=per_document, what="--per-document",
                             reason=f"between 1 and the number of annotators ({len(names)})")
    if not 0 <= shared <= len(doc_ids):
        raise AnnotatorError(E.E116, value=shared, what="--shared",
                             reason=f"between 0 and the number of documents ({len(doc_ids)})")
    rng = random.Random(seed)
    everyone = set(rng.sample(list(doc_ids), shared))
    load: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    order = {name: i for i, name in enumerate(names)}
    plan: dict[int, tuple[str, ...]] = {}
    for doc_id in doc_ids:
        if doc_id in everyone:
            chosen = list(names)
        else:
            draw = {name: rng.random() for name in names}
            chosen = []
            for _ in range(per_document):
                candidates = [n for n in names if n not in chosen]
                chosen.append(min(candidates, key=lambda n: (
                    load[n], sum(together[_pair(n, c)] for c in chosen), draw[n])))
            chosen.sort(key=order.__getitem__)
        for name in chosen:
            load[name] += 1
        for a, b in combinations(chosen, 2):
            together[_pair(a, b)] += 1
        plan[doc_id] = tuple(chosen)
    return AssignmentPlan(plan, tuple(d for d in doc_ids if d in everyone))


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def assign(project: Project, annotators: Sequence[str], per_document: int, shared: int = 0,
           seed: int = 0, *, only_unassigned: bool = False) -> AssignmentReport:
    """Assign the project's documents (or, with ONLY_UNASSIGNED, those nobody has yet) and
    replace their previous assignment, in one transaction. Unknown names become annotators."""
    names = check_annotator_names(annotators)
    plans: list[AssignmentPlan] = []

    def choose(doc_ids: list[int]) -> dict[int, tuple[str, ...]]:
        plans.append(plan_assignment(doc_ids, names, per_document, shared, seed))
        return plans[-1].documents

    rows.write_assignments(project.store, names, choose, replace_all=not only_unassigned)
    project.update_settings(**{SETTINGS_KEY: {"annotators": list(names),
                                              "per_document": per_document,
                                              "shared": shared, "seed": seed}})
    return _report(names, per_document, plans[-1])


def _report(names: tuple[str, ...], per_document: int, plan: AssignmentPlan) -> AssignmentReport:
    per_annotator = Counter(n for chosen in plan.documents.values() for n in chosen)
    overlap: Counter[tuple[str, str]] = Counter()
    for chosen in plan.documents.values():
        for a, b in combinations(chosen, 2):
            overlap[(a, b)] += 1
    return AssignmentReport(
        annotators=names, per_document=per_document, shared=plan.shared,
        documents=len(plan.documents), per_annotator={n: per_annotator[n] for n in names},
        pair_overlap={(a, b): overlap[(a, b)] for a, b in combinations(names, 2)})




def assignments(project: Project) -> dict[int, tuple[str, ...]]:
    """Document id -> the names of its annotators, for every assigned document."""
    return rows.assignments(project.store)


def assignment_settings(project: Project) -> dict[str, object] | None:
    """The parameters of the last `assign` (annotators, per_document, shared, seed), if any."""
    value = project.info().settings.get(SETTINGS_KEY)
    return dict(value) if isinstance(value, dict) else None


def assigned_document_ids(project: Project, annotator: str) -> list[int] | None:
    """The ids of ANNOTATOR's documents in project order; None when the project assigns nothing
    (then every document is everyone's)."""
    return rows.assigned_document_ids(project.store, annotator)


def queue(project: Project, annotator: str) -> list[DocumentSummary]:
    """ANNOTATOR's documents in project order, each with that annotator's status and counts."""
    summaries = project.documents(annotator)
    assigned = assigned_document_ids(project, annotator)
    if assigned is None:
        return summaries
    wanted = set(assigned)
    return [s for s in summaries if s.id in wanted]


def may_see_every_document(project: Project, annotator: str) -> bool:
    """Whether ANNOTATOR may look beyond their queue (curators and managers may)."""
    return viewer_role(project.store, annotator) in SEES_EVERYONE
