"""Typed settings with their defaults in one place, kept by QSettings outside the repository
(on Linux ~/.config/annotator/annotator.conf; tests point QSettings at a temporary folder)."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "annotator"
APPLICATION = "annotator"
UI_LANGUAGES = ("en", "ar")
MIN_FONT_SIZE, MAX_FONT_SIZE, DEFAULT_FONT_SIZE = 8.0, 48.0, 15.0
APPEARANCES = ("system", "light", "dark")
MAX_RECENT_PROJECTS = 10


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)

    def _get(self, key: str, default: object) -> object:
        value = self.store.value(key, default)
        return default if value is None else value

    def _str(self, key: str, default: str = "") -> str:
        return str(self._get(key, default))

    def _bool(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")

    # ------------------------------------------------------------------ text
    @property
    def font_family(self) -> str:
        """The text font ('' = the best Arabic-capable font installed)."""
        return self._str("text/font_family")

    @font_family.setter
    def font_family(self, value: str) -> None:
        self.store.setValue("text/font_family", value)

    @property
    def font_size(self) -> float:
        try:
            size = float(self._get("text/font_size", DEFAULT_FONT_SIZE))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            size = DEFAULT_FONT_SIZE
        return min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, value: float) -> None:
        self.store.setValue("text/font_size", min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, float(value))))

    # ------------------------------------------------------------------ interface
    @property
    def ui_language(self) -> str:
        value = self._str("ui/language", "en")
        return value if value in UI_LANGUAGES else "en"

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self.store.setValue("ui/language", value if value in UI_LANGUAGES else "en")

    @property
    def appearance(self) -> str:
        """View › Appearance: "system" (follow the desktop's dark or light), "light", "dark"."""
        value = self._str("ui/appearance", "system")
        return value if value in APPEARANCES else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self.store.setValue("ui/appearance", value if value in APPEARANCES else "system")

    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    # The docks' places, one per interface direction: a state saved in English (Documents on
    # the left) must not bring them back there in Arabic. "window/state" is the left-to-right
    # one, as every state saved before the docks were mirrored had them the English way.
    @staticmethod
    def _state_key(right_to_left: bool) -> str:
        return "window/state_rtl" if right_to_left else "window/state"

    def window_state(self, right_to_left: bool) -> QByteArray | None:
        value = self.store.value(self._state_key(right_to_left))
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, right_to_left: bool, value: QByteArray) -> None:
        self.store.setValue(self._state_key(right_to_left), value)

    # ------------------------------------------------------------------ work
    @property
    def last_project(self) -> str:
        return self._str("work/last_project")

    @last_project.setter
    def last_project(self, value: str) -> None:
        self.store.setValue("work/last_project", _without_password(value))

    @property
    def recent_projects(self) -> list[str]:
        """File › Open recent: project files and server URLs (no password), latest first."""
        value = self.store.value("work/recent_projects", [])
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [str(item) for item in items if str(item)][:MAX_RECENT_PROJECTS]

    @recent_projects.setter
    def recent_projects(self, value: list[str]) -> None:
        kept: list[str] = []
        for item in (_without_password(v) for v in value):
            if item and item not in kept:
                kept.append(item)
        self.store.setValue("work/recent_projects", kept[:MAX_RECENT_PROJECTS])

    @property
    def annotator(self) -> str:
        return self._str("work/annotator")

    @annotator.setter
    def annotator(self, value: str) -> None:
        self.store.setValue("work/annotator", value)

    def take_legacy_replace_overlapping(self) -> bool:
        """Remove the old per-user "a new overlapping span replaces the old ones" setting
        (overlaps follow the project's policy now); True if it had been turned on."""
        key = "work/replace_overlapping"
        if not self.store.contains(key):
            return False
        was_on = self._bool(key, False)
        self.store.remove(key)
        return was_on

    @property
    def character_mode(self) -> bool:
        return self._bool("work/character_mode", False)

    @character_mode.setter
    def character_mode(self, value: bool) -> None:
        self.store.setValue("work/character_mode", bool(value))

    # ------------------------------------------------------------------ per project
    @staticmethod
    def _project_key(project_url: str) -> str:
        return hashlib.sha1(_without_password(project_url).encode("utf-8")).hexdigest()[:16]

    def last_document(self, project_url: str) -> int | None:
        value = self.store.value(f"projects/{self._project_key(project_url)}/document")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_document(self, project_url: str, doc_id: int) -> None:
        self.store.setValue(f"projects/{self._project_key(project_url)}/document", doc_id)

    def project_annotator(self, project_url: str) -> str:
        """Who works on this project on this machine ('' until chosen)."""
        return self._str(f"projects/{self._project_key(project_url)}/annotator")

    def set_project_annotator(self, project_url: str, name: str) -> None:
        self.store.setValue(f"projects/{self._project_key(project_url)}/annotator", name)

    def pretag_choices(self, project_url: str) -> dict[str, object]:
        """The pre-tag dialog's last choices for this project (kind, spec, mapping, ...)."""
        import json

        text = self._str(f"projects/{self._project_key(project_url)}/pretag")
        try:
            found = json.loads(text) if text else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def set_pretag_choices(self, project_url: str, choices: dict[str, object]) -> None:
        import json

        self.store.setValue(f"projects/{self._project_key(project_url)}/pretag",
                            json.dumps(choices, ensure_ascii=False))

    def direction_override(self, project_url: str, doc_id: int) -> str:
        return self._str(f"projects/{self._project_key(project_url)}/direction/{doc_id}", "auto")

    def set_direction_override(self, project_url: str, doc_id: int, direction: str) -> None:
        key = f"projects/{self._project_key(project_url)}/direction/{doc_id}"
        if direction == "auto":
            self.store.remove(key)
        else:
            self.store.setValue(key, direction)

    def sync(self) -> None:
        self.store.sync()


def _without_password(project: str) -> str:
    """A project path, or its database URL with the password hidden: settings files are plain
    text, so a password never goes there (PostgreSQL users keep it in ~/.pgpass)."""
    if "://" not in project:
        return project
    from annotator.app.project import shown_location

    return shown_location(project)
