"""Fill resources/i18n/annotator_ar.ts from the Arabic catalogue below, then compile the .qm.

Workflow when interface strings change:
    .venv/bin/pyside6-lupdate $(find annotator/ui -name '*.py') -ts resources/i18n/annotator_ar.ts
    .venv/bin/python tools/fill_translations.py      # fills what the catalogue knows, runs lrelease
Strings the catalogue lacks keep what the .ts has: a translation made elsewhere (Qt Linguist,
tools/translate_team_views.py) stays and is not reported; one still "unfinished" is named on
stderr (and tests/ui/test_app.py fails until it is added here or in Qt Linguist).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "i18n" / "annotator_ar.ts"

ARABIC = {
    # the domain's no_pipeline_help (context 'pretaggers'; no tr() literal holds it)
    "No spaCy pipeline with an 'ner' component is installed. Nothing is downloaded for you: install one with pip (a spaCy model package for your language, or one you trained), give a pipeline folder with --model PATH, or train one from your finished documents: annotator train PROJECT --out DIR":
        "لا يوجد خط معالجة spaCy مثبّت فيه مكوّن 'ner'. لا يُنزَّل شيء نيابةً عنك: ثبّت واحدًا باستخدام pip (حزمة نموذج spaCy للغتك، أو نموذجًا درّبته)، أو حدّد مجلد خط معالجة بالخيار \u200e--model PATH، أو درّب واحدًا من مستنداتك المنجزة: annotator train PROJECT --out DIR",
    "Add the starter names to the project gazetteer": "إضافة الأسماء الأولية إلى معجم أسماء المشروع",
    "Starter gazetteer": "معجم الأسماء الأولي",
    "Starter gazetteer: %1 names added, %2 already known": "معجم الأسماء الأولي: أُضيف %1 اسمًا، و%2 معروفة من قبل",
    "Where the model is wrong": "أين يخطئ النموذج",
    "Training: epoch %1, step %2, loss %4, dev F1 %3": "التدريب: الدورة %1، الخطوة %2، الخسارة %4، F1 على التطوير %3",
    "A spaCy pipeline folder": "مجلد خط معالجة spaCy",
    "Held out when the model was trained": "المستندات المحجوبة عند تدريب النموذج",
    "Every document with done annotations": "كل مستند له توسيم منجز",
    "Model:": "النموذج:",
    "Documents:": "المستندات:",
    "Evaluation failed": "فشل التقييم",
    "Error": "الخطأ",
    "Gold": "المرجع",
    "Model": "النموذج",
    "Gold spans": "وسوم المرجع",
    "The model's spans": "وسوم النموذج",
    "Evaluate": "تقييم",
    "missed": "مفقود",
    "spurious": "زائد",
    "wrong label": "تصنيف خاطئ",
    "wrong boundary": "حدود خاطئة",
    "Choose a model folder first.": "اختر مجلد النموذج أولاً.",
    "Scored %1 documents": "قُيّم %1 مستندًا",
    "Precision %1, recall %2, F1 %3 against %4. Errors: %5": "الدقة %1، الاستدعاء %2، F1 %3 مقابل %4. الأخطاء: %5",
    "Model &errors…": "أ&خطاء النموذج…",
    "Queue by model uncertainty": "قائمة العمل حسب عدم يقين النموذج",
    "&Queue by model uncertainty…": "&قائمة العمل حسب عدم يقين النموذج…",
    "The model's least sure first": "ما يقلّ يقين النموذج فيه أولاً",
    "The project's order": "ترتيب المشروع",
    "Order:": "الترتيب:",
    "Uncertainty": "عدم اليقين",
    "Show the queue": "عرض قائمة العمل",
    "No model chosen: the project's order.": "لم يُختر نموذج: ترتيب المشروع.",
    "Queue": "قائمة العمل",
    "%1 documents in the queue": "%1 مستندًا في قائمة العمل",
    "#": "#",
    "%1 of %2": "%1 من %2",
    "%1 of %2 documents done": "أُنجز %1 من %2 مستندات",
    "%1 — annotator": "%1 — المُعلِّم",
    "&Document": "&المستند",
    "&Edit": "&تحرير",
    "&File": "&ملف",
    "&Find in document": "&بحث في المستند",
    "&Help": "&مساعدة",
    "&Quit": "&خروج",
    "&Redo": "إ&عادة",
    "&Undo": "ترا&جع",
    "&View": "&عرض",
    "A new overlapping span replaces the old ones": "الوسم الجديد المتداخل يحلّ محلّ القديم",
    "Accept all suggestions in the document": "قبول كل الاقتراحات في المستند",
    "Accept suggestion": "قبول الاقتراح",
    "Accept the suggestion": "قبول الاقتراح",
    "Action": "الإجراء",
    "All documents": "كل المستندات",
    "Alt+drag, Ctrl+M": "Alt مع السحب، Ctrl+M",
    "Automatic (first strong character)": "تلقائي (أول حرف ذي اتجاه)",
    "Character mode": "وضع الحروف",
    "Character mode (exact characters, not tokens)": "وضع الحروف (حروف بعينها لا كلمات كاملة)",
    "Character mode: select exact characters (a name after a proclitic)":
        "وضع الحروف: تحديد حروف بعينها (اسم بعد سابقة متصلة)",
    "Close": "إغلاق",
    "Delete span": "حذف الوسم",
    "Delete the span": "حذف الوسم",
    "Document": "المستند",
    "Document marked %1": "وُسم المستند بأنه %1",
    "Documents": "المستندات",
    "Done": "منجز",
    "Double-click": "نقر مزدوج",
    "Drag, Shift+arrows": "السحب، Shift مع الأسهم",
    "Every document is done": "أُنجزت كل المستندات",
    "Filter by title": "تصفية حسب العنوان",
    "A word of three letters or more is found anywhere in the title or source; a shorter word finds the words that begin with it":
        "الكلمة من ثلاثة أحرف فأكثر يُبحث عنها في أي موضع من العنوان أو المصدر؛ والكلمة الأقصر تجد الكلمات التي تبدأ بها",
    "Every word is found anywhere in the title or source": "يُبحث عن كل كلمة في أي موضع من العنوان أو المصدر",
    "Find (ignores diacritics and letter variants), find next":
        "بحث (يتجاهل التشكيل وصور الحروف)، البحث عن التالي",
    "Find (ignores diacritics, tatweel and letter variants)":
        "بحث (يتجاهل التشكيل والتطويل وصور الحروف)",
    "Find next": "البحث عن التالي",
    "Find previous": "البحث عن السابق",
    "Guidelines": "الإرشادات",
    "In progress": "قيد العمل",
    "Interface language": "لغة الواجهة",
    "Keyboard shortcuts": "اختصارات لوحة المفاتيح",
    "Keys": "المفاتيح",
    "Label the selection (or relabel the span under the cursor)":
        "وسم التحديد (أو تغيير وسم ما تحت المؤشر)",
    "Labels:": "الوسوم:",
    "Left to right": "من اليسار إلى اليمين",
    "Mark done and go to the next": "وسمه منجزًا والانتقال إلى التالي",
    "Mark in progress": "وسمه قيد العمل",
    "Mark skipped": "وسمه متجاوزًا",
    "Mark the document done and open the next undone one":
        "وسم المستند منجزًا وفتح التالي غير المنجز",
    "New": "جديد",
    "Next": "التالي",
    "Next document": "المستند التالي",
    "Next span": "الوسم التالي",
    "Next undone document": "المستند التالي غير المنجز",
    "Next, previous span": "الوسم التالي، السابق",
    "No matches": "لا نتائج",
    "Normal size": "الحجم العادي",
    "Not done": "غير منجز",
    "Overlaps refused": "التداخل مرفوض",
    "Overlaps replace": "التداخل يستبدل",
    "Previous": "السابق",
    "Previous document": "المستند السابق",
    "Previous span": "الوسم السابق",
    "Reject suggestion": "رفض الاقتراح",
    "Reject the suggestion": "رفض الاقتراح",
    "Right to left": "من اليمين إلى اليسار",
    "Select a token": "تحديد كلمة",
    "Select some text first, or put the cursor on a span": "حدّد نصًا أولًا، أو ضع المؤشر على وسم",
    "Select; the selection snaps to whole tokens": "تحديد؛ يمتد التحديد إلى كلمات كاملة",
    "Skipped": "متجاوز",
    "Spans": "الوسوم",
    "Status": "الحالة",
    "Suggestions": "الاقتراحات",
    "Text direction": "اتجاه النص",
    "Text font": "خط النص",
    "Text font…": "خط النص…",
    "This project has no documents yet: import some with `annotator import`":
        "لا مستندات في هذا المشروع بعد: استوردها بالأمر `annotator import`",
    "This project has no guidelines yet.": "لا إرشادات لهذا المشروع بعد.",
    "Token mode": "وضع الكلمات",
    "Undo, redo": "تراجع، إعادة",
    "Zoom in": "تكبير",
    "Zoom in, out, normal size": "تكبير، تصغير، الحجم العادي",
    "Zoom out": "تصغير",
    "done": "منجز",
    "in progress": "قيد العمل",
    "new": "جديد",
    "skipped": "متجاوز",
    # bulk curation (the Adjudication view's "Accept in bulk…")
    "Accept in bulk…": "قبول جماعي…",
    "Accept in bulk": "قبول جماعي",
    "Undo bulk accept": "التراجع عن القبول الجماعي",
    "unanimous: made by every annotator": "بالإجماع: وسمها كل الموسِّمين",
    "majority: made by more than half of them": "بالأغلبية: وسمها أكثر من نصفهم",
    "Agreement measure (per document):": "مقياس الاتفاق (لكل مستند):",
    "Accept at or above:": "القبول عند هذه القيمة أو أعلى:",
    "Agreed spans:": "الوسوم المتفق عليها:",
    "Value": "القيمة",
    "Result": "النتيجة",
    "Preview": "معاينة",
    "Accept": "قبول",
    "Span F1, exact": "F1 للوسوم، تطابق تام",
    "Span F1, lenient": "F1 للوسوم، تطابق متسامح",
    "Krippendorff's α (tokens)": "ألفا كريبندورف (الكلمات)",
    "α_u (characters)": "ألفا التقطيع α_u (الحروف)",
    "Tokens alike": "الكلمات المتفق عليها",
    "left: below the threshold": "متروك: دون العتبة",
    "left: the measure has no value here": "متروك: لا قيمة للمقياس هنا",
    "left: already adjudicated": "متروك: مفصول فيه من قبل",
    "left: the gold set has a curator's own spans": "متروك: في المرجع وسوم وضعها مدقّق بنفسه",
    "left: agreed spans overlap": "متروك: الوسوم المتفق عليها متداخلة",
    "Would accept %1 document(s) (%2 span(s) added); %3 left for review":
        "سيُقبل %1 مستند (تُضاف %2 وسوم)؛ ويُترك %3 للمراجعة",
    "Accepted %1 document(s) (%2 span(s) added); %3 left for review":
        "قُبل %1 مستند (أُضيفت %2 وسوم)؛ وتُرك %3 للمراجعة",
    "accepted: %1 agreed span(s), %2 added": "مقبول: %1 وسوم متفق عليها، أُضيف منها %2",
    # the label editor (Project › Labels…)
    "Edit labels…": "تحرير الوسوم…",
    "Labels": "الوسوم",
    "Name": "الاسم",
    "Colour": "اللون",
    "Hotkey": "مفتاح الاختصار",
    "Description": "الوصف",
    "New label name": "اسم الوسم الجديد",
    "Add": "إضافة",
    "Colour…": "اللون…",
    "Up": "لأعلى",
    "Down": "لأسفل",
    "Remove…": "إزالة…",
    "Merge into…": "دمج في…",
    "Undo": "تراجع",
    "Redo": "إعادة",
    "Colour of %1": "لون %1",
    "Labels changed": "تغيّرت الوسوم",
    "%1 span(s) relabelled": "أُعيد وسم %1 من المقاطع",
    "%1 span(s) deleted": "حُذف %1 من المقاطع",
    "%1 span(s) on the same offsets as one already there kept once":
        "%1 من المقاطع على المواضع نفسها لمقطع موجود أُبقي واحد منها",
    "Remove %1": "إزالة %1",
    "Merge %1": "دمج %1",
    "Relabel its spans to": "إعادة وسم مقاطعه بـ",
    "Merge into": "دمج في",
    "Delete its spans": "حذف مقاطعه",
    "%1 is in use: what becomes of its spans (and its gazetteer names and time records)?":
        "الوسم %1 مستعمل: ماذا يحلّ بمقاطعه (وبأسمائه في المعجم وسجلات وقته)؟",
    "&Project": "الم&شروع",
    "&Labels…": "ال&وسوم…",
    # the Agreement view's bootstrap intervals
    "[low, high]: 95% confidence interval, bootstrap over documents (%1 resamples)":
        "[الحد الأدنى، الحد الأعلى]: فترة ثقة 95%، بإعادة المعاينة بالتمهيد على المستندات (%1 عينة)",
    "γ (spans)": "γ (المقاطع)",
    "γ-cat": "γ-cat (التصنيفات)",
    "Gwet's AC2 (%1 weights)": "معامل AC2 لغويت (أوزان %1)",
    "identity": "التطابق",
    "linear": "خطية",
    "quadratic": "تربيعية",
    "ordinal": "ترتيبية",
    "γ": "γ",
    "γ: expected disorder from %1 sampled continua, standard error %2":
        "\u200fγ: الاضطراب المتوقع من %1 متصلًا عشوائيًا، الخطأ المعياري %2",
    # the app's shell: File › Open recent
    "Open project": "فتح مشروع",
    "Open &recent": "المشاريع الأ&خيرة",
    "Open recent": "المشاريع الأخيرة",
    "%1 (not found)": "%1 (غير موجود)",
    "The project file is not there any more": "ملف المشروع لم يعد موجودًا",
    "No projects opened yet": "لم يُفتح أي مشروع بعد",
    "Clear list": "مسح القائمة",
    "Remove projects not found": "إزالة المشاريع غير الموجودة",
    "Import documents": "استيراد مستندات",
    # View › Appearance
    "Appearance": "المظهر",
    "System (follow the desktop)": "النظام (اتباع سطح المكتب)",
    "Light": "فاتح",
    "Dark": "داكن",
    # the pre-tagger kinds' descriptions (context 'pretaggers', ui/domain_texts.py)
    "an installed spaCy pipeline with 'ner' (package name or folder)":
        "خط معالجة spaCy مثبّت فيه مكوّن 'ner' (باسم حزمته أو مجلده)",
    "the latest model trained on this project (annotator train)":
        "أحدث نموذج دُرّب على هذا المشروع (annotator train)",
    "spaCy EntityRuler patterns from a JSONL file (phrase and token patterns)":
        "أنماط EntityRuler من spaCy في ملف JSONL (أنماط عبارات وأنماط كلمات)",
    "the project gazetteer ('project') or a names file, with normalised Arabic matching and proclitics":
        "معجم أسماء المشروع ('project') أو ملف أسماء، بمطابقة عربية مطبَّعة تراعي السوابق المتصلة",
    "project.db  or  postgresql+psycopg://user@host/db": "project.db  أو  postgresql+psycopg://user@host/db",
    "union (every span of anyone)": "الاتحاد (كل مقطع وسمه أيٌّ منهم)",
    "majority (spans of more than half)": "الأغلبية (مقاطع وسمها أكثر من نصفهم)",
    "intersection (spans of everyone)": "التقاطع (مقاطع وسمها الجميع)",
    # the Spans panel's filters and the Counts panel
    "Show the spans of one label": "عرض مقاطع وسم واحد",
    "Show accepted spans, suggestions, or both": "عرض المقاطع المقبولة أو الاقتراحات أو كليهما",
    "Accepted and suggested": "المقبولة والمقترحة",
    "Accepted": "المقبولة",
    "Suggested": "المقترحة",
    "Filter by text": "تصفية حسب النص",
    "All labels": "كل الوسوم",
    "%1 of %2 spans shown": "المعروض %1 من أصل %2 من المقاطع",
    "Counts": "الأعداد",
    "Project": "المشروع",
    "Total": "المجموع",
    "Yours": "عملك",
    "Label": "الوسم",
    "Accepted / suggested spans in this document": "المقاطع المقبولة / المقترحة في هذا المستند",
    "Accepted / suggested spans in the project": "المقاطع المقبولة / المقترحة في المشروع",
    "Your accepted / suggested spans in every document": "مقاطعك المقبولة / المقترحة في كل المستندات",
    "%1 of %2 documents done · %3 to go": "أُنجز %1 من %2 مستندات · بقي %3",
}
# one English source meaning two things: (source, the tr() disambiguation comment) -> Arabic
ARABIC_BY_COMMENT = {
    ("Spans", "the panel"): "المقاطع الموسومة",  # the Spans dock; "الوسوم" is the labels' name
    # the Adjudication view's kinds of conflict, after each conflict's excerpt
    ("missing", "conflict kind: some marked an entity, others not"): "غائب عند بعضهم",
    ("boundary", "conflict kind: different offsets"): "حدود مختلفة",
    ("label", "conflict kind: different labels"): "وسم مختلف",
    (", ", "between the kinds of a conflict"): "، ",
}
# Arabic has six plural forms (zero, one, two, few, many, other)
ARABIC_PLURALS = {
    "Accepted %n suggestion(s)": [
        "لم يُقبل أي اقتراح", "قُبل اقتراح واحد", "قُبل اقتراحان", "قُبلت %n اقتراحات",
        "قُبل %n اقتراحًا", "قُبل %n اقتراح"],
    "%n span(s)": ["لا مقاطع", "مقطع واحد", "مقطعان", "%n مقاطع", "%n مقطعًا", "%n مقطع"],
}


def translated(translation: ET.Element) -> bool:
    """Whether a <translation> is already done: not marked unfinished, and its text (every plural
    form's, for a numerus message) not empty."""
    if translation.get("type") == "unfinished":
        return False
    forms = translation.findall("numerusform")
    texts = [form.text for form in forms] if forms else [translation.text]
    return all(text and text.strip() for text in texts)


def fill(path: Path) -> list[str]:
    """Put the catalogue's Arabic into the .ts at PATH; the sources it lacks and the .ts has not
    translated yet."""
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            forms = ARABIC_PLURALS.get(source)
            if forms is None:
                if not translated(translation):
                    missing.append(source)
                continue
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            translation.text = None
        else:
            comment = message.findtext("comment")
            arabic = ARABIC_BY_COMMENT.get((source, comment)) if comment else ARABIC.get(source)
            if arabic is None:
                if not translated(translation):
                    missing.append(source)
                continue
            translation.text = arabic
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    missing = fill(TS)
    for source in missing:
        print(f"no Arabic for: {source!r}", file=sys.stderr)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
