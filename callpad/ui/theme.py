"""Light and dark palettes, the accent colours of call states, and the one style sheet."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


class Scheme(enum.Enum):
    """Which palette to use."""

    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class Colors:
    """The colours of one scheme (window chrome plus the semantic accents)."""

    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    border: str
    button: str
    highlight: str
    accent: str
    ok: str
    danger: str
    warn: str
    consult: str
    incoming_bg: str
    chip_bg: str
    disabled: str


LIGHT = Colors(
    window="#eef1f5", base="#ffffff", alt_base="#f6f8fb", text="#1b2330", muted="#5f6b7a",
    border="#d3d9e2", button="#ffffff", highlight="#dbe7fb", accent="#2563d6", ok="#14874a",
    danger="#c93535", warn="#b86e00", consult="#6d4fd8", incoming_bg="#fff4d6", chip_bg="#e8edf4",
    disabled="#a9b1bc",
)  # fmt: skip
DARK = Colors(
    window="#1b1f25", base="#232830", alt_base="#272d36", text="#e4e8ee", muted="#98a2b0",
    border="#3a424e", button="#2b313a", highlight="#29436e", accent="#5b93f0", ok="#3cc07a",
    danger="#ef6a6a", warn="#f0a83a", consult="#a48cff", incoming_bg="#4a3d12", chip_bg="#313843",
    disabled="#5d6673",
)  # fmt: skip


BASE_POINT_SIZE = 10


def system_scheme() -> Scheme:
    """The OS colour scheme (Qt 6.5+ style hints); light when unknown."""
    hint = QGuiApplication.styleHints().colorScheme()
    return Scheme.DARK if hint == Qt.ColorScheme.Dark else Scheme.LIGHT


def colors(scheme: Scheme) -> Colors:
    return DARK if scheme is Scheme.DARK else LIGHT


def palette(c: Colors) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.base),
        (role.AlternateBase, c.alt_base),
        (role.Text, c.text),
        (role.Button, c.button),
        (role.ButtonText, c.text),
        (role.Highlight, c.highlight),
        (role.HighlightedText, c.text),
        (role.ToolTipBase, c.base),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Link, c.accent),
        (role.Mid, c.border),
        (role.Midlight, c.alt_base),
        (role.Dark, c.border),
    ):
        p.setColor(r, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, QColor(c.disabled))
    return p


def style_sheet(c: Colors) -> str:
    return f"""
QToolTip {{ border: 1px solid {c.border}; padding: 4px; }}
QFrame#panel {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; }}
QLabel#panelTitle {{ font-weight: 600; color: {c.muted}; font-size: 9pt; letter-spacing: 0.5px; }}
QLabel#muted {{ color: {c.muted}; }}
QLabel#preview {{ color: {c.muted}; }}
QLabel#preview[valid="false"] {{ color: {c.danger}; }}
QLabel#preview[valid="true"] {{ color: {c.ok}; }}
QLabel#demoBadge {{ background: {c.warn}; color: #ffffff; font-weight: 700; border-radius: 4px;
    padding: 1px 8px; }}
QLabel#banner {{ background: {c.incoming_bg}; color: {c.text}; border-radius: 6px;
    padding: 6px 10px; }}
QLineEdit, QComboBox, QSpinBox, QPlainTextEdit {{ background: {c.base};
    border: 1px solid {c.border}; border-radius: 6px; padding: 4px 8px;
    selection-background-color: {c.accent};
    selection-color: #ffffff; }}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus {{ border: 1px solid {c.accent}; }}
QLineEdit#numberField {{ font-size: 17pt; padding: 6px 10px; }}
QPushButton, QToolButton {{ background: {c.button}; border: 1px solid {c.border};
    border-radius: 6px; padding: 5px 10px; }}
QPushButton:hover, QToolButton:hover {{ border-color: {c.accent}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {c.accent}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {c.disabled}; background: {c.alt_base};
    border-color: {c.chip_bg}; }}
QPushButton#dialButton {{ background: {c.ok}; color: #ffffff; border: none; font-weight: 600;
    padding: 8px 14px; }}
QPushButton#dialButton:disabled {{ background: {c.chip_bg}; color: {c.muted}; }}
QToolButton#releaseButton:enabled {{ background: {c.danger}; color: #ffffff; border: none; }}
QToolButton[busy="true"] {{ border: 2px dashed {c.accent}; }}
QPushButton#talkOption {{ text-align: left; padding: 6px 10px; }}
QTreeView, QListView {{ background: {c.base}; alternate-background-color: {c.alt_base};
    border: 1px solid {c.border}; border-radius: 6px; }}
QTreeView::item {{ padding: 4px 2px; }}
QTreeView::item:selected, QListView::item:selected {{ background: {c.highlight}; color: {c.text}; }}
QHeaderView::section {{ background: {c.alt_base}; color: {c.muted}; border: none;
    border-bottom: 1px solid {c.border}; padding: 4px 6px; font-weight: 600; }}
QTabBar::tab {{ padding: 5px 12px; border: 1px solid {c.border}; background: {c.alt_base}; }}
QTabBar::tab:selected {{ background: {c.base}; color: {c.accent}; font-weight: 600; }}
QStatusBar {{ background: {c.alt_base}; border-top: 1px solid {c.border}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QLabel#budget[level="low"] {{ color: {c.warn}; font-weight: 600; }}
QLabel#budget[level="exhausted"] {{ color: {c.danger}; font-weight: 700; }}
QLabel#connection[state="ok"] {{ color: {c.ok}; }}
QLabel#connection[state="error"] {{ color: {c.danger}; }}
QLabel#connection[state="busy"] {{ color: {c.warn}; }}
QLabel#message[severity="error"] {{ color: {c.danger}; }}
QLabel#message[severity="warning"] {{ color: {c.warn}; }}
QLabel#message[severity="ok"] {{ color: {c.ok}; }}
"""


def apply_theme(app: QApplication, scheme: Scheme) -> Colors:
    """Fusion style, 10 pt font, our palette and style sheet; the colours for custom painting.

    The font size is the application font, not a `QWidget { font-size }` rule: such a rule makes
    the style sheet resolve a font for every widget as it is polished (start-up time).
    """
    c = colors(scheme)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    if app.font().pointSize() != BASE_POINT_SIZE:
        font = QFont(app.font())
        font.setPointSize(BASE_POINT_SIZE)
        app.setFont(font)
    app.setPalette(palette(c))
    app.setStyleSheet(style_sheet(c))
    return c
