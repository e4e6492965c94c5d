"""Call flows for simulator tests: drive a demo session into a given state over real HTTP.

Default timings (SPEC section 13.0 point 7): employee answers after 3 s, contact after 4 s,
consultation target after 3 s, coach after 3 s. The demo account: employee 3141 (number 0107),
virtual number 74951112233, colleague 3142 at 0215, coach of 3141 is 3144.
"""

from __future__ import annotations

from typing import Any

import httpx

from callpad.sim.server import SimServer
from tests.integration.sim_harness import call_ok

CONTACT = "79161234567"
VN = "74951112233"
HOLD_MSG = {"type": "media", "value": "4410"}


async def start(sim: SimServer, http: httpx.AsyncClient, token: str, **params: Any) -> int:
    """start.employee_call: first_call employee, 3141 on 0107, contact 79161234567, out."""
    body: dict[str, Any] = {
        "access_token": token,
        "first_call": "employee",
        "employee": {"id": 3141, "phone_number": "0107"},
        "contact": CONTACT,
        "virtual_phone_number": VN,
        "direction": "out",
    }
    body.update(params)
    data = await call_ok(http, sim.url, "start.employee_call", body)
    sid: int = data["call_session_id"]
    return sid


def session(sim: SimServer, sid: int) -> dict[str, Any] | None:
    """The session as the control API's snapshot shows it (None once it has ended)."""
    for s in sim.controller.state()["sessions"]:
        if s["call_session_id"] == sid:
            row: dict[str, Any] = s
            return row
    return None


def live(sim: SimServer, sid: int) -> dict[str, Any]:
    """The session's snapshot; fails the test if it has ended."""
    s = session(sim, sid)
    assert s is not None, f"session {sid} has ended"
    return s


def state(sim: SimServer, sid: int) -> str:
    """The session state id, or "(end)" once the session is gone."""
    s = session(sim, sid)
    return "(end)" if s is None else str(s["state"])


def legs(sim: SimServer, sid: int) -> dict[str, dict[str, Any]]:
    """The session's legs by party ("A", "B", "C", "coach": the last of that party)."""
    s = session(sim, sid)
    return {} if s is None else {leg["role"]: leg for leg in s["legs"]}


async def listed(http: httpx.AsyncClient, sim: SimServer, token: str, sid: int) -> list[str]:
    """`party(called number):state` for each leg of the session, as list.calls shows it."""
    rows = await call_ok(http, sim.url, "list.calls", {"access_token": token})
    roles = {leg["leg_id"]: leg["role"] for leg in (session(sim, sid) or {"legs": []})["legs"]}
    for row in rows:
        if row["call_session_id"] == sid:
            return [
                f"{roles.get(leg['leg_id'], '?')}({leg['called_phone_number']}):{leg['state']}"
                for leg in row["legs"]
            ]
    return []


async def op(
    sim: SimServer, http: httpx.AsyncClient, token: str, method: str, sid: int, **params: Any
) -> Any:
    """A call-control method that must succeed."""
    body = {"access_token": token, "call_session_id": sid, **params}
    return await call_ok(http, sim.url, method, body)


async def drive(sim: SimServer, http: httpx.AsyncClient, token: str, target: str) -> int:
    """A new demo session in `target` (an observable active state of SPEC section 13.0)."""
    sid = await start(sim, http, token)
    if target == "SESSION":
        sim.clock.advance(3)  # (B) answered, (A) rings: both legs exist
        assert state(sim, sid) == "SESSION"
        return sid
    sim.clock.advance(7)
    assert state(sim, sid) == "TALK"
    if target == "TALK":
        return sid
    if target == "CALL_COACH":
        await op(sim, http, token, "add.coach", sid, phone_number="79035550199")
        assert state(sim, sid) == "CALL_COACH"
        return sid
    await op(sim, http, token, "hold.call", sid, contact_message=HOLD_MSG)
    if target == "WAITING_INPUT":
        assert state(sim, sid) == "WAITING_INPUT"
        return sid
    await op(sim, http, token, "make.call", sid, to="0215")
    if target == "DIALING":
        assert state(sim, sid) == "DIALING"
        return sid
    if target == "TRANSFER_PENDING":
        await op(sim, http, token, "transfer.talk", sid)
        assert state(sim, sid) == "TRANSFER_PENDING"
        return sid
    sim.clock.advance(3)
    assert state(sim, sid) == "OPERATOR_TALK", target
    return sid
