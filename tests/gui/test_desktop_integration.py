from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QClipboard, QColor, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QMainWindow

from callpad.api.phone import PhoneNumber
from callpad.config.notices import NoticeLog
from callpad.config.schema import (
    DesktopSettings,
    NotificationSettings,
    ScreenPopSettings,
    Settings,
    Theme,
)
from callpad.desktop.autostart import AutostartError
from callpad.desktop.integration import DesktopIntegration, display_contact


class FakeAutostart:
    def __init__(self, fail: bool = False) -> None:
        self.enabled = False
        self.fail = fail

    def is_enabled(self) -> bool:
        return self.enabled

    def enable(self) -> None:
        if self.fail:
            raise AutostartError("cannot write callpad.desktop: Read-only file system")
        self.enabled = True

    def disable(self) -> None:
        self.enabled = False


def _icon() -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor("#2563d6"))
    return QIcon(pixmap)


def _build(
    qtbot: Any, tmp_path: Path, settings: Settings | None = None, autostart: Any = None
) -> tuple[QMainWindow, DesktopIntegration, list[bool], list[QUrl]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    palettes: list[bool] = []
    opened: list[QUrl] = []

    def opener(url: QUrl) -> bool:
        opened.append(url)
        return True

    desktop = DesktopIntegration(
        window,
        settings or Settings(),
        notices=NoticeLog(tmp_path / "notices.json"),
        icon=_icon(),
        clipboard=QGuiApplication.clipboard(),
        style_hints=QGuiApplication.styleHints(),
        apply_palette=palettes.append,
        contact_of=lambda sid: "79261234567",
        autostart=autostart,
        tray_available=lambda: True,
        url_opener=opener,
    )
    return window, desktop, palettes, opened


def test_display_contact():
    assert display_contact("79261234567") == "+7 926 123-45-67"
    assert display_contact("0107") == "0107"
    assert display_contact("") == ""


def test_incoming_call_notifies_and_pops_once(qtbot, tmp_path):
    settings = Settings(screen_pop=ScreenPopSettings(True, "https://crm.example/?q={contact}"))
    _window, desktop, _palettes, opened = _build(qtbot, tmp_path, settings)
    shown: list[tuple[str, str]] = []
    desktop.tray.message_shown.connect(lambda t, b: shown.append((t, b)))
    try:
        desktop.on_incoming_call(11)
        desktop.on_incoming_call(11)
        assert shown == [("Incoming call", "From +7 926 123-45-67")]
        assert [u.toString() for u in opened] == ["https://crm.example/?q=79261234567"]
    finally:
        desktop.close()


def test_saved_settings_take_effect_at_once(qtbot, tmp_path):
    autostart = FakeAutostart()
    window, desktop, palettes, _opened = _build(qtbot, tmp_path, autostart=autostart)
    shown: list[str] = []
    desktop.tray.message_shown.connect(lambda t, b: shown.append(t))
    try:
        new = replace(
            Settings(),
            notifications=NotificationSettings(incoming_call=False),
            desktop=DesktopSettings(autostart=True, close_to_tray=False),
            appearance=replace(Settings().appearance, theme=Theme.DARK),
        )
        desktop.apply_settings(new)
        desktop.on_incoming_call(12)
        assert shown == []
        assert autostart.enabled
        assert palettes[-1] is True
        window.show()
        assert window.close()  # close-to-tray now off: the window really closes
    finally:
        desktop.close()


def test_autostart_failure_is_reported_not_raised(qtbot, tmp_path):
    _window, desktop, _p, _o = _build(qtbot, tmp_path, autostart=FakeAutostart(fail=True))
    problems: list[str] = []
    desktop.problem.connect(problems.append)
    try:
        desktop.apply_settings(replace(Settings(), desktop=DesktopSettings(autostart=True)))
        assert problems == [
            "Start at login could not be changed: "
            "cannot write callpad.desktop: Read-only file system"
        ]
    finally:
        desktop.close()


def test_dial_clipboard_from_the_tray_menu(qtbot, tmp_path):
    _window, desktop, _p, _o = _build(qtbot, tmp_path)
    dialed: list[PhoneNumber] = []
    desktop.tel.dial_requested.connect(dialed.append)
    QGuiApplication.clipboard().setText("8 (926) 123-45-67", QClipboard.Mode.Clipboard)
    if QGuiApplication.clipboard().supportsSelection():
        QGuiApplication.clipboard().setText("", QClipboard.Mode.Selection)
    try:
        desktop.tel.set_ready(True)
        desktop.tray.dial_action.trigger()
        assert dialed == [PhoneNumber("79261234567")]
    finally:
        desktop.close()
