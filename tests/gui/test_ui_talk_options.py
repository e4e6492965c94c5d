"""Every talk option of the demo account fires call.talk_option with its button."""

from __future__ import annotations

import pytest

from callpad.sim.scenario import demo_scenario
from tests.gui.test_ui_desk import OFFSCREEN_NOISE, dial_and_connect, open_desk, requests, settle
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE

BUTTONS = [option.button for option in demo_scenario().talk_options]


def test_the_demo_account_has_talk_options_of_several_kinds():
    kinds = {option.mnemonic for option in demo_scenario().talk_options}
    assert len(kinds) >= 5


@pytest.mark.parametrize("button", BUTTONS)
async def test_talk_option_button_fires_its_option(sim_server, button):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        panel = desk.window.talk_panel
        await until(lambda: len(panel.buttons) == len(BUTTONS) and panel.buttons[0].isEnabled())
        row = next(i for i, b in enumerate(panel.buttons) if b.full_text().startswith(f"{button} "))
        assert desk.window.table[f"talk_option_{row + 1}"].isEnabled()
        desk.window.table[f"talk_option_{row + 1}"].trigger()  # Alt+N
        await settle(desk, sim_server)
        fired = requests(sim_server, "call.talk_option")
        assert [r["params"]["button"] for r in fired] == [button]
