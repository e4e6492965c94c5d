"""SimRuntime: everything one simulated account holds, rebuilt whole by a reset."""

from __future__ import annotations

from callpad.sim.auth import Authenticator
from callpad.sim.engine import CallEngine
from callpad.sim.faults import FaultQueue
from callpad.sim.limits import PointBudget
from callpad.sim.request_log import RequestLog
from callpad.sim.scenario import Scenario, clone
from callpad.sim.sim_clock import SimClock
from callpad.sim.spec import method as method_entry

LATEST_VERSION = "4.0"


class SimRuntime:
    """The account's scenario, call engine, session keys, budgets, faults and request log.

    The clock survives a reset (simulated time never goes back); everything else starts afresh.
    `deprecated_version` (e.g. "3.0"), when set, is also served, with `metadata.api_version`; an
    explicit value given here wins over the scenario's across resets.
    """

    def __init__(
        self, scenario: Scenario, clock: SimClock, *, deprecated_version: str | None = None
    ) -> None:
        self.clock = clock
        self._deprecated_override = deprecated_version
        self.faults = FaultQueue()
        self.log = RequestLog()
        self.reset(scenario)

    def reset(self, scenario: Scenario | None = None) -> None:
        """Start afresh: from `scenario`, or from the scenario last given, as it was given."""
        if scenario is not None:
            self._pristine = clone(scenario)
        self.scenario = clone(self._pristine)
        self.engine = CallEngine(self.scenario, self.clock)
        self.auth = Authenticator(self.scenario, self.clock)
        self.budget = PointBudget(
            self.clock, day_limit=self.scenario.day_limit, minute_limit=self.scenario.minute_limit
        )
        self.faults.clear()
        self.log.clear()

    @property
    def deprecated_version(self) -> str | None:
        return self._deprecated_override or self.scenario.deprecated_version

    def versions(self) -> tuple[str, ...]:
        """Version strings served ("4.0" first)."""
        old = self.deprecated_version
        return (LATEST_VERSION,) if old is None else (LATEST_VERSION, old)

    def weight(self, method: str) -> int:
        """Points a successful reply of `method` costs: the scenario's, else the spec's."""
        return self.scenario.weights.get(method, int(method_entry(method)["points"]))
