"""Status bar and banners against the simulator: points budget, deprecation, incoming calls."""

from __future__ import annotations

from datetime import UTC, datetime

from callpad.api.models import Limits, ReplyMetadata
from callpad.viewmodels.calls_model import CallRole
from tests.gui.test_ui_desk import (
    DEMO_EMPLOYEE,
    DEMO_VN,
    OFFSCREEN_NOISE,
    call_index,
    open_desk,
    poll,
    settle,
)
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE


def limits(minute: int, day: int, *, minute_reset: int = 30) -> ReplyMetadata:
    return ReplyMetadata(
        method="list.calls",
        limits=Limits(
            day_limit=10000, day_remaining=day, day_reset=3600, minute_limit=100,
            minute_remaining=minute, minute_reset=minute_reset, received_at=datetime.now(UTC),
        ),
        api_version=None,
    )  # fmt: skip


async def test_budget_display_ok_low_and_exhausted_with_countdown(sim_server):
    async with open_desk(sim_server) as desk:
        budget = desk.window.status.budget
        await until(lambda: budget.property("level") == "ok")  # real replies from the simulator
        assert "/min" in budget.text()
        desk.models.status.update_metadata(limits(10, 9000))
        assert budget.property("level") == "low"
        assert "running low" in budget.text()
        desk.models.status.update_metadata(limits(0, 9000, minute_reset=42))
        assert budget.property("level") == "exhausted"
        assert "42 s" in budget.text()
        sim_server.clock.advance(2)
        desk.models.status.tick()
        assert "40 s" in budget.text()  # the countdown runs
        assert "this minute" in budget.toolTip()


async def test_deprecated_api_version_raises_the_banner(start_sim):
    sim = await start_sim(deprecated_version="3.0")
    async with open_desk(sim, url=f"{sim.base_url}/v3.0") as desk:
        banner = desk.window.banner
        await until(banner.isVisible)
        assert "deprecated" in banner.text()


async def test_current_api_version_shows_no_banner(sim_server):
    async with open_desk(sim_server) as desk:
        await poll(desk)
        assert not desk.window.banner.isVisible()


async def test_incoming_call_to_me_is_highlighted_and_selected(sim_server):
    async with open_desk(sim_server) as desk:
        announced: list[int] = []
        desk.window.incoming_call.connect(announced.append)
        sid = sim_server.controller.create_incoming_call("79261112233", DEMO_VN, DEMO_EMPLOYEE)
        await settle(desk, sim_server, 0.5)
        await until(lambda: desk.models.calls.call(sid) is not None)
        index = call_index(desk, sid)
        assert index.data(CallRole.INCOMING_FOR_ME) is True
        assert announced == [sid]
        assert desk.window.calls.selected_session_id() == sid
        assert "+7 926 111-22-33" in desk.window.status.message.text()


async def test_connection_and_account_are_shown(sim_server):
    async with open_desk(sim_server) as desk:
        status = desk.window.status
        await until(lambda: status.connection.property("state") == "ok")
        assert "demo" in status.account.text()
