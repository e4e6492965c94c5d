"""CallActionsViewModel: the commands for the selected call, enabled as the state machine allows.

Each `can_*` property is true only when the selected call's phase (inferred from its legs, see
`call_phase`) accepts the method, and no conflicting command for that call is in flight. Commands
that move the call (hold, unhold, consult, transfer, release, disconnect, talk options) share one
runner key per call, so a repeated key press is never sent twice; return-to-customer has a key of
its own, so a warm transfer can always be abandoned. DTMF symbols are queued and sent one by one, in
order. Every command shows progress (`busy`, `busy_action`) and a result (`result`,
`action_finished`), sends errors to the runner's channel, and asks the monitor for a refresh.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from callpad.api.errors import CallApiError, PhoneNumberError
from callpad.api.models import CallSessionId, LegId, Message, RecordAction, TagId
from callpad.api.phone import parse_phone
from callpad.api.service import CallService
from callpad.viewmodels import wording
from callpad.viewmodels.call_capabilities import CallCapabilities, enabled_actions
from callpad.viewmodels.call_capabilities import action_key as action_key  # re-exported
from callpad.viewmodels.call_phase import CallAction, CallPhase
from callpad.viewmodels.calls_model import CallsModel
from callpad.viewmodels.error_kinds import user_message
from callpad.viewmodels.task_runner import TaskRunner

_DTMF_SYMBOL = re.compile(r"[0-9*#]")

DEFAULT_HOLD_MESSAGE = Message.tts("Пожалуйста, оставайтесь на линии.")


class CallActionsViewModel(CallCapabilities):
    """Hold, consult, transfer, return, disconnect, tag, record, coach, DTMF, block, release.

    Signals (change-only):
        selection_changed(): the selected call or leg changed.
        capabilities_changed(), can_<action>_changed(bool): see `CallCapabilities`.
        busy_changed(bool), busy_action_changed(str), result_changed(str),
        known_tags_changed(list): the tags the picker offers [(id, name), ...].
        action_finished(str, bool, str): action value, success, sentence.
        confirmation_needed(str): the action (e.g. "block") needs `confirmed=True`.
    """

    selection_changed = Signal()
    busy_changed = Signal(bool)
    busy_action_changed = Signal(str)
    result_changed = Signal(str)
    known_tags_changed = Signal(list)
    action_finished = Signal(str, bool, str)
    confirmation_needed = Signal(str)

    def __init__(
        self,
        service: CallService,
        runner: TaskRunner,
        model: CallsModel,
        *,
        refresh: Callable[[], None] | None = None,
        hold_message: Message | None = None,
        known_tags: Sequence[tuple[int, str]] = (),
        region: str = "RU",
        lang: str = "ru",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._model = model
        self._refresh = refresh or (lambda: None)
        self._hold_message = hold_message or DEFAULT_HOLD_MESSAGE
        self._region = region
        self._lang = lang
        self._session: int | None = None
        self._leg: int | None = None
        self._in_flight: dict[str, CallAction] = {}  # runner key -> action
        self._busy_action = ""
        self._result = ""
        self._known_tags: list[tuple[int, str]] = list(known_tags)
        self._dtmf: dict[int, deque[str]] = {}
        model.calls_changed.connect(self._on_calls_changed)
        model.dataChanged.connect(self._recompute)
        runner.running_keys_changed.connect(self._recompute)

    # -- properties -----------------------------------------------------------------------------

    @property
    def selected_session_id(self) -> int:
        return -1 if self._session is None else self._session

    @property
    def selected_leg_id(self) -> int:
        return -1 if self._leg is None else self._leg

    @property
    def busy(self) -> bool:
        return bool(self._busy_action)

    @property
    def busy_action(self) -> str:
        return self._busy_action

    @property
    def result(self) -> str:
        return self._result

    @property
    def recording(self) -> bool:
        call = self._model.call(self._session) if self._session is not None else None
        return call is not None and any(leg.record_call_enabled for leg in call.legs)

    @property
    def phase(self) -> CallPhase | None:
        """The selected call's phase (None without a selected call)."""
        return None if self._session is None else self._model.phase(self._session)

    @property
    def known_tags(self) -> list[tuple[int, str]]:
        return list(self._known_tags)

    def in_flight(self, action: CallAction) -> bool:
        return action in self._in_flight.values()

    # -- selection ------------------------------------------------------------------------------

    def select_call(self, session_id: int | None) -> None:
        """Select a call (None or an id not in the model: nothing selected)."""
        if session_id is not None and self._model.call(session_id) is None:
            session_id = None
        if session_id == self._session:
            return
        self._session, self._leg = session_id, None
        self.selection_changed.emit()
        self._recompute()

    def select_leg(self, leg_id: int | None) -> None:
        """Select a leg of the selected call (for disconnect)."""
        if leg_id is not None and (
            self._session is None or self._model.party(self._session, leg_id) is None
        ):
            leg_id = None
        if leg_id == self._leg:
            return
        self._leg = leg_id
        self.selection_changed.emit()
        self._recompute()

    def set_hold_message(self, message: Message | None) -> None:
        """What the customer hears on hold from the next hold on (None: the default message)."""
        self._hold_message = message or DEFAULT_HOLD_MESSAGE

    def add_known_tags(self, tags: Sequence[tuple[int, str]]) -> None:
        """More tags for the picker (e.g. from the talk options)."""
        self._merge_tags(tags)

    # -- commands -------------------------------------------------------------------------------

    def hold(self) -> bool:
        msg = self._hold_message
        return self._run(CallAction.HOLD, lambda s: self._service.hold_call(
            call_session_id=s, contact_message=msg))  # fmt: skip

    def unhold(self) -> bool:
        return self._run(CallAction.UNHOLD, lambda s: self._service.unhold_call(call_session_id=s))

    def consult(self, target: str, to_message: Message | None = None) -> bool:
        """make.call: dial a colleague's or any number while the customer is on hold."""
        try:
            number = parse_phone(target, region=self._region)
        except PhoneNumberError as exc:
            self._set_result(exc.user_message(self._lang))
            return False
        return self._run(CallAction.CONSULT, lambda s: self._service.make_call(
            call_session_id=s, to=number, to_message=to_message))  # fmt: skip

    def transfer(self) -> bool:
        return self._run(
            CallAction.TRANSFER, lambda s: self._service.transfer_talk(call_session_id=s)
        )

    def restore(self) -> bool:
        """Return to the customer (restore.talk): abandons a consultation or a warm transfer."""
        return self._run(
            CallAction.RESTORE, lambda s: self._service.restore_talk(call_session_id=s)
        )

    def disconnect_leg(self, leg_id: int | None = None) -> bool:
        """Disconnect a leg (default: the selected leg) of the selected call."""
        leg = self._leg if leg_id is None else leg_id
        if leg is None:
            self._set_result(wording.text("no_leg", self._lang))
            return False
        return self._run(CallAction.DISCONNECT_LEG, lambda s: self._service.disconnect_leg(
            call_session_id=s, leg_id=LegId(leg)))  # fmt: skip

    def tag(self, tag_id: int) -> bool:
        return self._run(CallAction.TAG, lambda s: self._service.tag_call(
            call_session_id=s, tag_id=TagId(tag_id)))  # fmt: skip

    def set_recording(self, on: bool) -> bool:
        action = CallAction.RECORD_ON if on else CallAction.RECORD_OFF
        rec = RecordAction.ON if on else RecordAction.OFF
        return self._run(action, lambda s: self._service.record_call(
            call_session_id=s, action=rec))  # fmt: skip

    def toggle_recording(self) -> bool:
        return self.set_recording(not self.recording)

    def add_coach(self, phone_number: str | None = None) -> bool:
        """add.coach: the configured coach, or the number given."""
        number = None
        if phone_number and phone_number.strip():
            try:
                number = parse_phone(phone_number, region=self._region)
            except PhoneNumberError as exc:
                self._set_result(exc.user_message(self._lang))
                return False
        return self._run(CallAction.ADD_COACH, lambda s: self._service.add_coach(
            call_session_id=s, phone_number=number))  # fmt: skip

    def send_dtmf(self, symbol: str) -> bool:
        """Queue one DTMF symbol (0-9, *, #) for the selected call; sent in order."""
        if not _DTMF_SYMBOL.fullmatch(symbol):
            self._set_result(wording.text("dtmf_symbol", self._lang))
            return False
        if self._session is None or not self._can[CallAction.SEND_DTMF]:
            return self._refuse(CallAction.SEND_DTMF)
        sid = self._session
        self._dtmf.setdefault(sid, deque()).append(symbol)
        key = action_key(CallAction.SEND_DTMF, sid)
        if not self._runner.is_running(key):
            self._submit(CallAction.SEND_DTMF, sid, key, self._drain_dtmf(sid))
        return True

    def block_contact(self, *, confirmed: bool = False) -> bool:
        """block.contact; the UI asks first and calls again with confirmed=True."""
        if not confirmed:
            if self._can[CallAction.BLOCK]:
                self.confirmation_needed.emit(CallAction.BLOCK.value)
            return False
        return self._run(CallAction.BLOCK, lambda s: self._service.block_contact(call_session_id=s))

    def talk_option(self, button: str) -> bool:
        """call.talk_option with a configured button on the selected call."""
        return self._run(CallAction.TALK_OPTION, lambda s: self._service.call_talk_option(
            call_session_id=s, button=button))  # fmt: skip

    def release(self) -> bool:
        """Hang up the selected call (release.call)."""
        return self._run(
            CallAction.RELEASE, lambda s: self._service.release_call(call_session_id=s)
        )

    # -- internals ------------------------------------------------------------------------------

    def _run(self, action: CallAction, call: Callable[[CallSessionId], Awaitable[None]]) -> bool:
        if self._session is None or not self._can[action]:
            return self._refuse(action)
        sid = self._session
        return self._submit(action, sid, action_key(action, sid), self._do(action, sid, call))

    def _submit(
        self, action: CallAction, sid: int, key: str, coro: Coroutine[Any, Any, None]
    ) -> bool:
        task = self._runner.submit(coro, name=action.value, key=key)
        if task is None:
            return False
        self._in_flight[key] = action
        self._update_busy()
        self._recompute()
        task.add_done_callback(lambda _t: self._finish_key(key))
        return True

    async def _do(
        self,
        action: CallAction,
        sid: int,
        call: Callable[[CallSessionId], Awaitable[None]],
    ) -> None:
        try:
            await call(CallSessionId(sid))
        except CallApiError as exc:
            self._finished(action, False, user_message(exc, self._lang))
            raise
        finally:
            self._refresh()
        self._finished(action, True, wording.text("done", self._lang, action=self._name(action)))

    async def _drain_dtmf(self, sid: int) -> None:
        queue = self._dtmf.get(sid)
        try:
            while queue:
                symbol = queue.popleft()
                try:
                    await self._service.send_dtmf(
                        call_session_id=CallSessionId(sid), dtmf_string=symbol
                    )
                except CallApiError as exc:
                    queue.clear()
                    self._finished(CallAction.SEND_DTMF, False, user_message(exc, self._lang))
                    raise
                self._finished(CallAction.SEND_DTMF, True, symbol)
        finally:
            self._dtmf.pop(sid, None)
            self._refresh()

    def _finish_key(self, key: str) -> None:
        self._in_flight.pop(key, None)
        self._update_busy()
        self._recompute()

    def _finished(self, action: CallAction, ok: bool, message: str) -> None:
        self._set_result(message)
        self.action_finished.emit(action.value, ok, message)

    def _refuse(self, action: CallAction) -> bool:
        if self._session is None:
            self._set_result(wording.text("no_call", self._lang))
        elif not any(self._runner.is_running(k) for k in self._in_flight):
            phase = self.phase
            phase_text = wording.phase_text(phase, self._lang) if phase else "?"
            self._set_result(
                wording.text("not_allowed", self._lang, action=self._name(action), phase=phase_text)
            )
        return False

    def _name(self, action: CallAction) -> str:
        return wording.action_text(action, self._lang)

    def _on_calls_changed(self) -> None:
        if self._session is not None and self._model.call(self._session) is None:
            self._session, self._leg = None, None
            self.selection_changed.emit()
        elif (
            self._session is not None
            and self._leg is not None
            and self._model.party(self._session, self._leg) is None
        ):
            self._leg = None
            self.selection_changed.emit()
        self._merge_tags((int(t.tag_id), t.tag_name) for c in self._model.calls() for t in c.tags)
        self._recompute()

    def _merge_tags(self, tags: Iterable[tuple[int, str]]) -> None:
        merged = dict(self._known_tags)
        for tag_id, name in tags:
            merged.setdefault(tag_id, name)
        ordered = sorted(merged.items(), key=lambda kv: kv[1].casefold())
        if ordered != self._known_tags:
            self._known_tags = ordered
            self.known_tags_changed.emit(list(ordered))

    def _recompute(self, *_args: object) -> None:
        sid = self._session
        self._publish(
            enabled_actions(
                self.phase if sid is not None else None,
                sid,
                has_leg=self._leg is not None,
                recording=self.recording,
                is_running=self._runner.is_running,
            )
        )

    def _update_busy(self) -> None:
        active = [a for k, a in self._in_flight.items() if self._runner.is_running(k)]
        name = active[-1].value if active else ""
        if name != self._busy_action:
            was = bool(self._busy_action)
            self._busy_action = name
            self.busy_action_changed.emit(name)
            if was != bool(name):
                self.busy_changed.emit(bool(name))

    def _set_result(self, message: str) -> None:
        if message != self._result:
            self._result = message
            self.result_changed.emit(message)
