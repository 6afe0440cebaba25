"""A CLI-made project for the HTML report's layout: three annotators with long names (Latin,
Arabic and a short one), labels of 30+ characters in both scripts, nested spans that the
annotators partly disagree on. Used by test_html_report.py and tools/make_report_screenshots.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.cli import main

LATIN_NAME = "Alexandra Konstantinopoulou-Smith"  # 33 characters
ARABIC_NAME = "عبد الرحمن بن عبد العزيز آل سعود"  # 32 characters
ANNOTATORS = (LATIN_NAME, ARABIC_NAME, "carim")
ORG = "منظمة_حكومية_دولية_غير_ربحية_طويلة"  # 34 characters
PLACE = "GEOPOLITICAL_ENTITY_OR_ADMINISTRATIVE_REGION"  # 44 characters
PERS = "PERS"
LABELS = (PERS, PLACE, ORG)
PROJECT_NAME = "تقارير طويلة"
TEXTS = (
    "درس في جامعة نابلس وزير الخارجية الروسي سيرجي لافروف قبل أن يزور موسكو .",
    "أعلنت وزارة الخارجية في القاهرة أن الرئيس زار مدينة الإسكندرية أمس .",
    "قال مدير منظمة الصحة العالمية في جنيف إن الوباء انتهى .",
    "التقى كيم جونغ أون الرئيس فلاديمير بوتين في مدينة وونسان الساحلية .",
)
# per document: (mention, label) everyone made, then each annotator's own
SHARED = (
    [("جامعة نابلس", ORG), ("نابلس", PLACE), ("سيرجي لافروف", PERS)],
    [("وزارة الخارجية في القاهرة", ORG), ("القاهرة", PLACE)],
    [("منظمة الصحة العالمية", ORG), ("جنيف", PLACE)],
    [("كيم جونغ أون", PERS), ("فلاديمير بوتين", PERS)],
)
OWN = {
    LATIN_NAME: ([("موسكو", PLACE), ("الروسي", PLACE)], [("الإسكندرية", PLACE)], [],
                 [("وونسان", PLACE)]),
    ARABIC_NAME: ([("موسكو", PLACE)], [("مدينة الإسكندرية", PLACE)], [("الصحة", ORG)],
                  [("مدينة وونسان", PLACE)]),
    "carim": ([("موسكو", ORG)], [("الإسكندرية", PLACE)], [], [("وونسان", PLACE)]),
}


def _spans(text: str, items: list[tuple[str, str]]) -> list[list[object]]:
    out: list[list[object]] = []
    for mention, label in items:
        start = text.index(mention)
        out.append([start, start + len(mention), label])
    return out


def long_names_project(folder: Path) -> str:
    """`init` the project (overlaps allowed) in FOLDER and import each annotator's spans
    through the doccano importer, as a user would; returns the project's path."""
    project = str(folder / "long-names.db")
    assert main(["init", project, "--labels", ",".join(LABELS), "--overlap", "allow",
                 "--name", PROJECT_NAME]) == 0
    for n, name in enumerate(ANNOTATORS):
        path = folder / f"annotator{n}.jsonl"
        lines = [json.dumps({"text": text, "label": _spans(text, SHARED[d] + OWN[name][d])},
                            ensure_ascii=False) for d, text in enumerate(TEXTS)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert main(["import", project, str(path), "--format", "doccano",
                     "--annotator", name]) == 0
    return project
