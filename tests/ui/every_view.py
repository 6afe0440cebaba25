"""Every window, dialog and menu of annotator/ui, opened on a project the way the app opens
them, and the text each shows a person (for the translation, direction and table-fit tests and
the screenshots)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

COMPUTE_TIMEOUT_MS = 20000


@dataclass(frozen=True)
class Shown:
    where: str  # the widget's class and object name, and what the text is
    text: str


def wait_for(signal, timeout_ms: int = COMPUTE_TIMEOUT_MS) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def menu_texts(menu: QMenu, where: str) -> Iterator[Shown]:
    if menu.title():
        yield Shown(f"{where} title", menu.title())
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.text():
            yield Shown(f"{where} item", action.text().split("\t")[0])
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield Shown(f"{where} tooltip", action.toolTip())
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menu_texts(sub, f"{where} › {action.text()}")


def _model_texts(view: QAbstractItemView, where: str) -> Iterator[Shown]:
    model = view.model()
    if model is None:
        return
    for orientation, header in ((Qt.Orientation.Horizontal, getattr(view, "horizontalHeader", None)),
                                (Qt.Orientation.Vertical, getattr(view, "verticalHeader", None))):
        head = header() if header is not None else None
        if isinstance(head, QHeaderView) and not head.isVisible():
            continue
        count = model.columnCount() if orientation is Qt.Orientation.Horizontal else model.rowCount()
        if orientation is Qt.Orientation.Vertical and head is None:
            continue
        for i in range(count):
            value = model.headerData(i, orientation, Qt.ItemDataRole.DisplayRole)
            if value:
                yield Shown(f"{where} header", str(value))
            tip = model.headerData(i, orientation, Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield Shown(f"{where} header tooltip", str(tip))


ISOLATED = re.compile("\u2068[^\u2069]*\u2069")  # a document's own words, set apart in a line


def _tree_item_texts(tree: QTreeWidget, where: str) -> Iterator[Shown]:
    """The texts of TREE's items, every column, children too (the adjudication view's conflicts:
    their kinds and states), without the excerpts of the document each sets in an isolate."""
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while items:
        item = items.pop()
        items += [item.child(i) for i in range(item.childCount())]
        for column in range(tree.columnCount()):
            text = ISOLATED.sub(" ", item.text(column))
            if text.strip():
                yield Shown(f"{where} item", text)


def visible_texts(root: QWidget) -> Iterator[Shown]:
    """The interface text ROOT shows: titles, labels, buttons, tooltips, placeholders, group
    titles, tab names, combo items, table headers and menus (not the documents' own text)."""
    if root.windowTitle():
        yield Shown(f"{_name(root)} window title", root.windowTitle())
    widgets = [root] + root.findChildren(QWidget)
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = _name(widget)
        if widget.toolTip():
            yield Shown(f"{where} tooltip", widget.toolTip())
        if isinstance(widget, QLabel) and widget.text():
            yield Shown(f"{where} text", widget.text())
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield Shown(f"{where} text", widget.text())
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            yield Shown(f"{where} placeholder", widget.placeholderText())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.placeholderText():
            yield Shown(f"{where} placeholder", widget.placeholderText())
        elif isinstance(widget, QGroupBox) and widget.title():
            yield Shown(f"{where} title", widget.title())
        elif isinstance(widget, QDockWidget):
            yield Shown(f"{where} title", widget.windowTitle())
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                yield Shown(f"{where} item", widget.itemText(i))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield Shown(f"{where} tab", widget.tabText(i))
        if isinstance(widget, QTreeWidget) and not widget.isHeaderHidden():
            header = widget.headerItem()
            for i in range(widget.columnCount()):
                yield Shown(f"{where} header", header.text(i))
        if isinstance(widget, QTreeWidget):
            yield from _tree_item_texts(widget, where)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget):
            yield from _model_texts(widget, where)
        if isinstance(widget, QMenu):
            yield from menu_texts(widget, where)


def main_window_texts(window) -> Iterator[Shown]:  # type: ignore[no-untyped-def]
    yield from visible_texts(window)
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from menu_texts(menu, "menu bar")


