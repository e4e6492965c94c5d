"""A desk started in Russian speaks Russian everywhere the agent looks.

Two mechanisms meet here: Qt's catalogue (widgets, menus) and the Python RU/EN texts of the
viewmodels (leg states, phases, talk-option kinds, results) and of the API errors (messages.py).
app.py passes the one chosen language to both; this test builds the desk the same way, against
the simulator over HTTP, and checks each kind of text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from callpad.api.client import CallApiClient
from callpad.sim.server import SimServer
from callpad.ui.desk import Desk
from callpad.ui.theme import LIGHT
from callpad.ui.translations import compile_catalogue, install_translators
from callpad.viewmodels.call_rows import CallColumn
from callpad.viewmodels.calls_model import CallRole
from callpad.viewmodels.talk_options import TalkOptionRole
from tests.gui.test_ui_desk import OFFSCREEN_NOISE, call_index, demo_settings, dial_and_connect
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def russian(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    folder = compile_catalogue("ru", tmp_path)
    assert folder is not None, "pyside6-lrelease (part of PySide6) could not compile the .ts"
    translators = install_translators(qapp, "ru", (folder,))
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def _visible_texts(desk: Desk) -> set[str]:
    window = desk.window
    labels: list[QLabel | QAbstractButton] = [*window.findChildren(QLabel)]
    labels += window.findChildren(QAbstractButton)
    texts = {w.text() for w in labels if w.isVisibleTo(window) and w.text()}
    tabs = {window.scope.tabText(i) for i in range(window.scope.count())}
    return texts | tabs | {a.text() for a in window.menuBar().actions()}


async def test_a_russian_desk_shows_widgets_states_results_and_api_errors_in_russian(
    russian: None, sim_server: SimServer
) -> None:
    client = CallApiClient(sim_server.url, clock=sim_server.clock)
    desk = Desk(client, client.aclose, demo_settings(), None, "ru", LIGHT, clock=sim_server.clock)
    desk.window.show()
    m = desk.models
    try:
        texts = _visible_texts(desk)
        assert {"АКТИВНЫЕ ЗВОНКИ", "ПОЗВОНИТЬ", "Мои звонки", "Завершить"} <= texts
        assert {"&Набор", "&Звонок", "&Вид", "&Справка"} <= texts
        assert not {"ACTIVE CALLS", "Hang up", "My calls"} & texts

        assert m.session.login_with_password("demo", "demo")
        await until(lambda: m.session.logged_in or m.session.error)
        assert m.session.logged_in, m.session.error
        sid = await dial_and_connect(desk, sim_server)

        # Column headers, the call's phase and each leg's state come from wording.py in Russian.
        headers = m.calls.headerData(CallColumn.STATE, Qt.Orientation.Horizontal)
        assert headers == "Состояние"
        call = call_index(desk, sid).siblingAtColumn(CallColumn.STATE)
        assert call.data() == "Разговор"
        proxy = desk.window.calls.model()
        parent = call_index(desk, sid)
        legs = [proxy.index(row, 0, parent) for row in range(proxy.rowCount(parent))]
        states = {leg.data(CallRole.LEG_STATE_TEXT) for leg in legs}
        assert states == {"Разговор"}  # the API's own Russian literal

        # A command's result, and the talk-option kinds.
        assert m.actions.hold()
        await until(lambda: not m.actions.busy)
        assert m.actions.result == "Готово: Удержание"
        await until(lambda: m.talk.count > 0)
        kinds = {
            m.talk.model.index(row, 0).data(TalkOptionRole.KIND_TEXT) for row in range(m.talk.count)
        }
        assert "Проставить тег" in kinds
        assert "Set tag" not in kinds

        # An API error the server sends comes out in Russian (messages.py), with its next step.
        sim_server.controller.add_fault(
            {"mode": "rpc_error", "method": "start.employee_call",
             "mnemonic": "component_disabled", "count": 1}
        )  # fmt: skip
        failures: list[str] = []
        m.dialer.dial_failed.connect(failures.append)
        m.dialer.set_text("79031234567")
        m.dialer.dial()
        await until(lambda: failures)
        assert failures[0].startswith("Функция недоступна: компонент")
        assert "Обратитесь к администратору" in failures[0]
    finally:
        await desk.shutdown()


async def test_the_russian_desk_fits_a_1024_px_screen_with_labels_elided(
    russian: None, sim_server: SimServer
) -> None:
    client = CallApiClient(sim_server.url, clock=sim_server.clock)
    desk = Desk(client, client.aclose, demo_settings(), None, "ru", LIGHT, clock=sim_server.clock)
    window = desk.window
    window.show()
    try:
        assert window.minimumSizeHint().width() <= 1024
        window.resize(1024, 640)
        await until(lambda: window.width() == 1024)
        buttons = window.action_bar.buttons.values()
        assert any(b.text() != b.full_text() for b in buttons)  # some label had to give way
        for button in buttons:
            assert button.full_text().startswith(button.text().rstrip("…"))
            assert button.width() >= button.minimumSizeHint().width()
        window.resize(1600, 760)
        await until(lambda: window.width() == 1600)
        assert all(b.text() == b.full_text() for b in buttons)  # room again: whole labels
    finally:
        await desk.shutdown()
