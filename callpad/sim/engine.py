"""CallEngine: the simulator's behaviour after authentication (the 20 non-auth methods)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from callpad.clock import Clock
from callpad.sim.rpc_error import RpcFault
from callpad.sim.scenario import Scenario, SimUser, clone


class CallEngine:
    """Runs calls for one scenario on a clock; SIM-SERVER's dispatcher calls `handle`."""

    def __init__(self, scenario: Scenario, clock: Clock) -> None:
        self.scenario = clone(scenario)
        self.clock = clock

    def handle(self, method: str, params: Mapping[str, Any], user: SimUser) -> Any:
        """Run one method whose params passed the generic schema checks; returns result.data."""
        self.advance()
        raise RpcFault("internal_error", method=method)

    def advance(self) -> None:
        """Apply every agenda entry due at clock.now()."""

    def create_incoming_call(
        self, contact: str, virtual_phone_number: str | None, employee_id: int | None
    ) -> int:
        raise RpcFault("internal_error")

    def leg_action(self, leg_id: int, action: str) -> None:
        raise KeyError(leg_id)

    def snapshot(self) -> dict[str, Any]:
        return {"sessions": [], "blacklist": list(self.scenario.blacklist)}
