<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="84" />
        <source>Adjudication: the gold annotation</source>
        <translation>الفصل في الاختلافات: التعليم المرجعي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="98" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="98" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="99" />
        <source>Agreed</source>
        <translation>متفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="99" />
        <source>Conflicts</source>
        <translation>الاختلافات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="100" />
        <source>Gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="115" />
        <source>Accept in bulk…</source>
        <translation>قبول جماعي…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="118" />
        <source>Undo bulk accept</source>
        <translation>التراجع عن القبول الجماعي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="135" />
        <source>Conflict / version</source>
        <translation>الاختلاف / الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="135" />
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="139" />
        <source>Use this version</source>
        <translation>اعتماد هذه الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="141" />
        <source>Mark adjudicated</source>
        <translation>وسم المستند مفصولًا فيه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="143" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="151" />
        <source>Documents up for adjudication</source>
        <translation>المستندات المعروضة للفصل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="169" />
        <source>Conflicts: who said what</source>
        <translation>الاختلافات: من قال ماذا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="194" />
        <source>%1 of %2 documents adjudicated</source>
        <translation>فُصل في %1 من %2 مستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="221" />
        <source>Gold set · compared: %1</source>
        <translation>التعليم المرجعي · المقارَنون: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="237" />
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="237" />
        <source>picked</source>
        <translation>مختار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="238" />
        <source>edited</source>
        <translation>معدَّل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="240" />
        <source>, </source>
        <comment>between the kinds of a conflict</comment>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="264" />
        <source>missing</source>
        <comment>conflict kind: some marked an entity, others not</comment>
        <translation>غائب عند بعضهم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="265" />
        <source>boundary</source>
        <comment>conflict kind: different offsets</comment>
        <translation>حدود مختلفة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="266" />
        <source>label</source>
        <comment>conflict kind: different labels</comment>
        <translation>وسم مختلف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="270" />
        <source>(no entity here)</source>
        <translation>(لا كيان هنا)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/adjudication_view.py" line="298" />
        <source>Choose one version of a conflict first</source>
        <translation>اختر صيغة من صيغ الاختلاف أولًا</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="123" />
        <source>Agreement between annotators</source>
        <translation>الاتفاق بين المُعلِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="137" />
        <source>Cohen's κ (tokens)</source>
        <translation>كابا كوهين (الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="137" />
        <source>Span F1, exact</source>
        <translation>F1 للوسوم، تطابق تام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="138" />
        <source>Span F1, lenient</source>
        <translation>F1 للوسوم، تطابق متسامح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="138" />
        <source>α_u (characters)</source>
        <translation>ألفا التقطيع α_u (الحروف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="151" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="151" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="163" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="287" />
        <source>F1 exact</source>
        <translation>F1 تام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="152" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="164" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="288" />
        <source>F1 lenient</source>
        <translation>F1 متسامح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="152" />
        <source>Cohen's κ</source>
        <translation>كابا كوهين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="153" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="164" />
        <source>Krippendorff's α</source>
        <translation>ألفا كريبندورف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="153" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="165" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="287" />
        <source>α_u</source>
        <translation>α_u</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="155" />
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="155" />
        <source>Tokens used</source>
        <translation>الكلمات المحسوبة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="156" />
        <source>Tokens left out</source>
        <translation>الكلمات المستبعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="154" />
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="162" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="162" />
        <source>Annotators</source>
        <translation>المُعلِّمون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="163" />
        <source>Missing</source>
        <translation>الغائبون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="165" />
        <source>Tokens alike</source>
        <translation>الكلمات المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="170" />
        <source>Open in the editor</source>
        <translation>فتح في المحرر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="172" />
        <source>Show disagreements</source>
        <translation>عرض الاختلافات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="183" />
        <source>Annotators:</source>
        <translation>المُعلِّمون:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="184" />
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="187" />
        <source>Measure:</source>
        <translation>المقياس:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="190" />
        <source>Annotator pairs</source>
        <translation>أزواج المُعلِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="191" />
        <source>Per label</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="202" />
        <source>Documents, least agreement first (double-click opens one)</source>
        <translation>المستندات، الأقل اتفاقًا أولًا (انقر مرتين لفتح مستند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="228" />
        <source>Choose at least two annotators</source>
        <translation>اختر مُعلِّمَين اثنين على الأقل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="231" />
        <source>Choose at least one label</source>
        <translation>اختر وسمًا واحدًا على الأقل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="233" />
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="251" />
        <source>%1 annotators · %2 documents · %3 tokens</source>
        <translation>المُعلِّمون: %1 · المستندات: %2 · الكلمات: %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="282" />
        <source>Krippendorff's α (tokens)</source>
        <translation>ألفا كريبندورف (الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="283" />
        <source>Fleiss' κ</source>
        <translation>كابا فلايس</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="306" />
        <source>identity</source>
        <translation>التطابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="306" />
        <source>linear</source>
        <translation>خطية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="307" />
        <source>quadratic</source>
        <translation>تربيعية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="307" />
        <source>ordinal</source>
        <translation>ترتيبية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="154" />
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="283" />
        <source>Gwet's AC1</source>
        <translation>معامل AC1 لغويت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="284" />
        <source>Gwet's AC2 (%1 weights)</source>
        <translation>معامل AC2 لغويت (أوزان %1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="286" />
        <source>Cohen's κ (mean)</source>
        <translation>كابا كوهين (المتوسط)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="288" />
        <source>γ (spans)</source>
        <translation>γ (المقاطع)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="289" />
        <source>γ-cat</source>
        <translation>γ-cat (التصنيفات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="295" />
        <source>[low, high]: 95% confidence interval, bootstrap over documents (%1 resamples)</source>
        <translation>[الحد الأدنى، الحد الأعلى]: فترة ثقة 95%، بإعادة المعاينة بالتمهيد على المستندات (%1 عينة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="299" />
        <source>γ: expected disorder from %1 sampled continua, standard error %2</source>
        <translation>‏γ: الاضطراب المتوقع من %1 متصلًا عشوائيًا، الخطأ المعياري %2</translation>
    </message>
</context>
<context>
    <name>AgreementMenu</name>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="24" />
        <source>&amp;Team</source>
        <translation>&amp;الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="25" />
        <source>Agreement…</source>
        <translation>الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="26" />
        <source>Disagreements in this document…</source>
        <translation>الاختلافات في هذا المستند…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="28" />
        <source>Adjudicate…</source>
        <translation>الفصل في الاختلافات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="30" />
        <source>Assign documents…</source>
        <translation>توزيع المستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="62" />
        <source>Open a document first</source>
        <translation>افتح مستندًا أولًا</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../annotator/ui/appearance.py" line="138" />
        <source>Appearance</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/appearance.py" line="142" />
        <source>System (follow the desktop)</source>
        <translation>النظام (اتباع سطح المكتب)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/appearance.py" line="143" />
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/appearance.py" line="144" />
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="42" />
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="137" />
        <source>Assign documents</source>
        <translation>توزيع المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="56" />
        <source>A new annotator's name</source>
        <translation>اسم مُعلِّم جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="57" />
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="69" />
        <source>Only documents nobody has yet (keep the current assignment)</source>
        <translation>المستندات غير الموزَّعة فقط (مع إبقاء التوزيع الحالي)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="71" />
        <source>Annotators:</source>
        <translation>المُعلِّمون:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="73" />
        <source>Annotators per document (overlap):</source>
        <translation>عدد المُعلِّمين لكل مستند (التداخل):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="74" />
        <source>Documents shared by all (for agreement):</source>
        <translation>مستندات مشتركة بين الجميع (لقياس الاتفاق):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="75" />
        <source>Seed (the same seed gives the same plan):</source>
        <translation>البذرة (البذرة نفسها تعطي التوزيع نفسه):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="86" />
        <source>%1 document(s) in the project</source>
        <translation>عدد مستندات المشروع: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="89" />
        <source>Assign</source>
        <translation>وزِّع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="145" />
        <source>Assigned %1 document(s) to %2 annotator(s), %3 per document; %4 shared by all</source>
        <translation>وُزِّعت المستندات (%1) على المُعلِّمين (%2)، %3 لكل مستند؛ المشتركة بين الجميع: %4</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="148" />
        <source>%1: %2 document(s)</source>
        <translation>%1: عدد المستندات %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/assign_dialog.py" line="150" />
        <source>%1 and %2: %3 document(s) in common</source>
        <translation>%1 و%2: المستندات المشتركة %3</translation>
    </message>
</context>
<context>
    <name>BulkAcceptDialog</name>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="55" />
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="135" />
        <source>Accept in bulk</source>
        <translation>قبول جماعي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="69" />
        <source>unanimous: made by every annotator</source>
        <translation>بالإجماع: وسمها كل الموسِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="70" />
        <source>majority: made by more than half of them</source>
        <translation>بالأغلبية: وسمها أكثر من نصفهم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="76" />
        <source>Agreement measure (per document):</source>
        <translation>مقياس الاتفاق (لكل مستند):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="77" />
        <source>Accept at or above:</source>
        <translation>القبول عند هذه القيمة أو أعلى:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="78" />
        <source>Agreed spans:</source>
        <translation>الوسوم المتفق عليها:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="83" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="83" />
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="84" />
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="95" />
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="97" />
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="110" />
        <source>Span F1, exact</source>
        <translation>F1 للوسوم، تطابق تام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="111" />
        <source>Span F1, lenient</source>
        <translation>F1 للوسوم، تطابق متسامح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="112" />
        <source>Krippendorff's α (tokens)</source>
        <translation>ألفا كريبندورف (الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="113" />
        <source>α_u (characters)</source>
        <translation>ألفا التقطيع α_u (الحروف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="114" />
        <source>Tokens alike</source>
        <translation>الكلمات المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="117" />
        <source>left: below the threshold</source>
        <translation>متروك: دون العتبة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="118" />
        <source>left: the measure has no value here</source>
        <translation>متروك: لا قيمة للمقياس هنا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="119" />
        <source>left: already adjudicated</source>
        <translation>متروك: مفصول فيه من قبل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="120" />
        <source>left: the gold set has a curator's own spans</source>
        <translation>متروك: في المرجع وسوم وضعها مدقّق بنفسه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="121" />
        <source>left: agreed spans overlap</source>
        <translation>متروك: الوسوم المتفق عليها متداخلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="142" />
        <source>Would accept %1 document(s) (%2 span(s) added); %3 left for review</source>
        <translation>سيُقبل %1 مستند (تُضاف %2 وسوم)؛ ويُترك %3 للمراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="159" />
        <source>Accepted %1 document(s) (%2 span(s) added); %3 left for review</source>
        <translation>قُبل %1 مستند (أُضيفت %2 وسوم)؛ وتُرك %3 للمراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/bulk_accept_dialog.py" line="174" />
        <source>accepted: %1 agreed span(s), %2 added</source>
        <translation>مقبول: %1 وسوم متفق عليها، أُضيف منها %2</translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="101" />
        <source>Project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="101" />
        <source>Yours</source>
        <translation>عملك</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="102" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="102" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="103" />
        <source>Accepted / suggested spans in this document</source>
        <translation>المقاطع المقبولة / المقترحة في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="104" />
        <source>Accepted / suggested spans in the project</source>
        <translation>المقاطع المقبولة / المقترحة في المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="105" />
        <source>Your accepted / suggested spans in every document</source>
        <translation>مقاطعك المقبولة / المقترحة في كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="138" />
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_counts.py" line="161" />
        <source>%1 of %2 documents done · %3 to go</source>
        <translation>أُنجز %1 من %2 مستندات · بقي %3</translation>
    </message>
</context>
<context>
    <name>DisagreementDialog</name>
    <message>
        <location filename="../../annotator/ui/agreement/disagreement_view.py" line="70" />
        <source>Ringed in red: spans not shared by every annotator shown.</source>
        <translation>المطوَّق بالأحمر: وسوم لم يضعها كل المُعلِّمين المعروضين بالحدود والوسم نفسها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/disagreement_view.py" line="52" />
        <source>Disagreements — %1</source>
        <translation>الاختلافات — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/disagreement_view.py" line="66" />
        <source>Blind project: only your own annotation is shown; colleagues' spans are hidden.</source>
        <translation>مشروع معمّى: يظهر تعليمك وحدك، وتُخفى وسوم زملائك.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/disagreement_view.py" line="68" />
        <source>Fewer than two annotators finished this document.</source>
        <translation>أنجز هذا المستندَ أقلُّ من مُعلِّمَين.</translation>
    </message>
    <message>
        <source>Outlined in red: spans not shared by every annotator shown.</source>
        <translation type="vanished">المحاط بالأحمر: وسوم لم يضعها كل المُعلِّمين المعروضين بالحدود والوسم نفسها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/disagreement_view.py" line="82" />
        <source>%1 — %2 spans, %3 not shared by all (%4)</source>
        <translation>%1 — الوسوم: %2، غير المشتركة بين الجميع: %3 (%4)</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="219" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="219" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="219" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="219" />
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="220" />
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="40" />
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="40" />
        <source>Not done</source>
        <translation>غير منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="41" />
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="41" />
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="42" />
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="42" />
        <source>Skipped</source>
        <translation>متجاوز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="45" />
        <source>Filter by title</source>
        <translation>تصفية حسب العنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="48" />
        <source>A word of three letters or more is found anywhere in the title or source; a shorter word finds the words that begin with it</source>
        <translation>الكلمة من ثلاثة أحرف فأكثر يُبحث عنها في أي موضع من العنوان أو المصدر؛ والكلمة الأقصر تجد الكلمات التي تبدأ بها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="50" />
        <source>Every word is found anywhere in the title or source</source>
        <translation>يُبحث عن كل كلمة في أي موضع من العنوان أو المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="52" />
        <source>Show all documents</source>
        <translation>عرض كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="54" />
        <source>List every document of the project, not only the ones assigned to you</source>
        <translation>عرض كل مستندات المشروع، لا المستندات الموزَّعة عليك وحدها</translation>
    </message>
</context>
<context>
    <name>EditorWidget</name>
    <message>
        <location filename="../../annotator/ui/editor/editor_widget.py" line="186" />
        <source>Select some text first, or choose a span</source>
        <translation>حدّد نصاً أولاً، أو اختر وسماً</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/editor/editor_widget.py" line="215" />
        <source>Choose a span, select its new extent, then resize</source>
        <translation>اختر وسماً، وحدّد امتداده الجديد، ثم غيّر حدوده</translation>
    </message>
    <message>
        <source>Select some text first, or put the cursor on a span</source>
        <translation>حدّد نصًا أولًا، أو ضع المؤشر على وسم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/editor/editor_widget.py" line="250" />
        <source>Accepted %n suggestion(s)</source>
        <translation><numerusform>لم يُقبل أي اقتراح</numerusform><numerusform>قُبل اقتراح واحد</numerusform><numerusform>قُبل اقتراحان</numerusform><numerusform>قُبلت %n اقتراحات</numerusform><numerusform>قُبل %n اقتراحًا</numerusform><numerusform>قُبل %n اقتراح</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="44" />
        <source>Export the corpus</source>
        <translation>تصدير المدوّنة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="49" />
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="80" />
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="50" />
        <source>a file, or a folder when splitting</source>
        <translation>ملف، أو مجلد عند التقسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="59" />
        <source>Annotations of %1</source>
        <translation>توسيمات %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="60" />
        <source>Gold (adjudicated)</source>
        <translation>المرجع (بعد التحكيم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="61" />
        <source>union (every span of anyone)</source>
        <translation>الاتحاد (كل مقطع وسمه أيٌّ منهم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="62" />
        <source>majority (spans of more than half)</source>
        <translation>الأغلبية (مقاطع وسمها أكثر من نصفهم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="63" />
        <source>intersection (spans of everyone)</source>
        <translation>التقاطع (مقاطع وسمها الجميع)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="65" />
        <source>Merge of all annotators: %1</source>
        <translation>دمج كل الموسِّمين: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="69" />
        <source>All documents (not only done ones)</source>
        <translation>كل المستندات (لا المنجزة وحدها)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="70" />
        <source>Include suggestions (not only accepted spans)</source>
        <translation>تضمين الاقتراحات (لا الوسوم المقبولة وحدها)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="72" />
        <source>Skip spans that do not align to tokens (each is listed in the report)</source>
        <translation>تخطي الوسوم التي لا تنطبق على حدود الكلمات (تُذكر كلها في التقرير)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="74" />
        <source>no split; or train=0.8,dev=0.2</source>
        <translation>بلا تقسيم؛ أو train=0.8,dev=0.2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="77" />
        <source>Replace an existing file or folder</source>
        <translation>استبدال ملف أو مجلد موجود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="81" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="82" />
        <source>CoNLL scheme</source>
        <translation>مخطط CoNLL</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="83" />
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="86" />
        <source>Splits</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="87" />
        <source>Split seed</source>
        <translation>بذرة التقسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="93" />
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="120" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Choose where to export to</source>
        <translation type="vanished">اختر مكان التصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="137" />
        <source>%1 of %2 documents written</source>
        <translation>كُتب %1 من %2 مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="147" />
        <source>Tokens split at span edges: %1</source>
        <translation>كلمات قُسمت عند حدود الوسوم: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="149" />
        <source>Spans skipped (not aligned to tokens):</source>
        <translation>وسوم متخطاة (لا تنطبق على حدود الكلمات):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="152" />
        <source>Exported %1 documents, %2 spans</source>
        <translation>صُدّر %1 مستندًا و%2 وسمًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="160" />
        <source>Spans that do not align to tokens (nothing was written):</source>
        <translation>وسوم لا تنطبق على حدود الكلمات (لم يُكتب شيء):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/export_dialog.py" line="162" />
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="157" />
        <source>This project has no guidelines yet.</source>
        <translation>لا إرشادات لهذا المشروع بعد.</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="31" />
        <source>Who is annotating?</source>
        <translation>من يوسِّم؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="32" />
        <source>Your spans, statuses and progress are kept under this name in project “%1”. Pick yourself or type a new name.</source>
        <translation>تُحفظ وسومك وحالات مستنداتك وتقدّمك بهذا الاسم في المشروع «%1». اختر اسمك أو اكتب اسمًا جديدًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="42" />
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="69" />
        <source>Overlapping spans</source>
        <translation>الوسوم المتداخلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="39" />
        <source>Import documents</source>
        <translation>استيراد مستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="43" />
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="45" />
        <source>Add a folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="47" />
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="54" />
        <source>automatic (by extension and content)</source>
        <translation>تلقائي (حسب الامتداد والمحتوى)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="58" />
        <source>the annotator named in the file, else 'imported'</source>
        <translation>الموسِّم المذكور في الملف، وإلا 'imported'</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="59" />
        <source>Imported annotations stay in progress (else done)</source>
        <translation>تبقى التوسيمات المستوردة قيد العمل (وإلا فمنجزة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="60" />
        <source>Add labels the project does not have</source>
        <translation>إضافة التسميات غير الموجودة في المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="62" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="63" />
        <source>Spans belong to</source>
        <translation>الوسوم تخص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="73" />
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="97" />
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="89" />
        <source>Documents to import</source>
        <translation>مستندات للاستيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="92" />
        <source>A folder to import</source>
        <translation>مجلد للاستيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="97" />
        <source>Add files or a folder to import first</source>
        <translation>أضف ملفات أو مجلدًا للاستيراد أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="109" />
        <source>%1 documents read</source>
        <translation>قُرئ %1 مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="117" />
        <source>Imported %1 documents</source>
        <translation>استُورد %1 مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="122" />
        <source>Nothing was imported: the project is unchanged.</source>
        <translation>لم يُستورد شيء: المشروع لم يتغير.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/import_dialog.py" line="124" />
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <location filename="../../annotator/ui/label_bar.py" line="25" />
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/label_bar.py" line="27" />
        <source>Edit labels…</source>
        <translation>تحرير الوسوم…</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="78" />
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="84" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="84" />
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="85" />
        <source>Hotkey</source>
        <translation>مفتاح الاختصار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="85" />
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="96" />
        <source>New label name</source>
        <translation>اسم الوسم الجديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="101" />
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="102" />
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="103" />
        <source>Up</source>
        <translation>لأعلى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="104" />
        <source>Down</source>
        <translation>لأسفل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="105" />
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="106" />
        <source>Merge into…</source>
        <translation>دمج في…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="107" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="108" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="199" />
        <source>Colour of %1</source>
        <translation>لون %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="255" />
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="266" />
        <source>Labels changed</source>
        <translation>تغيّرت الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="258" />
        <source>%1 span(s) relabelled</source>
        <translation>أُعيد وسم %1 من المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="261" />
        <source>%1 span(s) deleted</source>
        <translation>حُذف %1 من المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="264" />
        <source>%1 span(s) on the same offsets as one already there kept once</source>
        <translation>%1 من المقاطع على المواضع نفسها لمقطع موجود أُبقي واحد منها</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="373" />
        <source>The edit was not saved</source>
        <translation>لم يُحفظ التعديل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="427" />
        <source>Overlapping spans</source>
        <translation>الوسوم المتداخلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="430" />
        <source>Overlapping spans in this project: %1</source>
        <translation>الوسوم المتداخلة في هذا المشروع: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="80" />
        <source>%1 — annotator</source>
        <translation>%1 — المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="103" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="104" />
        <source>Spans</source>
        <comment>the panel</comment>
        <translation>المقاطع الموسومة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="105" />
        <source>Counts</source>
        <translation>الأعداد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="106" />
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="232" />
        <source>This project has no documents yet: import some with `annotator import`</source>
        <translation>لا مستندات في هذا المشروع بعد: استوردها بالأمر `annotator import`</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="261" />
        <source>Every document is done</source>
        <translation>أُنجزت كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="363" />
        <source>Document marked %1</source>
        <translation>وُسم المستند بأنه %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="380" />
        <source>%1 of %2 documents done</source>
        <translation>أُنجز %1 من %2 مستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="390" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="390" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="391" />
        <source>Character mode</source>
        <translation>وضع الحروف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="391" />
        <source>Token mode</source>
        <translation>وضع الكلمات</translation>
    </message>
    <message>
        <source>Overlaps replace</source>
        <translation>التداخل يستبدل</translation>
    </message>
    <message>
        <source>Overlaps refused</source>
        <translation>التداخل مرفوض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="230" />
        <source>No document is assigned to you yet</source>
        <translation>لم يُوزَّع عليك أي مستند بعد</translation>
    </message>
</context>
<context>
    <name>ModelErrorsDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="62" />
        <source>Where the model is wrong</source>
        <translation>أين يخطئ النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="68" />
        <source>A spaCy pipeline folder</source>
        <translation>مجلد خط معالجة spaCy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="73" />
        <source>Held out when the model was trained</source>
        <translation>المستندات المحجوبة عند تدريب النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="74" />
        <source>Every document with done annotations</source>
        <translation>كل مستند له توسيم منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="76" />
        <source>Model:</source>
        <translation>النموذج:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="77" />
        <source>Documents:</source>
        <translation>المستندات:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="81" />
        <source>Evaluation failed</source>
        <translation>فشل التقييم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="84" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="92" />
        <source>Error</source>
        <translation>الخطأ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="92" />
        <source>Gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="92" />
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="95" />
        <source>Gold spans</source>
        <translation>وسوم المرجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="96" />
        <source>The model's spans</source>
        <translation>وسوم النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="111" />
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="138" />
        <source>Evaluate</source>
        <translation>تقييم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="120" />
        <source>missed</source>
        <translation>مفقود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="120" />
        <source>spurious</source>
        <translation>زائد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="121" />
        <source>wrong label</source>
        <translation>تصنيف خاطئ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="122" />
        <source>wrong boundary</source>
        <translation>حدود خاطئة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="138" />
        <source>Choose a model folder first.</source>
        <translation>اختر مجلد النموذج أولاً.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="155" />
        <source>Scored %1 documents</source>
        <translation>قُيّم %1 مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/model_errors_dialog.py" line="158" />
        <source>Precision %1, recall %2, F1 %3 against %4. Errors: %5</source>
        <translation>الدقة %1، الاستدعاء %2، F1 %3 مقابل %4. الأخطاء: %5</translation>
    </message>
</context>
<context>
    <name>OpenProjectDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="75" />
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="76" />
        <source>Project file</source>
        <translation>ملف المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="77" />
        <source>Projects (*.db *.sqlite *.annotator);;All files (*)</source>
        <translation>المشاريع (*.db *.sqlite *.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="78" />
        <source>project.db  or  postgresql+psycopg://user@host/db</source>
        <translation>project.db  أو  postgresql+psycopg://user@host/db</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/identity_dialog.py" line="86" />
        <source>A project file or a database URL</source>
        <translation>ملف مشروع أو عنوان قاعدة بيانات</translation>
    </message>
</context>
<context>
    <name>OverlapPolicy</name>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="19" />
        <source>Overlaps allowed (nested spans)</source>
        <translation>التداخل مسموح (وسوم متداخلة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="20" />
        <source>Overlaps replace</source>
        <translation>التداخل يستبدل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="21" />
        <source>Overlaps refused</source>
        <translation>التداخل مرفوض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="27" />
        <source>Allowed: nested and overlapping spans are kept</source>
        <translation>مسموح: تُحفظ الوسوم المتداخلة والمتشابكة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="29" />
        <source>Replace: a new span replaces those it overlaps</source>
        <translation>استبدال: يحل الوسم الجديد محل الوسوم التي يتداخل معها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="31" />
        <source>Refused: a span that overlaps another is not made</source>
        <translation>مرفوض: لا يُنشأ وسم يتداخل مع آخر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="39" />
        <source>This project allows overlapping spans: nested spans are kept.</source>
        <translation>يسمح هذا المشروع بتداخل الوسوم: تُحفظ الوسوم المتداخلة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="41" />
        <source>This project's overlap policy is “replace”: a span overlapping another is not kept from a file or a pre-tagger (listed in the report).</source>
        <translation>سياسة التداخل في هذا المشروع «استبدال»: لا يُحفظ من ملف أو من أداة وسم مسبق وسمٌ يتداخل مع آخر (يُذكر في التقرير).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="43" />
        <source>This project refuses overlapping spans: a span overlapping another is not kept (listed in the report).</source>
        <translation>يرفض هذا المشروع تداخل الوسوم: لا يُحفظ وسم يتداخل مع آخر (يُذكر في التقرير).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/overlap_policy.py" line="49" />
        <source>The per-user setting “a new overlapping span replaces the old ones” is gone: overlapping spans follow the project's policy (%1); change it in View › Overlapping spans in this project</source>
        <translation>أُلغي الإعداد الشخصي «الوسم المتداخل الجديد يستبدل القديم»: الوسوم المتداخلة تتبع سياسة المشروع (%1)؛ غيّرها من عرض › الوسوم المتداخلة في هذا المشروع</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <location filename="../../annotator/ui/dialogs/common.py" line="70" />
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
</context>
<context>
    <name>PretagDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="133" />
        <source>Overlapping spans</source>
        <translation>الوسوم المتداخلة</translation>
    </message>
    <message>
        <source>No spaCy pipeline with an 'ner' component is installed, and nothing is downloaded for you. To add one: install a pipeline package into this environment (pip install &lt;pipeline&gt;), or give a pipeline folder below, or train one from your finished documents with Tools › Train a model.</source>
        <translation type="vanished">لا يوجد خط معالجة spaCy مثبت فيه مكوّن 'ner'، ولا يُنزَّل شيء تلقائيًا. لإضافة واحد: ثبّت حزمة خط معالجة في هذه البيئة (pip install &lt;pipeline&gt;)، أو حدّد مجلد خط معالجة أدناه، أو درّب واحدًا من مستنداتك المنجزة عبر أدوات › تدريب نموذج.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="67" />
        <source>Pre-tag documents</source>
        <translation>الوسم المسبق للمستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="83" />
        <source>A pipeline folder, rules or names file</source>
        <translation>مجلد خط معالجة، أو ملف قواعد أو أسماء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="84" />
        <source>Folder…</source>
        <translation>مجلد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="93" />
        <source>GPE=LOC, PERSON=PERS, DATE=-  (- drops a label)</source>
        <translation>GPE=LOC, PERSON=PERS, DATE=-  (- تُسقط التسمية)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="94" />
        <source>Add labels the project does not have (else drop them)</source>
        <translation>إضافة التسميات غير الموجودة في المشروع (وإلا تُسقط)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="95" />
        <source>Check labels</source>
        <translation>فحص التسميات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="99" />
        <source>Add the starter names to the project gazetteer</source>
        <translation>إضافة الأسماء الأولية إلى معجم أسماء المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="108" />
        <source>Whole project (documents still open for %1)</source>
        <translation>المشروع كله (المستندات المفتوحة بعد لـ %1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="109" />
        <source>This document only</source>
        <translation>هذا المستند فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="110" />
        <source>Untouched documents (nobody has started them)</source>
        <translation>المستندات التي لم يبدأها أحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="120" />
        <source>Pre-tagger</source>
        <translation>أداة الوسم المسبق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="122" />
        <source>Choice</source>
        <translation>الاختيار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="123" />
        <source>Or a path</source>
        <translation>أو مسار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="126" />
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="257" />
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="270" />
        <source>Label mapping</source>
        <translation>مطابقة التسميات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="129" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="137" />
        <source>Pre-tag</source>
        <translation>وسم مسبق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="149" />
        <source>spaCy pipeline</source>
        <translation>خط معالجة spaCy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="149" />
        <source>This project's trained model</source>
        <translation>النموذج المدرَّب لهذا المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="150" />
        <source>Rules file (EntityRuler patterns)</source>
        <translation>ملف قواعد (أنماط EntityRuler)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="150" />
        <source>Gazetteer</source>
        <translation>معجم الأسماء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="197" />
        <source>Starter gazetteer</source>
        <translation>معجم الأسماء الأولي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="204" />
        <source>Starter gazetteer: %1 names added, %2 already known</source>
        <translation>معجم الأسماء الأولي: أُضيف %1 اسمًا، و%2 معروفة من قبل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="234" />
        <source>A spaCy pipeline folder</source>
        <translation>مجلد خط معالجة spaCy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="285" />
        <source>%1 of %2 documents pre-tagged</source>
        <translation>وُسم مسبقًا %1 من %2 مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="296" />
        <source>Kept: %1</source>
        <translation>المحتفظ بها: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="298" />
        <source>Not in the project (map them or add them): %1</source>
        <translation>غير موجودة في المشروع (طابقها أو أضفها): %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="301" />
        <source>Labels checked</source>
        <translation>فُحصت التسميات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="307" />
        <source>Cancelled: %1 documents pre-tagged, the rest untouched</source>
        <translation>أُلغي: وُسم مسبقًا %1 مستندًا، والباقي لم يُمس</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="308" />
        <source>Done: %1 documents pre-tagged</source>
        <translation>تم: وُسم مسبقًا %1 مستندًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/pretag_dialog.py" line="313" />
        <source>Pre-tagging failed</source>
        <translation>فشل الوسم المسبق</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="50" />
        <source>Queue by model uncertainty</source>
        <translation>قائمة العمل حسب عدم يقين النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="55" />
        <source>The model's least sure first</source>
        <translation>ما يقلّ يقين النموذج فيه أولاً</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="56" />
        <source>The project's order</source>
        <translation>ترتيب المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="57" />
        <source>A spaCy pipeline folder</source>
        <translation>مجلد خط معالجة spaCy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="62" />
        <source>Order:</source>
        <translation>الترتيب:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="63" />
        <source>Model:</source>
        <translation>النموذج:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="72" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="72" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="72" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="72" />
        <source>Uncertainty</source>
        <translation>عدم اليقين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="83" />
        <source>Show the queue</source>
        <translation>عرض قائمة العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="99" />
        <source>No model chosen: the project's order.</source>
        <translation>لم يُختر نموذج: ترتيب المشروع.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="106" />
        <source>Queue</source>
        <translation>قائمة العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/queue_dialog.py" line="112" />
        <source>%1 documents in the queue</source>
        <translation>%1 مستندًا في قائمة العمل</translation>
    </message>
</context>
<context>
    <name>RecentProjectsMenu</name>
    <message>
        <location filename="../../annotator/ui/recent_projects.py" line="66" />
        <source>%1 (not found)</source>
        <translation>%1 (غير موجود)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/recent_projects.py" line="76" />
        <source>The project file is not there any more</source>
        <translation>ملف المشروع لم يعد موجودًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/recent_projects.py" line="80" />
        <source>No projects opened yet</source>
        <translation>لم يُفتح أي مشروع بعد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/recent_projects.py" line="83" />
        <source>Clear list</source>
        <translation>مسح القائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/recent_projects.py" line="87" />
        <source>Remove projects not found</source>
        <translation>إزالة المشاريع غير الموجودة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/recent_projects.py" line="110" />
        <source>Open &amp;recent</source>
        <translation>المشاريع الأ&amp;خيرة</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <location filename="../../annotator/ui/dialogs/common.py" line="106" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/common.py" line="135" />
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/common.py" line="151" />
        <source>Cancelling: finishing the current step…</source>
        <translation>جارٍ الإلغاء: إنهاء الخطوة الحالية…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/common.py" line="166" />
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../annotator/ui/editor/search_bar.py" line="23" />
        <source>Find (ignores diacritics, tatweel and letter variants)</source>
        <translation>بحث (يتجاهل التشكيل والتطويل وصور الحروف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/editor/search_bar.py" line="27" />
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/editor/search_bar.py" line="29" />
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/editor/search_bar.py" line="31" />
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/editor/search_bar.py" line="76" />
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/editor/search_bar.py" line="78" />
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="24" />
        <source>Click, click again</source>
        <translation>نقرة، ثم نقرة أخرى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="24" />
        <source>Choose the innermost span there, then the next one out</source>
        <translation>اختر أعمق وسم هناك، ثم الوسم الذي يحيط به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="26" />
        <source>Resize the chosen span to the selection</source>
        <translation>غيّر حدود الوسم المختار إلى التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="18" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="20" />
        <source>Label the selection (or relabel the span under the cursor)</source>
        <translation>وسم التحديد (أو تغيير وسم ما تحت المؤشر)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="21" />
        <source>Drag, Shift+arrows</source>
        <translation>السحب، Shift مع الأسهم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="21" />
        <source>Select; the selection snaps to whole tokens</source>
        <translation>تحديد؛ يمتد التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="22" />
        <source>Alt+drag, Ctrl+M</source>
        <translation>Alt مع السحب، Ctrl+M</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="22" />
        <source>Character mode: select exact characters (a name after a proclitic)</source>
        <translation>وضع الحروف: تحديد حروف بعينها (اسم بعد سابقة متصلة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="23" />
        <source>Double-click</source>
        <translation>نقر مزدوج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="23" />
        <source>Select a token</source>
        <translation>تحديد كلمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="25" />
        <source>Next, previous span</source>
        <translation>الوسم التالي، السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="27" />
        <source>Delete the span</source>
        <translation>حذف الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="28" />
        <source>Accept the suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="29" />
        <source>Reject the suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="30" />
        <source>Accept all suggestions in the document</source>
        <translation>قبول كل الاقتراحات في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="31" />
        <source>Undo, redo</source>
        <translation>تراجع، إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="32" />
        <source>Mark the document done and open the next undone one</source>
        <translation>وسم المستند منجزًا وفتح التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="33" />
        <source>Next undone document</source>
        <translation>المستند التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="34" />
        <source>Find (ignores diacritics and letter variants), find next</source>
        <translation>بحث (يتجاهل التشكيل وصور الحروف)، البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="35" />
        <source>Zoom in, out, normal size</source>
        <translation>تكبير، تصغير، الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="38" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="38" />
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>SpanChoiceDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="285" />
        <source>Remove %1</source>
        <translation>إزالة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="286" />
        <source>Merge %1</source>
        <translation>دمج %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="287" />
        <source>Relabel its spans to</source>
        <translation>إعادة وسم مقاطعه بـ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="288" />
        <source>Merge into</source>
        <translation>دمج في</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="289" />
        <source>Delete its spans</source>
        <translation>حذف مقاطعه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/label_dialog.py" line="304" />
        <source>%1 is in use: what becomes of its spans (and its gazetteer names and time records)?</source>
        <translation>الوسم %1 مستعمل: ماذا يحلّ بمقاطعه (وبأسمائه في المعجم وسجلات وقته)؟</translation>
    </message>
</context>
<context>
    <name>SpanFilterBar</name>
    <message>
        <location filename="../../annotator/ui/span_filters.py" line="91" />
        <source>Show the spans of one label</source>
        <translation>عرض مقاطع وسم واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_filters.py" line="94" />
        <source>Show accepted spans, suggestions, or both</source>
        <translation>عرض المقاطع المقبولة أو الاقتراحات أو كليهما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_filters.py" line="95" />
        <source>Accepted and suggested</source>
        <translation>المقبولة والمقترحة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_filters.py" line="96" />
        <source>Accepted</source>
        <translation>المقبولة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_filters.py" line="97" />
        <source>Suggested</source>
        <translation>المقترحة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_filters.py" line="101" />
        <source>Filter by text</source>
        <translation>تصفية حسب النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_filters.py" line="131" />
        <source>All labels</source>
        <translation>كل الوسوم</translation>
    </message>
</context>
<context>
    <name>SpanMenu</name>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="71" />
        <source>Remove “%1” (%2) from the gazetteer</source>
        <translation>حذف «%1» (%2) من معجم الأسماء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="76" />
        <source>Add “%1” to the gazetteer as %2</source>
        <translation>إضافة «%1» إلى معجم الأسماء بوصفه %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="82" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="83" />
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="84" />
        <source>Relabel as</source>
        <translation>إعادة التسمية إلى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="89" />
        <source>Delete span</source>
        <translation>حذف الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="102" />
        <source>Added “%1” to the gazetteer as %2</source>
        <translation>أُضيف «%1» إلى معجم الأسماء بوصفه %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="103" />
        <source>“%1” is already in the gazetteer as %2</source>
        <translation>«%1» موجود في معجم الأسماء بوصفه %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/span_menu.py" line="116" />
        <source>Removed “%1” (%2) from the gazetteer</source>
        <translation>حُذف «%1» (%2) من معجم الأسماء</translation>
    </message>
</context>
<context>
    <name>SpansPane</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/span_list.py" line="280" />
        <source>%n span(s)</source>
        <translation><numerusform>لا مقاطع</numerusform><numerusform>مقطع واحد</numerusform><numerusform>مقطعان</numerusform><numerusform>%n مقاطع</numerusform><numerusform>%n مقطعًا</numerusform><numerusform>%n مقطع</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="282" />
        <source>%1 of %2 spans shown</source>
        <translation>المعروض %1 من أصل %2 من المقاطع</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="71" />
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="72" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="73" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="74" />
        <source>skipped</source>
        <translation>متجاوز</translation>
    </message>
</context>
<context>
    <name>TeamRefresh</name>
    <message>
        <location filename="../../annotator/ui/dialogs/team_refresh.py" line="58" />
        <source>Could not check for changes: %1</source>
        <translation>تعذّر التحقق من التغييرات: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/team_refresh.py" line="67" />
        <source>A colleague changed this document: its spans were reloaded</source>
        <translation>غيّر زميل هذا المستند: أُعيد تحميل وسومه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/team_refresh.py" line="69" />
        <source>Updated %1 document(s) changed by others</source>
        <translation>حُدّث %1 مستند(ات) غيّرها آخرون</translation>
    </message>
</context>
<context>
    <name>TimeDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="58" />
        <source>Entities per hour with pre-tags</source>
        <translation>كيانات في الساعة مع الوسم المسبق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="59" />
        <source>Entities per hour without pre-tags</source>
        <translation>كيانات في الساعة بلا وسم مسبق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="36" />
        <source>Annotation time</source>
        <translation>وقت التوسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="38" />
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="39" />
        <source>With pre-tags</source>
        <translation>مع الوسم المسبق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="40" />
        <source>Without pre-tags</source>
        <translation>بلا وسم مسبق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="42" />
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="49" />
        <source>Active time</source>
        <translation>الوقت الفعلي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="49" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="49" />
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="50" />
        <source>Documents per hour</source>
        <translation>مستندات في الساعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="50" />
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="57" />
        <source>Entities per hour</source>
        <translation>كيانات في الساعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="51" />
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="58" />
        <source>Seconds per entity</source>
        <translation>ثوانٍ لكل كيان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="57" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="57" />
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="68" />
        <source>No annotation time recorded yet: it is recorded while you annotate here.</source>
        <translation>لم يُسجَّل وقت توسيم بعد: يُسجَّل أثناء التوسيم هنا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="74" />
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="80" />
        <source>Per label (time to each decision)</source>
        <translation>لكل وسم (الوقت حتى كل قرار)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="105" />
        <source>With pre-tags: %1 times the entities per hour of documents without</source>
        <translation>مع الوسم المسبق: %1 ضعف الكيانات في الساعة في المستندات التي بلا وسم مسبق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/time_dialog.py" line="107" />
        <source>Speed-up: needs time on documents with and without pre-tags</source>
        <translation>التسريع: يحتاج إلى وقت مسجَّل على مستندات مع الوسم المسبق وبدونه</translation>
    </message>
</context>
<context>
    <name>TimeTracker</name>
    <message>
        <location filename="../../annotator/ui/time_tracking.py" line="99" />
        <source>Annotation &amp;time…</source>
        <translation>&amp;وقت التوسيم…</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="68" />
        <source>Train a model from done documents</source>
        <translation>تدريب نموذج من المستندات المنجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="74" />
        <source>Save the model in</source>
        <translation>حفظ النموذج في</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="79" />
        <source>Done documents of %1</source>
        <translation>المستندات المنجزة لـ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="80" />
        <source>Gold (adjudicated)</source>
        <translation>المرجع (بعد التحكيم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="81" />
        <source>Majority of all annotators</source>
        <translation>أغلبية كل الموسِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="92" />
        <source>Model folder</source>
        <translation>مجلد النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="93" />
        <source>Train on</source>
        <translation>التدريب على</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="94" />
        <source>Held out for scores</source>
        <translation>المحجوز للتقييم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="95" />
        <source>Epochs at most</source>
        <translation>أقصى عدد من الدورات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="99" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="99" />
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="99" />
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="99" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="105" />
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="127" />
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="135" />
        <source>Train</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="107" />
        <source>Pre-tag untouched documents with this model</source>
        <translation>الوسم المسبق للمستندات غير المبدوءة بهذا النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="127" />
        <source>Choose a folder for the model</source>
        <translation>اختر مجلدًا للنموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="170" />
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="173" />
        <source>Training: epoch %1, step %2, loss %4, dev F1 %3</source>
        <translation>التدريب: الدورة %1، الخطوة %2، الخسارة %4، F1 على التطوير %3</translation>
    </message>
    <message>
        <source>Training: epoch %1, step %2, dev F1 %3</source>
        <translation type="vanished">التدريب: الدورة %1، الخطوة %2، F1 على التطوير %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="176" />
        <source>Exporting done documents…</source>
        <translation>جارٍ تصدير المستندات المنجزة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="177" />
        <source>Preparing the pipeline…</source>
        <translation>جارٍ تجهيز خط المعالجة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="178" />
        <source>Scoring on held-out documents…</source>
        <translation>جارٍ التقييم على المستندات المحجوزة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="179" />
        <source>Saving the model…</source>
        <translation>جارٍ حفظ النموذج…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="186" />
        <source>Cancelled: no model was saved</source>
        <translation>أُلغي: لم يُحفظ أي نموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="191" />
        <source>all labels</source>
        <translation>كل التسميات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="199" />
        <source>Trained in %1 s on %2 documents; scores on %3 held-out documents</source>
        <translation>دُرّب في %1 ث على %2 مستندًا؛ التقييم على %3 مستندًا محجوزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/train_dialog.py" line="206" />
        <source>Training failed</source>
        <translation>فشل التدريب</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="90" />
        <source>Resize the chosen span to the selection</source>
        <translation>غيّر حدود الوسم المختار إلى التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="130" />
        <source>Overlapping spans in this project</source>
        <translation>الوسوم المتداخلة في هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="76" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="77" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="79" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="80" />
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="81" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="83" />
        <source>Delete span</source>
        <translation>حذف الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="84" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="85" />
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="86" />
        <source>Accept all suggestions in the document</source>
        <translation>قبول كل الاقتراحات في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="88" />
        <source>Next span</source>
        <translation>الوسم التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="89" />
        <source>Previous span</source>
        <translation>الوسم السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="93" />
        <source>&amp;Find in document</source>
        <translation>&amp;بحث في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="94" />
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="95" />
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="97" />
        <source>&amp;Document</source>
        <translation>&amp;المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="98" />
        <source>Mark done and go to the next</source>
        <translation>وسمه منجزًا والانتقال إلى التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="100" />
        <source>Mark skipped</source>
        <translation>وسمه متجاوزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="101" />
        <source>Mark in progress</source>
        <translation>وسمه قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="103" />
        <source>Next undone document</source>
        <translation>المستند التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="104" />
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="105" />
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="107" />
        <source>Text direction</source>
        <translation>اتجاه النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="110" />
        <source>Automatic (first strong character)</source>
        <translation>تلقائي (أول حرف ذي اتجاه)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="111" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="111" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="117" />
        <source>&amp;Project</source>
        <translation>الم&amp;شروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="118" />
        <source>&amp;Labels…</source>
        <translation>ال&amp;وسوم…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="120" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="121" />
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="122" />
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="123" />
        <source>Normal size</source>
        <translation>الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="124" />
        <source>Text font…</source>
        <translation>خط النص…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="126" />
        <source>Character mode (exact characters, not tokens)</source>
        <translation>وضع الحروف (حروف بعينها لا كلمات كاملة)</translation>
    </message>
    <message>
        <source>A new overlapping span replaces the old ones</source>
        <translation>الوسم الجديد المتداخل يحلّ محلّ القديم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="145" />
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="157" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="158" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="179" />
        <source>Text font</source>
        <translation>خط النص</translation>
    </message>
</context>
<context>
    <name>WorkflowActions</name>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="43" />
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="44" />
        <source>Switch &amp;annotator…</source>
        <translation>تبديل الموسِّ&amp;م…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="46" />
        <source>&amp;Import documents…</source>
        <translation>ا&amp;ستيراد مستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="47" />
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="60" />
        <source>&amp;Tools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="65" />
        <source>&amp;Pre-tag documents…</source>
        <translation>&amp;وسم مسبق للمستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="66" />
        <source>&amp;Train a model…</source>
        <translation>تد&amp;ريب نموذج…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="67" />
        <source>Model &amp;errors…</source>
        <translation>أ&amp;خطاء النموذج…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="68" />
        <source>&amp;Queue by model uncertainty…</source>
        <translation>&amp;قائمة العمل حسب عدم يقين النموذج…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="70" />
        <source>Refresh from others now</source>
        <translation>التحديث من تغييرات الآخرين الآن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="193" />
        <source>Import documents</source>
        <translation>استيراد مستندات</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="119" />
        <source>Restart the app to work as %1</source>
        <translation>أعد تشغيل التطبيق للعمل باسم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="139" />
        <source>Open recent</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workflow.py" line="156" />
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
</context>
<context>
    <name>pretaggers</name>
    <message>
        <location filename="../../annotator/ui/domain_texts.py" line="16" />
        <source>an installed spaCy pipeline with 'ner' (package name or folder)</source>
        <translation>خط معالجة spaCy مثبّت فيه مكوّن 'ner' (باسم حزمته أو مجلده)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/domain_texts.py" line="17" />
        <source>the latest model trained on this project (annotator train)</source>
        <translation>أحدث نموذج دُرّب على هذا المشروع (annotator train)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/domain_texts.py" line="18" />
        <source>spaCy EntityRuler patterns from a JSONL file (phrase and token patterns)</source>
        <translation>أنماط EntityRuler من spaCy في ملف JSONL (أنماط عبارات وأنماط كلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/domain_texts.py" line="19" />
        <source>the project gazetteer ('project') or a names file, with normalised Arabic matching and proclitics</source>
        <translation>معجم أسماء المشروع ('project') أو ملف أسماء، بمطابقة عربية مطبَّعة تراعي السوابق المتصلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/domain_texts.py" line="21" />
        <source>No spaCy pipeline with an 'ner' component is installed. Nothing is downloaded for you: install one with pip (a spaCy model package for your language, or one you trained), give a pipeline folder with --model PATH, or train one from your finished documents: annotator train PROJECT --out DIR</source>
        <translation>لا يوجد خط معالجة spaCy مثبّت فيه مكوّن 'ner'. لا يُنزَّل شيء نيابةً عنك: ثبّت واحدًا باستخدام pip (حزمة نموذج spaCy للغتك، أو نموذجًا درّبته)، أو حدّد مجلد خط معالجة بالخيار ‎--model PATH، أو درّب واحدًا من مستنداتك المنجزة: annotator train PROJECT --out DIR</translation>
    </message>
</context>
</TS>