"""The session-method matrix of SPEC section 13.0, over real HTTP, read from methods.json.

For every session method and every state a client can observe, the test drives a fresh demo
session into that state, calls the method, and checks `state_effects`: `invalid_state` where the
matrix says IS (and nothing changed), else success and the settled state (`settles_in`; "(end)":
the session has left list.calls). RECORD_TALK, MARK_CALL and HOLD settle before any reply, so no
client can call a method in them; their columns are checked on the table itself
(tests/unit/test_sim_state.py).
"""

from typing import Any

import pytest

from callpad.sim.spec import spec
from tests.integration.sim_flows import HOLD_MSG, drive, legs, live, state
from tests.integration.sim_harness import call_ok, expect_error

OBSERVABLE = [
    "SESSION",
    "TALK",
    "WAITING_INPUT",
    "DIALING",
    "TRANSFER_PENDING",
    "OPERATOR_TALK",
    "CALL_COACH",
]
PARAMS: dict[str, dict[str, Any]] = {
    "make.call": {"to": "0215"},
    "transfer.talk": {},
    "restore.talk": {},
    "hold.call": {"contact_message": HOLD_MSG},
    "unhold.call": {},
    "tag.call": {"tag_id": 772},
    "add.coach": {"phone_number": "79035550199"},
    "record.call": {"action": "on"},
    "block.contact": {},
    "send.dtmf": {"dtmf_string": "9"},  # not a talk option's button: only sent
    "release.call": {},
}
BUTTONS = {  # the demo account's talk options
    "finish_conversation": "1",
    "transfer_call": "2",
    "tag_call": "3",
    "run_scenario": "4",
    "record_talk": "5",
    "call_coach": "6",
    "receive_fax": "7",
    "save_numa": "8",
}


def effects(method: str) -> dict[str, Any]:
    table: dict[str, Any] = spec()["methods"][method]["state_effects"]
    return table


def cases() -> list[Any]:
    out = []
    for method in sorted(PARAMS):
        for st in OBSERVABLE:
            out.append(pytest.param(method, st, id=f"{method}-{st}"))
    return out


@pytest.mark.parametrize(("method", "start_state"), cases())
async def test_method_in_state(sim, http, token, method, start_state):
    sid = await drive(sim, http, token, start_state)
    effect = effects(method)[start_state]
    params = {"access_token": token, "call_session_id": sid, **PARAMS[method]}
    before = live(sim, sid)
    if effect["result"] == "invalid_state":
        await expect_error(http, sim.url, method, params, "invalid_state", code=-32004)
        assert live(sim, sid) == before  # an illegal call changes nothing
        return
    await call_ok(http, sim.url, method, params)
    assert state(sim, sid) == effect["settles_in"]


def disconnect_cases() -> list[Any]:
    out = []
    for st in OBSERVABLE:
        effect = effects("disconnect.leg")[st]
        for party in ("A", "B", "C", "coach"):
            out.append(pytest.param(st, party, effect["settles_in"].get(party), id=f"{st}-{party}"))
    return out


@pytest.mark.parametrize(("start_state", "party", "expected"), disconnect_cases())
async def test_disconnect_leg_by_party(sim, http, token, start_state, party, expected):
    sid = await drive(sim, http, token, start_state)
    if party == "coach":  # give every state a coach leg
        await call_ok(
            http,
            sim.url,
            "add.coach",
            {"access_token": token, "call_session_id": sid, "phone_number": "79035550199"},
        )
        if start_state == "TALK":
            assert state(sim, sid) == "CALL_COACH"
            expected = effects("disconnect.leg")["CALL_COACH"]["settles_in"]["coach"]
    leg = legs(sim, sid).get(party)
    if expected is None:
        assert leg is None, f"{party} has a leg in {start_state}: the matrix says it cannot"
        return
    if leg is None:
        # (C) in TALK: after a transfer the former (C) holds the (B) role (SPEC section 13.0,
        # 'Parties'), so a TALK session never has a leg of party C; the edge is the (B) one.
        assert (start_state, party) in {("TALK", "C"), ("CALL_COACH", "C")}
        return
    params = {"access_token": token, "call_session_id": sid, "leg_id": leg["leg_id"]}
    await call_ok(http, sim.url, "disconnect.leg", params)
    assert state(sim, sid) == expected
    if expected != "(end)":
        assert leg["leg_id"] not in {x["leg_id"] for x in live(sim, sid)["legs"]}
        await expect_error(http, sim.url, "disconnect.leg", params, "leg_not_found")


