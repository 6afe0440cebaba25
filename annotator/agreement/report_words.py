"""The words of the HTML agreement report, in English and Arabic.

`words(lang)` gives a `Words`: headings, measure names (long ones for the overall table,
short ones for column headings, legends and the intervals table), reasons, the gamma note and
the intervals heading. The English page keeps the texts it always had (its intervals table
names measures by their JSON keys). The Arabic page says everything in Arabic: measure names
are Arabic words, keeping only the symbols papers print (F1, AC1) inside them; punctuation is
Arabic (، ؛). Figures are written with Western digits (0-9) and a full stop as the decimal
separator in both languages, deliberately: they are the digits of the JSON, the CSV and the
papers the figures go into, and a reader can compare two pages digit by digit. Corpus text
(annotator names, labels, titles) is never translated. A key without an Arabic word falls back
to English, which `tests/agreement/test_html_report.py` catches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.agreement.presentation import (
    OVERALL_MEASURES,
    fmt,
    gamma_note,
    interval_heading,
    weights_note,
)
from annotator.agreement.report import AgreementReport

ENGLISH_SHORT: dict[str, str] = {
    "krippendorff_alpha": "alpha", "cohen_kappa": "Cohen kappa", "alpha_u": "alpha_u",
    "span_f1_exact": "F1 exact", "span_f1_lenient": "F1 lenient", "gamma": "gamma",
    "fleiss_kappa": "Fleiss kappa", "gwet_ac1": "AC1", "gwet_ac2": "AC2",
    "gamma_cat": "gamma-cat",
}
ENGLISH_MATRIX: dict[str, str] = {
    "cohen_kappa": "Cohen's kappa", "span_f1_exact": "Span F1 (exact)",
    "span_f1_lenient": "Span F1 (lenient)", "alpha_u": "alpha_u",
}
ARABIC: dict[str, str] = {
    "Agreement report": "تقرير الاتفاق", "Overall": "الإجمالي", "measure": "المقياس",
    "value": "القيمة", "units used": "الوحدات المستخدمة", "left out": "المستبعد",
    "Annotator pairs": "أزواج المعلّقين", "Per label": "حسب التصنيف", "label": "التصنيف",
    "spans": "المقاطع", "Documents": "الوثائق", "Least agreement": "الوثائق الأقل اتفاقاً",
    "document": "الوثيقة", "title": "العنوان", "missing": "لم يُنهِها", "first": "الأول",
    "second": "الثاني", "documents": "الوثائق", "annotators": "المعلّقون", "tokens": "الرموز",
    "characters": "المحارف", "Pairwise matrices": "المصفوفات الزوجية", "low": "الحد الأدنى",
    "high": "الحد الأعلى", "Agreement per label": "الاتفاق حسب التصنيف",
}
ARABIC_MEASURES: dict[str, str] = {
    "krippendorff_alpha": "ألفا كريبندورف (الرموز، اسمي)",
    "fleiss_kappa": "كابا فلايس (الرموز)",
    "gwet_ac1": "معامل غويت AC1 (الرموز، اسمي)",
    "gwet_ac2": "معامل غويت AC2 (الرموز، موزون)",
    "cohen_kappa": "كابا كوهين (الرموز، متوسط الأزواج)",
    "alpha_u": "ألفا التقطيع (المحارف)",
    "span_f1_exact": "مقياس F1 للمقاطع، تطابق تام (متوسط الأزواج)",
    "span_f1_lenient": "مقياس F1 للمقاطع، تطابق متساهل (متوسط الأزواج)",
    "span_macro_f1_exact": "المتوسط الكلي لمقياس F1 للمقاطع، تطابق تام",
    "span_macro_f1_lenient": "المتوسط الكلي لمقياس F1 للمقاطع، تطابق متساهل",
    "gamma": "غاما (المقاطع، ماتيه وزملاؤه 2015)",
    "gamma_cat": "غاما الفئوية (المقاطع)",
}
ARABIC_SHORT: dict[str, str] = {
    "krippendorff_alpha": "ألفا", "cohen_kappa": "كابا كوهين", "alpha_u": "ألفا التقطيع",
    "span_f1_exact": "F1 تام", "span_f1_lenient": "F1 متساهل", "gamma": "غاما",
    "fleiss_kappa": "كابا فلايس", "gwet_ac1": "AC1 غويت", "gwet_ac2": "AC2 غويت",
    "gamma_cat": "غاما الفئوية",
}
ARABIC_MATRIX: dict[str, str] = {
    "cohen_kappa": "كابا كوهين", "span_f1_exact": "مقياس F1 للمقاطع (تام)",
    "span_f1_lenient": "مقياس F1 للمقاطع (متساهل)", "alpha_u": "ألفا التقطيع",
}
ARABIC_REASONS: dict[str, str] = {
    "missing_annotator": "وثائق لم يُنهها أحد المعلّقين",
    "fewer_than_two_coders": "وحدات رمّزها معلّق واحد", "no_coder": "وحدات بلا ترميز",
    "no_value": "بلا قيمة", "no_units": "لا وحدات", "no_variation": "لا تباين",
    "no_spans": "لا مقاطع",
}


@dataclass(frozen=True)
class Words:
    lang: str
    rtl: bool
    plain: dict[str, str] = field(default_factory=dict)
    measures: dict[str, str] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)
    matrix: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    comma: str = ", "
    semicolon: str = "; "

    def __call__(self, text: str) -> str:
        """TEXT (a heading or a measure key) in the page's language."""
        return self.plain.get(text) or self.short.get(text) or ENGLISH_SHORT.get(text, text)

    def measure(self, key: str) -> str:
        return self.measures.get(key) or OVERALL_MEASURES.get(key, key)

    def short_measure(self, key: str) -> str:
        """The measure named in the intervals table (English: its JSON key)."""
        return self.short.get(key, key)

    def matrix_caption(self, key: str) -> str:
        return self.matrix.get(key) or ENGLISH_MATRIX.get(key, key)

    def reason(self, key: str) -> str:
        return self.reasons.get(key, key)

    def gamma_note(self, report: AgreementReport) -> str:
        g = report.gamma
        if g is None or self.lang != "ar":
            return gamma_note(report)
        return (f"غاما: الاضطراب المتوقع من {g.samples} متصلاً عشوائياً (البذرة {g.seed}، "
                f"{g.sample_units:,} وحدة على الأكثر لكل معلّق)، الخطأ المعياري "
                f"{fmt(g.precision, 4)}؛ الوزنان ألفا {g.alpha:g} وبيتا {g.beta:g}، ودلتا الفراغ "
                f"{g.delta_empty:g}؛ {g.overall.used:,} مقطعاً من {g.documents:,} وثيقة أنهاها "
                f"الجميع")

    def weights_note(self, report: AgreementReport) -> str:
        w = report.weights
        if w is None or self.lang != "ar":
            return weights_note(report)
        kinds = {"identity": "مطابقة", "linear": "خطية", "quadratic": "تربيعية",
                 "ordinal": "ترتيبية"}
        scale = " < ".join(f"\u2068{step}\u2069" for step in w.scale)
        return (f"معامل غويت AC2: أوزان {kinds.get(w.kind, w.kind)} (غويت 2014، الفصل 3) "
                f"على المقياس المرتب {scale}")

    def interval_heading(self, report: AgreementReport) -> str:
        b = report.bootstrap
        if b is None or self.lang != "ar":
            return interval_heading(report)
        return (f"فترات الثقة {b.level:.0%} (إعادة المعاينة بالتمهيد على الوثائق، "
                f"{b.resamples:,} عينة، البذرة {b.seed})")


def words(lang: str) -> Words:
    """The words of the page in LANG ("ar": Arabic, right to left; anything else English)."""
    if lang == "ar":
        return Words("ar", True, ARABIC, ARABIC_MEASURES, ARABIC_SHORT, ARABIC_MATRIX,
                     ARABIC_REASONS, "، ", "؛ ")
    return Words(lang, lang in ("fa", "ur", "he"))
