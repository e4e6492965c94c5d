"""Follows the system's light/dark color scheme, or the agent's fixed choice (Settings.appearance).

Painting the palette is callpad.ui.theme's job; this object only decides light or dark and calls
back when that changes (QStyleHints.colorSchemeChanged, Qt 6.5+).

Wiring (app.py)::

    follower = ThemeFollower(
        app.styleHints(),
        lambda dark: apply_theme(app, Scheme.DARK if dark else Scheme.LIGHT),   # ui.theme
        settings.appearance.theme,
    )
    settings_vm.saved.connect(lambda s: follower.set_theme(s.appearance.theme))
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStyleHints

from callpad.config.schema import Theme


def is_dark(theme: Theme, system: Qt.ColorScheme) -> bool:
    """Dark palette? A fixed choice wins; "system" follows the OS (light when unknown)."""
    if theme is Theme.SYSTEM:
        return system == Qt.ColorScheme.Dark
    return theme is Theme.DARK


class ThemeFollower(QObject):
    """Calls `apply(dark)` at once and whenever the effective scheme changes."""

    dark_changed = Signal(bool)

    def __init__(
        self,
        hints: QStyleHints,
        apply: Callable[[bool], None],
        theme: Theme = Theme.SYSTEM,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hints = hints
        self._apply = apply
        self._theme = theme
        self._dark = is_dark(theme, hints.colorScheme())
        hints.colorSchemeChanged.connect(self._on_system_changed)
        apply(self._dark)

    @property
    def dark(self) -> bool:
        return self._dark

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._update(self._hints.colorScheme())

    def _on_system_changed(self, scheme: Qt.ColorScheme) -> None:
        self._update(scheme)

    def _update(self, system: Qt.ColorScheme) -> None:
        dark = is_dark(self._theme, system)
        if dark != self._dark:
            self._dark = dark
            self._apply(dark)
            self.dark_changed.emit(dark)

    def close(self) -> None:
        self._hints.colorSchemeChanged.disconnect(self._on_system_changed)
