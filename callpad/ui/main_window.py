"""The main window: dialer on the left; calls, their actions and talk options on the right.

The window holds no state beyond what it shows: it binds widgets to the viewmodels it is given,
and every command goes through a QAction of the action table (so menus, buttons, tooltips and
keys agree). Tab order: dialer, call list, call actions, talk options.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from callpad.ui.action_table import ActionTable
from callpad.ui.call_actions_bar import CallActionsBar
from callpad.ui.calls_view import CallsView
from callpad.ui.cheat_sheet import CheatSheet
from callpad.ui.dialer_panel import DialerPanel
from callpad.ui.dtmf_keypad import DtmfKeypad
from callpad.ui.icons import app_icon
from callpad.ui.menus import build_menus
from callpad.ui.numbers import display_number
from callpad.ui.status_bar import StatusBar, bind_status
from callpad.ui.talk_options_panel import TalkOptionsPanel
from callpad.ui.theme import Colors
from callpad.ui.window_commands import bind_commands
from callpad.viewmodels.call_actions import CallActionsViewModel
from callpad.viewmodels.call_monitor import CallMonitor
from callpad.viewmodels.calls_model import CallsFilterProxy, CallsModel
from callpad.viewmodels.dialer import DialerViewModel
from callpad.viewmodels.session import SessionViewModel
from callpad.viewmodels.status import StatusViewModel
from callpad.viewmodels.talk_options import TalkOptionsViewModel


@dataclass(frozen=True, slots=True)
class WindowModels:
    """The viewmodels a main window binds to (callpad.app builds them; tests do the same)."""

    session: SessionViewModel
    status: StatusViewModel
    dialer: DialerViewModel
    actions: CallActionsViewModel
    talk: TalkOptionsViewModel
    calls: CallsModel
    proxy: CallsFilterProxy
    monitor: CallMonitor


class MainWindow(QMainWindow):
    """The agent's desk.

    Signals:
        settings_requested(): the agent asked for the settings dialog (desktop issue owns it).
        incoming_call(int): a new incoming call rings for me (for notifications / screen pop).
        settings_saved(Settings): forwarded from the settings dialog, so the desk applies the
            new shortcuts, poll intervals and hold message at once.
    """

    settings_requested = Signal()
    incoming_call = Signal(int)
    settings_saved = Signal(object)  # Settings: a settings dialog over this window saved them

    def __init__(
        self,
        models: WindowModels,
        colors: Colors,
        *,
        demo: bool = False,
        shortcut_overrides: dict[str, tuple[str, ...]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.models = models
        self.colors = colors
        self.demo = demo
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("callpad — DEMO") if demo else "callpad")
        self.resize(1180, 720)
        self.table = ActionTable(self, shortcut_overrides)
        self._cheat_sheet: CheatSheet | None = None  # the pop-ups are built on first use
        self._keypad: DtmfKeypad | None = None

        self.dialer = DialerPanel(models.dialer, self)
        self.calls = CallsView(colors, self)
        self.calls.setModel(models.proxy)
        self.action_bar = CallActionsBar(models.actions, self.table, self)
        self.talk_panel = TalkOptionsPanel(models.talk, self.table, self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        bind_status(self.status, models.status)

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Notice"))
        self.banner.hide()
        self.scope = QTabBar(self)
        self.scope.setObjectName("callScope")
        self.scope.addTab(self.tr("My calls"))
        self.scope.addTab(self.tr("All calls"))
        self.scope.setAccessibleName(self.tr("Which calls to show"))
        self.scope.setCurrentIndex(0 if models.proxy.mine_only else 1)
        self.scope.currentChanged.connect(lambda i: models.proxy.set_mine_only(i == 0))
        models.proxy.mine_only_changed.connect(
            lambda mine: self.scope.setCurrentIndex(0 if mine else 1)
        )
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        self.demo_badge = QLabel(self.tr("DEMO"), self)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setToolTip(self.tr("Demo mode: a built-in simulator, no real calls"))
        self.demo_badge.setVisible(demo)
        self._build_layout()
        build_menus(self, self.table)
        bind_commands(self)
        models.calls.count_changed.connect(lambda _n: self._sync_count())
        models.calls.incoming_call.connect(self._on_incoming)
        models.status.deprecation_changed.connect(lambda _t: self._sync_banner())
        models.session.session_lost.connect(lambda _t: self._sync_banner())
        self._sync_count()
        self._sync_banner()
        self.dialer.number.setFocus()

    def _build_layout(self) -> None:
        title = QLabel(self.tr("ACTIVE CALLS"), self)
        title.setObjectName("panelTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.count)
        header.addStretch(1)
        header.addWidget(self.scope)
        header.addWidget(self.demo_badge)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(header)
        calls_box = QWidget(self)
        calls_column = QVBoxLayout(calls_box)
        calls_column.setContentsMargins(0, 0, 0, 0)
        calls_column.setSpacing(8)
        calls_column.addWidget(self.calls, 1)
        calls_column.addWidget(self.action_bar)
        self.talk_split = QSplitter(Qt.Orientation.Vertical, self)
        self.talk_split.addWidget(calls_box)
        self.talk_split.addWidget(self.talk_panel)
        self.talk_split.setStretchFactor(0, 1)
        self.talk_split.setStretchFactor(1, 0)
        self.talk_split.setCollapsible(0, False)
        column.addWidget(self.talk_split, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.dialer)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 850])
        splitter.setChildrenCollapsible(False)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(8)
        outer.addWidget(self.banner)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.dialer.number, self.dialer.dial_button)
        QWidget.setTabOrder(self.dialer.dial_button, self.dialer.advanced_button)
        QWidget.setTabOrder(self.dialer.advanced_button, self.dialer.recent)
        QWidget.setTabOrder(self.dialer.recent, self.scope)
        QWidget.setTabOrder(self.scope, self.calls)
        previous: QWidget = self.calls
        for button in self.action_bar.buttons.values():
            QWidget.setTabOrder(previous, button)
            previous = button

    # -- pop-ups, built on first use (start-up time: most sessions never open them) -----------

    @property
    def cheat_sheet(self) -> CheatSheet:
        if self._cheat_sheet is None:
            self._cheat_sheet = CheatSheet(self.table, self)
        return self._cheat_sheet

    @property
    def keypad(self) -> DtmfKeypad:
        if self._keypad is None:
            self._keypad = DtmfKeypad(self)
            self._keypad.symbol_pressed.connect(self.models.actions.send_dtmf)
            self._keypad.setEnabled(self.models.actions.can_send_dtmf)
        return self._keypad

    def sync_keypad(self, enabled: bool) -> None:
        """Enable or disable the DTMF keypad if it exists (it reads the state when built)."""
        if self._keypad is not None:
            self._keypad.setEnabled(enabled)

    def close_popups(self) -> None:
        """Close the cheat sheet and the keypad where they were built."""
        for popup in (self._cheat_sheet, self._keypad):
            if popup is not None:
                popup.close()

    # -- reactions ------------------------------------------------------------------------------

    def _sync_count(self) -> None:
        n = self.models.calls.rowCount()
        self.count.setText(f"· {n}" if n else "")

    def _sync_banner(self) -> None:
        text = self.models.status.deprecation or self.models.session.error
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _on_incoming(self, session_id: int) -> None:
        """Select the new incoming call (unless the agent is busy with another) and say so."""
        source = self.models.calls.index_of_call(session_id)
        index = self.models.proxy.mapFromSource(source)
        if index.isValid() and self.models.actions.selected_session_id < 0:
            self.calls.setCurrentIndex(index)
        contact = display_number(str(source.siblingAtColumn(1).data() or ""))
        self.status.show_message(self.tr("Incoming call from %1").replace("%1", contact), "info")
        self.incoming_call.emit(session_id)

    def retheme(self, colors: Colors) -> None:
        """Follow a palette switch: icons and painted colours."""
        self.colors = colors
        self.table.retint()
        self.calls.delegate.set_colors(colors)
        self.action_bar.retint()
        self.dialer.retint()
        self.calls.viewport().update()

    def apply_shortcuts(self, overrides: dict[str, tuple[str, ...]]) -> None:
        """Remapped keys take effect now: shortcuts, menus, tooltips and the cheat sheet."""
        if self.table.set_overrides(overrides) and self._cheat_sheet is not None:
            self._cheat_sheet.rebuild()

    def copy_selected_number(self) -> None:
        number = self.calls.selected_contact()
        if number:
            QGuiApplication.clipboard().setText(number)
            self.status.show_message(self.tr("Copied %1").replace("%1", number), "ok")

    # -- Qt events ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange:
            self.models.monitor.set_window_focused(self.isActiveWindow())
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.status.message.text():
            self.models.status.dismiss_message()
            self.status.clear_message()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._cheat_sheet is not None:
            self._cheat_sheet.close()
        super().closeEvent(event)
