"""The HTML report in Arabic and English, read back: every SVG text says its direction and
anchor, nothing overlaps or leaves its chart, the Arabic charts are mirrored, names are not
cut to a letter, and every string of the Arabic page is Arabic. The project (made through the
CLI) has three annotators with long Latin and Arabic names, 30+ character labels, nested
spans, gamma on (tests/agreement/long_names_project.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from long_names_project import (
    ANNOTATORS,
    ARABIC_NAME,
    LABELS,
    LATIN_NAME,
    ORG,
    PLACE,
    PROJECT_NAME,
    long_names_project,
)
from svg_geometry import Chart, charts, left, problems, right

from annotator.agreement import report_words
from annotator.agreement.html_report import (
    BAR_MEASURES,
    DOCUMENT_COLUMNS,
    LABEL_COLUMNS,
    PAIR_COLUMNS,
)
from annotator.agreement.presentation import MATRIX_MEASURES, OVERALL_MEASURES
from annotator.agreement.svg_text import ELLIPSIS, anchor_for, direction_of, fit, text_width
from annotator.cli import main

REPO = Path(__file__).resolve().parents[2]
SYMBOLS = ("AC1", "AC2", "F1")  # Latin symbols the Arabic names keep, as Arabic papers print them
LATIN = re.compile("[A-Za-z]")
ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> str:
    return long_names_project(tmp_path_factory.mktemp("long-names"))


def _page(project: str, lang: str, folder: Path) -> str:
    path = folder / f"report-{lang}.html"
    assert main(["agreement", project, "--html", str(path), "--lang", lang,
                 "--bootstrap", "40", "--json"]) == 0
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(project: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("pages")
    return {lang: _page(project, lang, folder) for lang in ("ar", "en")}


def test_the_project_is_the_one_the_layout_must_survive(pages: dict[str, str]) -> None:
    assert all(len(n) >= 30 for n in (LATIN_NAME, ARABIC_NAME, ORG, PLACE))
    assert "gamma" in pages["en"] and "غاما" in pages["ar"] and 'lang="ar" dir="rtl"' in pages["ar"]
    for page in pages.values():
        assert [c.kind for c in charts(page)] == ["heatmap"] * len(MATRIX_MEASURES) + ["bars"]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_svg_text_has_its_direction_and_anchor(pages: dict[str, str], lang: str) -> None:
    texts = [t for c in charts(pages[lang]) for t in c.texts]
    assert len(texts) > 50
    for t in texts:
        assert t.anchor in ("start", "middle", "end") and t.direction in ("ltr", "rtl"), t
    for t in texts:
        if t.role == "name":  # corpus text runs in its own direction, whatever the page's
            assert t.direction == direction_of(t.content)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_text_overlaps_another_or_a_cell_or_leaves_its_chart(pages: dict[str, str],
                                                                lang: str) -> None:
    for c in charts(pages[lang]):
        assert problems(c) == [], c.kind


def test_the_geometry_check_catches_the_old_layout() -> None:
    """The old chart: a label anchored "end" left of the bars, inheriting the page's rtl
    direction, runs to the right over them; values 11 px apart overprint each other."""
    old = ('<svg xmlns="http://www.w3.org/2000/svg" class="bars" width="500" height="60">'
           '<rect x="110" y="24" width="200" height="9"/>'
           f'<text x="104" y="30" font-size="12" text-anchor="end" direction="rtl">{ORG}</text>'
           '<text x="314" y="32" font-size="12" text-anchor="start" direction="ltr">0.8</text>'
           '<text x="316" y="40" font-size="12" text-anchor="start" direction="ltr">0.9</text>'
           "</svg>")
    found = problems(charts(old)[0])
    assert any("over a cell" in p and ORG in p for p in found)
    assert any("'0.8' over '0.9'" in p for p in found)


def _mirror_facts(c: Chart) -> dict[str, bool]:
    names = [t for t in c.texts if t.role == "name" and not t.rotated]
    cells = [r for r in c.rects if r[0] in ("cell", "bar")]
    return {"names right": min(left(t) for t in names) >= max(r[3] for r in cells),
            "names left": max(right(t) for t in names) <= min(r[1] for r in cells)}


def test_the_arabic_charts_are_mirrored_and_the_english_ones_are_not(
        pages: dict[str, str]) -> None:
    for lang, side in (("ar", "names right"), ("en", "names left")):
        heatmap, *_, bars = charts(pages[lang])
        assert _mirror_facts(heatmap)[side] and _mirror_facts(bars)[side], lang
        first_row = [r for r in heatmap.rects if r[2] == min(r[2] for r in heatmap.rects)]
        diagonal = (max if lang == "ar" else min)(first_row, key=lambda r: r[1])
        assert diagonal[1:] == sorted(first_row, key=lambda r: r[1])[
            -1 if lang == "ar" else 0][1:]  # the first annotator's own cell: top right in Arabic
        bar_rects = [r for r in bars.rects if r[0] == "bar"]
        axis = bars.lines[0][0]
        edge = [r[3] if lang == "ar" else r[1] for r in bar_rects]  # where bars start
        assert all(abs(e - axis) < 0.11 for e in edge), lang  # they grow away from the axis
        ticks = sorted((t for t in bars.texts if t.role == "tick"), key=left)
        assert [t.content for t in ticks] == (["1", "0.75", "0.5", "0.25", "0"] if lang == "ar"
                                              else ["0", "0.25", "0.5", "0.75", "1"])
        legend = sorted((t for t in bars.texts if t.role == "legend"), key=left)
        first = report_words.words(lang)(BAR_MEASURES[0][0])
        assert legend[-1 if lang == "ar" else 0].content == first  # the legend starts right


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_names_are_whole_or_cut_with_their_full_text_as_a_tooltip(pages: dict[str, str],
                                                                  lang: str) -> None:
    names = [t for c in charts(pages[lang]) for t in c.texts if t.role == "name"]
    assert {t.content for t in names} >= {*ANNOTATORS, ORG, "PERS"}  # 30+ characters, whole
    for t in names:
        if t.content.endswith(ELLIPSIS):
            assert t.tooltip in LABELS + ANNOTATORS and len(t.content) >= 20
            assert t.tooltip.startswith(t.content[:-1])
        else:
            assert t.content in LABELS + ANNOTATORS and t.tooltip is None
    assert any(t.tooltip == PLACE for t in names)  # 44 characters: cut, with a tooltip


def test_fit_and_anchor_rules() -> None:
    assert fit("abc", 12, None) == "abc" and fit(PLACE, 12, 1.0) == PLACE[0] + ELLIPSIS
    cut = fit(PLACE, 12, 200.0)
    assert cut.endswith(ELLIPSIS) and text_width(cut, 12) <= 200 < text_width(PLACE, 12)
    assert [anchor_for(a, d) for a in ("left", "right") for d in ("ltr", "rtl")] == [
        "start", "end", "end", "start"]
    assert direction_of(ARABIC_NAME) == "rtl" and direction_of("12 " + LATIN_NAME) == "ltr"
    assert direction_of("0.5") == "ltr" and direction_of("0.5", "rtl") == "rtl"


class _Visible(HTMLParser):
    """The page's visible strings (tooltips included) that are not corpus text: corpus text is
    in dir="auto" cells, <bdi>, SVG name texts and their tooltips."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.strings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("meta", "rect", "line"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not data.strip() or any(t == "style" for t, _ in self.stack):
            return
        tag, attrs = self.stack[-1] if self.stack else ("", {})
        corpus = (attrs.get("dir") == "auto" or tag == "bdi" or attrs.get("class") == "name"
                  or (tag == "title" and len(self.stack) > 1 and self.stack[-2][0] == "g"))
        if not corpus:
            self.strings.append(data.strip())


