"""Dark and light appearance: span colours readable in both (WCAG contrast, computed), View ›
Appearance driven by menu clicks, the desktop's scheme followed, the choice kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ANNOTATOR, LTR_TEXT, make_project, occurrence
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QMenu
from test_recent_projects import click_menu_entry

from annotator.core.model import DEFAULT_COLORS, SpanState, default_label_specs
from annotator.core.operations import AddSpan
from annotator.ui.appearance import Appearance, is_dark, scheme_palette
from annotator.ui.editor.contrast import MIN_CONTRAST, contrast, luminance, readable_on
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.settings import AppSettings

LABELS = default_label_specs([f"L{i}" for i in range(len(DEFAULT_COLORS))])


@pytest.fixture(autouse=True)
def platform_look_restored(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Each test leaves the application's style and palette as it found them."""
    app = QApplication.instance()
    style, palette = app.style().name(), QPalette(app.palette())
    yield
    app.setStyle(style)
    app.setPalette(palette)
    for found in app.findChildren(Appearance):  # the next test's window makes its own
        app.styleHints().colorSchemeChanged.disconnect(found.system_changed)
        found.setObjectName("")
        found.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_on_every_default_label_colour_reads_at_4_5_to_1(scheme: str) -> None:
    style = SpanStyle(LABELS, QFont("DejaVu Sans", 15))
    style.set_palette(scheme_palette(scheme))
    assert style.dark is (scheme == "dark")
    worst = 21.0
    for spec in LABELS:
        for suggested in (False, True):
            for depth in range(5) if not suggested else (0,):
                fill = style.fill_color(spec.name, depth, suggested)
                worst = min(worst, contrast(fill, style.text))
                assert contrast(fill, style.page) > 1.04, (spec.color, depth, suggested)  # a tint
            tag_fill, _outline, tag_text = style.tag_colors(spec.name, suggested)
            worst = min(worst, contrast(tag_text, tag_fill))
        color = style.color(spec.name)  # the label bar's button
        worst = min(worst, contrast(readable_on(color), color))
    assert worst >= MIN_CONTRAST, worst
    fills = {style.fill_color(s.name, 0, False).name() for s in LABELS}
    assert len(fills) == len(LABELS)  # every label keeps a fill of its own
    if scheme == "dark":  # dark shades under light text, not the light scheme's pastels
        assert all(luminance(style.fill_color(s.name, 0, False)) < 0.2 for s in LABELS)


def test_the_old_black_or_white_rule_failed_where_the_contrast_rule_does_not() -> None:
    """#D55E00 (vermillion, a default colour): white text on it is 3.8:1, black 5.5:1."""
    from PySide6.QtGui import QColor

    vermillion = QColor("#D55E00")
    assert contrast(QColor("#FFFFFF"), vermillion) < MIN_CONTRAST
    assert readable_on(vermillion).name() == "#000000"


def block_backgrounds(view, offset: int) -> set[str]:  # type: ignore[no-untyped-def]
    """The span fills Qt laid out in the block holding OFFSET, as it will paint them."""
    view.viewport().grab()  # a paint: the visible blocks get their formats
    block = view.document().findBlock(view.offsets.to_qt(offset))
    return {r.format.background().color().name() for r in block.layout().formats()}


