"""The team views on the seed: agreement figures as the domain computes them, one document's
disagreements stacked per annotator, adjudication of conflicts into the gold set, blind mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED, occurrence
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget

from annotator.app.agreement import project_agreement
from annotator.app.project import Project
from annotator.core.model import GOLD_ANNOTATOR, Role, SourceDocument, Span, Status
from annotator.core.operations import AddSpan, SetStatus
from annotator.store.ingest import IngestOptions, ingest
from annotator.ui.agreement.table_models import format_value
from annotator.ui.document_list_model import status_name

SECOND = "زار الرئيس بوتين مدينة موسكو أمس، ثم عاد إلى الكرملين."
# (words, occurrence, characters skipped at the start, label) per annotator
AGREED = [("لافروف", 0, 0, "PERS"), ("كوريا الشمالية", 0, 0, "LOC"), ("كيم جونغ أون", 0, 0, "PERS")]
SPANS = {
    "amal": AGREED + [("سيرجي لافروف", 0, 0, "PERS"), ("موسكو", 0, 0, "LOC")],
    "badr": AGREED + [("سيرجي لافروف", 0, 0, "PERS"), ("موسكو", 0, 0, "ORG"),
                      ("وونسان", 0, 0, "LOC")],
    "carim": AGREED + [("سيرجي لافروف", 0, 6, "PERS")],
}
SECOND_SPANS = {"amal": [("بوتين", 0, 0, "PERS")], "badr": [("بوتين", 0, 0, "PERS"),
                                                            ("موسكو", 0, 0, "LOC")]}


def _spans(text: str, items: list[tuple[str, int, int, str]]) -> list[Span]:
    found = []
    for words, nth, skip, label in items:
        start, end = occurrence(text, words, nth)
        found.append(Span(start + skip, end, label))
    return found


def build_team_project(path: Path, blind: bool = False) -> Project:
    """The seed and a short second document; amal, badr and carim finished the seed, amal and
    badr the second; a curator, cora."""
    seed = SEED.read_text(encoding="utf-8")
    store = Project.create(path, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.store.engine.begin() as c:
        ingest(c, [SourceDocument(seed, source="seed.txt"), SourceDocument(SECOND, source="b.txt")],
               store.info().overlap_policy, IngestOptions())
    first, second = store.document_ids()
    for doc_id, text, by_name in ((first, seed, SPANS), (second, SECOND, SECOND_SPANS)):
        for name, items in by_name.items():
            annotation = store.annotation_id(doc_id, name)
            for span in _spans(text, items):
                store.apply(AddSpan(annotation, span.start, span.end, span.label))
            store.apply(SetStatus(annotation, Status.DONE))
    store.annotator_id("cora", role=Role.CURATOR)
    if blind:
        store.store.update_project(blind=True)
    return store


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Project]:
    store = build_team_project(tmp_path / "team.db")
    yield store
    store.close()


def _cell(view, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return str(view.model().index(row, column).data(Qt.ItemDataRole.DisplayRole))


def overall_text(dialog) -> str:  # type: ignore[no-untyped-def]
    """The overall figures as shown (each figure's spaces are no-break: it wraps whole), the
    intervals' left-to-right embedding marks taken out."""
    return plain(str(dialog.overall.text()).replace("\u00a0", " "))


def plain(text: str) -> str:
    for mark in "\u202a\u202c\u2066\u2068\u2069":
        text = text.replace(mark, "")
    return text


# ---------------------------------------------------------------------- agreement
def test_agreement_view_shows_the_domain_figures(qtbot, team):
    from annotator.ui.agreement.agreement_view import AgreementDialog

    dialog = AgreementDialog(team)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.computed, timeout=20000):
        pass
    expected = project_agreement(team, bootstrap=1000, seed=0)  # the view's intervals
    assert dialog.report is not None
    assert dialog.report.to_dict() == expected.to_dict()
    alpha = expected.bootstrap.overall["krippendorff_alpha"]
    assert (f"{format_value(expected.overall['krippendorff_alpha'].value)} "
            f"[{format_value(alpha.low)}, {format_value(alpha.high)}]") in overall_text(dialog)
    assert "95% confidence interval" in overall_text(dialog)
    assert dialog.heatmap.names == ["amal", "badr", "carim"]
    for measure in ("cohen_kappa", "span_f1_exact", "span_f1_lenient", "alpha_u"):
        dialog.measure.setCurrentIndex(dialog.measure.findData(measure))
        grid = expected.matrix(measure)
        for r in range(3):
            for c in range(3):
                if r != c:
                    assert _cell(dialog.heatmap_view, r, c) == format_value(grid[r][c])
    shown = {_cell(dialog.labels_view, r, 0): r for r in range(dialog.labels.rowCount())}
    with_interval = 0
    for label, figures in expected.per_label.items():
        row = shown[label]
        intervals = expected.bootstrap.per_label[label]
        for column, measure, figure in (
                (1, "span_f1_exact", figures.exact_f1), (2, "span_f1_lenient", figures.lenient_f1),
                (3, "cohen_kappa", figures.cohen_kappa),
                (4, "krippendorff_alpha", figures.krippendorff_alpha),
                (5, "alpha_u", figures.alpha_u), (6, "gwet_ac1", figures.gwet_ac1)):
            value, *under = plain(_cell(dialog.labels_view, row, column)).split("\n")
            assert value == plain(format_value(figure.value)), measure
            i = intervals[measure]
            assert under == ([] if i.low is None else [f"[{i.low:.2f}, {i.high:.2f}]"]), measure
        assert _cell(dialog.labels_view, row, 9) == str(figures.krippendorff_alpha.used)
        f1 = intervals["span_f1_exact"]
        tip = dialog.labels_view.model().index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
        if f1.low is not None:
            assert f"95% interval [{f1.low:.3f}, {f1.high:.3f}]" in tip
            with_interval += 1
        assert expected.gamma is not None
        assert _cell(dialog.labels_view, row, 7) == format_value(expected.gamma.per_label[label].value)
    assert with_interval >= 2
    # documents from least to most agreement under the chosen measure (alpha_u)
    dialog.measure.setCurrentIndex(dialog.measure.findData("alpha_u"))
    by_doc = {d.doc_id: d.alpha_u for d in expected.per_document}
    shown_ids = [dialog.document_id_at(dialog.documents_view.model().index(r, 0))
                 for r in range(dialog.documents.rowCount())]
    values = [by_doc[d] for d in shown_ids]
    assert sorted(values) == values and len(values) == 2  # type: ignore[type-var]
    assert "0." in overall_text(dialog)
    assert f"γ (spans) {format_value(expected.overall['gamma'].value)}" in overall_text(dialog)
    assert "standard error" in overall_text(dialog)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_ac2_and_every_per_label_column_fit_the_default_width(qtbot, team, language):
    from PySide6.QtWidgets import QApplication

    from annotator.app.agreement import set_agreement_weights
    from annotator.ui.agreement.agreement_view import AgreementDialog
    from annotator.ui.i18n import install_language

    set_agreement_weights(team, "quadratic")
    app = QApplication.instance()
    install_language(app, language)
    try:
        dialog = AgreementDialog(team)
        qtbot.addWidget(dialog)
        dialog.resize(1300, 820)
        dialog.show()
        with qtbot.waitSignal(dialog.computed, timeout=20000):
            pass
        qtbot.waitExposed(dialog)
        expected = project_agreement(team, bootstrap=1000, seed=0, weights="quadratic")
        assert dialog.report is not None and dialog.report.to_dict() == expected.to_dict()
        ac2 = expected.overall["gwet_ac2"].value
        interval = expected.bootstrap.overall["gwet_ac2"]
        if language == "en":
            assert (f"Gwet's AC2 (quadratic weights) {format_value(ac2)} "
                    f"[{format_value(interval.low)}, {format_value(interval.high)}]"
                    ) in overall_text(dialog)
        else:
            assert f"{format_value(ac2)} [{format_value(interval.low)}" in overall_text(dialog)
        view = dialog.labels_view
        header = view.horizontalHeader()
        assert header.count() == 11
        assert header.length() <= view.viewport().width()  # no column cut off, no scrolling
        for column in range(header.count()):
            assert header.sectionSize(column) >= view.sizeHintForColumn(column)
        assert dialog.heatmap_view.width() >= 200
    finally:
        install_language(app, "en")


