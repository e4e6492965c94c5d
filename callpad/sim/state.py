"""THE call state machine of the simulator (SPEC section 13.0), after h11's `_state.py`.

Theory. A call session is in one of the vendor diagram's states (`SessionState`), plus our
TRANSFER_PENDING. Everything that can happen to a session is an `Event`: an API method
(`hold.call`), a per-party variant of one (`disconnect.leg` of (A), a talk option by mnemonic), or a
telephony event (the consultation target answered, the coach failed, ...). `TRANSITIONS` maps
(state, event) to the next state; a pair missing from the table is illegal and raises
`InvalidTransition`, which the engine answers with `invalid_state` (-32004) for the six methods that
list it. Methods accepted "in every active state" (tag.call, record.call, ...) have an entry for
every active state, most of them self-loops, so that the table alone says what is allowed.

Unlabeled vendor edges are automatic (`SETTLES`): HOLD -> WAITING_INPUT, RECORD_TALK -> TALK,
MARK_CALL -> TALK, POST_TALK -> FINISHING -> END are taken at once, so `fire()` returns the settled
state. POST_TALK, FINISHING and END count as ended (the session leaves list.calls).

Leg states (the Russian strings of list.calls) are never stored: `leg_state()` derives them from the
session state, the leg's role ((A) customer, (B) operator, (C) consultation target, coach) and a few
per-leg facts (rung or answered, queued, sending DTMF, fax).

This module is pure: no I/O, no clock, no asyncio. The timed world around it (legs that ring and
answer, messages that end) lives in `callpad.sim.switchboard`, which feeds events in here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Final


class SessionState(enum.Enum):
    """Session states of SPEC section 13.0 (ids as in methods.json)."""

    SESSION = "SESSION"
    TALK = "TALK"
    HOLD = "HOLD"
    WAITING_INPUT = "WAITING_INPUT"
    DIALING = "DIALING"
    TRANSFER_PENDING = "TRANSFER_PENDING"
    OPERATOR_TALK = "OPERATOR_TALK"
    CALL_COACH = "CALL_COACH"
    RECORD_TALK = "RECORD_TALK"
    MARK_CALL = "MARK_CALL"
    POST_TALK = "POST_TALK"
    FINISHING = "FINISHING"
    END = "(end)"


S = SessionState
ACTIVE_STATES: Final = frozenset(
    {
        S.SESSION,
        S.TALK,
        S.HOLD,
        S.WAITING_INPUT,
        S.DIALING,
        S.TRANSFER_PENDING,
        S.OPERATOR_TALK,
        S.CALL_COACH,
        S.RECORD_TALK,
        S.MARK_CALL,
    }
)
ENDED_STATES: Final = frozenset({S.POST_TALK, S.FINISHING, S.END})
# States in which (A) talks with the operator (TALK and its transient sub-states).
_TALKING: Final = frozenset({S.TALK, S.CALL_COACH, S.RECORD_TALK, S.MARK_CALL})


class Role(enum.Enum):
    """A leg's party (SPEC section 13.0 'Parties')."""

    A = "A"  # the customer
    B = "B"  # the employee / operator holding the talk options
    C = "C"  # the third party dialled by make.call
    COACH = "coach"


class Event(enum.Enum):
    """Everything that can move a session: API methods and telephony events."""

    HOLD_CALL = "hold.call"
    UNHOLD_CALL = "unhold.call"
    MAKE_CALL = "make.call"
    TRANSFER_TALK = "transfer.talk"
    RESTORE_TALK = "restore.talk"
    ADD_COACH = "add.coach"
    RECORD_CALL = "record.call"
    TAG_CALL = "tag.call"
    BLOCK_CONTACT = "block.contact"
    SEND_DTMF = "send.dtmf"
    RELEASE_CALL = "release.call"
    DISCONNECT_A = "disconnect.leg:A"
    DISCONNECT_B = "disconnect.leg:B"
    DISCONNECT_C = "disconnect.leg:C"
    DISCONNECT_COACH = "disconnect.leg:coach"
    OPTION_FINISH_CONVERSATION = "call.talk_option:finish_conversation"
    OPTION_TAG_CALL = "call.talk_option:tag_call"
    OPTION_RECORD_TALK = "call.talk_option:record_talk"
    OPTION_TRANSFER_CALL = "call.talk_option:transfer_call"
    OPTION_RUN_SCENARIO = "call.talk_option:run_scenario"
    OPTION_CALL_COACH = "call.talk_option:call_coach"
    OPTION_RECEIVE_FAX = "call.talk_option:receive_fax"
    OPTION_SAVE_NUMA = "call.talk_option:save_numa"
    # telephony events
    CONNECTED = "(A) and (B) connected"
    ABANDONED = "no answer / busy / rejected / hang-up before the talk"
    INFORMER_DONE = "informer message played"
    C_ANSWERED = "(C) answered"
    C_FAILED = "call.failed (C)"
    COACH_ANSWERED = "coach answered"
    COACH_FAILED = "call_failed (coach)"
    TRANSFER_WAIT_TIMEOUT = "transfer_call wait timed out"


