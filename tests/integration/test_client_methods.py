"""All 22 methods of CallApiClient against the simulator over real HTTP (demo scenario).

Each test drives the production path (client -> HTTP -> simulator on a manual clock) and checks
both what the client returned and the simulator's own state.
"""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from callpad.api.client import CallApiClient
from callpad.api.models import (
    CallSessionId,
    Direction,
    EmployeeId,
    EmployeeRef,
    FirstCall,
    LegState,
    MediaFileId,
    Message,
    PasswordCredentials,
    RecordAction,
    ScenarioId,
    SimpleFirstCall,
    TagId,
    TalkOptionMnemonic,
)
from callpad.api.phone import PhoneNumber
from callpad.api.service import CallService
from callpad.sim.server import SimServer

VNUMBER = PhoneNumber.parse("74951112233")
CUSTOMER = PhoneNumber.parse("+7 (916) 123-45-67")
EMPLOYEE = EmployeeRef(EmployeeId(3141))


@pytest.fixture
async def api(sim: SimServer) -> AsyncIterator[CallApiClient]:
    async with CallApiClient(sim.url, credentials=PasswordCredentials("demo", "demo")) as client:
        yield client


def _sessions(sim: SimServer) -> list[dict[str, Any]]:
    sessions: list[dict[str, Any]] = sim.controller.state()["sessions"]
    return sessions


def _session(sim: SimServer, call_session_id: int) -> dict[str, Any]:
    (session,) = [s for s in _sessions(sim) if s["call_session_id"] == call_session_id]
    return session


def _sent(sim: SimServer, method: str) -> list[dict[str, Any]]:
    return [r for r in sim.controller.requests() if r["method"] == method]


async def _talking(api: CallApiClient, sim: SimServer) -> CallSessionId:
    """An employee call in TALK: the employee (B) and the customer (A) both answered."""
    started = await api.start_employee_call(
        first_call=FirstCall.EMPLOYEE,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        employee=EMPLOYEE,
    )
    sim.clock.advance(10)
    assert _session(sim, started.call_session_id)["state"] == "TALK"
    return started.call_session_id


def test_the_client_is_a_call_service():
    service: type[CallService] = CallApiClient
    assert service is CallApiClient


async def test_login_and_logout(sim: SimServer) -> None:
    async with CallApiClient(sim.url, clock=sim.clock) as api:  # one clock: expiry compares
        before = api.is_authenticated
        result = await api.login_user(login="demo", password="demo")
        assert (before, api.is_authenticated) == (False, True)
        assert api.token_expires_at == result.expire_at
        assert (result.expire_at - sim.clock.wall()).total_seconds() == pytest.approx(3600, abs=2)
        assert sim.controller.state()["tokens"] == 1
        await api.logout_user()
        assert not api.is_authenticated
        assert sim.controller.state()["tokens"] == 0
        (logout,) = _sent(sim, "logout.user")
        assert logout["outcome"] == "ok"


async def test_start_employee_call_and_list_calls(api: CallApiClient, sim: SimServer) -> None:
    started = await api.start_employee_call(
        first_call=FirstCall.EMPLOYEE,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        employee=EmployeeRef(EmployeeId(3141), PhoneNumber.parse("0107")),
        external_id="crm-9001",
        contact_message=Message.media(MediaFileId(2561)),
        employee_message=Message.tts("Клиент из CRM"),
        show_virtual_phone_number=True,
    )
    (request,) = _sent(sim, "start.employee_call")
    params = request["params"]
    assert params["contact"] == "79161234567"
    assert params["employee"] == {"id": 3141, "phone_number": "0107"}
    assert params["direction"] == "out"
    assert params["contact_message"] == {"type": "media", "value": "2561"}
    assert "switch_at_once" not in params  # None is not sent
    sim.clock.advance(3.5)
    (call,) = await api.list_calls()
    assert call.call_session_id == started.call_session_id
    assert call.external_id == "crm-9001"
    assert call.direction is Direction.OUT
    assert call.contact_phone_number == "79161234567"
    assert call.start_time.tzinfo is not None
    employee_leg = call.legs[0]
    assert employee_leg.is_operator
    assert employee_leg.employee_id == 3141
    assert employee_leg.state is LegState.TALK
    sim.clock.advance(5)
    (call,) = await api.list_calls()
    assert [leg.state for leg in call.legs] == [LegState.TALK, LegState.TALK]