def test_agreement_filters_recompute_in_the_background(qtbot, team):
    from annotator.ui.agreement.agreement_view import AgreementDialog

    dialog = AgreementDialog(team)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.computed, timeout=20000):
        pass
    dialog.annotator_filter.item(2).setCheckState(Qt.CheckState.Unchecked)  # carim
    dialog.label_filter.item(1).setCheckState(Qt.CheckState.Unchecked)  # LOC
    with qtbot.waitSignal(dialog.computed, timeout=20000):
        pass
    expected = project_agreement(team, ["amal", "badr"], ["PERS", "ORG", "MISC"],
                                 bootstrap=1000, seed=0)
    assert dialog.report is not None and dialog.report.to_dict() == expected.to_dict()
    assert dialog.heatmap.names == ["amal", "badr"]
    assert dialog.labels.rowCount() == 3
    dialog.annotator_filter.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.timer.timeout.emit()
    assert "two annotators" in dialog.status.text()


def test_double_click_opens_the_document_in_the_editor(qtbot, team):
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    window = MainWindow(team, "amal", AppSettings())
    qtbot.addWidget(window)
    window.open_position(1)
    dialog = window.actions_.team.open_agreement()
    with qtbot.waitSignal(dialog.computed, timeout=20000):
        pass
    qtbot.waitExposed(dialog)
    view = dialog.documents_view
    second = team.document_ids()[1]
    row = next(r for r in range(dialog.documents.rowCount())
               if dialog.document_id_at(view.model().index(r, 0)) == second)
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session is not None and window.session.doc_id == second
    window.remember_layout = False
    window.close()


