"""CallEngine: the simulator's behaviour after authentication (the 20 non-auth methods).

SIM-SERVER's dispatcher has done steps 1-11 of SPEC section 10.1 (envelope, auth, account, limits,
generic schema) when it calls `handle`; the engine applies due timed events, then does the
method's combination rules, TTS limit, look-ups, state checks and execution, and returns
`result.data`. Errors are raised as `RpcFault`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Final

from callpad.clock import Clock
from callpad.sim import call_control as cc
from callpad.sim.listing import snapshot
from callpad.sim.methods import HANDLERS
from callpad.sim.rpc_error import RpcFault
from callpad.sim.scenario import Scenario, SimUser, clone
from callpad.sim.start_methods import start_call
from callpad.sim.state import InvalidTransition
from callpad.sim.switchboard import Switchboard

START_METHODS: Final = frozenset(
    {
        "start.employee_call",
        "start.scenario_call",
        "start.vnumber_call",
        "start.informer_call",
        "start.simple_call",
    }
)
LEG_ACTIONS: Final = ("answer", "reject", "busy", "hangup")


class CallEngine:
    """Runs the calls of one scenario's account on a clock."""

    def __init__(self, scenario: Scenario, clock: Clock) -> None:
        self.scenario = clone(scenario)  # the engine changes it (block.contact adds to the list)
        self.clock = clock
        self.switchboard = Switchboard(self.scenario, self._wall_at)
        self.switchboard.now = clock.now()
        self.switchboard.schedule_scripted_calls(clock.now())

    def _wall_at(self, t: float) -> datetime:
        """Wall time of monotonic instant `t` (scripted calls start between requests)."""
        return self.clock.wall() - timedelta(seconds=self.clock.now() - t)

    def handle(self, method: str, params: Mapping[str, Any], user: SimUser) -> Any:
        """Run one method whose params passed the generic schema checks; returns result.data."""
        self.advance()
        now = self.clock.now()
        try:
            if method in START_METHODS:
                return start_call(
                    method, params, self.scenario, self.switchboard, now, self.clock.wall()
                )
            handler = HANDLERS.get(method)
            if handler is None:
                raise RpcFault("method_not_found")
            return handler(method, params, self.scenario, self.switchboard, now)
        except InvalidTransition:
            raise RpcFault("invalid_state", method=method) from None
        finally:
            self.switchboard.advance_to(now)  # events due at once (e.g. zero delays)

    def advance(self) -> None:
        """Apply every agenda entry due at clock.now()."""
        self.switchboard.advance_to(self.clock.now())

    # -- control operations (the /_sim/ API) -----------------------------------------------
    def create_incoming_call(
        self, contact: str, virtual_phone_number: str | None, employee_id: int | None
    ) -> int:
        """A call from `contact` to the PBX, routed to `employee_id` or the number's scenario.

        Raises ValueError (one-line message) for an unknown number or employee or no route.
        """
        self.advance()
        sc = self.scenario
        vn = virtual_phone_number or next((u.virtual_phone_number for u in sc.users), None)
        if vn is None or sc.virtual_number(vn) is None:
            raise ValueError(f"unknown virtual phone number {vn!r}")
        if not contact.isdigit():
            raise ValueError(f"contact must be digits, got {contact!r}")
        if employee_id is not None and sc.employee(employee_id) is None:
            raise ValueError(f"unknown employee {employee_id}")
        employee = sc.route(vn, employee_id)
        if employee is None:
            raise ValueError(f"virtual number {vn} has no scenario; give employee_id")
        now = self.clock.now()
        s = self.switchboard.start_incoming(contact, vn, employee, now)
        self.switchboard.advance_to(now)
        return s.id

    def leg_action(self, leg_id: int, action: str) -> None:
        """Answer, reject, busy or hang up a leg; KeyError: unknown leg; ValueError: bad action."""
        if action not in LEG_ACTIONS:
            raise ValueError(f"unknown leg action {action!r}; use one of {', '.join(LEG_ACTIONS)}")
        self.advance()
        now = self.clock.now()
        sb = self.switchboard
        s, leg = sb.find_leg(leg_id)
        if action == "answer":
            if leg.answered:
                raise ValueError(f"leg {leg_id} has already answered")
            sb.answer(s, leg, now)
        elif not leg.answered:
            sb.fail(s, leg, now)  # reject, busy, or hang up while ringing
        elif action == "hangup":
            try:
                cc.disconnect(sb, s, leg, now)
            except InvalidTransition as exc:  # pragma: no cover -- the table covers every party
                raise ValueError(str(exc)) from None
        else:
            raise ValueError(f"leg {leg_id} has already answered; use hangup")
        sb.advance_to(now)

    def snapshot(self) -> dict[str, Any]:
        """Sessions with legs, states, recording, tags; ended sessions; the blacklist."""
        self.advance()
        return snapshot(self.switchboard, self.clock.now())