def option_cases() -> list[Any]:
    out = []
    for st in OBSERVABLE:
        effect = effects("call.talk_option")[st]
        for mnemonic in BUTTONS:
            want = effect["settles_in"][mnemonic] if effect["result"] == "ok" else None
            out.append(pytest.param(st, mnemonic, want, id=f"{st}-{mnemonic}"))
    return out


@pytest.mark.parametrize(("start_state", "mnemonic", "expected"), option_cases())
async def test_talk_option_in_state(sim, http, token, start_state, mnemonic, expected):
    sid = await drive(sim, http, token, start_state)
    params = {"access_token": token, "call_session_id": sid, "button": BUTTONS[mnemonic]}
    before = live(sim, sid)
    if expected is None:
        await expect_error(http, sim.url, "call.talk_option", params, "invalid_state")
        assert live(sim, sid) == before
        return
    await call_ok(http, sim.url, "call.talk_option", params)
    assert state(sim, sid) == expected


async def test_transfer_from_dialing_completes_when_the_target_answers(sim, http, token):
    sid = await drive(sim, http, token, "TRANSFER_PENDING")
    assert [leg["state"] for leg in live(sim, sid)["legs"]] == ["Перевод вызова", "Дозвон"]
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(http, sim.url, "transfer.talk", base, "invalid_state")
    await expect_error(http, sim.url, "restore.talk", base, "invalid_state")
    sim.clock.advance(3)
    assert state(sim, sid) == "TALK"
    parties = legs(sim, sid)
    assert parties["B"]["called_phone_number"] == "0215"
    assert parties["B"]["is_operator"] is True


async def test_transfer_from_dialing_drops_the_customer_when_the_target_fails(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    base = {"access_token": token, "call_session_id": sid}
    await call_ok(http, sim.url, "make.call", {**base, "to": "79035550002"})  # never answers
    await call_ok(http, sim.url, "transfer.talk", base)
    assert state(sim, sid) == "TRANSFER_PENDING"
    sim.clock.advance(29.9)
    assert state(sim, sid) == "TRANSFER_PENDING"
    sim.clock.advance(0.1)  # ring_timeout_s
    assert state(sim, sid) == "(end)"
    ended = sim.controller.state()["ended"]
    assert ended[-1]["call_session_id"] == sid
    assert ended[-1]["reason"] == "call.failed (C)"


async def test_consultation_target_busy_returns_to_hold(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    base = {"access_token": token, "call_session_id": sid}
    await call_ok(http, sim.url, "make.call", {**base, "to": "79035550001"})  # busy
    sim.clock.advance(1)
    assert state(sim, sid) == "WAITING_INPUT"
    assert set(legs(sim, sid)) == {"A", "B"}
    await call_ok(http, sim.url, "make.call", {**base, "to": "0215"})
    assert state(sim, sid) == "DIALING"


async def test_coach_answer_and_failure_return_to_talk(sim, http, token):
    sid = await drive(sim, http, token, "CALL_COACH")
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(
        http, sim.url, "hold.call", {**base, "contact_message": HOLD_MSG}, "invalid_state"
    )
    sim.clock.advance(3)
    assert state(sim, sid) == "TALK"
    assert legs(sim, sid)["coach"]["state"] == "Разговор"
    await call_ok(http, sim.url, "add.coach", {**base, "phone_number": "79035550002"})
    assert state(sim, sid) == "CALL_COACH"
    sim.clock.advance(30)
    assert state(sim, sid) == "TALK"
    assert [leg["role"] for leg in live(sim, sid)["legs"]] == ["B", "A", "coach"]


async def test_coach_added_on_hold_waits_with_the_operator(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    base = {"access_token": token, "call_session_id": sid}
    await call_ok(http, sim.url, "add.coach", base)
    assert state(sim, sid) == "WAITING_INPUT"
    assert legs(sim, sid)["coach"]["state"] == "Дозвон"
    sim.clock.advance(3)
    assert legs(sim, sid)["coach"]["state"] == "Разговор"
    assert state(sim, sid) == "WAITING_INPUT"
    await call_ok(http, sim.url, "unhold.call", base)
    assert state(sim, sid) == "TALK"


async def test_send_dtmf_in_waiting_input_shows_no_change(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    await call_ok(
        http,
        sim.url,
        "send.dtmf",
        {"access_token": token, "call_session_id": sid, "dtmf_string": "*"},
    )
    assert state(sim, sid) == "WAITING_INPUT"  # HOLD and straight back (SPEC 13.0 point 1)
