"""What changed: the one value every view refreshes from.

After an edit, an undo or a redo, a bulk use-case (import, pre-tagging, premerge, assignment,
label or gazetteer changes, training) or a colleague's work seen by the poll, the application
layer hands the views a `ProjectChanges` (Anki's `OpChanges` is the model). Each view looks at
the parts it shows and refreshes exactly those: the document list re-reads the rows of
`documents`, the editor applies `edits` to its span index or re-reads an annotation in
`annotations`, the label bar rebuilds on `labels`, and so on. Nothing reloads "just in case".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from annotator.core.model import Status
from annotator.core.operations import Change


@dataclass(frozen=True)
class ProjectChanges:
    # exact span and status edits (one edit, undo or redo): views that hold those spans apply
    # them; the session that made them already has
    edits: tuple[Change, ...] = ()
    # annotations changed in ways `edits` does not describe (bulk writes, colleagues): re-read
    annotations: frozenset[int] = frozenset()
    # documents whose list rows (status, span counts) changed
    documents: frozenset[int] = frozenset()
    # annotation id -> its status now, where the change knows it
    statuses: Mapping[int, Status] = field(default_factory=dict)
    document_set: bool = False  # documents were added or removed
    labels: bool = False  # the label set (names, colours, hotkeys, order)
    project: bool = False  # the project row: guidelines, overlap policy, blind mode, settings
    gazetteer: bool = False
    assignments: bool = False  # who annotates which document (the queues)
    by_others: frozenset[int] = frozenset()  # of the annotations, those changed by someone else

    @classmethod
    def of_edit(cls, change: Change) -> ProjectChanges:
        """The changes of one applied edit (an operation, its undo or its redo). A label
        operation changed the label set and, across the project, the spans of the annotations
        it names: those are read again where they are shown."""
        if change.labels:
            return cls(labels=True, annotations=frozenset(change.annotation_ids),
                       documents=frozenset(change.document_ids), statuses=dict(change.statuses))
        return cls(edits=(change,), documents=frozenset(change.document_ids),
                   statuses=dict(change.statuses))

    @classmethod
    def of_annotations(cls, annotations: Iterable[int], documents: Iterable[int],
                       statuses: Mapping[int, Status] | None = None) -> ProjectChanges:
        """Bulk writes to ANNOTATIONS of DOCUMENTS (pre-tagging, premerge, a colleague)."""
        return cls(annotations=frozenset(annotations), documents=frozenset(documents),
                   statuses=dict(statuses or {}))

    def merged(self, other: ProjectChanges) -> ProjectChanges:
        return ProjectChanges(
            edits=self.edits + other.edits,
            annotations=self.annotations | other.annotations,
            documents=self.documents | other.documents,
            statuses={**self.statuses, **other.statuses},
            document_set=self.document_set or other.document_set,
            labels=self.labels or other.labels,
            project=self.project or other.project,
            gazetteer=self.gazetteer or other.gazetteer,
            assignments=self.assignments or other.assignments,
            by_others=self.by_others | other.by_others,
        )

    @property
    def anything(self) -> bool:
        return bool(self.edits or self.annotations or self.documents or self.document_set
                    or self.labels or self.project or self.gazetteer or self.assignments)

    def edited(self, annotation_id: int) -> list[Change]:
        """The exact edits of ANNOTATION_ID in this change, in order."""
        return [change for change in self.edits if annotation_id in change.annotation_ids]


NOTHING = ProjectChanges()
