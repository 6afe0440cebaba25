"""The domain's own words that the app shows (the pre-tagger kinds' descriptions, the help when
no spaCy pipeline is installed), for the interface's translator.

The domain keeps them in English (the CLI prints them); the app shows them through
`domain_text`, and the literals below let `pyside6-lupdate` put them in the .ts under the
"pretaggers" context. `tests/ui/test_arabic_everywhere.py` checks they match the domain's.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "pretaggers"

DOMAIN_TEXTS = (
    QT_TRANSLATE_NOOP("pretaggers", "an installed spaCy pipeline with 'ner' (package name or folder)"),
    QT_TRANSLATE_NOOP("pretaggers", "the latest model trained on this project (annotator train)"),
    QT_TRANSLATE_NOOP("pretaggers", "spaCy EntityRuler patterns from a JSONL file (phrase and token patterns)"),
    QT_TRANSLATE_NOOP("pretaggers", "the project gazetteer ('project') or a names file, with normalised "
                      "Arabic matching and proclitics"),
    QT_TRANSLATE_NOOP("pretaggers", "No spaCy pipeline with an 'ner' component is installed. Nothing is "
                      "downloaded for you: install one with pip (a spaCy model package for your "
                      "language, or one you trained), give a pipeline folder with --model PATH, or "
                      "train one from your finished documents: annotator train PROJECT --out DIR"),
)


def domain_text(text: str) -> str:
    """TEXT (one of the domain's, in English) in the interface language."""
    return QCoreApplication.translate(CONTEXT, text)
