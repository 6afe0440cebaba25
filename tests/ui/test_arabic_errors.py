"""The domain's errors in the Arabic interface: a real failed import and a refused edit show the
Arabic message with its code, the English original kept under "Show Details…"; in the English
interface the same box is the English line and nothing more."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from conftest import occurrence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTextEdit

from annotator.core.operations import AddSpan
from annotator.ui.dialogs.common import show_error
from annotator.ui.i18n import error_text, install_language, interface_language

WAIT_MS = 60_000


@pytest.fixture
def arabic(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    install_language(qapp, "ar")
    yield
    install_language(qapp, "en")


def arabic_letters(text: str) -> int:
    return sum(unicodedata.bidirectional(c) == "AL" for c in text)


def error_boxes(parent) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [b for b in parent.findChildren(QMessageBox) if b.objectName() == "error_box"]


def broken_import(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"text": "fine"}\n{not json\n', encoding="utf-8")
    dialog = window.workflow.import_documents()
    dialog.add_paths([str(bad)])
    with qtbot.waitSignal(dialog.panel.error, timeout=WAIT_MS):
        dialog.start()
    (box,) = error_boxes(dialog)
    return dialog, box


def test_a_failed_import_in_the_arabic_interface_says_it_in_arabic(qtbot, arabic, window,
                                                                   tmp_path):
    assert interface_language() == "ar"
    dialog, box = broken_import(qtbot, window, tmp_path)
    text = box.text()
    assert text.startswith("\u200f\u2066[E205]\u2069 ")  # right to left, the code first
    assert "السطر" in text and "ليس JSON صالحًا" in text and arabic_letters(text) > 10
    assert "broken.jsonl" in text and "line 2" not in text
    # the English original, for reporting the problem, under "Show Details…"
    english = box.detailedText().lstrip("\u200e")
    assert english.startswith("[E205] ") and "broken.jsonl, line 2: not valid JSON" in english
    details = box.findChild(QTextEdit)
    assert details is not None and not details.isRightToLeft()
    buttons = [b.text() for b in box.findChildren(QPushButton) if b.text()]
    assert buttons and all(arabic_letters(t) for t in buttons), buttons  # Qt's own, translated
    assert dialog.panel.status.text() == text  # the run panel says the same
    dialog.close()


def test_a_refused_edit_in_the_arabic_interface_is_said_in_arabic(qtbot, arabic, window, seed):
    start, end = occurrence(seed, "لافروف")
    session = window.session
    session.apply(AddSpan(session.annotation_id, start - 1, end, "PERS"))  # a space at its start
    shown = window.statusBar().currentMessage()
    assert shown.startswith("\u200f\u2066[E170]\u2069 "), shown
    assert "يبدأ أو ينتهي بمسافة" in shown and "لافروف" in shown


def test_the_english_interface_keeps_the_english_line(qtbot, window, tmp_path):
    assert interface_language() == "en"
    dialog, box = broken_import(qtbot, window, tmp_path)
    assert box.text().startswith("[E205] ") and arabic_letters(box.text()) == 0
    assert box.detailedText() == ""
    dialog.close()


def test_text_that_is_no_domain_error_is_shown_as_given(qtbot, arabic):
    translated = QApplication.translate("ImportDialog", "Add files or a folder to import first")
    assert error_text(translated) == translated
    box = show_error(None, "title", translated)
    qtbot.addWidget(box)
    assert box.text() == translated and box.detailedText() == ""