async def test_list_calls_filters(api: CallApiClient, sim: SimServer) -> None:
    await _talking(api, sim)
    assert len(await api.list_calls(direction=Direction.OUT)) == 1
    assert await api.list_calls(direction=Direction.IN) == ()
    assert await api.list_calls(virtual_phone_number=PhoneNumber.parse("74957770000")) == ()
    (request,) = [r for r in _sent(sim, "list.calls") if "virtual_phone_number" in r["params"]]
    assert request["params"]["virtual_phone_number"] == "74957770000"


async def test_start_scenario_call(api: CallApiClient, sim: SimServer) -> None:
    started = await api.start_scenario_call(
        first_call=FirstCall.CONTACT,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        scenario_id=ScenarioId(88012),
        contact_message=Message.tts("Здравствуйте"),
    )
    assert _session(sim, started.call_session_id)["kind"] == "start.scenario_call"


async def test_start_vnumber_call(api: CallApiClient, sim: SimServer) -> None:
    started = await api.start_vnumber_call(
        first_call=FirstCall.EMPLOYEE,
        virtual_phone_number=PhoneNumber.parse("74951112234"),
        contact=CUSTOMER,
        dtmf_string=".1#",
    )
    assert _session(sim, started.call_session_id)["kind"] == "start.vnumber_call"


async def test_start_informer_call(api: CallApiClient, sim: SimServer) -> None:
    started = await api.start_informer_call(
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        contact_message=Message.tts("Ваш заказ готов к выдаче"),
        dialing_timeout=40,
    )
    session = _session(sim, started.call_session_id)
    assert session["kind"] == "start.informer_call"
    assert [leg["called_phone_number"] for leg in session["legs"]] == ["79161234567"]


async def test_start_simple_call(api: CallApiClient, sim: SimServer) -> None:
    started = await api.start_simple_call(
        first_call=SimpleFirstCall.OPERATOR,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        operator=PhoneNumber.parse("8 903 555-01-01"),
        operator_confirmation="any",
        operator_message=Message.tts("Нажмите любую клавишу для соединения"),
        show_virtual_phone_number=False,
    )
    session = _session(sim, started.call_session_id)
    assert session["kind"] == "start.simple_call"
    assert session["legs"][0]["called_phone_number"] == "79035550101"


async def test_hold_unhold_make_restore(api: CallApiClient, sim: SimServer) -> None:
    sid = await _talking(api, sim)
    await api.hold_call(call_session_id=sid, contact_message=Message.tts("Подождите"))
    assert _session(sim, sid)["state"] == "WAITING_INPUT"
    await api.unhold_call(call_session_id=sid)
    assert _session(sim, sid)["state"] == "TALK"
    await api.hold_call(call_session_id=sid, contact_message=Message.media(MediaFileId(4410)))
    await api.make_call(call_session_id=sid, to=PhoneNumber.parse("0215"))
    assert _session(sim, sid)["state"] == "DIALING"
    sim.clock.advance(4)
    assert _session(sim, sid)["state"] == "OPERATOR_TALK"
    (call,) = await api.list_calls()
    assert LegState.OPERATORS_TALK in {leg.state for leg in call.legs}
    await api.restore_talk(call_session_id=sid)
    assert _session(sim, sid)["state"] == "TALK"
    assert len(_session(sim, sid)["legs"]) == 2


