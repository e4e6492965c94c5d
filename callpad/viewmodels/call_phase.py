"""CallPhase: the session state a call is in, inferred from its legs, and what it allows.

The API returns no session state (SPEC section 13.0); list.calls only gives each leg's Russian state
string. This module reads the legs back into the diagram's states, as far as they can be told apart,
and holds the table of which call-control method the spec allows in which state (methods.json
`allowed_session_states`; a test compares this table with the packaged spec).

Inference, from the leg tables of SPEC section 13.0:
- a leg in 'Перевод вызова'                       -> TRANSFER_PENDING
- a leg in 'Разговор операторов'                  -> OPERATOR_TALK
- the contact (A) 'На удержании' and another
  non-operator leg ringing ('Дозвон')             -> DIALING (the consult target (C) is rung)
- the contact (A) 'На удержании'                  -> ON_HOLD (HOLD or WAITING_INPUT)
- (A) and an operator leg both 'Разговор' and a
  further leg ringing                              -> CALL_COACH
- (A) and an operator leg both 'Разговор'         -> TALK (fax states count as talking)
- otherwise                                        -> SESSION (ringing, queued, hearing messages)
'Отправка dtmf' on (A) hides its real state for a moment; the caller keeps the previous phase then.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from callpad.api.models import ActiveCall, Direction, Leg, LegState


class CallPhase(enum.Enum):
    """A call's session state as far as its legs tell (HOLD and WAITING_INPUT are one: ON_HOLD)."""

    SESSION = "SESSION"
    TALK = "TALK"
    ON_HOLD = "ON_HOLD"
    DIALING = "DIALING"
    OPERATOR_TALK = "OPERATOR_TALK"
    TRANSFER_PENDING = "TRANSFER_PENDING"
    CALL_COACH = "CALL_COACH"


class CallAction(enum.Enum):
    """The call-control commands of the actions panel (one per session method, plus record off)."""

    HOLD = "hold"
    UNHOLD = "unhold"
    CONSULT = "consult"
    TRANSFER = "transfer"
    RESTORE = "restore"
    DISCONNECT_LEG = "disconnect_leg"
    TAG = "tag"
    RECORD_ON = "record_on"
    RECORD_OFF = "record_off"
    ADD_COACH = "add_coach"
    SEND_DTMF = "send_dtmf"
    BLOCK = "block"
    TALK_OPTION = "talk_option"
    RELEASE = "release"


# The spec's session states behind each phase (methods.json `allowed_session_states` names).
PHASE_STATES: dict[CallPhase, frozenset[str]] = {
    CallPhase.SESSION: frozenset({"SESSION"}),
    CallPhase.TALK: frozenset({"TALK"}),
    CallPhase.ON_HOLD: frozenset({"HOLD", "WAITING_INPUT"}),
    CallPhase.DIALING: frozenset({"DIALING"}),
    CallPhase.OPERATOR_TALK: frozenset({"OPERATOR_TALK"}),
    CallPhase.TRANSFER_PENDING: frozenset({"TRANSFER_PENDING"}),
    CallPhase.CALL_COACH: frozenset({"CALL_COACH"}),
}

# The API method behind each action.
ACTION_METHOD: dict[CallAction, str] = {
    CallAction.HOLD: "hold.call",
    CallAction.UNHOLD: "unhold.call",
    CallAction.CONSULT: "make.call",
    CallAction.TRANSFER: "transfer.talk",
    CallAction.RESTORE: "restore.talk",
    CallAction.DISCONNECT_LEG: "disconnect.leg",
    CallAction.TAG: "tag.call",
    CallAction.RECORD_ON: "record.call",
    CallAction.RECORD_OFF: "record.call",
    CallAction.ADD_COACH: "add.coach",
    CallAction.SEND_DTMF: "send.dtmf",
    CallAction.BLOCK: "block.contact",
    CallAction.TALK_OPTION: "call.talk_option",
    CallAction.RELEASE: "release.call",
}

_ALL = frozenset(CallPhase)

