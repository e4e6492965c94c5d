"""The viewmodels' copy of the spec's state rules, checked against the packaged methods.json."""

import pytest

from callpad.sim.spec import method as spec_method
from callpad.viewmodels import wording
from callpad.viewmodels.call_phase import (
    ACTION_METHOD,
    ALLOWED,
    PHASE_STATES,
    CallAction,
    CallPhase,
    allowed_actions,
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
