"""Every exception class of callpad.api, each produced by a real simulator reply.

Each case names the scenario, the call, the class and mnemonic it must raise, and words its English
user message must contain (values taken from `data.params` where the template has placeholders).
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from callpad.api import errors as e
from callpad.api.client import CallApiClient
from callpad.api.models import (
    CallSessionId,
    EmployeeId,
    EmployeeRef,
    FirstCall,
    LegId,
    MediaFileId,
    Message,
    PasswordCredentials,
    RecordAction,
    ScenarioId,
    SimpleFirstCall,
    TagId,
)
from callpad.api.phone import PhoneNumber
from callpad.sim.scenario import scenario_by_name
from callpad.sim.server import SimServer
from tests.instant_clock import InstantClock
from tests.integration.conftest import SimFactory

VNUMBER = PhoneNumber.parse("74951112233")
CUSTOMER = PhoneNumber.parse("79161234567")


async def _talking(api: CallApiClient, sim: SimServer, employee: int = 3141) -> CallSessionId:
    started = await api.start_employee_call(
        first_call=FirstCall.EMPLOYEE,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        employee=EmployeeRef(EmployeeId(employee)),
    )
    sim.clock.advance(10)
    return started.call_session_id


def _simple(contact: PhoneNumber = CUSTOMER, **kwargs: Any) -> Callable[..., Awaitable[Any]]:
    async def run(api: CallApiClient, sim: SimServer) -> Any:
        return await api.start_simple_call(
            first_call=kwargs.pop("first_call", SimpleFirstCall.OPERATOR),
            virtual_phone_number=kwargs.pop("virtual_phone_number", VNUMBER),
            contact=contact,
            operator=PhoneNumber.parse("79035550101"),
            **kwargs,
        )

    return run


def _in_talk(
    action: Callable[[CallApiClient, CallSessionId], Awaitable[Any]], employee: int = 3141
) -> Callable[[CallApiClient, SimServer], Awaitable[Any]]:
    async def run(api: CallApiClient, sim: SimServer) -> Any:
        return await action(api, await _talking(api, sim, employee))

    return run


async def _twice(api: CallApiClient, sid: CallSessionId) -> None:
    await api.tag_call(call_session_id=sid, tag_id=TagId(771))
    await api.tag_call(call_session_id=sid, tag_id=TagId(771))


async def _block_twice(api: CallApiClient, sid: CallSessionId) -> None:
    await api.block_contact(call_session_id=sid)
    await api.block_contact(call_session_id=sid)


async def _limit(api: CallApiClient, sim: SimServer) -> None:
    for _ in range(10):
        await _simple()(api, sim)


def _fault(
    mnemonic: str, method: str, call: Callable[..., Awaitable[Any]]
) -> Callable[[CallApiClient, SimServer], Awaitable[Any]]:
    async def run(api: CallApiClient, sim: SimServer) -> Any:
        await api.list_talk_options()
        sim.controller.add_fault({"mode": "rpc_error", "mnemonic": mnemonic, "method": method})
        return await call(api, sim)

    return run


@dataclass(frozen=True)
class Case:
    scenario: str
    run: Callable[[CallApiClient, SimServer], Awaitable[Any]]
    cls: type[e.CallApiError]
    mnemonic: str | None
    words: tuple[str, ...]
    login: str = "demo"


async def _list(api: CallApiClient, sim: SimServer) -> Any:
    return await api.list_calls()


CASES: dict[str, Case] = {
    "auth_error": Case("demo", _list, e.AuthError, "auth_error", ("password is wrong",), "nobody"),
    "ip_not_whitelisted": Case(
        "locked_down", _list, e.AccessDeniedError, "ip_not_whitelisted", ("127.0.0.1", "whitelist")
    ),
    "forbidden": Case("demo", _list, e.AccessDeniedError, "forbidden", ("right",), "noapi"),
    "component_disabled": Case(
        "basic_only",
        _list,
        e.ComponentDisabledError,
        "component_disabled",
        ("Управление вызовами",),
    ),
    "account_inactive": Case(
        "inactive", _list, e.AccountInactiveError, "account_inactive", ("support",)
    ),
    "tts_text_exceeded": Case(
        "tight_limits",
        _simple(contact_message=Message.tts("я" * 60)),
        e.InvalidParamsError,
        "tts_text_exceeded",
        ("60 characters", "maximum is 50"),
    ),
    "invalid_parameters_combination": Case(
        "demo",
        _simple(first_call=SimpleFirstCall.CONTACT, early_switching=True, switch_at_once=True),
        e.InvalidParamsError,
        "invalid_parameters_combination",
        ("cannot be combined",),
    ),
    "invalid_parameter_value": Case(
        "demo",
        _in_talk(lambda api, sid: api.send_dtmf(call_session_id=sid, dtmf_string="12")),
        e.InvalidParamsError,
        "invalid_parameter_value",
        ("dtmf_string", "12"),
    ),
    "own_virtual_phone_number_not_allowed": Case(
        "demo",
        _simple(contact=VNUMBER),
        e.InvalidParamsError,
        "own_virtual_phone_number_not_allowed",
        ("own virtual number",),
    ),
    "employee_not_found": Case(
        "demo",
        lambda api, sim: api.start_employee_call(
            first_call=FirstCall.EMPLOYEE,
            virtual_phone_number=VNUMBER,
            contact=CUSTOMER,
            employee=EmployeeRef(EmployeeId(9999)),
        ),
        e.NotFoundError,
        "employee_not_found",
        ("Employee 9999",),
    ),
    "no_active_phone_number": Case(
        "demo",
        lambda api, sim: api.start_employee_call(
            first_call=FirstCall.EMPLOYEE,
            virtual_phone_number=VNUMBER,
            contact=CUSTOMER,
            employee=EmployeeRef(EmployeeId(3141), PhoneNumber.parse("0215")),
        ),
        e.NotFoundError,
        "no_active_phone_number",
        ("no active phone number",),
    ),
    "media_file_not_found": Case(
        "demo",
        _simple(media_file_id=MediaFileId(9999)),
        e.NotFoundError,
        "media_file_not_found",
        ("9999",),
    ),
    "scenario_not_found": Case(
        "demo",
        lambda api, sim: api.start_scenario_call(
            first_call=FirstCall.CONTACT,
            virtual_phone_number=VNUMBER,
            contact=CUSTOMER,
            scenario_id=ScenarioId(9999),
        ),
        e.NotFoundError,
        "scenario_not_found",
        ("Scenario 9999",),
    ),
    "scenario_not_found_vnumber": Case(
        "demo",
        lambda api, sim: api.start_vnumber_call(
            first_call=FirstCall.EMPLOYEE,
            virtual_phone_number=PhoneNumber.parse("74957770000"),
            contact=CUSTOMER,
        ),
        e.NotFoundError,
        "scenario_not_found",
        ("No scenario is attached",),
    ),
    "virtual_phone_number_not_found": Case(
        "demo",
        _simple(virtual_phone_number=PhoneNumber.parse("74990000000")),
        e.NotFoundError,
        "virtual_phone_number_not_found",
        ("74990000000",),
    ),
    "tag_not_found": Case(
        "demo",
        _in_talk(lambda api, sid: api.tag_call(call_session_id=sid, tag_id=TagId(9999))),
        e.NotFoundError,
        "tag_not_found",
        ("Tag 9999",),
    ),
    "leg_not_found": Case(
        "demo",
        _in_talk(lambda api, sid: api.disconnect_leg(call_session_id=sid, leg_id=LegId(1))),
        e.NotFoundError,
        "leg_not_found",
        ("participant",),
    ),
    "coach_not_found": Case(
        "demo",
        _in_talk(lambda api, sid: api.add_coach(call_session_id=sid), employee=3146),
        e.NotFoundError,
        "coach_not_found",
        ("coach",),
    ),
    "talk_option_not_found": Case(
        "demo",
        _in_talk(lambda api, sid: api.call_talk_option(call_session_id=sid, button="#")),
        e.NotFoundError,
        "talk_option_not_found",
        ("talk option",),
    ),
    "call_session_not_found": Case(
        "demo",
        lambda api, sim: api.unhold_call(call_session_id=CallSessionId(42)),
        e.CallSessionNotFoundError,
        "call_session_not_found",
        ("already ended",),
    ),
    "contact_in_blacklist": Case(
        "demo",
        _simple(contact=PhoneNumber.parse("79990000666")),
        e.CallRefusedError,
        "contact_in_blacklist",
        ("79990000666", "blacklisted"),
    ),
    "call_direction_forbidden": Case(
        "demo",
        _simple(contact=PhoneNumber.parse("+49 30 1234567")),
        e.CallRefusedError,
        "call_direction_forbidden",
        ("security rules",),
    ),
    "duplicate_tag": Case("demo", _in_talk(_twice), e.ConflictError, "duplicate_tag", ("already",)),
    "duplicate_contact": Case(
        "demo", _in_talk(_block_twice), e.ConflictError, "duplicate_contact", ("79161234567",)
    ),
    "record_already_stopped": Case(
        "demo",
        _in_talk(lambda api, sid: api.record_call(call_session_id=sid, action=RecordAction.OFF)),
        e.ConflictError,
        "record_already_stopped",
        ("already off",),
    ),
    "invalid_state": Case(
        "demo",
        _in_talk(lambda api, sid: api.restore_talk(call_session_id=sid)),
        e.SequenceError,
        "invalid_state",
        ("current state",),
    ),
    "limit_exceeded": Case(
        "tight_limits", _limit, e.RateLimitError, "limit_exceeded", ("5 points per minute", "Wait")
    ),
    "internal_error": Case(
        "demo",
        _fault("internal_error", "start.simple_call", _simple()),
        e.ServerError,
        "internal_error",
        ("Check the call list",),
    ),
    "method_not_found": Case(
        "demo",
        _fault("method_not_found", "list.calls", _list),
        e.RequestRejectedError,
        "method_not_found",
        ("list.calls",),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
async def test_each_error_from_a_real_reply(make_sim: SimFactory, name: str) -> None:
    case = CASES[name]
    sim = await make_sim(scenario_by_name(case.scenario))
    credentials = PasswordCredentials(case.login, case.login)
    async with CallApiClient(sim.url, credentials=credentials, clock=InstantClock()) as api:
        with pytest.raises(case.cls) as info:
            await case.run(api, sim)
    error = info.value
    assert type(error) is case.cls
    if case.mnemonic is not None:
        assert isinstance(error, e.RpcError)
        assert error.mnemonic == case.mnemonic
        assert error.code in {r["code"] for r in _documented(case.mnemonic)}
    english, russian = error.user_message("en"), error.user_message("ru")
    for words in case.words:
        assert words in english or words in russian, english
    assert russian != english
    assert "?" not in english


def _documented(mnemonic: str) -> list[dict[str, Any]]:
    from callpad.sim.spec import spec

    table = spec()
    rows = [*table["common_errors"], *table["undocumented_errors_simulator_placeholders"]]
    rows += [r for m in table["methods"].values() for r in m["errors"]]
    return [r for r in rows if r["mnemonic"] == mnemonic]


def test_every_rpc_error_class_is_produced_here() -> None:
    rpc_classes = {c for c in vars(e).values() if isinstance(c, type) and issubclass(c, e.RpcError)}
    rpc_classes.discard(e.RpcError)
    assert {case.cls for case in CASES.values()} == rpc_classes


async def test_errors_carry_field_value_params_and_metadata(sim: SimServer) -> None:
    async with CallApiClient(sim.url, credentials=PasswordCredentials("demo", "demo")) as api:
        with pytest.raises(e.InvalidParamsError) as info:
            await api.start_simple_call(
                first_call=SimpleFirstCall.OPERATOR,
                virtual_phone_number=VNUMBER,
                contact=CUSTOMER,
                operator=PhoneNumber.parse("79035550101"),
                dtmf_string="12a",
            )
    assert info.value.field == "dtmf_string"
    assert info.value.value == "12a"
    assert info.value.metadata is not None
    assert info.value.metadata.limits is not None
    assert info.value.details()["field"] == "dtmf_string"


async def test_a_limit_hit_on_a_read_waits_for_the_reset_then_succeeds(
    make_sim: SimFactory,
) -> None:
    sim = await make_sim(scenario_by_name("tight_limits"))
    async with CallApiClient(
        sim.url, credentials=PasswordCredentials("demo", "demo"), clock=sim.clock
    ) as api:
        for _ in range(4):  # login.user + 4 reads = the minute budget of 5
            await api.list_talk_options()
        refused = asyncio.Event()
        api.add_metadata_listener(
            lambda meta: refused.set() if meta.method == "list.calls" else None
        )
        read = asyncio.ensure_future(api.list_calls())
        await asyncio.wait_for(refused.wait(), 5)  # the limit_exceeded reply's metadata
        await asyncio.sleep(0.05)
        assert not read.done()  # asleep on the simulator's clock until the reported reset
        sim.clock.advance(61)
        assert await asyncio.wait_for(read, 5) == ()
    methods = [(r["method"], r["outcome"]) for r in sim.controller.requests()]
    assert methods[-3:] == [("list.calls", "error"), ("list.calls", "ok"), ("logout.user", "ok")]


async def test_a_limit_hit_on_a_start_is_raised_at_once(make_sim: SimFactory) -> None:
    sim = await make_sim(scenario_by_name("tight_limits"))
    async with CallApiClient(
        sim.url, credentials=PasswordCredentials("demo", "demo"), clock=sim.clock
    ) as api:
        for _ in range(4):
            await api.list_talk_options()
        with pytest.raises(e.RateLimitError) as info:
            await _simple()(api, sim)
    assert info.value.limit_type == "minute"
    assert info.value.retry_after is not None
    assert 0 < info.value.retry_after <= 60


async def test_transport_errors_from_the_simulator(sim: SimServer) -> None:
    async with CallApiClient(
        sim.base_url + "/v9.9",
        credentials=PasswordCredentials("demo", "demo"),
        clock=InstantClock(),
    ) as api:
        with pytest.raises(e.HttpStatusError) as status:
            await api.list_calls()
    assert status.value.status == 404
    assert len(sim.controller.requests()) == 0  # 404 happens before the API log

    fast = httpx.Timeout(2.0, read=0.2)
    async with CallApiClient(
        sim.url, credentials=PasswordCredentials("demo", "demo"), clock=InstantClock(), timeout=fast
    ) as api:
        await api.list_calls()
        for mode, cls in [
            ("reset_before_reply", e.ConnectionLostError),
            ("drop_reply", e.ConnectionLostError),
            ("not_json", e.ProtocolError),
            ("wrong_id", e.ProtocolError),
            ("delay", e.RequestTimeoutError),
        ]:
            fault: dict[str, Any] = {"mode": mode, "method": "list.talk_options", "count": 4}
            if mode == "delay":
                fault["delay_ms"] = 400
            sim.controller.add_fault(fault)
            with pytest.raises(cls):
                await api.list_talk_options()
            sim.controller.clear_faults()
        await asyncio.sleep(0.5)  # let the delayed requests finish on the simulator
