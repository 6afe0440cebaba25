"""The workflow dialogs drive the domain on a real project: pre-tag (and Cancel), export,
import, identity, the span menu's gazetteer entry, refresh from a colleague's change, training."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from conftest import ANNOTATOR, LTR_TEXT, make_project, occurrence
from PySide6.QtWidgets import QMessageBox

from annotator.app.gazetteer import add_to_gazetteer
from annotator.app.gazetteer import gazetteer_entries as gazetteer_names
from annotator.app.project import Project
from annotator.core.model import SpanState, Status
from annotator.core.operations import AddSpan
from annotator.nlp.pretaggers import NO_PIPELINE_HELP, Suggestion, missing_pipeline_help
from annotator.ui.settings import AppSettings

WAIT_MS = 60_000


def suggestions(store: Project, doc_id: int, annotator: str = ANNOTATOR) -> list[tuple[int, int, str]]:
    spans = store.spans(store.annotation_id(doc_id, annotator))
    return [(s.start, s.end, s.label) for s in spans if s.state is SpanState.SUGGESTED]


def error_boxes(parent) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [b for b in parent.findChildren(QMessageBox) if b.objectName() == "error_box"]


# ---------------------------------------------------------------------- pre-tagging
def test_pretag_with_the_project_gazetteer_shows_suggestions_in_the_editor(qtbot, window, store, seed):
    add_to_gazetteer(store, "كوريا", "LOC")
    add_to_gazetteer(store, "Wonsan", "LOC")
    dialog = window.workflow.pretag()
    dialog.select("gazetteer", "", "project")
    dialog.choice.setCurrentText("project")
    assert dialog.spec() == "project"
    with qtbot.waitSignal(dialog.pretagged, timeout=WAIT_MS):
        dialog.run_button.click()
    first, second = window.documents.listed_ids()
    arabic = suggestions(store, first)
    assert len(arabic) >= 11 and {seed[s:e] for s, e, _l in arabic} == {"كوريا", "Wonsan"}
    s, e = occurrence(LTR_TEXT, "Wonsan")
    assert (s, e, "LOC") in suggestions(store, second)
    # the editor and the document list show them without reopening anything
    assert window.session.suggestion_count == len(arabic)
    assert window.documents.summary(first).suggestion_count == len(arabic)
    assert "pre-tagged" in dialog.panel.status.text()
    dialog.close()


def test_pretag_this_document_only(qtbot, window, store):
    add_to_gazetteer(store, "Wonsan", "LOC")
    add_to_gazetteer(store, "كوريا", "LOC")
    first, second = window.documents.listed_ids()
    dialog = window.workflow.pretag()
    dialog.select("gazetteer", "project", "document")
    with qtbot.waitSignal(dialog.pretagged, timeout=WAIT_MS):
        dialog.start()
    assert dialog.report.documents_tagged == 1
    assert suggestions(store, first) and not suggestions(store, second)


def test_without_spacy_pipelines_the_dialog_says_how_to_add_one(qtbot, window):
    dialog = window.workflow.pretag()
    dialog.select("spacy")
    if dialog.choices["spacy"]:
        pytest.skip("a spaCy NER pipeline is installed here")
    assert not dialog.help.isHidden()
    if dialog.choices.get("project-model"):
        pytest.skip("this project has a trained model")
    assert dialog.help.text() == missing_pipeline_help({}) == NO_PIPELINE_HELP  # the CLI's words
    dialog.select("gazetteer")
    assert dialog.help.isHidden()
    dialog.close()


def test_the_no_pipeline_help_is_translated_from_the_domains_text(qapp):
    from annotator.ui.dialogs.pretag_dialog import translated_pipeline_help as no_pipeline_help
    from annotator.ui.i18n import install_language

    try:
        install_language(qapp, "ar")
        arabic = no_pipeline_help({})
        assert arabic is not None and "spaCy" in arabic and "مثبّت" in arabic
        assert no_pipeline_help({"spacy": ["xx_ner"]}) is None
    finally:
        install_language(qapp, "en")
    assert no_pipeline_help({}) == NO_PIPELINE_HELP


class SlowPretagger:
    """Two suggestions per text; asks the worker to stop while the third text is tagged."""

    origin = "test/slow:1"

    def __init__(self, stop_after: int, cancel: threading.Event) -> None:
        self.stop_after, self.cancel, self.seen = stop_after, cancel, 0

    def labels(self) -> list[str]:
        return ["LOC", "PERS"]

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        for _text in texts:
            self.seen += 1
            if self.seen == self.stop_after:
                self.cancel.set()
            yield [Suggestion(0, 4, "LOC", None, self.origin), Suggestion(5, 9, "PERS", None, self.origin)]


def test_cancel_leaves_each_document_fully_pretagged_or_untouched(qtbot, tmp_path):
    from annotator.ui.dialogs.pretag_dialog import PretagDialog

    store = make_project(tmp_path / "many.db", [f"Doc{i} word more text" for i in range(40)])
    try:
        dialog = PretagDialog(store, ANNOTATOR, None)
        qtbot.addWidget(dialog)
        dialog.select("gazetteer", "project", "project")
        cancel = threading.Event()
        dialog.load = lambda: SlowPretagger(3, cancel)  # type: ignore[method-assign]
        original = dialog.panel.run

        def run(job, describe=None):  # type: ignore[no-untyped-def]
            worker = original(job, describe)
            worker._stop = cancel  # the pre-tagger presses Cancel for us, mid-run
            return worker

        dialog.panel.run = run  # type: ignore[method-assign]
        with qtbot.waitSignal(dialog.pretagged, timeout=WAIT_MS):
            dialog.start()
        report = dialog.report
        assert report.cancelled and 0 < report.documents_tagged < 40
        counts = [len(suggestions(store, doc_id)) for doc_id in store.document_ids()]
        assert set(counts) == {0, 2}
        assert counts.count(2) == report.documents_tagged
        assert "Cancelled" in dialog.panel.status.text()
    finally:
        store.close()


def test_a_bad_label_mapping_is_a_message_not_a_run(qtbot, window):
    dialog = window.workflow.pretag()
    dialog.mapping.setText("GPE")
    dialog.start()
    assert dialog.panel.worker is None
    assert any("E406" in box.text() for box in error_boxes(dialog))


# ---------------------------------------------------------------------- export and import
def test_export_dialog_writes_the_file_and_reports(qtbot, window, store, seed, tmp_path):
    start, end = occurrence(seed, "لافروف")
    doc_id = window.session.doc_id
    window.session.apply(AddSpan(window.session.annotation_id, start, end, "PERS"))
    window.set_status(Status.DONE)
    dialog = window.workflow.export()
    out = tmp_path / "out.jsonl"
    dialog.out.set_text(str(out))
    dialog.format.setCurrentText("jsonl")
    with qtbot.waitSignal(dialog.panel.done, timeout=WAIT_MS):
        dialog.run_button.click()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and records[0]["text"] == store.document_text(doc_id)
    assert [(s["start"], s["end"], s["label"]) for s in records[0]["spans"]] == [(start, end, "PERS")]
    assert "spans: 1" in dialog.panel.report.toPlainText()


def test_export_with_nothing_done_fails_with_a_message_and_writes_nothing(qtbot, window, tmp_path):
    dialog = window.workflow.export()
    out = tmp_path / "nothing.spacy"
    dialog.out.set_text(str(out))
    with qtbot.waitSignal(dialog.panel.error, timeout=WAIT_MS):
        dialog.start()
    assert not out.exists()
    assert any("E303" in box.text() for box in error_boxes(dialog))
    assert "Traceback" not in dialog.panel.status.text()


def test_import_adds_documents_and_a_failure_changes_nothing(qtbot, window, store, tmp_path):
    good = tmp_path / "new.txt"
    good.write_text("نص جديد عن القاهرة.", encoding="utf-8")
    dialog = window.workflow.import_documents()
    dialog.add_paths([str(good)])
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        dialog.start()
    assert store.document_count() == 3 and window.documents.rowCount() == 3
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"text": "fine"}\n{not json\n', encoding="utf-8")
    dialog.files.clear()
    dialog.add_paths([str(bad)])
    with qtbot.waitSignal(dialog.panel.error, timeout=WAIT_MS):
        dialog.start()
    assert store.document_count() == 3
    assert "unchanged" in dialog.panel.report.toPlainText()
    assert any("broken.jsonl" in box.text() for box in error_boxes(dialog))


# ---------------------------------------------------------------------- identity and projects
def test_identity_is_remembered_per_project_and_switches_the_window(qtbot, tmp_path, seed):
    from PySide6.QtWidgets import QApplication

    from annotator.ui.app import AppController
    from annotator.ui.dialogs.identity_dialog import IdentityDialog

    store = make_project(tmp_path / "p.db", [seed, LTR_TEXT])
    settings = AppSettings()
    controller = AppController(QApplication.instance(), store, ANNOTATOR, settings)
    controller.start(1)
    try:
        window = controller.window
        dialog = IdentityDialog(store, "", window)
        qtbot.addWidget(dialog)
        assert dialog.name.findText(ANNOTATOR) >= 0  # existing annotators are offered
        dialog.name.setCurrentText("  noor  ")
        window.workflow.work_as(store, dialog.chosen())
        assert settings.project_annotator(store.url) == "noor"
        assert controller.window is not window and controller.window.annotator == "noor"
        assert "noor" in controller.window.progress_label.text()
        other = make_project(tmp_path / "other.db", [LTR_TEXT])
        other.close()
        controller.window.workflow.open_location(str(tmp_path / "other.db"))
        asked = controller.window.workflow.dialogs["identity"]
        asked.name.setCurrentText("sami")
        asked.accept()
        assert controller.project.url != store.url and controller.window.annotator == "sami"
        assert settings.project_annotator(controller.project.url) == "sami"
        assert settings.project_annotator(store.url) == "noor"
    finally:
        controller.window.remember_layout = False
        controller.close()


def test_opening_a_missing_project_is_a_message(qtbot, window, tmp_path):
    window.workflow.open_location(str(tmp_path / "absent.db"))
    assert any("E101" in box.text() for box in error_boxes(window))


def test_menus_list_the_workflow_entries(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Tools") == len(titles) - 2  # before Help
    file_entries = [a.text().split("\t")[0] for a in window.workflow.menus["file"].actions()]
    for entry in ("&Open project…", "Switch &annotator…", "&Import documents…", "&Export…"):
        assert entry in file_entries
    assert file_entries[-1] == "&Quit"


# ---------------------------------------------------------------------- span menu, refresh
def test_span_menu_adds_the_span_text_to_the_gazetteer(qtbot, window, store, seed):
    start, end = occurrence(seed, "موسكو")
    change = window.session.apply(AddSpan(window.session.annotation_id, start, end, "LOC"))
    span = change.added[0]
    menu = window.workflow.span_menu.menu_for(span)
    action = next(a for a in menu.actions() if a.objectName() == "gazetteer_add")
    assert "موسكو" in action.text()
    action.trigger()
    assert [(n.text, n.label) for n in gazetteer_names(store)] == [("موسكو", "LOC")]
    again = window.workflow.span_menu.menu_for(span)
    assert any(a.objectName() == "gazetteer_remove" for a in again.actions())
    relabel = next(a.menu() for a in again.actions() if a.menu() is not None)
    next(a for a in relabel.actions() if a.text() == "PERS").trigger()
    assert [s.label for s in store.spans(window.session.annotation_id)] == ["PERS"]


def test_span_menu_finds_the_span_under_the_mouse(qtbot, window, seed):
    from conftest import char_point, reveal

    start, end = occurrence(seed, "لافروف")
    change = window.session.apply(AddSpan(window.session.annotation_id, start, end, "PERS"))
    view = window.editor.view
    reveal(view, start, end)
    assert window.workflow.span_menu.span_at(char_point(view, start + 2)) == change.added[0]


def test_refresh_picks_up_a_colleagues_change(qtbot, window, store, seed):
    refresh = window.workflow.refresh
    refresh.start()
    assert refresh.poll() is not None
    start, end = occurrence(seed, "موسكو")
    selection = occurrence(seed, "لافروف")  # a word: selections are trimmed of spaces
    window.editor.view.select_range(*selection)
    colleague = Project.open(store.url)
    try:
        colleague.apply(AddSpan(colleague.annotation_id(window.session.doc_id, ANNOTATOR),
                                start, end, "LOC"))
        changes = refresh.poll()
    finally:
        colleague.close()
    assert changes is not None and window.session.annotation_id in changes.by_others
    assert [(s.start, s.end) for s in window.session.index] == [(start, end)]
    assert window.documents.summary(window.session.doc_id).span_count == 1
    assert window.editor.view.selected_range() == selection  # the user's selection is kept
    assert "colleague" in window.statusBar().currentMessage()
    assert not refresh.poll().anything  # nothing new: nothing reloaded


# ---------------------------------------------------------------------- training
@pytest.mark.slow
def test_train_shows_scores_then_pretags_untouched_documents(qtbot, tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "nlp"))
    from pretag_support import TINY, add_plain_documents, anercorp_sentences
    from pretag_support import make_project as make_trained_project

    from annotator.ui.dialogs.pretag_dialog import PretagDialog
    from annotator.ui.dialogs.train_dialog import TrainDialog

    sentences = anercorp_sentences(230)
    store = make_trained_project(tmp_path / "train.db", sentences[:200])
    add_plain_documents(store, [text for text, _spans in sentences[200:]])
    try:
        dialog = TrainDialog(store, "amal")
        qtbot.addWidget(dialog)
        dialog.base_options = TINY
        dialog.epochs.setValue(TINY.max_epochs)
        dialog.out.set_text(str(tmp_path / "model"))
        with qtbot.waitSignal(dialog.panel.done, timeout=300_000):
            dialog.start()
        assert dialog.report is not None and not dialog.report.cancelled
        labels = {dialog.scores.item(r, 0).text() for r in range(dialog.scores.rowCount())}
        assert {"LOC", "PERS"} <= labels
        assert dialog.pretag_button.isEnabled()
        requested: list[str] = []
        dialog.pretag_requested.connect(requested.append)
        dialog.pretag_button.click()
        assert requested == [str((tmp_path / "model").resolve())]
        pretag = PretagDialog(store, "amal", None)  # model in the loop, as the window opens it
        qtbot.addWidget(pretag)
        pretag.select("spacy", requested[0], "untouched")
        with qtbot.waitSignal(pretag.pretagged, timeout=WAIT_MS):
            pretag.start()
        assert pretag.report.documents_tagged == 30  # the plain documents; done ones left alone
        tagged = [doc_id for doc_id in store.document_ids() if suggestions(store, doc_id, "amal")]
        assert tagged and set(tagged) <= set(store.document_ids()[200:])
    finally:
        store.close()