E = Event


def disconnect_event(role: Role) -> Event:
    """The disconnect.leg event for a leg of this party."""
    return Event(f"disconnect.leg:{role.value}")


def option_event(mnemonic: str) -> Event:
    """The call.talk_option event for a talk option mnemonic (ValueError if unknown)."""
    return Event(f"call.talk_option:{mnemonic}")


class InvalidTransition(Exception):  # noqa: N818 -- named after h11's LocalProtocolError style
    """The event is not allowed in the session's state; nothing was changed."""

    def __init__(self, state: SessionState, event: Event) -> None:
        self.state = state
        self.event = event
        super().__init__(f"{event.value} is not allowed in {state.value}")


def _build() -> dict[tuple[SessionState, Event], SessionState]:
    t: dict[tuple[SessionState, Event], SessionState] = {}

    def each(states: Iterable[SessionState], event: Event, dst: SessionState | None) -> None:
        for s in states:
            t[(s, event)] = s if dst is None else dst  # None: accepted, state unchanged

    # SESSION: set-up (diagram: unlabeled SESSION -> TALK; failures reconstructed)
    t[(S.SESSION, E.CONNECTED)] = S.TALK
    t[(S.SESSION, E.ABANDONED)] = S.FINISHING
    t[(S.SESSION, E.INFORMER_DONE)] = S.FINISHING
    # hold / unhold / consultation / transfer (diagram, section 13.0 matrix)
    t[(S.TALK, E.HOLD_CALL)] = S.HOLD
    each((S.HOLD, S.WAITING_INPUT), E.UNHOLD_CALL, S.TALK)
    each((S.HOLD, S.WAITING_INPUT), E.MAKE_CALL, S.DIALING)
    each((S.HOLD, S.WAITING_INPUT), E.TRANSFER_WAIT_TIMEOUT, S.TALK)
    t[(S.DIALING, E.C_ANSWERED)] = S.OPERATOR_TALK
    t[(S.DIALING, E.C_FAILED)] = S.HOLD
    t[(S.DIALING, E.RESTORE_TALK)] = S.TALK
    t[(S.DIALING, E.TRANSFER_TALK)] = S.TRANSFER_PENDING
    t[(S.OPERATOR_TALK, E.RESTORE_TALK)] = S.TALK
    t[(S.OPERATOR_TALK, E.TRANSFER_TALK)] = S.TALK
    t[(S.TRANSFER_PENDING, E.C_ANSWERED)] = S.TALK
    t[(S.TRANSFER_PENDING, E.C_FAILED)] = S.FINISHING
    # methods accepted in every active state; TALK has the diagram's edge
    each(ACTIVE_STATES, E.ADD_COACH, None)
    t[(S.TALK, E.ADD_COACH)] = S.CALL_COACH
    each(ACTIVE_STATES, E.RECORD_CALL, None)
    t[(S.TALK, E.RECORD_CALL)] = S.RECORD_TALK
    each(ACTIVE_STATES, E.TAG_CALL, None)
    t[(S.TALK, E.TAG_CALL)] = S.MARK_CALL
    each(ACTIVE_STATES, E.SEND_DTMF, None)
    t[(S.WAITING_INPUT, E.SEND_DTMF)] = S.HOLD
    each(ACTIVE_STATES, E.BLOCK_CONTACT, None)
    each(ACTIVE_STATES, E.RELEASE_CALL, S.FINISHING)
    # a coach leg that answers or fails; CALL_COACH goes back to TALK either way
    each(ACTIVE_STATES, E.COACH_ANSWERED, None)
    each(ACTIVE_STATES, E.COACH_FAILED, None)
    t[(S.CALL_COACH, E.COACH_ANSWERED)] = S.TALK
    t[(S.CALL_COACH, E.COACH_FAILED)] = S.TALK
    # disconnect.leg by party (matrix of section 13.0; a party without a leg there is absent)
    each(ACTIVE_STATES, E.DISCONNECT_A, S.FINISHING)
    each(ACTIVE_STATES, E.DISCONNECT_COACH, None)
    each((S.SESSION, S.HOLD, S.WAITING_INPUT), E.DISCONNECT_B, S.FINISHING)
    for s in _TALKING:
        for e in (E.DISCONNECT_A, E.DISCONNECT_B, E.DISCONNECT_C):
            t[(s, e)] = S.POST_TALK
    t[(S.CALL_COACH, E.DISCONNECT_COACH)] = S.TALK
    t[(S.DIALING, E.DISCONNECT_B)] = S.TRANSFER_PENDING
    t[(S.DIALING, E.DISCONNECT_C)] = S.HOLD
    t[(S.TRANSFER_PENDING, E.DISCONNECT_C)] = S.FINISHING
    t[(S.OPERATOR_TALK, E.DISCONNECT_B)] = S.TALK
    t[(S.OPERATOR_TALK, E.DISCONNECT_C)] = S.HOLD
    # talk options: only in TALK (diagram), effect per mnemonic (reconstructed)
    t[(S.TALK, E.OPTION_FINISH_CONVERSATION)] = S.POST_TALK
    t[(S.TALK, E.OPTION_TAG_CALL)] = S.MARK_CALL
    t[(S.TALK, E.OPTION_RECORD_TALK)] = S.RECORD_TALK
    t[(S.TALK, E.OPTION_TRANSFER_CALL)] = S.HOLD
    t[(S.TALK, E.OPTION_CALL_COACH)] = S.CALL_COACH
    for e in (E.OPTION_RUN_SCENARIO, E.OPTION_RECEIVE_FAX, E.OPTION_SAVE_NUMA):
        t[(S.TALK, e)] = S.TALK
    return t


