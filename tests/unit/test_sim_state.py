"""The simulator's state machine table against methods.json, and illegal events changing nothing."""

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from callpad.sim import call_control as cc
from callpad.sim.calls import Agenda, Due, Kind, Session
from callpad.sim.scenario import demo_scenario
from callpad.sim.spec import spec
from callpad.sim.state import (
    ACTIVE_STATES,
    ENDED_STATES,
    SETTLES,
    TRANSITIONS,
    Event,
    InvalidTransition,
    LegState,
    Role,
    SessionState,
    allowed,
    disconnect_event,
    fire,
    leg_state,
    next_state,
    option_event,
)
from callpad.sim.switchboard import Switchboard

S = SessionState
E = Event
MNEMONICS = [
    "finish_conversation",
    "tag_call",
    "record_talk",
    "transfer_call",
    "run_scenario",
    "call_coach",
    "receive_fax",
    "save_numa",
]


def matrix_cases() -> list[Any]:
    """(method, state, event, expected settled state or None for invalid) from state_effects."""
    out = []
    for method, entry in spec()["methods"].items():
        for st, eff in (entry.get("state_effects") or {}).items():
            if method == "disconnect.leg":
                for party in ("A", "B", "C", "coach"):
                    want = eff["settles_in"].get(party)
                    event = disconnect_event(Role(party))
                    out.append(pytest.param(st, event, want, id=f"{method}-{st}-{party}"))
            elif method == "call.talk_option":
                for m in MNEMONICS:
                    want = eff["settles_in"][m] if eff["result"] == "ok" else None
                    out.append(pytest.param(st, option_event(m), want, id=f"{method}-{st}-{m}"))
            else:
                want = eff["settles_in"] if eff["result"] == "ok" else None
                out.append(pytest.param(st, Event(method), want, id=f"{method}-{st}"))
    return out


@pytest.mark.parametrize(("state", "event", "expected"), matrix_cases())
def test_table_matches_the_spec_matrix(state, event, expected):
    src = SessionState(state)
    if expected is None:
        assert not allowed(src, event)
        with pytest.raises(InvalidTransition):
            fire(src, event)
    else:
        assert fire(src, event).value == expected


def test_matrix_covers_every_active_state_of_every_session_method():
    # 11 plain methods, disconnect.leg by 4 parties, call.talk_option by 8 mnemonics; 10 states
    assert len(matrix_cases()) == (11 + 4 + 8) * 10


