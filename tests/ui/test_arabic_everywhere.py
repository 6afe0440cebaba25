"""The Arabic interface without an English word: every window, dialog and menu of annotator/ui
opened under the Arabic translator, and any visible text in Latin letters that is not on the
allow-list of `every_view.py` (file names, spaCy, CoNLL, label names, key names...) fails."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from conftest import ANNOTATOR, make_project
from every_view import (
    dialog_classes,
    dialog_openers,
    latin_words,
    main_window,
    main_window_texts,
    menu_texts,
    process_events,
    span_menu,
    untranslated,
    visible_texts,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_agreement_views import build_team_project

from annotator.ui.i18n import install_language


@pytest.fixture
def arabic(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    install_language(qapp, "ar")
    yield
    install_language(qapp, "en")


@pytest.fixture
def windows(qtbot, tmp_path, seed, arabic):  # type: ignore[no-untyped-def]
    from conftest import LTR_TEXT

    project = make_project(tmp_path / "project.db", [seed, LTR_TEXT])
    team = build_team_project(tmp_path / "team.db")
    window, team_window = main_window(project, ANNOTATOR), main_window(team, "cora")
    for each in (window, team_window):
        qtbot.addWidget(each)
    yield window, team_window
    project.close()
    team.close()


def first_strong(line: str) -> str:
    """'R' or 'L': the direction of LINE's first strong character (U+200F counts as R), '' if
    none: what a wrapped label's paragraph takes as its direction."""
    for c in line:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return ""


def left_to_right_lines(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Lines of ROOT's visible labels that run left to right (and sit on the left) in the
    Arabic interface: a QLabel takes each paragraph's direction from its first strong letter."""
    lines = []
    for label in [root, *root.findChildren(QLabel)]:
        if isinstance(label, QLabel) and label.isVisibleTo(root):
            lines += [line for line in label.text().split("\n") if first_strong(line) == "L"]
    return lines


def test_the_allow_list_lets_names_through_and_english_words_not():
    assert latin_words("اختر ملف amal.conll أو spaCy") == []
    assert latin_words("درّب: annotator train PROJECT --out DIR، الخيار --model PATH") == []
    assert latin_words("an installed spaCy pipeline with 'ner' (package name or folder)") == [
        "an", "installed", "pipeline", "with", "package", "name", "or", "folder"]
    assert latin_words("(done)") == ["done"]
    assert first_strong("γ: الاضطراب المتوقع") == "L"  # such a line would run left to right
    assert first_strong("\u200fγ: الاضطراب المتوقع") == first_strong("[الحد الأدنى]") == "R"


def test_every_view_shows_arabic_only(qtbot, windows):
    window, team_window = windows
    from annotator.app.exporting import writable_formats
    from annotator.app.importing import readable_formats
    from annotator.formats.schemes import SCHEMES

    # the projects' names, and the format and scheme names as the CLI's --format takes them
    names = frozenset({window.info.name, team_window.info.name, *readable_formats(),
                       *writable_formats(), *SCHEMES})
    openers = dialog_openers(window, team_window)
    assert dialog_classes() <= set(openers), sorted(dialog_classes() - set(openers))
    found = []
    window.editor.search.open_bar()
    for name, open_view in openers.items():
        view = open_view()
        process_events()
        shown = list(main_window_texts(view) if name == "MainWindow" else visible_texts(view))
        if name == "PretagDialog":  # each pre-tagger kind has its own description and help
            for i in range(view.kind.count()):
                view.kind.setCurrentIndex(i)
                process_events()
                shown += visible_texts(view)
        found += [f"{name}: {s.where}: {s.text!r}" for s in untranslated(shown, names)]
        found += [f"{name}: runs left to right: {line!r}" for line in left_to_right_lines(view)]
        if view is not window and view is not team_window:
            view.close()
    menu = span_menu(window)
    found += [f"span menu: {s.where}: {s.text!r}" for s in untranslated(list(menu_texts(menu, "span")))]
    standard = window.editor.view.createStandardContextMenu()
    found += [f"text menu: {s.where}: {s.text!r}"
              for s in untranslated(list(menu_texts(standard, "text")))]
    assert found == [], "\n".join(found)


def test_the_pretag_help_and_descriptions_are_arabic_and_right_aligned(qtbot, windows):
    window, _team = windows
    dialog = window.workflow.pretag()
    process_events()
    for i in range(dialog.kind.count()):
        dialog.kind.setCurrentIndex(i)
        process_events()
        for label in (dialog.description, dialog.help):
            if not label.isVisibleTo(dialog):
                continue
            assert latin_words(label.text()) == [], label.text()
            assert label.isRightToLeft()
            # the text's first strong letter is Arabic: the paragraph runs right to left
            first = next(c for c in label.text() if c.isalpha())
            assert "\u0600" <= first <= "\u06ff", label.text()
            alignment = label.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
            assert alignment in (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignLeading,
                                 Qt.AlignmentFlag.AlignRight)  # mirrored: not absolute
            assert not alignment & Qt.AlignmentFlag.AlignAbsolute
    assert isinstance(dialog.description, QLabel)
    dialog.close()


def test_the_domain_texts_are_the_domains():
    from annotator.app.pretagging import no_pipeline_help, pretagger_kinds
    from annotator.ui.domain_texts import DOMAIN_TEXTS

    assert set(pretagger_kinds().values()) | {no_pipeline_help({})} == set(DOMAIN_TEXTS)