async def test_transfer_talk(api: CallApiClient, sim: SimServer) -> None:
    sid = await _talking(api, sim)
    await api.hold_call(call_session_id=sid, contact_message=Message.tts("Соединяю"))
    await api.make_call(
        call_session_id=sid, to=PhoneNumber.parse("0215"), to_message=Message.tts("Клиент")
    )
    sim.clock.advance(4)
    await api.transfer_talk(call_session_id=sid)
    session = _session(sim, sid)
    assert session["state"] == "TALK"
    assert {leg["called_phone_number"] for leg in session["legs"]} == {"79161234567", "0215"}


async def test_tag_record_coach_dtmf_block(api: CallApiClient, sim: SimServer) -> None:
    sid = await _talking(api, sim)
    await api.tag_call(call_session_id=sid, tag_id=TagId(772))
    await api.record_call(call_session_id=sid, action=RecordAction.ON)
    await api.send_dtmf(call_session_id=sid, dtmf_string="5")
    await api.add_coach(call_session_id=sid)
    sim.clock.advance(4)
    (call,) = await api.list_calls()
    assert [t.tag_id for t in call.tags] == [772]
    assert all(leg.record_call_enabled for leg in call.legs)
    assert any(leg.employee_id == 3144 for leg in call.legs)  # the employee's coach
    await api.record_call(call_session_id=sid, action=RecordAction.OFF)
    assert not _session(sim, sid)["recording"]
    await api.block_contact(call_session_id=sid)
    assert "79161234567" in sim.controller.state()["blacklist"]
    assert _sent(sim, "send.dtmf")[0]["params"]["dtmf_string"] == "5"


async def test_add_coach_by_number(api: CallApiClient, sim: SimServer) -> None:
    sid = await _talking(api, sim)
    await api.add_coach(call_session_id=sid, phone_number=PhoneNumber.parse("0110"))
    legs = _session(sim, sid)["legs"]
    assert "0110" in {leg["called_phone_number"] for leg in legs}


async def test_talk_options(api: CallApiClient, sim: SimServer) -> None:
    options = await api.list_talk_options()
    by_mnemonic = {o.mnemonic: o for o in options}
    tag = by_mnemonic[TalkOptionMnemonic.TAG_CALL]
    assert tag.button_value is not None
    assert tag.button_value.id == 771
    assert by_mnemonic[TalkOptionMnemonic.RECORD_TALK].button_value is None
    sid = await _talking(api, sim)
    await api.call_talk_option(call_session_id=sid, button=tag.button)
    assert [t["tag_id"] for t in _session(sim, sid)["tags"]] == [771]


async def test_disconnect_leg_and_release_call(api: CallApiClient, sim: SimServer) -> None:
    sid = await _talking(api, sim)
    await api.add_coach(call_session_id=sid)
    sim.clock.advance(4)
    (call,) = await api.list_calls()
    coach = next(leg for leg in call.legs if leg.employee_id == 3144)
    await api.disconnect_leg(call_session_id=sid, leg_id=coach.leg_id)
    (call,) = await api.list_calls()
    assert coach.leg_id not in {leg.leg_id for leg in call.legs}
    await api.release_call(call_session_id=sid)
    assert await api.list_calls() == ()
    assert _sessions(sim) == []


def test_every_method_was_exercised_by_this_module():
    source = Path(__file__).read_text(encoding="utf-8")
    for name in [
        "login_user", "logout_user", "start_employee_call", "start_scenario_call",
        "start_vnumber_call", "start_informer_call", "start_simple_call", "make_call",
        "transfer_talk", "restore_talk", "hold_call", "unhold_call", "tag_call",
        "disconnect_leg", "add_coach", "record_call", "block_contact", "call_talk_option",
        "send_dtmf", "list_talk_options", "list_calls", "release_call",
    ]:  # fmt: skip
        assert f"await api.{name}(" in source, name
        assert callable(getattr(CallApiClient, name))
