"""One document's disagreements: each annotator's spans, and those not everyone made.

What the app's "Disagreements in this document" view shows. Who is shown follows blind mode
(`app.team.visible_annotations`): in a blind project an annotator sees only their own work.
"""

from __future__ import annotations

from annotator.agreement.adjudication import compare_annotations
from annotator.app.project import Project
from annotator.app.team import VisibleAnnotation, visible_annotations
from annotator.core.model import GOLD_ANNOTATOR, Status, StoredSpan


def compared_annotations(project: Project, doc_id: int, viewer: str) -> list[VisibleAnnotation]:
    """The annotations the view compares: every finished one VIEWER may see (gold excluded),
    and VIEWER's own even unfinished."""
    return [a for a in visible_annotations(project, doc_id, viewer)
            if a.annotator != GOLD_ANNOTATOR and (a.status is Status.DONE or a.annotator == viewer)]


def differing_spans(annotations: list[VisibleAnnotation]) -> dict[str, list[StoredSpan]]:
    """Per annotator, the accepted spans not made identically by every annotator compared."""
    adjudication = compare_annotations(0, {a.annotator: [s.span for s in a.accepted()]
                                           for a in annotations})
    agreed = set(adjudication.agreed)
    return {a.annotator: [s for s in a.accepted() if s.span not in agreed] for a in annotations}