def test_view_appearance_dark_and_back_by_menu_clicks(qtbot, window, seed):
    start, end = occurrence(seed, "لافروف")
    window.session.apply(AddSpan(window.session.annotation_id, start, end, "PERS",
                                 state=SpanState.ACCEPTED))
    view, style = window.editor.view, window.editor.span_style
    light_fill = style.fill_color("PERS", 0, False).name()
    assert light_fill in block_backgrounds(view, start)

    bar = window.menuBar()
    view_action = next(a for a in bar.actions() if a.text() == "&View")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view_action).center())
    qtbot.waitUntil(view_action.menu().isVisible, timeout=2000)
    click_menu_entry(qtbot, view_action.menu(), "Appearance")
    menu = window.findChild(QMenu, "appearance_menu")
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    click_menu_entry(qtbot, menu, "Dark")

    assert window.settings.appearance == "dark"
    qtbot.waitUntil(lambda: is_dark(view.palette()), timeout=2000)  # Qt hands it on later
    assert style.dark
    dark_fill = style.fill_color("PERS", 0, False)
    assert dark_fill.name() != light_fill and dark_fill.name() in block_backgrounds(view, start)
    assert contrast(dark_fill, view.palette().color(QPalette.ColorRole.Text)) >= MIN_CONTRAST
    button = window.label_bar.buttons["PERS"]
    assert style.color("PERS").name() in button.styleSheet()

    light = next(a for a in menu.actions() if a.objectName() == "appearance_light")
    light.trigger()
    qtbot.waitUntil(lambda: not is_dark(view.palette()), timeout=2000)
    assert not style.dark
    assert light_fill in block_backgrounds(view, start)


def test_system_follows_the_desktop_scheme_as_it_changes(qtbot, window):
    appearance = Appearance.of(QApplication.instance(), window.settings)
    appearance.choose("system")
    hints = QApplication.instance().styleHints()
    view = window.editor.view
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop turned dark
    qtbot.waitUntil(lambda: is_dark(view.palette()), timeout=2000)
    assert window.editor.span_style.dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: not is_dark(view.palette()), timeout=2000)
    assert not window.editor.span_style.dark
    appearance.choose("light")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # a chosen scheme stays
    qtbot.wait(50)
    assert not is_dark(view.palette()) and not window.editor.span_style.dark


def test_the_choice_is_kept_and_applied_at_the_next_start(qtbot, tmp_path, seed):
    from annotator.ui.app import AppController

    settings = AppSettings()
    settings.appearance = "dark"
    assert AppSettings().appearance == "dark"
    settings.appearance = "purple"
    assert settings.appearance == "system"  # an unknown value is not kept
    settings.appearance = "dark"
    project = make_project(tmp_path / "p.db", [seed, LTR_TEXT])
    controller = AppController(QApplication.instance(), project, ANNOTATOR, settings,
                               remember=False)
    controller.start(1)
    try:
        window = controller.window
        qtbot.waitUntil(lambda: window.editor.span_style.dark, timeout=2000)
        assert is_dark(window.editor.view.palette())
        checked = [a.objectName() for a in window.actions_.appearance_menu.actions()
                   if a.isChecked()]
        assert checked == ["appearance_dark"]
    finally:
        controller.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_document_lists_status_colours_read_on_its_page(scheme: str) -> None:
    from annotator.core.model import Status
    from annotator.ui.document_list_model import status_brush

    palette = scheme_palette(scheme)
    QApplication.instance().setPalette(palette)
    page = palette.color(QPalette.ColorRole.Base)
    shades = {status: status_brush(status).color() for status in Status}
    assert all(contrast(color, page) >= MIN_CONTRAST for color in shades.values()), shades
    assert len({c.name() for c in shades.values()}) == len(Status)  # still told apart


def test_the_appearance_menu_is_translated(qtbot, store):
    from annotator.ui.app import AppController
    from annotator.ui.i18n import install_language

    settings = AppSettings()
    settings.ui_language = "ar"
    controller = AppController(QApplication.instance(), store, ANNOTATOR, settings,
                               remember=False)
    controller.start(1)
    try:
        menu = controller.window.actions_.appearance_menu
        assert menu.title() == "المظهر"
        assert [a.text() for a in menu.actions()][1:] == ["فاتح", "داكن"]
    finally:
        controller.close()
        install_language(QApplication.instance(), "en")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_matches_and_notices_read_at_4_5_to_1(scheme: str) -> None:
    from annotator.ui.appearance import notice_color

    style = SpanStyle(LABELS, QFont("DejaVu Sans", 15))
    palette = scheme_palette(scheme)
    style.set_palette(palette)
    highlight = style.search_highlight()
    assert contrast(style.text, highlight) >= MIN_CONTRAST, highlight.name()
    assert contrast(highlight, style.page) >= 1.1, highlight.name()  # it shows on the page
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast(notice_color(palette), window) >= MIN_CONTRAST  # the pre-tag dialog's help


