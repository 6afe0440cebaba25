"""The project's overlap policy: what a new span that overlaps others does (`refuse`, `replace`
them, or `allow` it: nested and overlapping spans), and the spans that overlap today.

`set_overlap_policy` is the one way to change it, for the app (Project › Overlapping spans)
and the command line (`annotator project overlap PROJECT POLICY`). It never deletes a span:
moving to `refuse` or `replace` while spans overlap is refused (E120) with the count, the first
few and how to resolve them. On a team server only a manager may change it.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.model import OverlapPolicy
from annotator.store import overlaps
from annotator.store.overlaps import OverlapCensus, OverlapExample

__all__ = ["OverlapCensus", "OverlapExample", "OverlapPolicyReport", "overlapping_spans",
           "policy_text", "set_overlap_policy"]


@dataclass(frozen=True)
class OverlapPolicyReport:
    before: OverlapPolicy
    after: OverlapPolicy
    changes: ProjectChanges

    @property
    def changed(self) -> bool:
        return self.before is not self.after


def policy_text(policy: OverlapPolicy) -> str:
    """What POLICY means, in a few words (the CLI's and the status bar's wording)."""
    return {OverlapPolicy.ALLOW: "overlapping and nested spans allowed",
            OverlapPolicy.REPLACE: "a new overlapping span replaces the old ones",
            OverlapPolicy.REFUSE: "overlapping spans refused"}[policy]


def overlapping_spans(project: Project, limit: int | None = 5) -> OverlapCensus:
    """The spans overlapping another span of the same annotation (count, the first LIMIT)."""
    with project.store.engine.connect() as c:
        return overlaps.overlap_census(c, limit)


def set_overlap_policy(project: Project, policy: OverlapPolicy) -> OverlapPolicyReport:
    """Make POLICY the project's; refused (E120) if spans overlap and POLICY is not `allow`."""
    shown = str(project.file) if project.file is not None else project.shown_location
    before = overlaps.set_overlap_policy(project.store, policy, shown)
    changes = ProjectChanges(project=True) if before is not policy else ProjectChanges()
    return OverlapPolicyReport(before, policy, changes)
