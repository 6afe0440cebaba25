"""Dark and light appearance: View › Appearance (System, Light, Dark), kept in the settings.

"System" follows the desktop's colour scheme (`QStyleHints.colorScheme()`, and
`colorSchemeChanged` while the app runs): where the platform's own palette already matches it,
the app keeps the platform's style and palette untouched; where it does not (a dark desktop
whose Qt theme plugin gives a light palette, say), and for "Light" and "Dark", the app uses
Qt's Fusion style with the palettes below. Everything coloured follows the palette: the text
view's page and text, and from them the span fills, brackets and tags (`SpanStyle.
set_palette`), which are computed so that text on a span reads at 4.5:1 or better.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from annotator.ui.editor.contrast import text_for
from annotator.ui.settings import AppSettings

R, G = QPalette.ColorRole, QPalette.ColorGroup
LIGHT = {R.Window: "#EFEFEF", R.WindowText: "#000000", R.Base: "#FFFFFF",
         R.AlternateBase: "#F5F5F5", R.Text: "#000000", R.Button: "#EFEFEF",
         R.ButtonText: "#000000", R.Highlight: "#308CC6", R.HighlightedText: "#FFFFFF",
         R.ToolTipBase: "#FFFFDC", R.ToolTipText: "#000000", R.PlaceholderText: "#6E6E6E",
         R.Link: "#0B57D0", R.LinkVisited: "#7B1FA2", R.BrightText: "#FFFFFF",
         R.Light: "#FFFFFF", R.Midlight: "#CACACA", R.Mid: "#B8B8B8", R.Dark: "#9F9F9F",
         R.Shadow: "#767676"}
DARK = {R.Window: "#2B2B2B", R.WindowText: "#E8E8E8", R.Base: "#1E1E1E",
        R.AlternateBase: "#262626", R.Text: "#E8E8E8", R.Button: "#353535",
        R.ButtonText: "#E8E8E8", R.Highlight: "#3A6FD8", R.HighlightedText: "#FFFFFF",
        R.ToolTipBase: "#3A3A3A", R.ToolTipText: "#E8E8E8", R.PlaceholderText: "#9A9A9A",
        R.Link: "#7CB7FF", R.LinkVisited: "#C58AF9", R.BrightText: "#FFFFFF",
        R.Light: "#4A4A4A", R.Midlight: "#3F3F3F", R.Mid: "#2F2F2F", R.Dark: "#1A1A1A",
        R.Shadow: "#0E0E0E"}
DISABLED_TEXT = {"light": "#8C8C8C", "dark": "#7A7A7A"}
NOTICE_TEXT = {"light": "#8A4B00", "dark": "#FFB74D"}  # a notice (the pre-tag help): amber


def notice_color(palette: QPalette) -> QColor:
    """A notice's text on the window of PALETTE: amber-brown on a light window, amber on a
    dark one, moved towards the palette's text until it reads at 4.5:1."""
    window = palette.color(R.Window)
    scheme = "dark" if window.lightness() < 128 else "light"
    return text_for(QColor(NOTICE_TEXT[scheme]), window, palette.color(R.WindowText))


class NoticeLabel(QLabel):
    """A label whose text is a notice (`notice_color`), in the palette's scheme as it changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        color = notice_color(palette)
        if palette.color(R.WindowText) != color:  # setting it is a palette change too
            palette.setColor(R.WindowText, color)
            self.setPalette(palette)


def scheme_palette(scheme: str) -> QPalette:
    """The Fusion palette of SCHEME ("light" or "dark")."""
    palette = QPalette()
    for role, color in (DARK if scheme == "dark" else LIGHT).items():
        palette.setColor(role, QColor(color))
    for role in (R.WindowText, R.Text, R.ButtonText):
        palette.setColor(G.Disabled, role, QColor(DISABLED_TEXT[scheme]))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(R.Base).lightness() < 128


def system_scheme(app: QApplication) -> str:
    """The desktop's scheme as Qt reports it ("light" when it says nothing)."""
    return "dark" if app.styleHints().colorScheme() is Qt.ColorScheme.Dark else "light"


class Appearance(QObject):
    """The app's appearance, one per application (`Appearance.of(app, settings)`)."""

    def __init__(self, app: QApplication, settings: AppSettings) -> None:
        super().__init__(app)
        self.setObjectName("appearance")
        self.app = app
        self.settings = settings
        self.platform_style = app.style().name()
        self.platform_palette = QPalette(app.palette())
        self.system = system_scheme(app)
        self.scheme = "light"
        app.styleHints().colorSchemeChanged.connect(self.system_changed)

    @staticmethod
    def of(app: QApplication, settings: AppSettings) -> Appearance:
        found = app.findChild(Appearance, "appearance")
        if found is None:
            found = Appearance(app, settings)
        found.settings = settings
        return found

    def system_changed(self, scheme: Qt.ColorScheme) -> None:
        self.system = "dark" if scheme is Qt.ColorScheme.Dark else "light"
        if self.settings.appearance == "system":
            self.apply()

    def choose(self, choice: str) -> None:
        """View › Appearance › CHOICE: kept in the settings and applied at once."""
        self.settings.appearance = choice
        self.apply()

    def apply(self) -> str:
        """Give the app the palette of the chosen appearance; the scheme now in use."""
        choice = self.settings.appearance
        scheme = self.system if choice == "system" else choice
        if choice == "system" and is_dark(self.platform_palette) == (scheme == "dark"):
            if self.app.style().name() != self.platform_style:
                self.app.setStyle(self.platform_style)
            if self.app.palette() != self.platform_palette:  # else Qt's own stays in charge
                self.app.setPalette(self.platform_palette)
        else:
            if self.app.style().name().lower() != "fusion":
                self.app.setStyle("Fusion")
            self.app.setPalette(scheme_palette(scheme))
        self.scheme = scheme
        return scheme


def add_appearance_menu(view_menu: QMenu, appearance: Appearance) -> QMenu:
    """View › Appearance: System / Light / Dark, the chosen one ticked."""
    menu = view_menu.addMenu(QCoreApplication.translate("Appearance", "Appearance"))
    menu.setObjectName("appearance_menu")
    group = QActionGroup(menu)
    for choice, text in (
            ("system", QCoreApplication.translate("Appearance", "System (follow the desktop)")),
            ("light", QCoreApplication.translate("Appearance", "Light")),
            ("dark", QCoreApplication.translate("Appearance", "Dark"))):
        action = QAction(text, menu)
        action.setObjectName(f"appearance_{choice}")
        action.setCheckable(True)
        action.setChecked(appearance.settings.appearance == choice)
        action.triggered.connect(lambda _c=False, x=choice: appearance.choose(x))
        group.addAction(action)
        menu.addAction(action)
    return menu
