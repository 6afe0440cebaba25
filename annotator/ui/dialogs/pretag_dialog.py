"""Pre-tag: choose a pre-tagger, map its labels, pick the documents, run with progress and Cancel.

The dialog lists what the pre-tagger registry offers (installed spaCy pipelines, the project's
trained models, a rules file, the gazetteer) and calls `pretag_documents` on a Worker for the
window's annotator. A cancelled run leaves every document fully pre-tagged or untouched (the
domain's guarantee); `pretagged(report)` tells the window to show the new suggestions.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app.pretagging import (
    Pretagger,
    PretagReport,
    kind_choices,
    load_with,
    no_pipeline_help,
    parse_label_map,
    plan_labels,
    pretag_documents,
    pretagger_context,
    pretagger_kinds,
)
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.ui.appearance import NoticeLabel
from annotator.ui.dialogs.common import PathField, RunPanel, report_text, run_buttons, show_error
from annotator.ui.domain_texts import domain_text
from annotator.ui.overlap_policy import dialog_note
from annotator.ui.settings import AppSettings
from annotator.ui.workers import Progress, ShouldStop

SCOPES = ("project", "document", "untouched")
KIND_ORDER = ("spacy", "project-model", "rules", "gazetteer")


def translated_pipeline_help(choices: dict[str, list[str]]) -> str | None:
    """The domain's `no_pipeline_help` (the CLI prints the same words), in the interface
    language (`ui/domain_texts.py`)."""
    text = no_pipeline_help(choices)
    return None if text is None else domain_text(text)


class PretagDialog(QDialog):
    pretagged = Signal(object)  # PretagReport
    gazetteer_changed = Signal(object)  # ProjectChanges: names added to the project gazetteer

    def __init__(self, project: Project, annotator: str, current_doc: int | None,
                 parent: QWidget | None = None, settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings  # where the last choices per project are kept (None: nowhere)
        self.setObjectName("PretagDialog")
        self.setWindowTitle(self.tr("Pre-tag documents"))
        self.project, self.annotator, self.current_doc = project, annotator, current_doc
        self.context = pretagger_context(project)
        self.kinds = pretagger_kinds()
        self.choices: dict[str, list[str]] = {}
        self.report: PretagReport | None = None

        self.kind = QComboBox(self)
        for name in KIND_ORDER + tuple(k for k in self.kinds if k not in KIND_ORDER):
            if name in self.kinds:
                self.kind.addItem(self._kind_title(name), name)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.choice = QComboBox(self)
        self.choice.setEditable(True)
        self.choice.setMinimumContentsLength(40)
        self.path = PathField("open", self.tr("A pipeline folder, rules or names file"), parent=self)
        folder = QPushButton(self.tr("Folder…"), self)
        folder.clicked.connect(self._browse_folder)
        path_layout = self.path.layout()
        assert path_layout is not None
        path_layout.addWidget(folder)
        self.help = NoticeLabel(self)  # amber, readable on a light and a dark window
        self.help.setObjectName("no_pipeline_help")
        self.help.setWordWrap(True)
        self.mapping = QLineEdit(self)
        self.mapping.setPlaceholderText(self.tr("GPE=LOC, PERSON=PERS, DATE=-  (- drops a label)"))
        self.add_labels = QCheckBox(self.tr("Add labels the project does not have (else drop them)"), self)
        self.check = QPushButton(self.tr("Check labels"), self)
        self.check.clicked.connect(self.check_labels)
        self.labels_info = QLabel(self)
        self.labels_info.setWordWrap(True)
        self.starter = QPushButton(self.tr("Add the starter names to the project gazetteer"), self)
        self.starter.setObjectName("load_starter_gazetteer")
        self.starter.clicked.connect(self.load_starter)

        self.scopes = QButtonGroup(self)
        scope_box = QWidget(self)
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        for i, (key, text) in enumerate((
                ("project", self.tr("Whole project (documents still open for %1)")),
                ("document", self.tr("This document only")),
                ("untouched", self.tr("Untouched documents (nobody has started them)")))):
            button = QRadioButton(text.replace("%1", annotator), scope_box)
            button.setObjectName(f"scope_{key}")
            self.scopes.addButton(button, i)
            scope_layout.addWidget(button)
        self.scopes.button(0).setChecked(True)
        if current_doc is None:
            self.scopes.button(1).setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Pre-tagger"), self.kind)
        form.addRow("", self.description)
        form.addRow(self.tr("Choice"), self.choice)
        form.addRow(self.tr("Or a path"), self.path)
        form.addRow("", self.help)
        form.addRow("", self.starter)
        form.addRow(self.tr("Label mapping"), self.mapping)
        form.addRow("", self.add_labels)
        form.addRow(self.check, self.labels_info)
        form.addRow(self.tr("Documents"), scope_box)
        self.overlap_note = QLabel(dialog_note(project.info().overlap_policy), self)
        self.overlap_note.setObjectName("overlap_note")
        self.overlap_note.setWordWrap(True)
        form.addRow(self.tr("Overlapping spans"), self.overlap_note)
        self.panel = RunPanel(self)
        self.panel.done.connect(self._finished)
        self.panel.error.connect(self._failed)
        self.buttons, self.run_button = run_buttons(self, self.tr("Pre-tag"), self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._restore_choices()
        self.resize(720, 620)

    # ------------------------------------------------------------------ choosing
    def _kind_title(self, name: str) -> str:
        titles = {"spacy": self.tr("spaCy pipeline"), "project-model": self.tr("This project's trained model"),
                  "rules": self.tr("Rules file (EntityRuler patterns)"), "gazetteer": self.tr("Gazetteer")}
        return titles.get(name, name)

    def kind_name(self) -> str:
        return str(self.kind.currentData())

    def select(self, kind: str, spec: str = "", scope: str | None = None) -> None:
        """Preset the choice (the train dialog's "pre-tag with this model")."""
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        if spec:
            self.path.set_text(spec)
        if scope is not None:
            self.scopes.button(SCOPES.index(scope)).setChecked(True)

    # ------------------------------------------------------------------ remembered choices
    def _restore_choices(self) -> None:
        """The choices of the last run on this project (an absent choice keeps the default)."""
        last = self.settings.pretag_choices(self.project.url) if self.settings else {}
        if not last:
            return
        self.select(str(last.get("kind", "")), str(last.get("path", "")),
                    str(last["scope"]) if last.get("scope") in SCOPES else None)
        choice = str(last.get("choice", ""))
        if choice:
            self.choice.setCurrentText(choice)
        self.mapping.setText(str(last.get("mapping", "")))
        self.add_labels.setChecked(bool(last.get("add_labels", False)))
        checked = self.scopes.checkedButton()
        if checked is None or not checked.isEnabled():  # "this document" with none open
            self.scopes.button(0).setChecked(True)

    def _remember_choices(self) -> None:
        if self.settings is not None:
            self.settings.set_pretag_choices(self.project.url, {
                "kind": self.kind_name(), "choice": self.choice.currentText().strip(),
                "path": self.path.text(), "mapping": self.mapping.text().strip(),
                "add_labels": self.add_labels.isChecked(), "scope": self.scope()})

    def load_starter(self) -> None:
        """Add the starter gazetteer of the project's language to the project gazetteer."""
        from annotator.app.gazetteer import import_name_files

        try:
            imported = import_name_files(self.project, [], starter=True)
        except AnnotatorError as err:
            show_error(self, self.tr("Starter gazetteer"), str(err))
            return
        self.gazetteer_changed.emit(imported.changes)
        self.context = pretagger_context(self.project)
        self.choices.pop("gazetteer", None)
        self._kind_changed()
        self.choice.setCurrentText("project")
        self.panel.status.setText(self.tr("Starter gazetteer: %1 names added, %2 already known")
                                  .replace("%1", str(imported.added))
                                  .replace("%2", str(imported.read - imported.added)))

    def _kind_changed(self) -> None:
        kind = self.kind_name()
        self.description.setText(domain_text(self.kinds[kind]))
        self.choice.clear()
        self.choice.addItems(self._choices(kind))
        self.path.set_text("")  # a path for one kind means nothing to another
        help_text = None
        if kind == "spacy" and not self.choices[kind]:
            help_text = translated_pipeline_help({k: self._choices(k) for k in
                                                  ("spacy", "project-model") if k in self.kinds})
        self.help.setText(help_text or "")
        self.help.setVisible(help_text is not None)
        self.starter.setVisible(kind == "gazetteer" and self.context.starter_gazetteer is not None)
        self.labels_info.clear()

    def _choices(self, kind: str) -> list[str]:
        if kind not in self.choices:
            try:
                self.choices[kind] = kind_choices(self.context, kind)
            except Exception:  # a broken installation must not stop the dialog
                self.choices[kind] = []
        return self.choices[kind]

    def _browse_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen = QFileDialog.getExistingDirectory(self, self.tr("A spaCy pipeline folder"), self.path.text())
        if chosen:
            self.path.set_text(chosen)

    def spec(self) -> str:
        return self.path.text() or self.choice.currentText().strip()

    def scope(self) -> str:
        return SCOPES[max(0, self.scopes.checkedId())]

    def label_map(self) -> dict[str, str]:
        text = self.mapping.text().strip()
        return parse_label_map([text]) if text else {}

    def load(self) -> Pretagger:
        return load_with(self.context, self.kind_name(), self.spec())

    # ------------------------------------------------------------------ running
    def check_labels(self) -> None:
        """Load the pre-tagger (on the worker) and say which of its labels would be dropped."""
        try:
            mapping = self.label_map()
        except AnnotatorError as err:
            show_error(self, self.tr("Label mapping"), str(err))
            return

        def job(_progress: Progress, _stop: ShouldStop) -> object:
            return plan_labels(self.project, self.load(), mapping)

        self._busy(True)
        self.panel.run(job)

    def start(self) -> None:
        try:
            mapping = self.label_map()
        except AnnotatorError as err:
            show_error(self, self.tr("Label mapping"), str(err))
            return
        self._remember_choices()
        scope = self.scope()
        doc_ids = [self.current_doc] if scope == "document" and self.current_doc is not None else None
        new_labels = "add" if self.add_labels.isChecked() else "drop"

        def job(progress: Progress, should_stop: ShouldStop) -> object:
            pretagger = self.load()
            return pretag_documents(self.project, pretagger, doc_ids, self.annotator,
                                    label_map=mapping, new_labels=new_labels,
                                    untouched_only=scope == "untouched",
                                    progress=progress, should_stop=should_stop)

        self._busy(True)
        self.panel.run(job, lambda done, total: self.tr("%1 of %2 documents pre-tagged")
                       .replace("%1", str(done)).replace("%2", str(total)))

    def _busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.check.setEnabled(not busy)

    def _finished(self, result: object) -> None:
        self._busy(False)
        if isinstance(result, tuple):  # check_labels
            kept, dropped = result
            text = self.tr("Kept: %1").replace("%1", ", ".join(f"{k}→{v}" for k, v in kept.items()) or "—")
            if dropped:
                text += "\n" + self.tr("Not in the project (map them or add them): %1").replace(
                    "%1", ", ".join(dropped))
            self.labels_info.setText(text)
            self.panel.status.setText(self.tr("Labels checked"))
            return
        assert isinstance(result, PretagReport)
        self.report = result
        self.panel.report.setPlainText(report_text(result.to_dict()))
        self.panel.status.setText(
            (self.tr("Cancelled: %1 documents pre-tagged, the rest untouched") if result.cancelled
             else self.tr("Done: %1 documents pre-tagged")).replace("%1", str(result.documents_tagged)))
        self.pretagged.emit(result)

    def _failed(self, message: str) -> None:
        self._busy(False)
        show_error(self, self.tr("Pre-tagging failed"), message)

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name): closing stops the worker
        self.panel.stop()
        super().done(code)
