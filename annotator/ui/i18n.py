"""Interface language: Qt translators from resources/i18n/, and the mirrored layout for Arabic.

Translations are Qt Linguist files: `annotator_ar.ts` (the source, edited with Qt Linguist or
by hand) compiled by `pyside6-lrelease` to `annotator_ar.qm`, which QTranslator loads here.
The domain's error messages are no Qt strings: `error_text` gives them in Arabic from the
domain's own catalogue (`core/errors_ar.py`) when the interface is Arabic.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.error_language import arabic_line
from annotator.paths import resources_dir

RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
LANGUAGE_PROPERTY = "interface_language"  # on the application: the language installed last


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
    app.setProperty(LANGUAGE_PROPERTY, language)
    return installed


def interface_language() -> str:
    """The language `install_language` gave the application ("en" before it was called)."""
    app = QCoreApplication.instance()
    language = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return language if isinstance(language, str) and language else "en"


def error_text(message: str) -> str:
    """MESSAGE in the interface language: a domain error's line ("[E201] ...") in Arabic when
    the interface is Arabic and the line is one of the catalogue's; anything else as it is."""
    if interface_language() == "ar":
        return arabic_line(message) or message
    return message


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