__all__ = ["GOLD_ANNOTATOR", "build_team_project"]


# ---------------------------------------------------------------------- disagreements
def _disagreements(qtbot, store: Project, viewer: str):  # type: ignore[no-untyped-def]
    from annotator.ui.agreement.disagreement_view import DisagreementDialog
    from annotator.ui.fonts import text_font

    dialog = DisagreementDialog(store, store.document_ids()[0], viewer, text_font("", 14), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_disagreements_stack_each_annotator_and_outline_the_differences(qtbot, team):
    dialog = _disagreements(qtbot, team, "cora")
    seed = SEED.read_text(encoding="utf-8")
    assert list(dialog.views) == ["amal", "badr", "carim"]
    agreed = set(_spans(seed, AGREED))
    for name, items in SPANS.items():
        view = dialog.views[name]
        assert view.right_to_left and view.toPlainText() == seed
        assert {s.span for s in view.span_geometry.index} == set(_spans(seed, items))  # type: ignore[union-attr]
        assert {s.span for s in view.differences} == set(_spans(seed, items)) - agreed
        assert view.painter.state.flagged == {s.id for s in view.differences}  # type: ignore[union-attr]
    assert len(dialog.views["carim"].differences) == 1  # only the boundary of سيرجي لافروف
    assert "3" in dialog.headers["badr"].text()  # 3 of badr's spans are not shared by all
    image = dialog.views["badr"].viewport().grab().toImage()  # the red outline is painted
    reds = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 60)
    assert reds > 10
    dialog.views["amal"].verticalScrollBar().setValue(5)
    assert dialog.views["carim"].verticalScrollBar().value() == 5


def test_blind_mode_hides_colleagues_in_the_disagreement_view(qtbot, tmp_path):
    store = build_team_project(tmp_path / "blind.db", blind=True)
    try:
        own = _disagreements(qtbot, store, "badr")
        assert list(own.views) == ["badr"]
        assert "Blind" in own.notice.text()
        assert len(own.views["badr"].differences) == 0  # nothing to compare with: no hints
        curator = _disagreements(qtbot, store, "cora")
        assert list(curator.views) == ["amal", "badr", "carim"]
    finally:
        store.close()


# ---------------------------------------------------------------------- adjudication
def _adjudication(qtbot, store: Project, viewer: str = "cora"):  # type: ignore[no-untyped-def]
    from annotator.ui.agreement.adjudication_view import AdjudicationDialog
    from annotator.ui.fonts import text_font

    dialog = AdjudicationDialog(store, viewer, text_font("", 13), None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _gold(store: Project) -> set[Span]:
    from annotator.app.adjudication import gold_annotation_id

    return {s.span for s in store.spans(gold_annotation_id(store, store.document_ids()[0]))}


def _version(dialog, words: str, who: str):  # type: ignore[no-untyped-def]
    """The tree item of the version WHO gave in the conflict over WORDS (items are rebuilt
    after every change: look them up again)."""
    tree = dialog.conflicts
    conflict = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                    if words in tree.topLevelItem(i).text(0))
    return conflict, next(conflict.child(i) for i in range(conflict.childCount())
                          if conflict.child(i).text(1) == who)