# Every row of SPEC section 13.0 'Transitions' (methods.json session_transitions), as events.
DIAGRAM: list[tuple[S, E, S]] = [
    (S.SESSION, E.CONNECTED, S.TALK),
    (S.TALK, E.ADD_COACH, S.CALL_COACH),
    (S.CALL_COACH, E.COACH_FAILED, S.TALK),
    (S.TALK, E.RECORD_CALL, S.RECORD_TALK),
    (S.TALK, E.TAG_CALL, S.MARK_CALL),
    (S.TALK, E.HOLD_CALL, S.HOLD),
    (S.HOLD, E.UNHOLD_CALL, S.TALK),
    (S.WAITING_INPUT, E.SEND_DTMF, S.HOLD),
    (S.WAITING_INPUT, E.MAKE_CALL, S.DIALING),
    (S.DIALING, E.C_FAILED, S.HOLD),
    (S.DIALING, E.C_ANSWERED, S.OPERATOR_TALK),
    (S.DIALING, E.RESTORE_TALK, S.TALK),
    (S.DIALING, E.TRANSFER_TALK, S.TRANSFER_PENDING),
    (S.TRANSFER_PENDING, E.C_ANSWERED, S.TALK),
    (S.TRANSFER_PENDING, E.C_FAILED, S.FINISHING),
    (S.OPERATOR_TALK, E.RESTORE_TALK, S.TALK),
    (S.OPERATOR_TALK, E.TRANSFER_TALK, S.TALK),
    (S.TALK, E.DISCONNECT_A, S.POST_TALK),
    (S.TALK, E.DISCONNECT_B, S.POST_TALK),
    (S.TALK, E.DISCONNECT_C, S.POST_TALK),
    (S.SESSION, E.ABANDONED, S.FINISHING),
    (S.SESSION, E.INFORMER_DONE, S.FINISHING),
    (S.CALL_COACH, E.COACH_ANSWERED, S.TALK),
    (S.WAITING_INPUT, E.UNHOLD_CALL, S.TALK),
    (S.HOLD, E.MAKE_CALL, S.DIALING),
    (S.DIALING, E.DISCONNECT_C, S.HOLD),
    (S.OPERATOR_TALK, E.DISCONNECT_C, S.HOLD),
    (S.OPERATOR_TALK, E.DISCONNECT_B, S.TALK),
    (S.DIALING, E.DISCONNECT_B, S.TRANSFER_PENDING),
    (S.TRANSFER_PENDING, E.DISCONNECT_C, S.FINISHING),
    (S.HOLD, E.DISCONNECT_B, S.FINISHING),
    (S.WAITING_INPUT, E.DISCONNECT_B, S.FINISHING),
    (S.TALK, E.OPTION_FINISH_CONVERSATION, S.POST_TALK),
    (S.TALK, E.OPTION_RECORD_TALK, S.RECORD_TALK),
    (S.TALK, E.OPTION_TAG_CALL, S.MARK_CALL),
    (S.TALK, E.OPTION_CALL_COACH, S.CALL_COACH),
    (S.TALK, E.OPTION_TRANSFER_CALL, S.HOLD),
    (S.HOLD, E.TRANSFER_WAIT_TIMEOUT, S.TALK),
    (S.WAITING_INPUT, E.TRANSFER_WAIT_TIMEOUT, S.TALK),
    (S.TALK, E.OPTION_RUN_SCENARIO, S.TALK),
    (S.TALK, E.OPTION_RECEIVE_FAX, S.TALK),
    (S.TALK, E.OPTION_SAVE_NUMA, S.TALK),
]


@pytest.mark.parametrize(("src", "event", "dst"), DIAGRAM, ids=lambda x: getattr(x, "name", x))
def test_every_section_13_transition(src, event, dst):
    assert next_state(src, event) is dst


@pytest.mark.parametrize("src", [s for s in SessionState if s in ACTIVE_STATES])
def test_any_active_state_ends_on_release_and_contact_disconnect(src):
    assert fire(src, E.RELEASE_CALL) is S.END
    assert fire(src, E.DISCONNECT_A) is S.END
    assert fire(src, E.DISCONNECT_COACH) in ACTIVE_STATES


def test_settles_match_methods_json():
    machine = spec()["session_state_machine"]
    assert {k.value: v.value for k, v in SETTLES.items()} == machine["settles"]
    assert {s.value for s in ACTIVE_STATES} == set(machine["active_states"])
    assert {s.value for s in ENDED_STATES} - {"(end)"} == set(machine["ended_states"])


def test_no_event_leaves_an_ended_state():
    for (src, _), _dst in TRANSITIONS.items():
        assert src in ACTIVE_STATES


def test_invalid_transition_names_state_and_event():
    with pytest.raises(InvalidTransition) as info:
        next_state(S.TALK, E.UNHOLD_CALL)
    assert (info.value.state, info.value.event) == (S.TALK, E.UNHOLD_CALL)
    assert "unhold.call" in str(info.value)


# -- leg states ------------------------------------------------------------------------------