TRANSITIONS: Final[Mapping[tuple[SessionState, Event], SessionState]] = _build()

SETTLES: Final[Mapping[SessionState, SessionState]] = {
    S.HOLD: S.WAITING_INPUT,
    S.RECORD_TALK: S.TALK,
    S.MARK_CALL: S.TALK,
    S.POST_TALK: S.FINISHING,
    S.FINISHING: S.END,
}


def next_state(state: SessionState, event: Event) -> SessionState:
    """The state `event` leads to, before automatic edges; InvalidTransition if none."""
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise InvalidTransition(state, event) from None


def settle(state: SessionState) -> SessionState:
    """Follow the automatic (unlabeled) edges from `state`."""
    while state in SETTLES:
        state = SETTLES[state]
    return state


def fire(state: SessionState, event: Event) -> SessionState:
    """The settled state after `event`; InvalidTransition (nothing changes) if not allowed."""
    return settle(next_state(state, event))


def allowed(state: SessionState, event: Event) -> bool:
    return (state, event) in TRANSITIONS


class LegState(enum.Enum):
    """The 12 leg states of list.calls: exact Russian literals (SPEC section 13.0)."""

    RINGING = "Дозвон"
    TALKING = "Разговор"
    QUEUED = "На очереди"
    DISCONNECTED = "Разъединено"
    OPERATORS_TALKING = "Разговор операторов"
    ON_HOLD = "На удержании"
    TRANSFERRING = "Перевод вызова"
    SENDING_DTMF = "Отправка dtmf"
    RECEIVING_FAX = "Получение факса"
    FAX_RECEIVED = "Факс получен"
    SENDING_FAX = "Отправка факса"  # no API method starts it
    FAX_SENT = "Факс отправлен"  # no API method starts it


# Tuples, not sets: membership then compares by identity, without Enum.__hash__ (list.calls
# derives every leg's state on every request).
_HELD: Final = (S.HOLD, S.WAITING_INPUT, S.DIALING, S.OPERATOR_TALK)
_TALKING_T: Final = (S.TALK, S.CALL_COACH, S.RECORD_TALK, S.MARK_CALL)
_ENDED_T: Final = (S.POST_TALK, S.FINISHING, S.END)


def leg_state(
    session: SessionState,
    role: Role,
    *,
    answered: bool,
    queued: bool = False,
    sending_dtmf: bool = False,
    fax: LegState | None = None,
) -> LegState:
    """Derive a leg's list.calls state from the session state and the leg's role and facts."""
    if session in _ENDED_T:
        return LegState.DISCONNECTED
    if role is Role.A and sending_dtmf:
        return LegState.SENDING_DTMF
    if not answered:
        return LegState.RINGING
    if role is Role.A:
        if session is S.SESSION and queued:
            return LegState.QUEUED
        if session in _HELD:
            return LegState.ON_HOLD
        if session is S.TRANSFER_PENDING:
            return LegState.TRANSFERRING
        if session in _TALKING_T and fax is not None:
            return fax
        return LegState.TALKING
    if session is S.OPERATOR_TALK and role in (Role.B, Role.C):
        return LegState.OPERATORS_TALKING
    return LegState.TALKING
