"""The project's overlap policy as the window shows it: the words for it (status bar, menus,
dialogs), and changing it through the one use-case (`app.overlaps.set_overlap_policy`).

There is no per-user setting for overlaps: a new span that overlaps others does what the
project says, for everyone. An old per-user "replace" setting is dropped on start, and the
window says so once (`legacy_notice`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import OverlapPolicy


def short_text(policy: OverlapPolicy) -> str:
    """The status bar's words for POLICY."""
    return {
        OverlapPolicy.ALLOW: QCoreApplication.translate("OverlapPolicy", "Overlaps allowed (nested spans)"),
        OverlapPolicy.REPLACE: QCoreApplication.translate("OverlapPolicy", "Overlaps replace"),
        OverlapPolicy.REFUSE: QCoreApplication.translate("OverlapPolicy", "Overlaps refused"),
    }[policy]


def menu_text(policy: OverlapPolicy) -> str:
    return {
        OverlapPolicy.ALLOW: QCoreApplication.translate(
            "OverlapPolicy", "Allowed: nested and overlapping spans are kept"),
        OverlapPolicy.REPLACE: QCoreApplication.translate(
            "OverlapPolicy", "Replace: a new span replaces those it overlaps"),
        OverlapPolicy.REFUSE: QCoreApplication.translate(
            "OverlapPolicy", "Refused: a span that overlaps another is not made"),
    }[policy]


def dialog_note(policy: OverlapPolicy) -> str:
    """One line for dialogs that add spans (import, pre-tag): what overlaps will do."""
    return {
        OverlapPolicy.ALLOW: QCoreApplication.translate(
            "OverlapPolicy", "This project allows overlapping spans: nested spans are kept."),
        OverlapPolicy.REPLACE: QCoreApplication.translate(
            "OverlapPolicy", "This project's overlap policy is “replace”: a span overlapping another is not kept from a file or a pre-tagger (listed in the report)."),
        OverlapPolicy.REFUSE: QCoreApplication.translate(
            "OverlapPolicy", "This project refuses overlapping spans: a span overlapping another is not kept (listed in the report)."),
    }[policy]


def legacy_notice(policy: OverlapPolicy) -> str:
    return QCoreApplication.translate(
        "OverlapPolicy", "The per-user setting “a new overlapping span replaces the old ones” is gone: overlapping spans follow the project's policy (%1); change it in View › Overlapping spans in this project").replace("%1", short_text(policy))