# Which phase allows which action: SPEC section 13.0's matrix ("IS" cells excluded).
ALLOWED: dict[CallAction, frozenset[CallPhase]] = {
    CallAction.HOLD: frozenset({CallPhase.TALK}),
    CallAction.UNHOLD: frozenset({CallPhase.ON_HOLD}),
    CallAction.CONSULT: frozenset({CallPhase.ON_HOLD}),
    CallAction.TRANSFER: frozenset({CallPhase.DIALING, CallPhase.OPERATOR_TALK}),
    CallAction.RESTORE: frozenset({CallPhase.DIALING, CallPhase.OPERATOR_TALK}),
    CallAction.DISCONNECT_LEG: _ALL,
    CallAction.TAG: _ALL,
    CallAction.RECORD_ON: _ALL,
    CallAction.RECORD_OFF: _ALL,
    CallAction.ADD_COACH: _ALL,
    CallAction.SEND_DTMF: _ALL,
    CallAction.BLOCK: _ALL,
    CallAction.TALK_OPTION: frozenset({CallPhase.TALK}),
    CallAction.RELEASE: _ALL,
}

_TALKING = frozenset(
    {LegState.TALK, LegState.RECEIVING_FAX, LegState.FAX_RECEIVED, LegState.SENDING_FAX}
    | {LegState.FAX_SENT}
)


def contact_leg(call: ActiveCall) -> Leg | None:
    """The customer's leg (A): not an operator, no employee, and carrying the contact's number."""
    for leg in call.legs:
        if leg.is_operator or leg.employee_id is not None:
            continue
        if call.contact_phone_number in (leg.called_phone_number, leg.calling_phone_number):
            return leg
        if leg.called_phone_number.startswith(call.contact_phone_number + "."):
            return leg  # the dialled DTMF suffix of SPEC section 14
    return None


def infer_phase(call: ActiveCall, previous: CallPhase | None = None) -> CallPhase:
    """The phase of `call`; `previous` is kept while (A) shows 'Отправка dtmf'."""
    states = {leg.state for leg in call.legs}
    if LegState.TRANSFER in states:
        return CallPhase.TRANSFER_PENDING
    if LegState.OPERATORS_TALK in states:
        return CallPhase.OPERATOR_TALK
    a = contact_leg(call)
    if a is not None and a.state is LegState.SENDING_DTMF and previous is not None:
        return previous
    others = [leg for leg in call.legs if leg is not a]
    if a is not None and a.state is LegState.ON_HOLD:
        if any(not leg.is_operator and leg.state is LegState.DIALING for leg in others):
            return CallPhase.DIALING
        return CallPhase.ON_HOLD
    operators = [leg for leg in others if leg.is_operator]
    a_talking = a is not None and a.state in _TALKING | {LegState.SENDING_DTMF}
    if a_talking and any(leg.state in _TALKING for leg in operators):
        if any(leg.state is LegState.DIALING for leg in others):
            return CallPhase.CALL_COACH
        return CallPhase.TALK
    return CallPhase.SESSION


def allowed_actions(phase: CallPhase | None) -> frozenset[CallAction]:
    """The actions the spec accepts in `phase` (none for no call)."""
    if phase is None:
        return frozenset()
    return frozenset(action for action, phases in ALLOWED.items() if phase in phases)


def is_mine(call: ActiveCall, employee_ids: Iterable[int]) -> bool:
    """Whether a leg of one of these employees takes part in the call."""
    ids = set(employee_ids)
    return any(leg.employee_id is not None and leg.employee_id in ids for leg in call.legs)


def rings_for_me(call: ActiveCall, employee_ids: Iterable[int]) -> bool:
    """An incoming call whose leg to one of these employees is ringing (highlight, notify)."""
    ids = set(employee_ids)
    return call.direction is Direction.IN and any(
        leg.employee_id in ids and leg.state is LegState.DIALING
        for leg in call.legs
        if leg.employee_id is not None
    )


def party_of(call: ActiveCall, leg: Leg, phase: CallPhase | None) -> str:
    """Who a leg is: "A" (customer), "B" (agent), "C" (consultant), "coach" or "other".

    `phase` is the call's known phase; None: inferred here, only if the leg needs it.
    """
    a = contact_leg(call)
    if a is not None and leg.leg_id == a.leg_id:
        return "A"
    if leg.is_operator:
        return "B"
    operators_before = any(other.is_operator for other in call.legs if other.leg_id < leg.leg_id)
    if leg.employee_id is not None and not operators_before:
        return "B"
    phase = phase or infer_phase(call)
    if phase in (CallPhase.DIALING, CallPhase.OPERATOR_TALK, CallPhase.TRANSFER_PENDING):
        return "C"
    return "coach" if phase is not CallPhase.SESSION else "other"