def test_the_old_search_highlight_and_help_colour_failed() -> None:
    """What was fixed: a yellow laid over the text at alpha 140 (text and page alike), in both
    schemes, and the help's fixed #8a4b00 on the dark palette."""
    from PySide6.QtGui import QColor

    from annotator.ui.editor.contrast import mix

    yellow, alpha = QColor("#FFF59D"), 140 / 255
    for scheme in ("light", "dark"):
        palette = scheme_palette(scheme)
        page, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        assert contrast(mix(yellow, text, alpha), mix(yellow, page, alpha)) < MIN_CONTRAST
    assert contrast(QColor("#8a4b00"), palette.color(QPalette.ColorRole.Window)) < MIN_CONTRAST


def painted_colours(view, start: int, end: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """How many pixels of each colour the viewport shows inside the match [START, END) (its
    rectangles less a margin for the current match's ring)."""
    from annotator.ui.editor.span_painter import visible_blocks

    image = view.viewport().grab().toImage()
    counts: dict[str, int] = {}
    for block, origin in visible_blocks(view):
        for rect in view.painter.range_rects(block, origin, start, end):
            inner = rect.adjusted(4, 5, -4, -5).toRect()
            for x in range(inner.left(), inner.right()):
                for y in range(inner.top(), inner.bottom()):
                    name = image.pixelColor(x, y).name()
                    counts[name] = counts.get(name, 0) + 1
    return counts


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_match_is_painted_behind_its_text_over_a_span_too(qtbot, window, seed, scheme):
    """The painted pixels: inside a match the highlight and the palette's own text colour, on
    the page and over an accepted span alike."""
    Appearance.of(QApplication.instance(), window.settings).choose(scheme)
    view, style = window.editor.view, window.editor.span_style
    qtbot.waitUntil(lambda: style.dark is (scheme == "dark"), timeout=2000)
    first, second = occurrence(seed, "لافروف"), occurrence(seed, "لافروف", 1)
    window.session.apply(AddSpan(window.session.annotation_id, *first, "PERS",
                                 state=SpanState.ACCEPTED))
    window.editor.search.open_bar()
    window.editor.search.field.setText("لافروف")
    window.editor.search.search_now()
    qtbot.waitUntil(lambda: len(view.painter.state.matches) >= 2, timeout=2000)
    highlight, text = style.search_highlight().name(), style.text.name()
    for start, end in (first, second):
        counts = painted_colours(view, start, end)
        total = sum(counts.values())
        assert total > 50, counts
        assert counts.get(highlight, 0) > total * 0.4, (highlight, counts)
        assert counts.get(text, 0) > 0, (text, sorted(counts.items(), key=lambda c: -c[1])[:5])
        assert style.fill_color("PERS", 0, False).name() not in counts  # the fill is behind


def test_the_pretag_help_follows_the_appearance(qtbot, window):
    dialog = window.workflow.pretag()
    appearance = Appearance.of(QApplication.instance(), window.settings)
    for scheme in ("dark", "light", "dark"):
        appearance.choose(scheme)
        qtbot.waitUntil(lambda s=scheme: is_dark(dialog.help.palette()) is (s == "dark"),
                        timeout=2000)
        palette = dialog.help.palette()
        shown = palette.color(QPalette.ColorRole.WindowText)
        assert contrast(shown, palette.color(QPalette.ColorRole.Window)) >= MIN_CONTRAST, scheme
        assert shown.name() == ("#ffb74d" if scheme == "dark" else "#8a4b00")
    dialog.close()
