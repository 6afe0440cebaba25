"""tools/fill_translations.py names only the strings nobody has translated: a message the
catalogue lacks but the .ts already translates (Qt Linguist, tools/translate_team_views.py)
stays as it is and is not reported."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
TOOL = REPO / "tools" / "fill_translations.py"
PROJECT_TS = REPO / "resources" / "i18n" / "annotator_ar.ts"

SMALL_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>MainWindow</name>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translated in Qt Linguist</source>
        <translation>مترجم من قبل</translation>
    </message>
    <message>
        <source>Nobody translated this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translated but left empty</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n plural done elsewhere</source>
        <translation>
            <numerusform>صفر</numerusform>
            <numerusform>واحد</numerusform>
            <numerusform>اثنان</numerusform>
            <numerusform>قليل</numerusform>
            <numerusform>كثير</numerusform>
            <numerusform>غيره</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plural with a form missing</source>
        <translation>
            <numerusform>صفر</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>An old string</source>
        <translation type="vanished">نص قديم</translation>
    </message>
</context>
</TS>
"""


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fill_translations", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def translations(path: Path) -> dict[str, tuple[str | None, str | None]]:
    return {m.findtext("source") or "": (m.find("translation").get("type"),  # type: ignore[union-attr]
                                         m.findtext("translation"))
            for m in ET.parse(path).getroot().iter("message")}


def test_only_untranslated_strings_are_reported(tmp_path):
    ts = tmp_path / "small_ar.ts"
    ts.write_text(SMALL_TS, encoding="utf-8")
    missing = load_tool().fill(ts)
    assert missing == ["Nobody translated this", "Translated but left empty",
                       "%n plural with a form missing"]
    after = translations(ts)
    assert after["Zoom in"] == (None, "تكبير")  # the catalogue's Arabic, marked finished
    assert after["Translated in Qt Linguist"] == (None, "مترجم من قبل")  # kept as it was
    assert after["Nobody translated this"][0] == "unfinished"
    assert after["An old string"] == ("vanished", "نص قديم")


def test_the_project_translations_raise_no_warning(tmp_path):
    ts = tmp_path / "annotator_ar.ts"
    shutil.copy(PROJECT_TS, ts)
    assert load_tool().fill(ts) == []
