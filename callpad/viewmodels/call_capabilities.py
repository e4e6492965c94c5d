"""Which commands the selected call allows: the runner keys, the rule, and the `can_*` surface.

`enabled_actions()` is the rule: an action is enabled when the call's phase accepts it (the
state machine in `call_phase`), no command sharing its runner key is in flight, and its own
condition holds (recording on/off, a selected leg to disconnect). `CallCapabilities` is the
QObject half of `CallActionsViewModel`: one `can_*` property and change-only signal per action,
published together by `_publish()`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from callpad.viewmodels.call_phase import CallAction, CallPhase, allowed_actions

# Commands that move the call share one key per call; the others each have their own.
_MOVES = frozenset(
    {
        CallAction.HOLD,
        CallAction.UNHOLD,
        CallAction.CONSULT,
        CallAction.TRANSFER,
        CallAction.DISCONNECT_LEG,
        CallAction.TALK_OPTION,
        CallAction.RELEASE,
    }
)


def action_key(action: CallAction, session_id: int) -> str:
    """The runner key of `action` on one call."""
    if action in _MOVES:
        group = "move"
    elif action in (CallAction.RECORD_ON, CallAction.RECORD_OFF):
        group = "record"
    else:
        group = action.value
    return f"call:{session_id}:{group}"


def enabled_actions(
    phase: CallPhase | None,
    session_id: int | None,
    *,
    has_leg: bool,
    recording: bool,
    is_running: Callable[[str], bool],
) -> dict[CallAction, bool]:
    """Every action's enabled state for the selected call (all False without one)."""
    allowed = allowed_actions(phase) if session_id is not None else frozenset()
    new: dict[CallAction, bool] = {}
    for action in CallAction:
        ok = action in allowed
        if ok and session_id is not None and action is not CallAction.SEND_DTMF:
            ok = not is_running(action_key(action, session_id))
        if action is CallAction.RECORD_ON:
            ok = ok and not recording
        elif action is CallAction.RECORD_OFF:
            ok = ok and recording
        elif action is CallAction.DISCONNECT_LEG:
            ok = ok and has_leg
        new[action] = ok
    return new


class CallCapabilities(QObject):
    """The `can_*` properties and their change-only signals (DTMF is queued, never blocked).

    Signals:
        capabilities_changed(): any `can_*` changed (each also has its own signal).
        can_<action>_changed(bool): one per CallAction value.
    """

    capabilities_changed = Signal()
    can_hold_changed = Signal(bool)
    can_unhold_changed = Signal(bool)
    can_consult_changed = Signal(bool)
    can_transfer_changed = Signal(bool)
    can_restore_changed = Signal(bool)
    can_disconnect_leg_changed = Signal(bool)
    can_tag_changed = Signal(bool)
    can_record_on_changed = Signal(bool)
    can_record_off_changed = Signal(bool)
    can_add_coach_changed = Signal(bool)
    can_send_dtmf_changed = Signal(bool)
    can_block_changed = Signal(bool)
    can_talk_option_changed = Signal(bool)
    can_release_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._can: dict[CallAction, bool] = dict.fromkeys(CallAction, False)

    @property
    def can_hold(self) -> bool:
        return self._can[CallAction.HOLD]

    @property
    def can_unhold(self) -> bool:
        return self._can[CallAction.UNHOLD]

    @property
    def can_consult(self) -> bool:
        return self._can[CallAction.CONSULT]

    @property
    def can_transfer(self) -> bool:
        return self._can[CallAction.TRANSFER]

    @property
    def can_restore(self) -> bool:
        return self._can[CallAction.RESTORE]

    @property
    def can_disconnect_leg(self) -> bool:
        return self._can[CallAction.DISCONNECT_LEG]

    @property
    def can_tag(self) -> bool:
        return self._can[CallAction.TAG]

    @property
    def can_record_on(self) -> bool:
        return self._can[CallAction.RECORD_ON]

    @property
    def can_record_off(self) -> bool:
        return self._can[CallAction.RECORD_OFF]

    @property
    def can_add_coach(self) -> bool:
        return self._can[CallAction.ADD_COACH]

    @property
    def can_send_dtmf(self) -> bool:
        return self._can[CallAction.SEND_DTMF]

    @property
    def can_block(self) -> bool:
        return self._can[CallAction.BLOCK]

    @property
    def can_talk_option(self) -> bool:
        return self._can[CallAction.TALK_OPTION]

    @property
    def can_release(self) -> bool:
        return self._can[CallAction.RELEASE]

    def can(self, action: CallAction) -> bool:
        """Whether `action` is enabled now (same value as its `can_*` property)."""
        return self._can[action]

    def _publish(self, new: dict[CallAction, bool]) -> None:
        """Take the new enabled states; emit a signal for each one that changed."""
        changed = [a for a in CallAction if new[a] != self._can[a]]
        self._can = new
        for action in changed:
            getattr(self, f"can_{action.value}_changed").emit(new[action])
        if changed:
            self.capabilities_changed.emit()
