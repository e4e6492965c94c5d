from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QMainWindow

from callpad.config.notices import Notice, NoticeLog
from callpad.config.schema import NotificationKind
from callpad.desktop.tray import CloseToTray, TrayIcon, TrayState, render_icon
from tests.gui.pseudo_translation import pseudo_translated


def _base_icon() -> QIcon:
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor("#ffffff"))
    return QIcon(pixmap)


def _image(icon: QIcon) -> QImage:
    return icon.pixmap(64, 64).toImage()


def test_icon_shows_state_and_call_count(qapp):
    base = _base_icon()
    offline = _image(render_icon(base, TrayState.OFFLINE, 0))
    connected = _image(render_icon(base, TrayState.CONNECTED, 0))
    error = _image(render_icon(base, TrayState.ERROR, 0))
    busy = _image(render_icon(base, TrayState.CONNECTED, 3))
    images = [offline, connected, error, busy]
    assert all(a != b for i, a in enumerate(images) for b in images[i + 1 :])
    # Bottom-left dot is green when connected, red on error.
    assert QColor(connected.pixel(10, 54)).green() > QColor(connected.pixel(10, 54)).red()
    assert QColor(error.pixel(10, 54)).red() > QColor(error.pixel(10, 54)).green()
    # The badge appears top right only with calls.
    assert QColor(connected.pixel(54, 6)) == QColor("#ffffff")
    assert QColor(busy.pixel(54, 6)) != QColor("#ffffff")


def test_tooltip_and_icon_follow_state(qapp):
    tray = TrayIcon(_base_icon())
    try:
        assert "not connected" in tray.tooltip()
        tray.set_connection(TrayState.CONNECTED)
        tray.set_active_calls(2)
        assert "connected" in tray.tooltip()
        assert "2 active call" in tray.tooltip()
        before = _image(tray.tray.icon())
        tray.set_connection(TrayState.ERROR)
        assert "connection problem" in tray.tooltip()
        assert _image(tray.tray.icon()) != before
    finally:
        tray.close()


def test_menu_actions_emit_their_requests(qapp):
    tray = TrayIcon(_base_icon())
    fired: list[str] = []
    tray.show_requested.connect(lambda: fired.append("show"))
    tray.dial_clipboard_requested.connect(lambda: fired.append("dial"))
    tray.quit_requested.connect(lambda: fired.append("quit"))
    try:
        texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert texts == ["Show callpad", "Dial the copied number", "Quit"]
        for action in tray.menu.actions():
            if not action.isSeparator():
                action.trigger()
        tray.tray.activated.emit(tray.tray.ActivationReason.Trigger)
        tray.tray.activated.emit(tray.tray.ActivationReason.Context)
        assert fired == ["show", "dial", "quit", "show"]
    finally:
        tray.close()


def test_notification_sink_reports_messages(qapp):
    tray = TrayIcon(_base_icon())
    shown: list[tuple[str, str]] = []
    tray.message_shown.connect(lambda t, b: shown.append((t, b)))
    try:
        tray.show_notification("Incoming call", "From +7 926", NotificationKind.INCOMING_CALL)
        assert shown == [("Incoming call", "From +7 926")]
    finally:
        tray.close()


def test_close_hides_to_tray_and_tells_once(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    tray = TrayIcon(_base_icon())
    shown: list[str] = []
    tray.message_shown.connect(lambda t, b: shown.append(t))
    notices = NoticeLog(tmp_path / "notices.json")
    f = CloseToTray(window, tray, enabled=True, notices=notices, tray_available=lambda: True)
    try:
        window.show()
        assert not window.close()
        assert not window.isVisible()
        window.show()
        assert not window.close()
        assert shown == ["callpad is still running"]  # once, also across restarts:
        assert NoticeLog(tmp_path / "notices.json").seen(Notice.TRAY_STILL_RUNNING)
        f.allow_close()
        window.show()
        assert window.close()
    finally:
        tray.close()


def test_close_quits_when_disabled_or_no_tray(qtbot):
    tray = TrayIcon(_base_icon())
    try:
        for enabled, available in ((False, True), (True, False)):
            window = QMainWindow()
            qtbot.addWidget(window)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            CloseToTray(window, tray, enabled=enabled, tray_available=partial(bool, available))
            window.show()
            assert window.close()
    finally:
        tray.close()


def test_tray_texts_go_through_translation(qapp):
    with pseudo_translated():
        tray = TrayIcon(_base_icon())
        try:
            texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
            assert all(t.startswith("«") for t in texts), texts
            assert "«not connected»" in tray.tooltip()
        finally:
            tray.close()
