"""The viewmodels' copy of the spec's state rules, checked against the packaged methods.json."""

from datetime import UTC, datetime

import pytest

from callpad.api.models import (
    ActiveCall,
    CallSessionId,
    Direction,
    EmployeeId,
    Leg,
    LegId,
    LegState,
)
from callpad.sim.spec import method as spec_method
from callpad.viewmodels import wording
from callpad.viewmodels.call_phase import (
    ACTION_METHOD,
    ALLOWED,
    PHASE_STATES,
    CallAction,
    CallPhase,
    allowed_actions,
    contact_leg,
    infer_phase,
)

# Phases the client can tell apart; RECORD_TALK and MARK_CALL are never seen (SPEC 13.0 point 1).
VISIBLE = {state for states in PHASE_STATES.values() for state in states}


@pytest.mark.parametrize("action", list(CallAction))
def test_allowed_phases_match_methods_json(action):
    method = spec_method(ACTION_METHOD[action])
    allowed_states = set(method["allowed_session_states"]) & VISIBLE
    phases = {p for p in CallPhase if PHASE_STATES[p] <= allowed_states}
    partly = {p for p in CallPhase if PHASE_STATES[p] & allowed_states}
    assert phases == partly  # HOLD and WAITING_INPUT always agree
    assert ALLOWED[action] == phases


def test_every_phase_has_words_in_both_languages():
    for phase in CallPhase:
        assert wording.phase_text(phase, "ru") != wording.phase_text(phase, "en")
    for action in CallAction:
        assert wording.action_text(action, "ru")
        assert wording.action_text(action, "en")
    for key in wording.phrase_keys():
        ru, en = wording._PHRASES[key]
        assert ru.count("{") == en.count("{"), key


def test_no_call_allows_nothing():
    assert allowed_actions(None) == frozenset()
    assert CallAction.RESTORE in allowed_actions(CallPhase.DIALING)
    assert CallAction.UNHOLD not in allowed_actions(CallPhase.OPERATOR_TALK)


def _leg(leg_id: int, state: LegState, *, operator: bool = False, employee: int | None = None,
         number: str = "79161234567") -> Leg:  # fmt: skip
    return Leg(LegId(leg_id), "74951112233", number, operator,
               None if employee is None else EmployeeId(employee), None, False, state)  # fmt: skip


def _call(*legs: Leg, direction: Direction = Direction.OUT) -> ActiveCall:
    return ActiveCall(CallSessionId(1), direction, datetime(2026, 11, 30, tzinfo=UTC),
                      "74951112233", "79161234567", None, (), legs)  # fmt: skip


B = 3141
TALK, RING, HOLD, OPS = LegState.TALK, LegState.DIALING, LegState.ON_HOLD, LegState.OPERATORS_TALK


@pytest.mark.parametrize(
    ("legs", "phase"),
    [
        # SPEC 13.1 A: my phone rings, then the contact; both talk.
        ([_leg(1, RING, operator=True, employee=B, number="0107")], CallPhase.SESSION),
        ([_leg(1, TALK, operator=True, employee=B, number="0107"), _leg(2, RING)],
         CallPhase.SESSION),
        ([_leg(1, TALK, operator=True, employee=B, number="0107"), _leg(2, TALK)], CallPhase.TALK),
        # An incoming call waiting in the queue.
        ([_leg(2, LegState.QUEUED), _leg(1, RING, operator=True, employee=B)], CallPhase.SESSION),
        # Hold, consult dialling, consult talking, transfer pending.
        ([_leg(1, TALK, operator=True, employee=B), _leg(2, HOLD)], CallPhase.ON_HOLD),
        ([_leg(1, TALK, operator=True, employee=B), _leg(2, HOLD),
          _leg(3, RING, employee=3142, number="0215")], CallPhase.DIALING),
        ([_leg(1, OPS, operator=True, employee=B), _leg(2, HOLD),
          _leg(3, OPS, employee=3142, number="0215")], CallPhase.OPERATOR_TALK),
        ([_leg(2, LegState.TRANSFER), _leg(3, RING, employee=3142, number="0215")],
         CallPhase.TRANSFER_PENDING),
        # A coach being dialled while the call talks; a fax being received still talks.
        ([_leg(1, TALK, operator=True, employee=B), _leg(2, TALK),
          _leg(4, RING, employee=3144, number="0110")], CallPhase.CALL_COACH),
        ([_leg(1, TALK, operator=True, employee=B), _leg(2, LegState.RECEIVING_FAX)],
         CallPhase.TALK),
        # An informer call has only the contact: it never talks with an operator.
        ([_leg(2, TALK)], CallPhase.SESSION),
    ],
)  # fmt: skip
def test_phase_is_read_from_the_legs(legs, phase):
    assert infer_phase(_call(*legs)) is phase


def test_sending_dtmf_keeps_the_previous_phase():
    call = _call(_leg(1, TALK, operator=True, employee=B), _leg(2, LegState.SENDING_DTMF))
    assert infer_phase(call, CallPhase.ON_HOLD) is CallPhase.ON_HOLD
    assert infer_phase(call) is CallPhase.TALK  # nothing known before: it talks


def test_the_contact_leg_is_found_by_its_number():
    incoming = ActiveCall(CallSessionId(2), Direction.IN, datetime(2026, 11, 30, tzinfo=UTC),
                          "74951112233", "79035550001", None, (),
                          (Leg(LegId(7), "79035550001", "74951112233", False, None, None, False,
                               LegState.QUEUED),))  # fmt: skip
    assert contact_leg(incoming) is incoming.legs[0]
    with_dtmf = _call(_leg(1, TALK, operator=True, employee=B),
                      _leg(2, TALK, number="79161234567...9.2"))  # fmt: skip
    assert contact_leg(with_dtmf) is with_dtmf.legs[1]