LEGS: list[tuple[S, Role, dict[str, bool], LegState]] = [
    (S.SESSION, Role.B, {"answered": False}, LegState.RINGING),
    (S.SESSION, Role.A, {"answered": True}, LegState.TALKING),
    (S.SESSION, Role.A, {"answered": True, "queued": True}, LegState.QUEUED),
    (S.TALK, Role.A, {"answered": True}, LegState.TALKING),
    (S.TALK, Role.COACH, {"answered": True}, LegState.TALKING),
    (S.HOLD, Role.A, {"answered": True}, LegState.ON_HOLD),
    (S.WAITING_INPUT, Role.A, {"answered": True}, LegState.ON_HOLD),
    (S.WAITING_INPUT, Role.B, {"answered": True}, LegState.TALKING),
    (S.DIALING, Role.A, {"answered": True}, LegState.ON_HOLD),
    (S.DIALING, Role.C, {"answered": False}, LegState.RINGING),
    (S.OPERATOR_TALK, Role.A, {"answered": True}, LegState.ON_HOLD),
    (S.OPERATOR_TALK, Role.B, {"answered": True}, LegState.OPERATORS_TALKING),
    (S.OPERATOR_TALK, Role.C, {"answered": True}, LegState.OPERATORS_TALKING),
    (S.TRANSFER_PENDING, Role.A, {"answered": True}, LegState.TRANSFERRING),
    (S.CALL_COACH, Role.COACH, {"answered": False}, LegState.RINGING),
    (S.TALK, Role.A, {"answered": True, "sending_dtmf": True}, LegState.SENDING_DTMF),
    (S.DIALING, Role.A, {"answered": True, "sending_dtmf": True}, LegState.SENDING_DTMF),
    (S.POST_TALK, Role.B, {"answered": True}, LegState.DISCONNECTED),
    (S.FINISHING, Role.A, {"answered": True}, LegState.DISCONNECTED),
]


@pytest.mark.parametrize(("session", "role", "facts", "want"), LEGS)
def test_leg_state_is_derived(session, role, facts, want):
    assert leg_state(session, role, **facts) is want


def test_fax_states_show_only_while_talking():
    received = LegState.FAX_RECEIVED
    assert leg_state(S.TALK, Role.A, answered=True, fax=received) is received
    assert leg_state(S.WAITING_INPUT, Role.A, answered=True, fax=received) is LegState.ON_HOLD


def test_leg_states_are_the_spec_strings():
    assert [s.value for s in LegState] == spec()["leg_states"]


# -- the switchboard: illegal calls leave the session untouched ----------------------------


def talking_session() -> tuple[Switchboard, Session]:
    sb = Switchboard(demo_scenario())
    s = Session(
        id=0,
        kind=Kind.EMPLOYEE,
        direction="out",
        started=datetime(2026, 1, 1, tzinfo=UTC),
        virtual_phone_number="74951112233",
        contact="79161234567",
        external_id=None,
        first_call=Role.B,
        b_numbers=["0107"],
        b_employee_id=3141,
        b_calling="74951112233",
    )
    sb.start(s, 0.0)
    sb.advance_to(7.0)
    assert s.state is S.TALK
    return sb, s


@pytest.mark.parametrize(
    "illegal",
    [
        lambda sb, s: cc.unhold(sb, s, 8.0),
        lambda sb, s: cc.make_call(sb, s, "0215", None, None, 8.0),
        lambda sb, s: cc.transfer(sb, s, 8.0),
        lambda sb, s: cc.restore(sb, s, 8.0),
    ],
    ids=["unhold", "make_call", "transfer", "restore"],
)
def test_illegal_call_changes_nothing(illegal):
    sb, s = talking_session()
    before = copy.deepcopy(s)
    agenda = len(sb.agenda)
    with pytest.raises(InvalidTransition):
        illegal(sb, s)
    assert s == before
    assert len(sb.agenda) == agenda


def test_advance_applies_deadlines_in_order_each_at_its_time():
    _, s = talking_session()
    assert s.first_talk_at == 7.0  # the contact answered at 3 + 4 s, not at the advance time
    assert [leg.answered_at for leg in s.legs] == [3.0, 7.0]


def test_agenda_pops_by_time_then_insertion():
    agenda = Agenda()
    agenda.add(5.0, Due.ANSWER, 1, 10)
    agenda.add(1.0, Due.FAIL, 1, 11)
    agenda.add(1.0, Due.CONNECT, 1, 12)
    assert agenda.pop_due(0.5) is None
    got = [agenda.pop_due(10.0) for _ in range(3)]
    assert [(e.due, e.leg_id) for e in got if e] == [(1.0, 11), (1.0, 12), (5.0, 10)]
    assert agenda.pop_due(10.0) is None