# ---------------------------------------------------------------------- Latin letters
# What stays in Latin letters in the Arabic interface (the allow-list): names of tools, formats
# and measures, key names, the label, annotator and project names of the test projects, and
# what a person types as it is: file names, URLs, command lines and options, values in quotes,
# a split like train=0.8, the format and scheme names of the registry.
ALLOWED_WORDS = frozenset({
    "spaCy", "CoNLL", "JSONL", "JSON", "CSV", "HTML", "EntityRuler", "F1", "AC1", "pip",
    "Ctrl", "Shift", "Alt", "Meta", "Tab", "Enter", "Return", "Del", "Backspace", "Esc",
    "PgUp", "PgDown", "Home", "End", "Space", "F2", "F3", "F5", "F8", "M", "R", "Z", "Y",
    "PERS", "LOC", "ORG", "MISC", "GPE", "PERSON", "DATE", "amal", "badr", "carim", "cora",
    "English", "γ", "cat",
})
PATTERNS_KEPT = re.compile("|".join((
    r"\S+\.(?:txt|db|sqlite|annotator|conll|jsonl|json|spacy|ann|csv|tsv|html|png)\b",  # files
    r"\*\.\w+",  # file filters
    r"[a-z+]+://\S+",  # URLs
    r"\bannotator(?: [a-z-]+)+(?: (?:[A-Z]+|--[a-z-]+))*",  # a command line
    r"--[a-z][a-z-]*(?: [A-Z]+)?",  # an option and its value
    r"'[^']*'|`[^`]*`",  # literal values
    r"\b\w+=[-\d.]+",  # train=0.8
    r"[α-ω]_\w+",  # α_u
)))
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def latin_words(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The words of TEXT in Latin letters that are not on the allow-list (nor in NAMES)."""
    text = PATTERNS_KEPT.sub(" ", text.replace("&", ""))
    return [w for w in WORD.findall(text) if w not in ALLOWED_WORDS and w not in names]


def untranslated(shown: list[Shown], names: frozenset[str] = frozenset()) -> list[Shown]:
    return [s for s in shown if latin_words(s.text, names)]


def process_events(rounds: int = 3) -> None:
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()


Opener = Callable[[], QWidget]


# ---------------------------------------------------------------------- the views
def main_window(project, annotator: str):  # type: ignore[no-untyped-def]
    """The main window as the app opens it (no saved layout), on its first document."""
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    window = MainWindow(project, annotator, AppSettings())
    window.remember_layout = False
    window.background_work = False
    window.open_position(1)
    window.resize(1320, 860)
    window.fit_docks()
    window.show()
    process_events()
    return window


def span_menu(window):  # type: ignore[no-untyped-def]
    """The editor's menu on the first span of the open document (one is added if none)."""
    from annotator.core.operations import AddSpan

    session = window.session
    if not len(session.index):
        start = session.text.index("لافروف")
        session.apply(AddSpan(session.annotation_id, start, start + len("لافروف"), "PERS"))
    span = next(iter(session.index))
    return window.workflow.span_menu.menu_for(span)


def dialog_openers(window, team_window) -> dict[str, Callable[[], QWidget]]:  # type: ignore[no-untyped-def]
    """Each dialog of annotator/ui by its class name, opened as the app opens it: WINDOW on an
    annotator's project, TEAM_WINDOW a curator's window on a finished team project."""
    from annotator.ui.dialogs.identity_dialog import IdentityDialog, OpenProjectDialog
    from annotator.ui.dialogs.label_dialog import SpanChoiceDialog
    from annotator.ui.dialogs.shortcuts_dialog import ShortcutsDialog
    from annotator.ui.dialogs.time_dialog import TimeDialog

    flow, team = window.workflow, team_window.actions_.team

    def agreement() -> QWidget:
        dialog = team.open_agreement()
        wait_for(dialog.computed)
        process_events()
        return dialog

    def bulk() -> QWidget:
        return team.open_adjudication().open_bulk_accept()

    def shown(dialog: QDialog) -> QDialog:
        dialog.show()
        process_events()
        return dialog

    return {
        "MainWindow": lambda: window,
        "PretagDialog": flow.pretag,
        "ExportDialog": flow.export,
        "ImportDialog": flow.import_documents,
        "TrainDialog": flow.train,
        "ModelErrorsDialog": flow.model_errors,
        "QueueDialog": flow.queue,
        "IdentityDialog": lambda: shown(IdentityDialog(window.project, window.annotator, window)),
        "OpenProjectDialog": lambda: shown(OpenProjectDialog("", window)),
        "LabelDialog": window.edit_labels,
        "SpanChoiceDialog": lambda: shown(SpanChoiceDialog("PERS", ["LOC", "ORG"], True, window)),
        "ShortcutsDialog": lambda: shown(ShortcutsDialog(window)),
        "TimeDialog": lambda: shown(TimeDialog(window.project, window.annotator, window)),
        "AgreementDialog": agreement,
        "DisagreementDialog": team.open_disagreements,
        "AdjudicationDialog": team.open_adjudication,
        "AssignDialog": team.open_assignment,
        "BulkAcceptDialog": bulk,
    }


def dialog_classes() -> set[str]:
    """The names of every QDialog subclass defined in annotator/ui."""
    import importlib
    import pkgutil

    import annotator.ui

    names = set()
    for module in pkgutil.walk_packages(annotator.ui.__path__, "annotator.ui."):
        loaded = importlib.import_module(module.name)
        for value in vars(loaded).values():
            if isinstance(value, type) and issubclass(value, (QDialog,)) and \
                    value.__module__ == loaded.__name__:
                names.add(value.__name__)
    return names


# ---------------------------------------------------------------------- tables that fit
@dataclass(frozen=True)
class Cut:
    where: str
    column: str
    width: int
    needed: int


def cut_columns(root: QWidget) -> list[Cut]:
    """The columns of ROOT's visible tables and trees narrower than their header or contents,
    and tables wider than their viewport (what the person must scroll sideways to see)."""
    cuts = []
    for view in root.findChildren(QAbstractItemView):
        header = getattr(view, "horizontalHeader", None)
        head = header() if header is not None else (view.header() if isinstance(view, QTreeWidget)
                                                   or hasattr(view, "header") else None)
        if not isinstance(head, QHeaderView) or not view.isVisibleTo(root) or view.model() is None:
            continue
        where = _name(view)
        total = 0
        for column in range(head.count()):
            if head.isSectionHidden(column):
                continue
            title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or column)
            width = head.sectionSize(column)
            total += width
            # a stretched column (a document's title) takes what is left and may elide its
            # contents, never its header
            stretched = head.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or (
                head.stretchLastSection() and column == head.count() - 1)
            needed = max(head.sectionSizeHint(column) if head.isVisible() else 0,
                         0 if stretched else view.sizeHintForColumn(column))
            if width < needed:
                cuts.append(Cut(where, title, width, needed))
        viewport = view.viewport().width()
        if total > viewport + 1:
            cuts.append(Cut(where, "(all columns)", viewport, total))
    return cuts
