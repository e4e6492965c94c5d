import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from callpad.config.schema import Theme
from callpad.desktop.theme import ThemeFollower, is_dark


@pytest.mark.parametrize(
    ("theme", "system", "dark"),
    [
        (Theme.SYSTEM, Qt.ColorScheme.Dark, True),
        (Theme.SYSTEM, Qt.ColorScheme.Light, False),
        (Theme.SYSTEM, Qt.ColorScheme.Unknown, False),
        (Theme.LIGHT, Qt.ColorScheme.Dark, False),
        (Theme.DARK, Qt.ColorScheme.Light, True),
    ],
)
def test_effective_scheme(theme, system, dark):
    assert is_dark(theme, system) is dark


def test_follows_system_changes_and_fixed_choices(qapp):
    hints = QGuiApplication.styleHints()
    applied: list[bool] = []
    follower = ThemeFollower(hints, applied.append, Theme.LIGHT)
    try:
        assert applied == [False]
        follower.set_theme(Theme.DARK)
        assert applied == [False, True]
        follower.set_theme(Theme.DARK)
        assert applied == [False, True]  # no change, no repaint
        follower.set_theme(Theme.SYSTEM)
        # The system scheme changes (as the desktop would signal it):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert applied[-1] is False
        assert follower.dark is False
        follower.set_theme(Theme.LIGHT)
        n = len(applied)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert len(applied) == n  # a fixed choice ignores the system
    finally:
        follower.close()
