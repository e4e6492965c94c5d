"""StatusViewModel: the status bar's state: connection, who is logged in, the point budget, notices.

It is the end of the one error channel: `report(ErrorReport)` (connected to `TaskRunner.failed`)
turns the error into the agent's language through the API error's `user_message(lang)` and collapses
repeats of the same error into one message with a count. `update_metadata()` (connected to the
service's metadata listener) keeps the points left this minute and today, classifies them as
ok / low / exhausted, counts down to the reset when exhausted, and raises the deprecation banner.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Signal

from callpad.api.errors import RpcError
from callpad.api.models import ApiVersionInfo, Limits, ReplyMetadata
from callpad.clock import Clock
from callpad.viewmodels import wording
from callpad.viewmodels.budget import BudgetState as BudgetState  # re-exported
from callpad.viewmodels.budget import budget_numbers, classify_budget
from callpad.viewmodels.error_kinds import user_message
from callpad.viewmodels.task_runner import ErrorReport
from callpad.viewmodels.ticker import Ticker

REPEAT_WINDOW_S = 60.0


class ConnectionState(enum.Enum):
    """The connection as the status bar shows it."""

    OFFLINE = "offline"  # logged out
    CONNECTING = "connecting"  # logging in
    ONLINE = "online"
    DEGRADED = "degraded"  # logged in, but polls fail


class StatusViewModel(QObject):
    """Connection, provider and user, API points with low/exhausted states, banner and messages.

    Signals (each emitted only on change):
        connection_changed(str), connection_text_changed(str), provider_changed(str),
        user_changed(str), budget_changed(): limits numbers or budget_state changed,
        budget_state_changed(str), budget_text_changed(str), countdown_changed(int),
        deprecation_changed(str): banner text ("" = none), message_changed(str),
        limits_changed(object): the latest `Limits` (for `CallMonitor.set_limits`).
    """

    connection_changed = Signal(str)
    connection_text_changed = Signal(str)
    provider_changed = Signal(str)
    user_changed = Signal(str)
    budget_changed = Signal()
    budget_state_changed = Signal(str)
    budget_text_changed = Signal(str)
    countdown_changed = Signal(int)
    deprecation_changed = Signal(str)
    message_changed = Signal(str)
    limits_changed = Signal(object)

    def __init__(
        self,
        clock: Clock,
        *,
        lang: str = "ru",
        low_fraction: float = 0.2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._lang = lang
        self._low_fraction = low_fraction
        self._connection = ConnectionState.OFFLINE
        self._logged_in = False
        self._polls_failing = False
        self._provider = ""
        self._user = ""
        self._limits: Limits | None = None
        self._limits_at = 0.0  # clock.now() when the limits arrived
        self._budget = BudgetState.UNKNOWN
        self._budget_text = ""
        self._countdown = 0
        self._deprecation = ""
        self._message = ""
        self._severity = ""
        self._last_key: tuple[str, str] | None = None
        self._last_at = 0.0
        self._count = 0
        self._base_message = ""
        self._ticker = Ticker(self, self.tick)

    # -- properties -----------------------------------------------------------------------------

    @property
    def connection(self) -> str:
        return self._connection.value

    @property
    def connection_text(self) -> str:
        return wording.text(self._connection.value, self._lang)

    @property
    def provider(self) -> str:
        return self._provider

    @property
    def user(self) -> str:
        return self._user

    @property
    def budget_state(self) -> str:
        return self._budget.value

    @property
    def budget_text(self) -> str:
        return self._budget_text

    @property
    def countdown(self) -> int:
        return self._countdown

    @property
    def deprecation(self) -> str:
        return self._deprecation

    @property
    def message(self) -> str:
        return self._message

    @property
    def minute_remaining(self) -> int:
        return -1 if self._limits is None else self._limits.minute_remaining

    @property
    def minute_limit(self) -> int:
        return -1 if self._limits is None else self._limits.minute_limit

    @property
    def day_remaining(self) -> int:
        return -1 if self._limits is None else self._limits.day_remaining

    @property
    def day_limit(self) -> int:
        return -1 if self._limits is None else self._limits.day_limit

    @property
    def limits(self) -> Limits | None:
        return self._limits

    @property
    def message_severity(self) -> str:
        """Severity of the current message: "info", "warning", "error" or ""."""
        return self._severity

    @property
    def message_count(self) -> int:
        """How many times the current message was reported in a row."""
        return self._count

    # -- slots ----------------------------------------------------------------------------------

    def report(self, report: ErrorReport) -> None:
        """Show a failed operation as one localized sentence; repeats increase a count."""
        error = report.error
        key = (type(error).__name__, error.mnemonic if isinstance(error, RpcError) else "")
        now = self._clock.now()
        text = user_message(error, self._lang)
        if key == self._last_key and now - self._last_at <= REPEAT_WINDOW_S:
            self._count += 1
        else:
            self._count = 1
            self._base_message = text
        self._last_key, self._last_at = key, now
        self._severity = report.severity.value
        if isinstance(error, RpcError) and error.metadata is not None:
            self.update_metadata(error.metadata)
        shown = self._base_message
        if self._count > 1:
            shown = wording.text("repeated", self._lang, message=shown, count=self._count)
        self._set_message(shown)

    def dismiss_message(self) -> None:
        self._last_key = None
        self._count = 0
        self._severity = ""
        self._set_message("")

    def update_metadata(self, metadata: ReplyMetadata) -> None:
        """Take the limits and api_version block of one reply."""
        if metadata.limits is not None:
            self._set_limits(metadata.limits)
        if metadata.api_version is not None:
            self._set_deprecation(metadata.api_version)

    def set_session(self, provider: str, user: str) -> None:
        if provider != self._provider:
            self._provider = provider
            self.provider_changed.emit(provider)
        if user != self._user:
            self._user = user
            self.user_changed.emit(user)

    def set_session_state(self, state: str) -> None:
        """Follow `SessionViewModel.state_changed` (a `SessionState` value)."""
        self._logged_in = state == "logged_in"
        connecting = state == "logging_in"
        self._update_connection(connecting)

    def set_polls_failing(self, failing: bool) -> None:
        """Follow `CallMonitor.failing_changed`."""
        self._polls_failing = failing
        self._update_connection(False)

    def tick(self) -> None:
        """Recompute the countdown and the budget state (the clock moved)."""
        self._refresh_budget()

    def start_ticking(self, interval_ms: int = 1000) -> None:
        self._ticker.start(interval_ms)

    def stop_ticking(self) -> None:
        self._ticker.stop()

    # -- internals ------------------------------------------------------------------------------

    def _update_connection(self, connecting: bool) -> None:
        if connecting:
            state = ConnectionState.CONNECTING
        elif not self._logged_in:
            state = ConnectionState.OFFLINE
        elif self._polls_failing:
            state = ConnectionState.DEGRADED
        else:
            state = ConnectionState.ONLINE
        if state is not self._connection:
            self._connection = state
            self.connection_changed.emit(state.value)
            self.connection_text_changed.emit(self.connection_text)

    def _set_limits(self, limits: Limits) -> None:
        changed = self._limits is None or budget_numbers(self._limits) != budget_numbers(limits)
        self._limits = limits
        self._limits_at = self._clock.now()
        self.limits_changed.emit(limits)
        if changed:
            self.budget_changed.emit()
        self._refresh_budget()

    def _elapsed(self) -> float:
        return max(0.0, self._clock.now() - self._limits_at)

    def _refresh_budget(self) -> None:
        limits = self._limits
        if limits is None:
            return
        state, countdown, text = classify_budget(
            limits, self._elapsed(), self._low_fraction, self._lang
        )
        if state is not self._budget:
            self._budget = state
            self.budget_state_changed.emit(state.value)
        if countdown != self._countdown:
            self._countdown = countdown
            self.countdown_changed.emit(countdown)
        if text != self._budget_text:
            self._budget_text = text
            self.budget_text_changed.emit(text)

    def _set_deprecation(self, info: ApiVersionInfo) -> None:
        text = ""
        if info.deprecated:
            text = wording.text(
                "deprecated",
                self._lang,
                current=info.current_version or "?",
                latest=info.latest_version or "?",
            )
        if text != self._deprecation:
            self._deprecation = text
            self.deprecation_changed.emit(text)

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.message_changed.emit(text)
