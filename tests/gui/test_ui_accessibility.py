"""Keyboard reach and accessible names: Tab reaches every control; nothing is unnamed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from tests.gui.test_ui_desk import OFFSCREEN_NOISE, dial_and_connect, open_desk
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE


def tab_chain(start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `start` until it comes back (visible, enabled, tabbable)."""
    seen: list[QWidget] = []
    widget = start.nextInFocusChain()
    while widget is not None and widget is not start and len(seen) < 500:
        policy = widget.focusPolicy()
        if (
            widget.isVisible()
            and widget.isEnabled()
            and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        ):
            seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen


async def test_tab_reaches_dialer_calls_actions_and_talk_options(sim_server):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        window = desk.window
        chain = tab_chain(window.dialer.number)
        assert window.dialer.dial_button in chain or not window.dialer.dial_button.isEnabled()
        assert window.calls in chain
        for name in ("hold", "dtmf", "release", "tag", "record"):
            assert window.action_bar.buttons[name] in chain, name
        assert all(button in chain for button in window.talk_panel.buttons)
        order = [chain.index(w) for w in (window.calls, window.action_bar.buttons["hold"])]
        assert order == sorted(order)  # dialer -> call list -> call actions


async def test_every_control_has_an_accessible_name(sim_server):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        unnamed = [
            f"{type(w).__name__}:{w.objectName()}"
            for w in desk.window.findChildren(QWidget)
            if isinstance(w, (QAbstractButton, QLineEdit, QAbstractItemView))
            and not isinstance(w, QHeaderView)  # part of its view
            and not isinstance(w.parent(), QLineEdit)  # the line edit's own clear button
            and w.isVisible()
            and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        ]
        assert unnamed == []


async def test_action_buttons_describe_their_keys(sim_server):
    async with open_desk(sim_server) as desk:
        hold = desk.window.action_bar.buttons["hold"]
        assert "Ctrl+Shift+H" in hold.accessibleDescription()
        assert "F4" in hold.toolTip()


async def test_f6_cycles_the_panes(sim_server):
    """F6 / Shift+F6 as screen-reader users expect; Ctrl+F6 does the same."""
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        window = desk.window
        window.activateWindow()
        await until(lambda: QApplication.activeWindow() is window)
        window.dialer.focus_number()

        def key(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
            focused = QApplication.focusWidget()
            assert focused is not None
            QTest.keyClick(focused, k, mods)

        key(Qt.Key.Key_F6)
        assert window.calls.hasFocus()
        key(Qt.Key.Key_F6)
        focused = QApplication.focusWidget()
        assert focused is not None
        assert window.action_bar.isAncestorOf(focused)
        key(Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        assert window.calls.hasFocus()
        key(Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        assert window.dialer.number.hasFocus()
        key(Qt.Key.Key_F6, Qt.KeyboardModifier.ControlModifier)
        assert window.calls.hasFocus()


async def test_screen_readers_get_one_sentence_per_call_and_leg_row(sim_server):
    """The focused cell of the call list is column 0; its accessible name is the whole row."""
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        view = desk.window.calls
        call = desk.models.proxy.mapFromSource(desk.models.calls.index_of_call(sid))
        tree = QAccessible.queryAccessibleInterface(view)
        assert tree is not None
        names = [tree.child(i).text(QAccessible.Text.Name) for i in range(tree.childCount())]
        assert call.row() == 0
        sentence = "Outgoing call, +7 916 123-45-67, line +7 495 111-22-33, Talking, duration"
        row = next(i for i, name in enumerate(names) if name.startswith(sentence))
        assert "Agent · Иванов Пётр, number 0107, Conversation, operator." in names[row:]
        assert names.count("+7 916 123-45-67") == 2  # number cells read as written (call, leg)
