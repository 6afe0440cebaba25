"""Put the Arabic of the team views (annotator/ui/agreement/) into resources/i18n/annotator_ar.ts
and recompile the .qm. Only the contexts of those files are touched; the rest of the .ts stays.

    .venv/bin/python tools/translate_team_views.py

Runs `pyside6-lupdate` on annotator/ui/agreement/*.py into a scratch file, fills each message
from ARABIC below, replaces the same-named contexts in the project's .ts and runs lrelease.
Exits 1 (and names them) when a string has no Arabic here yet.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "i18n" / "annotator_ar.ts"
SOURCES = REPO / "annotator" / "ui" / "agreement"
BIN = Path(sys.executable).parent

ARABIC = {
    "Assign documents…": "توزيع المستندات…",
    "Assign documents": "توزيع المستندات",
    "A new annotator's name": "اسم مُعلِّم جديد",
    "Add": "إضافة",
    "Only documents nobody has yet (keep the current assignment)":
        "المستندات غير الموزَّعة فقط (مع إبقاء التوزيع الحالي)",
    "Annotators per document (overlap):": "عدد المُعلِّمين لكل مستند (التداخل):",
    "Documents shared by all (for agreement):": "مستندات مشتركة بين الجميع (لقياس الاتفاق):",
    "Seed (the same seed gives the same plan):": "البذرة (البذرة نفسها تعطي التوزيع نفسه):",
    "%1 document(s) in the project": "عدد مستندات المشروع: %1",
    "Assign": "وزِّع",
    "Assigned %1 document(s) to %2 annotator(s), %3 per document; %4 shared by all":
        "وُزِّعت المستندات (%1) على المُعلِّمين (%2)، %3 لكل مستند؛ المشتركة بين الجميع: %4",
    "%1: %2 document(s)": "%1: عدد المستندات %2",
    "%1 and %2: %3 document(s) in common": "%1 و%2: المستندات المشتركة %3",
    "&Team": "&الفريق",
    "Agreement…": "الاتفاق…",
    "Disagreements in this document…": "الاختلافات في هذا المستند…",
    "Adjudicate…": "الفصل في الاختلافات…",
    "Open a document first": "افتح مستندًا أولًا",
    "Agreement between annotators": "الاتفاق بين المُعلِّمين",
    "Cohen's κ (tokens)": "كابا كوهين (الكلمات)",
    "Span F1, exact": "F1 للوسوم، تطابق تام",
    "Span F1, lenient": "F1 للوسوم، تطابق متسامح",
    "α_u (characters)": "ألفا التقطيع α_u (الحروف)",
    "Label": "الوسم",
    "F1 exact": "F1 تام",
    "F1 lenient": "F1 متسامح",
    "Cohen's κ": "كابا كوهين",
    "Krippendorff's α": "ألفا كريبندورف",
    "α_u": "α_u",
    "Spans": "الوسوم",
    "Tokens used": "الكلمات المحسوبة",
    "Tokens left out": "الكلمات المستبعدة",
    "Document": "المستند",
    "Annotators": "المُعلِّمون",
    "Missing": "الغائبون",
    "Tokens alike": "الكلمات المتفق عليها",
    "Open in the editor": "فتح في المحرر",
    "Show disagreements": "عرض الاختلافات",
    "Annotators:": "المُعلِّمون:",
    "Labels:": "الوسوم:",
    "Measure:": "المقياس:",
    "Annotator pairs": "أزواج المُعلِّمين",
    "Per label": "حسب الوسم",
    "Documents, least agreement first (double-click opens one)":
        "المستندات، الأقل اتفاقًا أولًا (انقر مرتين لفتح مستند)",
    "Choose at least two annotators": "اختر مُعلِّمَين اثنين على الأقل",
    "Choose at least one label": "اختر وسمًا واحدًا على الأقل",
    "Computing agreement…": "جارٍ حساب الاتفاق…",
    "%1 annotators · %2 documents · %3 tokens": "المُعلِّمون: %1 · المستندات: %2 · الكلمات: %3",
    "Krippendorff's α (tokens)": "ألفا كريبندورف (الكلمات)",
    "Fleiss' κ": "كابا فلايس",
    "Gwet's AC1": "معامل AC1 لغويت",
    "Cohen's κ (mean)": "كابا كوهين (المتوسط)",
    "Disagreements — %1": "الاختلافات — %1",
    "Blind project: only your own annotation is shown; colleagues' spans are hidden.":
        "مشروع معمّى: يظهر تعليمك وحدك، وتُخفى وسوم زملائك.",
    "Fewer than two annotators finished this document.": "أنجز هذا المستندَ أقلُّ من مُعلِّمَين.",
    "Outlined in red: spans not shared by every annotator shown.":
        "المحاط بالأحمر: وسوم لم يضعها كل المُعلِّمين المعروضين بالحدود والوسم نفسها.",
    "%1 — %2 spans, %3 not shared by all (%4)": "%1 — الوسوم: %2، غير المشتركة بين الجميع: %3 (%4)",
    "Adjudication: the gold annotation": "الفصل في الاختلافات: التعليم المرجعي",
    "#": "#",
    "Agreed": "متفق عليها",
    "Conflicts": "الاختلافات",
    "Gold": "المرجع",
    "Conflict / version": "الاختلاف / الصيغة",
    "Who": "من",
    "Use this version": "اعتماد هذه الصيغة",
    "Mark adjudicated": "وسم المستند مفصولًا فيه",
    "Undo": "تراجع",
    "Documents up for adjudication": "المستندات المعروضة للفصل",
    "Conflicts: who said what": "الاختلافات: من قال ماذا",
    "%1 of %2 documents adjudicated": "فُصل في %1 من %2 مستندات",
    "Gold set · compared: %1": "التعليم المرجعي · المقارَنون: %1",
    "open": "مفتوح",
    "picked": "مختار",
    "edited": "معدَّل",
    "(no entity here)": "(لا كيان هنا)",
    "Choose one version of a conflict first": "اختر صيغة من صيغ الاختلاف أولًا",
}


def scan() -> ET.ElementTree:
    with tempfile.TemporaryDirectory(dir=TS.parent) as folder:
        scratch = Path(folder) / "team.ts"
        files = sorted(str(p) for p in SOURCES.glob("*.py"))
        subprocess.run([str(BIN / "pyside6-lupdate"), *files, "-ts", str(scratch)], check=True,
                       capture_output=True)
        return ET.parse(scratch)


def merge() -> list[str]:
    """Replace our contexts in the .ts by freshly scanned and translated ones (text edit: the
    rest of the file keeps its exact bytes)."""
    text = TS.read_text(encoding="utf-8")
    missing = []
    blocks = []
    for context in scan().getroot().findall("context"):
        name = context.findtext("name") or ""
        text = re.sub(rf"<context>\s*<name>{re.escape(name)}</name>.*?</context>\n?", "", text,
                      flags=re.DOTALL)
        for message in context.iter("message"):
            location = message.find("location")
            if location is not None:  # relative to the .ts, as lupdate writes it for the project
                file_name = Path(location.get("filename", "")).name
                location.set("filename", f"../../annotator/ui/agreement/{file_name}")
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            arabic = ARABIC.get(source)
            if arabic is None:
                missing.append(source)
                continue
            translation.text = arabic
            translation.attrib.pop("type", None)
        ET.indent(context, space="    ")
        blocks.append(ET.tostring(context, encoding="unicode").rstrip() + "\n")
    head, tail = text.rsplit("</TS>", 1)
    TS.write_text(head + "".join(blocks) + "</TS>" + tail, encoding="utf-8")
    return missing


def main() -> int:
    missing = merge()
    for source in missing:
        print(f"no Arabic for: {source!r}", file=sys.stderr)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True, capture_output=True)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