def visible(page: str) -> list[str]:
    parser = _Visible()
    parser.feed(page)
    return parser.strings


def untranslated(page: str) -> list[str]:
    out = []
    for s in visible(page):
        bare = s
        for symbol in SYMBOLS:
            bare = bare.replace(symbol, "")
        if LATIN.search(bare):
            out.append(s)
    return out


def test_every_string_of_the_arabic_page_is_arabic(pages: dict[str, str]) -> None:
    strings = visible(pages["ar"])
    assert len(strings) > 60 and untranslated(pages["ar"]) == []
    english = set(visible(pages["en"])) - {s for s in visible(pages["en"]) if not LATIN.search(s)}
    assert english and not english & set(strings)  # no English string, numbers aside
    words = [s for s in strings if LATIN.search(s) or ARABIC.search(s)]
    assert all(ARABIC.search(s) for s in words)


def test_an_untranslated_measure_name_is_caught(pages: dict[str, str], project: str,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(report_words.ARABIC_MEASURES, "gamma")
    monkeypatch.delitem(report_words.ARABIC_SHORT, "span_f1_lenient")
    found = untranslated(_page(project, "ar", tmp_path))
    assert OVERALL_MEASURES["gamma"] in found and "F1 lenient" in found


def test_the_english_page_keeps_its_words(pages: dict[str, str]) -> None:
    strings = visible(pages["en"])
    for text in ("Krippendorff's alpha (tokens, nominal)", "Gamma (spans, Mathet et al. 2015)",
                 "Cohen kappa", "F1 exact", "Annotator pairs", "Per label", "Least agreement",
                 "Span F1 (lenient)", "krippendorff_alpha", "documents", "Overall"):
        assert text in strings
    assert any("sampled continua" in s for s in strings)
    assert any(s.startswith("95% confidence intervals") for s in strings)
    assert not any(ARABIC.search(s.replace(PROJECT_NAME, "")) for s in strings)


def test_every_measure_and_heading_has_its_arabic_words() -> None:
    """A measure added to the report (to OVERALL_MEASURES, a table's columns or the chart)
    without its Arabic words fails here before it reaches an Arabic page in English."""
    ar = report_words.words("ar")
    assert set(OVERALL_MEASURES) <= set(report_words.ARABIC_MEASURES)
    assert set(MATRIX_MEASURES) <= set(report_words.ARABIC_MATRIX)
    headings = [c.heading for cols in (PAIR_COLUMNS, LABEL_COLUMNS, DOCUMENT_COLUMNS)
                for c in cols] + [key for key, _, _ in BAR_MEASURES]
    assert [h for h in headings if not ARABIC.search(ar(h))] == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None,
                    reason="chromium not installed (apt-get install chromium)")
def test_chromium_finds_no_overlap_and_the_widths_are_not_underestimated() -> None:
    """The layout's estimates against the browser's own boxes (getBoundingClientRect)."""
    result = subprocess.run([sys.executable, str(REPO / "tools" / "make_report_screenshots.py"),
                             "--check-only", "--widths", "900"], capture_output=True, text=True,
                            timeout=600, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("0 problem(s)") == 2
