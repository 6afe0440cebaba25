"""An open project as the app and the command line use it: reads, and the single edits.

`Project` is the application layer's handle on a project. The desktop app and the CLI hold a
`Project`, never the store: they read through it (documents, texts, spans, labels, the
project row), make single edits with `apply` (each returns the `Change`, complete with the
status move and the documents touched, so the views update from it), and hand it to the
use-cases in the other modules of this package (import, export, pre-tag, train, agreement,
adjudicate, assign, copy, team), which return what they changed. `Project.store` is for those
use-cases only.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from annotator.core.changes import ProjectChanges
from annotator.core.model import (
    Direction,
    DocumentSummary,
    LabelSpec,
    OverlapPolicy,
    ProjectInfo,
    Role,
    Status,
    StoredSpan,
)
from annotator.core.operations import Change, Operation
from annotator.store import document_listing, list_search, schema
from annotator.store.changes import ChangeToken, Poll
from annotator.store.database import shown_url, sqlite_path
from annotator.store.document_listing import SORT_KEYS, DocumentQuery
from annotator.store.project_store import ProjectStore

__all__ = ["SORT_KEYS", "ChangeToken", "DocumentQuery", "Poll", "Project", "shown_location",
           "upgrade_project"]


def shown_location(location: str) -> str:
    """A project location fit to show or keep in a settings file: a path as it is, a database
    URL without its password."""
    return shown_url(location)


class Project:
    """One open project. Create with `Project.create`, open with `Project.open`."""

    def __init__(self, store: ProjectStore) -> None:
        self.store = store

    @classmethod
    def open(cls, location: str | Path) -> Project:
        """The project at LOCATION (a file path or a database URL), upgraded to this schema."""
        return cls(ProjectStore.open(location))

    @classmethod
    def create(cls, location: str | Path, name: str | None = None, language: str = "ar",
               labels: Iterable[str | LabelSpec] = (), direction: Direction = Direction.AUTO,
               overlap_policy: OverlapPolicy = OverlapPolicy.REFUSE,
               guidelines: str = "") -> Project:
        return cls(ProjectStore.create(location, name, language, labels, direction,
                                       overlap_policy, guidelines))

    @property
    def url(self) -> str:
        return self.store.url

    @property
    def shown_location(self) -> str:
        """The location to show people: the file, or the URL without its password."""
        return shown_location(self.store.url)

    @property
    def file(self) -> Path | None:
        """The project file (None for a project on a database server)."""
        return sqlite_path(self.store.url)

    @property
    def on_server(self) -> bool:
        """Whether the project lives on a database server (a team project) or in a file."""
        return self.store.engine.dialect.name != "sqlite"

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- the project row
    def info(self) -> ProjectInfo:
        return self.store.project()

    def labels(self) -> list[LabelSpec]:
        return self.store.labels()

    def add_label(self, spec: LabelSpec | str) -> LabelSpec:
        """A new label at the end of the set (E111 name, E340 hotkey taken, E341 colour)."""
        return self.store.add_label(spec)

    def annotators(self) -> list[tuple[int, str, Role]]:
        return self.store.annotators()

    def annotator_id(self, name: str, create: bool = True, role: Role = Role.ANNOTATOR) -> int:
        return self.store.annotator_id(name, create, role)

    def stats(self) -> dict[str, object]:
        """The counts of `annotator stats --json` (shape documented in the README)."""
        return self.store.stats()

    def label_counts(self, annotator: str) -> tuple[dict[str, tuple[int, int]], bool]:
        """label -> (accepted, suggested) spans for the Counts panel, and whether they are the
        whole project's (SQLite) or ANNOTATOR's own (PostgreSQL)."""
        return self.store.label_counts(annotator)

    # ---------------------------------------------------------------- documents
    def document_count(self) -> int:
        return self.store.document_count()

    def document_ids(self) -> list[int]:
        return self.store.document_ids()

    def document_text(self, doc_id: int) -> str:
        return self.store.document_text(doc_id)

    def document_meta(self, doc_id: int) -> dict[str, object]:
        return self.store.document_meta(doc_id)

    def iter_documents(self, batch: int = 200) -> Iterator[tuple[int, str, str]]:
        return self.store.iter_documents(batch)

    def documents(self, annotator: str | None = None) -> list[DocumentSummary]:
        return self.store.documents(annotator)

    # ---------------------------------------------------------------- the list, a page at a time
    def listed_document_ids(self, query: DocumentQuery) -> array[int]:
        """The ids of the documents QUERY lists, filtered and sorted by the database."""
        return document_listing.listed_ids(self.store, query)

    def lists_by_pages(self, query: DocumentQuery) -> bool:
        """Whether an index serves QUERY's order: the list then reads a page at a time
        (`listed_count`, `listed_page`, `listed_row`) and never every id."""
        return document_listing.read_by_pages(self.store, query)

    def listed_bands(self, query: DocumentQuery) -> list[tuple[DocumentQuery, int]] | None:
        """QUERY's list sorted by spans or suggestions as two parts each read by pages (the
        documents with none and those with some) with their rows; None when no index serves
        them."""
        return document_listing.list_bands(self.store, query)

    def listed_count(self, query: DocumentQuery) -> int:
        return document_listing.count_listed(self.store, query)

    def short_search_words_begin_words(self) -> bool:
        """Whether the list's search finds a word of one or two characters only at the start
        of a word (SQLite's word index), not anywhere (`store.list_search`)."""
        return list_search.short_words_begin_words(self.store.engine.dialect.name)

    def listed_status_counts(self, query: DocumentQuery) -> dict[str, int]:
        """How many documents QUERY lists of each status."""
        return document_listing.status_counts(self.store, query)

    def listed_page(self, query: DocumentQuery, first: int, rows: int) -> list[int]:
        """The ids of ROWS listed documents from row FIRST on."""
        return document_listing.listed_page(self.store, query, first, rows)

    def listed_row(self, query: DocumentQuery, doc_id: int) -> int | None:
        """DOC_ID's row in QUERY's list; None when it is not listed."""
        return document_listing.row_in_list(self.store, query, doc_id)

    def document_summaries(self, annotator: str | None,
                           doc_ids: Sequence[int]) -> list[DocumentSummary]:
        """The list rows of DOC_IDS (a page), in that order."""
        return document_listing.summaries_of(self.store, annotator, doc_ids)

    def queue_progress(self, annotator: str | None, queue_only: bool) -> tuple[int, int]:
        """(documents done, documents) of the annotator's queue (every document when
        QUEUE_ONLY is false)."""
        return document_listing.queue_progress(self.store, annotator, queue_only)

    def next_undone_document(self, annotator: str | None, queue_only: bool,
                             after_doc_id: int | None) -> int | None:
        """The queue's first document after AFTER_DOC_ID, in project order and wrapping round,
        that is neither done nor skipped."""
        return document_listing.next_undone(self.store, annotator, queue_only, after_doc_id)

    def assigns_documents(self) -> bool:
        """Whether the project assigns documents (then each annotator's list is a queue)."""
        return document_listing.project_assigns(self.store)

    # ---------------------------------------------------------------- annotations and edits
    def annotation_id(self, doc_id: int, annotator: str) -> int:
        return self.store.annotation_id(doc_id, annotator)

    def annotation_status(self, annotation_id: int) -> Status:
        return self.store.annotation_status(annotation_id)

    def spans(self, annotation_id: int) -> list[StoredSpan]:
        """The spans of an annotation; edits made after this read are checked against it."""
        return self.store.spans(annotation_id)

    def apply(self, operation: Operation) -> Change:
        """Apply one edit in its own transaction (committed when this returns); the Change
        says what changed, its status move included, and how to undo it."""
        return self.store.apply(operation)

    def poll(self, token: ChangeToken | None) -> Poll:
        """What colleagues changed since TOKEN (None: everything), for the refresh poll."""
        return self.store.changes_since(token)

    # ---------------------------------------------------------------- settings
    def set_guidelines(self, guidelines: str) -> ProjectChanges:
        self.store.update_project(guidelines=guidelines)
        return ProjectChanges(project=True)

    def update_settings(self, **values: object) -> ProjectChanges:
        """Merge VALUES into the project's settings (JSON)."""
        settings = dict(self.info().settings)
        settings.update(values)
        self.store.update_project(settings=settings)
        return ProjectChanges(project=True)


def upgrade_project(location: str | Path) -> tuple[str | None, str]:
    """Bring the project at LOCATION to this version's schema (one transaction); the revision
    before (None: not a project, which opening then refuses with its own error) and after."""
    before = schema.revision_at(location)
    Project.open(location).close()  # opening migrates
    return before, schema.HEAD
