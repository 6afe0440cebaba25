"""Interface language: Qt translators from resources/i18n/, and the mirrored layout for Arabic.

Translations are Qt Linguist files: `annotator_ar.ts` (the source, edited with Qt Linguist or
by hand) compiled by `pyside6-lrelease` to `annotator_ar.qm`, which QTranslator loads here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.paths import resources_dir

RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def install_language(app: QApplication, language: str) -> list[QTranslator]:
    """Load LANGUAGE's translations (replacing any loaded before) and mirror the layout for
    right-to-left languages. Returns the installed translators (English needs none)."""
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    installed: list[QTranslator] = []
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(translations_dir() / f"annotator_{language}.qm")):
            app.installTranslator(ours)
            installed.append(ours)
        qt_own = QTranslator(app)  # Qt's own dialogs and context menus, when shipped
        if qt_own.load(QLocale(language), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language in RIGHT_TO_LEFT_LANGUAGES
                           else Qt.LayoutDirection.LeftToRight)
    return installed


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
