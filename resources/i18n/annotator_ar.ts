<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="62" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="62" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="62" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="62" />
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="63" />
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="43" />
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="43" />
        <source>Not done</source>
        <translation>غير منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="44" />
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="44" />
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="45" />
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="45" />
        <source>Skipped</source>
        <translation>متجاوز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="48" />
        <source>Filter by title</source>
        <translation>تصفية حسب العنوان</translation>
    </message>
</context>
<context>
    <name>EditorWidget</name>
    <message>
        <location filename="../../annotator/ui/editor/editor_widget.py" line="145" />
        <source>Select some text first, or put the cursor on a span</source>
        <translation>حدّد نصًا أولًا، أو ضع المؤشر على وسم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/editor/editor_widget.py" line="186" />
        <source>Accepted %n suggestion(s)</source>
        <translation><numerusform>لم يُقبل أي اقتراح</numerusform><numerusform>قُبل اقتراح واحد</numerusform><numerusform>قُبل اقتراحان</numerusform><numerusform>قُبلت %n اقتراحات</numerusform><numerusform>قُبل %n اقتراحًا</numerusform><numerusform>قُبل %n اقتراح</numerusform></translation>
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
    <name>LabelBar</name>
    <message>
        <location filename="../../annotator/ui/label_bar.py" line="20" />
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="45" />
        <source>%1 — annotator</source>
        <translation>%1 — المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="65" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="67" />
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="69" />
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="123" />
        <source>This project has no documents yet: import some with `annotator import`</source>
        <translation>لا مستندات في هذا المشروع بعد: استوردها بالأمر `annotator import`</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="144" />
        <source>Every document is done</source>
        <translation>أُنجزت كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="183" />
        <source>Document marked %1</source>
        <translation>وُسم المستند بأنه %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="191" />
        <source>%1 of %2 documents done</source>
        <translation>أُنجز %1 من %2 مستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="196" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="196" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="197" />
        <source>Character mode</source>
        <translation>وضع الحروف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="197" />
        <source>Token mode</source>
        <translation>وضع الكلمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="198" />
        <source>Overlaps replace</source>
        <translation>التداخل يستبدل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="199" />
        <source>Overlaps refused</source>
        <translation>التداخل مرفوض</translation>
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
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="24" />
        <source>Next, previous span</source>
        <translation>الوسم التالي، السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="25" />
        <source>Delete the span</source>
        <translation>حذف الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="26" />
        <source>Accept the suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="27" />
        <source>Reject the suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="28" />
        <source>Accept all suggestions in the document</source>
        <translation>قبول كل الاقتراحات في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="29" />
        <source>Undo, redo</source>
        <translation>تراجع، إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="30" />
        <source>Mark the document done and open the next undone one</source>
        <translation>وسم المستند منجزًا وفتح التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="31" />
        <source>Next undone document</source>
        <translation>المستند التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="32" />
        <source>Find (ignores diacritics and letter variants), find next</source>
        <translation>بحث (يتجاهل التشكيل وصور الحروف)، البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="33" />
        <source>Zoom in, out, normal size</source>
        <translation>تكبير، تصغير، الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="36" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs/shortcuts_dialog.py" line="36" />
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="36" />
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="37" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="38" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="39" />
        <source>skipped</source>
        <translation>متجاوز</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="33" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="34" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="36" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="37" />
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="38" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="40" />
        <source>Delete span</source>
        <translation>حذف الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="41" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="42" />
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="43" />
        <source>Accept all suggestions in the document</source>
        <translation>قبول كل الاقتراحات في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="45" />
        <source>Next span</source>
        <translation>الوسم التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="46" />
        <source>Previous span</source>
        <translation>الوسم السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="48" />
        <source>&amp;Find in document</source>
        <translation>&amp;بحث في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="49" />
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="50" />
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="52" />
        <source>&amp;Document</source>
        <translation>&amp;المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="53" />
        <source>Mark done and go to the next</source>
        <translation>وسمه منجزًا والانتقال إلى التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="55" />
        <source>Mark skipped</source>
        <translation>وسمه متجاوزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="56" />
        <source>Mark in progress</source>
        <translation>وسمه قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="58" />
        <source>Next undone document</source>
        <translation>المستند التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="59" />
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="60" />
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="62" />
        <source>Text direction</source>
        <translation>اتجاه النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="65" />
        <source>Automatic (first strong character)</source>
        <translation>تلقائي (أول حرف ذي اتجاه)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="66" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="66" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="72" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="73" />
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="74" />
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="75" />
        <source>Normal size</source>
        <translation>الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="76" />
        <source>Text font…</source>
        <translation>خط النص…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="78" />
        <source>Character mode (exact characters, not tokens)</source>
        <translation>وضع الحروف (حروف بعينها لا كلمات كاملة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="82" />
        <source>A new overlapping span replaces the old ones</source>
        <translation>الوسم الجديد المتداخل يحلّ محلّ القديم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="90" />
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="99" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="100" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="118" />
        <source>Text font</source>
        <translation>خط النص</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="102" />
        <source>Agreement between annotators</source>
        <translation>الاتفاق بين المُعلِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="116" />
        <source>Cohen's κ (tokens)</source>
        <translation>كابا كوهين (الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="116" />
        <source>Span F1, exact</source>
        <translation>F1 للوسوم، تطابق تام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="117" />
        <source>Span F1, lenient</source>
        <translation>F1 للوسوم، تطابق متسامح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="117" />
        <source>α_u (characters)</source>
        <translation>ألفا التقطيع α_u (الحروف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="130" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="130" />
        <location filename="../../../annotator/ui/agreement/agreement_view.py" line="138" />
        <location filename="../../../annotator/ui/agreement/agreement_view.py" line="236" />
        <source>F1 exact</source>
        <translation>F1 تام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="131" />
        <location filename="../../../annotator/ui/agreement/agreement_view.py" line="139" />
        <location filename="../../../annotator/ui/agreement/agreement_view.py" line="237" />
        <source>F1 lenient</source>
        <translation>F1 متسامح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="131" />
        <source>Cohen's κ</source>
        <translation>كابا كوهين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="132" />
        <location filename="../../../annotator/ui/agreement/agreement_view.py" line="139" />
        <source>Krippendorff's α</source>
        <translation>ألفا كريبندورف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="132" />
        <location filename="../../../annotator/ui/agreement/agreement_view.py" line="140" />
        <location filename="../../../annotator/ui/agreement/agreement_view.py" line="236" />
        <source>α_u</source>
        <translation>α_u</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="133" />
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="133" />
        <source>Tokens used</source>
        <translation>الكلمات المحسوبة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="134" />
        <source>Tokens left out</source>
        <translation>الكلمات المستبعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="137" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="137" />
        <source>Annotators</source>
        <translation>المُعلِّمون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="138" />
        <source>Missing</source>
        <translation>الغائبون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="140" />
        <source>Tokens alike</source>
        <translation>الكلمات المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="145" />
        <source>Open in the editor</source>
        <translation>فتح في المحرر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="147" />
        <source>Show disagreements</source>
        <translation>عرض الاختلافات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="158" />
        <source>Annotators:</source>
        <translation>المُعلِّمون:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="159" />
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="162" />
        <source>Measure:</source>
        <translation>المقياس:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="165" />
        <source>Annotator pairs</source>
        <translation>أزواج المُعلِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="166" />
        <source>Per label</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="177" />
        <source>Documents, least agreement first (double-click opens one)</source>
        <translation>المستندات، الأقل اتفاقًا أولًا (انقر مرتين لفتح مستند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="203" />
        <source>Choose at least two annotators</source>
        <translation>اختر مُعلِّمَين اثنين على الأقل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="206" />
        <source>Choose at least one label</source>
        <translation>اختر وسمًا واحدًا على الأقل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="208" />
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="224" />
        <source>%1 annotators · %2 documents · %3 tokens</source>
        <translation>المُعلِّمون: %1 · المستندات: %2 · الكلمات: %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="234" />
        <source>Krippendorff's α (tokens)</source>
        <translation>ألفا كريبندورف (الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="235" />
        <source>Fleiss' κ</source>
        <translation>كابا فلايس</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/agreement_view.py" line="235" />
        <source>Cohen's κ (mean)</source>
        <translation>كابا كوهين (المتوسط)</translation>
    </message>
</context>
<context>
    <name>AgreementMenu</name>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="20" />
        <source>&amp;Team</source>
        <translation>&amp;الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="21" />
        <source>Agreement…</source>
        <translation>الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="22" />
        <source>Disagreements in this document…</source>
        <translation>الاختلافات في هذا المستند…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="24" />
        <source>Adjudicate…</source>
        <translation>الفصل في الاختلافات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement/menu.py" line="53" />
        <source>Open a document first</source>
        <translation>افتح مستندًا أولًا</translation>
    </message>
</context>
</TS>