def test_adjudication_premerges_and_picks_versions_into_the_gold_set(qtbot, team):
    from annotator.app.adjudication import load_document

    seed = SEED.read_text(encoding="utf-8")
    dialog = _adjudication(qtbot, team)
    assert dialog.rows.rowCount() == 2
    assert dialog.progress.text() == "0 of 2 documents adjudicated"
    agreed = set(_spans(seed, AGREED))
    assert _gold(team) == agreed  # pre-merged on opening
    expected = load_document(team, team.document_ids()[0]).adjudication
    assert dialog.conflicts.topLevelItemCount() == len(expected.conflicts) == 3
    sergei = Span(*occurrence(seed, "سيرجي لافروف"), "PERS")
    conflict, majority = _version(dialog, "سيرجي لافروف", "amal, badr")
    assert conflict.text(1) == "open" and "boundary" in conflict.text(0)
    assert dialog.pick_item(majority) is not None
    assert _gold(team) == agreed | {sergei}
    conflict, majority = _version(dialog, "سيرجي لافروف", "amal, badr")
    assert conflict.text(1) == "picked" and majority.font(0).bold()
    dialog.pick_item(conflict)  # a conflict, not a version: refused with a message
    assert "version" in dialog.message.text()
    # موسكو: LOC (amal), ORG (badr), nothing (carim): the curator sides with carim
    dialog.pick_item(_version(dialog, "موسكو", "carim")[1])
    assert _gold(team) == agreed | {sergei}
    dialog.pick_item(_version(dialog, "موسكو", "badr")[1])
    assert Span(*occurrence(seed, "موسكو"), "ORG") in _gold(team)
    dialog.pick_item(_version(dialog, "سيرجي لافروف", "carim")[1])
    assert sergei not in _gold(team) and Span(sergei.start + 6, sergei.end, "PERS") in _gold(team)
    dialog.editor.undo()  # back to the majority's version
    assert sergei in _gold(team) and Span(sergei.start + 6, sergei.end, "PERS") not in _gold(team)
    dialog.mark_done()
    assert dialog.progress.text() == "1 of 2 documents adjudicated"
    assert dialog.progress.value() == 1
    assert dialog.rows.rows[0][4] == status_name(Status.DONE)


def test_adjudication_edits_go_through_the_editor(qtbot, team):
    seed = SEED.read_text(encoding="utf-8")
    dialog = _adjudication(qtbot, team)
    start, end = occurrence(seed, "فلاديمير بوتين")
    dialog.editor.view.select_range(start, end)
    dialog.label_bar.buttons["PERS"].click()
    assert Span(start, end, "PERS") in _gold(team)
    assert all(s.origin != "" for s in dialog.session.index)


def test_blind_mode_keeps_adjudication_for_curators(qtbot, tmp_path):
    store = build_team_project(tmp_path / "blind.db", blind=True)
    try:
        refused = _adjudication(qtbot, store, "amal")
        assert refused.refusal is not None and "E521" in refused.refusal
        assert refused.findChild(QTreeWidget) is None
        curator = _adjudication(qtbot, store, "cora")
        assert curator.refusal is None and curator.conflicts.topLevelItemCount() == 3
    finally:
        store.close()


# ---------------------------------------------------------------------- bulk curation
def test_bulk_accept_by_clicks_writes_one_undoable_step_and_lists_why(qtbot, team):
    from annotator.app.agreement import project_agreement

    seed = SEED.read_text(encoding="utf-8")
    first, second = team.document_ids()
    alpha = {d.doc_id: d.krippendorff_alpha for d in project_agreement(team).per_document}
    assert alpha[second] < 0.8 <= alpha[first]
    dialog = _adjudication(qtbot, team)
    premerged = _gold(team)
    assert premerged == set(_spans(seed, AGREED))  # opening the seed pre-merged what all agree on
    qtbot.mouseClick(dialog.bulk_button, Qt.MouseButton.LeftButton)
    bulk = dialog.bulk_dialog
    assert bulk is not None and bulk.isVisible() and not dialog.undo_bulk_button.isEnabled()
    bulk.measure.setCurrentIndex(bulk.measure.findData("alpha"))
    bulk.threshold.setValue(0.8)
    bulk.rule.setCurrentIndex(bulk.rule.findData("majority"))
    qtbot.mouseClick(bulk.preview_button, Qt.MouseButton.LeftButton)
    assert bulk.summary.text() == "Would accept 1 document(s) (1 span(s) added); 1 left for review"
    assert _gold(team) == premerged  # a preview writes nothing
    qtbot.mouseClick(bulk.accept_button, Qt.MouseButton.LeftButton)
    assert bulk.summary.text() == "Accepted 1 document(s) (1 span(s) added); 1 left for review"
    assert [bulk.rows.rows[r][1:] for r in range(2)] == [
        [alpha[first], "accepted: 4 agreed span(s), 1 added"],
        [alpha[second], "left: below the threshold"]]
    sergei = Span(*occurrence(seed, "سيرجي لافروف"), "PERS")  # amal and badr: a majority
    assert _gold(team) == premerged | {sergei}
    assert dialog.progress.text() == "1 of 2 documents adjudicated"
    assert dialog.rows.rows[0][4] == status_name(Status.DONE)
    assert sergei in {s.span for s in dialog.session.index}  # the open gold set is read again
    assert dialog.undo_bulk_button.isEnabled()
    qtbot.mouseClick(dialog.undo_bulk_button, Qt.MouseButton.LeftButton)  # one step back
    assert _gold(team) == premerged
    assert dialog.progress.text() == "0 of 2 documents adjudicated"
    assert dialog.rows.rows[0][4] == status_name(Status.IN_PROGRESS)
    assert not dialog.undo_bulk_button.isEnabled()
