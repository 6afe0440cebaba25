"""No cut-off tables: every table and tree of the app, at its window's default size, in English
and in Arabic, shows each column at least as wide as its header and contents (a stretched
title column may elide its contents, never its header) and needs no sideways scrolling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ANNOTATOR, LTR_TEXT, make_project
from every_view import cut_columns, dialog_openers, main_window, process_events
from test_agreement_views import build_team_project

from annotator.ui.i18n import install_language


@pytest.fixture(params=["en", "ar"])
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


def test_every_table_fits_at_its_default_size(qtbot, tmp_path, seed, language):
    project = make_project(tmp_path / "project.db", [seed, LTR_TEXT])
    team = build_team_project(tmp_path / "team.db")
    window, team_window = main_window(project, ANNOTATOR), main_window(team, "cora")
    for each in (window, team_window):
        qtbot.addWidget(each)
    cuts = []
    try:
        for name, open_view in dialog_openers(window, team_window).items():
            view = open_view()
            process_events()
            cuts += [f"{name}: {cut}" for cut in cut_columns(view)]
            if view is not window:
                view.close()
        cuts += [f"team MainWindow: {cut}" for cut in cut_columns(team_window)]
    finally:
        project.close()
        team.close()
    assert cuts == [], "\n".join(cuts)


def test_the_agreement_per_label_table_is_whole(qtbot, tmp_path, language):
    """The table the issue names: at the dialog's default size all eleven columns are in view."""
    team = build_team_project(tmp_path / "team.db")
    window = main_window(team, "cora")
    qtbot.addWidget(window)
    dialog = dialog_openers(window, window)["AgreementDialog"]()
    view = dialog.labels_view
    header = view.horizontalHeader()
    assert dialog.report is not None and header.count() == 11
    assert header.length() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    dialog.close()
    team.close()


def test_a_negative_figure_keeps_its_minus_before_the_number_right_to_left(qapp):
    from test_interface_direction import RTL, read_order

    from annotator.ui.agreement.table_models import format_value

    assert read_order("-0.785", RTL) == "0.785-"  # what an Arabic cell showed
    assert read_order(format_value(-0.785), RTL) == "-0.785"
    assert format_value(0.5) == "0.500"


def test_a_colour_code_reads_hash_first_in_the_arabic_label_editor(qtbot, store, qapp):
    from every_view import main_window
    from test_interface_direction import RTL, read_order

    from annotator.ui.dialogs.label_dialog import COLOR

    install_language(qapp, "ar")
    try:
        window = main_window(store, ANNOTATOR)
        qtbot.addWidget(window)
        dialog = window.edit_labels()
        shown = dialog.table.item(0, COLOR).text()
        assert read_order("#E69F00", RTL) == "E69F00#"  # what the cell showed
        assert read_order(shown, RTL) == store.labels()[0].color
        dialog.close()
    finally:
        install_language(qapp, "en")
