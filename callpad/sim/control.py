"""The control API under `/_sim/` (tests and demos), and SimController for in-process use.

- GET /_sim/state -> clock, scenario, sessions (engine snapshot), token count, limit counters,
  pending faults
- GET /_sim/scenario -> the scenario as `--describe` prints it
- POST /_sim/reset {"scenario"?: built-in name} -> state (a fresh account; the clock keeps its time)
- GET /_sim/clock -> {"now", "wall", "frozen"}; POST /_sim/clock {"advance_s"?: n, "frozen"?: bool}
- POST /_sim/calls {"contact", "virtual_phone_number"?, "employee_id"?} -> {"call_session_id"}
  (an incoming call)
- POST /_sim/legs/{leg_id}/{answer|reject|busy|hangup} -> {}
- GET /_sim/faults -> {"faults"}; POST /_sim/faults {"mode", "count"?, "method"?, "delay_ms"?,
  "mnemonic"?} -> {"fault"} (faults.py); DELETE /_sim/faults -> {}
- GET /_sim/requests -> {"requests": [{seq, time, method, id, params (masked), outcome, error,
  faults, charged, http_path}]}; DELETE /_sim/requests -> {}

Errors: 400 (bad body or field), 404 (unknown path, leg or name), 405 (wrong verb), 409 (an action
the leg's state does not allow); the body is `{"error": "<one line>"}`.
"""

from __future__ import annotations

from typing import Any

from callpad.sim.faults import FaultSpecError
from callpad.sim.rpc_error import RpcFault
from callpad.sim.runtime import SimRuntime
from callpad.sim.scenario import ScenarioError, describe, scenario_by_name

LEG_ACTIONS = ("answer", "reject", "busy", "hangup")


class ControlError(Exception):
    """A control request that cannot be carried out: HTTP status and a one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class SimController:
    """The control operations, for tests and the demo running in the same process."""

    def __init__(self, runtime: SimRuntime) -> None:
        self._rt = runtime

    def clock_state(self) -> dict[str, Any]:
        clock = self._rt.clock
        return {"now": clock.now(), "wall": clock.wall().isoformat(), "frozen": clock.frozen}

    def state(self) -> dict[str, Any]:
        rt = self._rt
        rt.engine.advance()
        return {
            "clock": self.clock_state(),
            "scenario": rt.scenario.name,
            **rt.engine.snapshot(),
            "tokens": rt.auth.session_count,
            "limits": {**rt.budget.metadata(), **rt.budget.counters()},
            "faults": rt.faults.pending(),
        }

    def scenario(self) -> dict[str, Any]:
        return describe(self._rt.scenario)

    def reset(self, scenario: str | None = None) -> dict[str, Any]:
        """A fresh account: the named built-in scenario, or the current one from its start."""
        if scenario is None:
            self._rt.reset()
        else:
            try:
                self._rt.reset(scenario_by_name(scenario))
            except ScenarioError as exc:
                raise ControlError(404, str(exc)) from None
        return self.state()

    def advance_clock(self, seconds: float) -> dict[str, Any]:
        try:
            self._rt.clock.advance(seconds)
        except ValueError as exc:
            raise ControlError(400, str(exc)) from None
        self._rt.engine.advance()
        return self.clock_state()

    def freeze_clock(self, frozen: bool) -> dict[str, Any]:
        self._rt.clock.freeze(frozen)
        return self.clock_state()

    def create_incoming_call(
        self, contact: str, virtual_phone_number: str | None = None, employee_id: int | None = None
    ) -> int:
        try:
            return self._rt.engine.create_incoming_call(contact, virtual_phone_number, employee_id)
        except RpcFault as fault:
            raise ControlError(400, f"{fault.mnemonic}: {fault.message}") from None
        except (KeyError, ValueError) as exc:
            raise ControlError(400, f"cannot create the call: {exc}") from None

    def leg_action(self, leg_id: int, action: str) -> None:
        if action not in LEG_ACTIONS:
            raise ControlError(404, f"unknown leg action {action!r}")
        try:
            self._rt.engine.leg_action(leg_id, action)
        except KeyError:
            raise ControlError(404, f"no leg {leg_id}") from None
        except ValueError as exc:
            raise ControlError(409, str(exc)) from None

    def add_fault(self, spec: dict[str, Any]) -> dict[str, Any]:
        try:
            return self._rt.faults.add(spec).as_dict()
        except FaultSpecError as exc:
            raise ControlError(400, str(exc)) from None

    def faults(self) -> list[dict[str, Any]]:
        return self._rt.faults.pending()

    def clear_faults(self) -> None:
        self._rt.faults.clear()

    def requests(self) -> list[dict[str, Any]]:
        return self._rt.log.entries()

    def clear_requests(self) -> None:
        self._rt.log.clear()
