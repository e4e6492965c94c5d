"""What the call-control methods do to a live session, once their checks have passed.

Each function takes the switchboard, the session and `now`; it asks the transition table before it
changes anything, so an illegal call raises `InvalidTransition` and leaves the session untouched.
The effects follow SPEC section 13.0 (matrix, points 4, 5, 9, 10) and section 13.1.
"""

from __future__ import annotations

from callpad.sim.calls import Dial, Due, Leg, Message, Session
from callpad.sim.scenario import Employee, TalkOption
from callpad.sim.state import (
    ENDED_STATES,
    Event,
    Role,
    SessionState,
    disconnect_event,
    fire,
    option_event,
)
from callpad.sim.switchboard import Switchboard

S = SessionState
E = Event


def hold(sb: Switchboard, s: Session, message: Message, t: float) -> None:
    sb.fire(s, E.HOLD_CALL, t)
    s.hold_message = message


def unhold(sb: Switchboard, s: Session, t: float) -> None:
    sb.fire(s, E.UNHOLD_CALL, t)


def make_call(
    sb: Switchboard,
    s: Session,
    to: str,
    message: Message | None,
    employee: Employee | None,
    t: float,
) -> None:
    sb.check(s, E.MAKE_CALL)
    s.transfer_wait = 0
    if message is not None:
        s.messages[Role.C] = message
    else:
        s.messages.pop(Role.C, None)
    leg = sb.new_leg(s, Role.C, s.virtual_phone_number, to, Dial.CONSULT_TARGET, employee)
    sb.fire(s, E.MAKE_CALL, t)
    sb.ring(s, leg, t)


def transfer(sb: Switchboard, s: Session, t: float) -> None:
    """DIALING -> TRANSFER_PENDING ((B) leaves, (C) still rings); OPERATOR_TALK -> TALK (A)+(C)."""
    sb.check(s, E.TRANSFER_TALK)
    _drop(s, Role.B)
    sb.fire(s, E.TRANSFER_TALK, t)


def restore(sb: Switchboard, s: Session, t: float) -> None:
    sb.check(s, E.RESTORE_TALK)
    _drop(s, Role.C)
    sb.fire(s, E.RESTORE_TALK, t)


def disconnect(sb: Switchboard, s: Session, leg: Leg, t: float) -> None:
    event = disconnect_event(leg.role)
    if fire(s.state, event) not in ENDED_STATES:  # raises InvalidTransition: nothing changed
        s.legs.remove(leg)  # a leg that leaves a running session vanishes (13.0 point 8)
    sb.fire(s, event, t)


def release(sb: Switchboard, s: Session, t: float) -> None:
    sb.fire(s, E.RELEASE_CALL, t)


def add_coach(
    sb: Switchboard,
    s: Session,
    number: str,
    employee: Employee | None,
    t: float,
    event: Event = E.ADD_COACH,
) -> None:
    sb.check(s, event)
    leg = sb.new_leg(s, Role.COACH, s.virtual_phone_number, number, Dial.COACH, employee)
    sb.fire(s, event, t)
    sb.ring(s, leg, t)


def record(sb: Switchboard, s: Session, on: bool, t: float) -> None:
    sb.fire(s, E.RECORD_CALL, t)
    s.recording = on


def tag(sb: Switchboard, s: Session, tag_id: int, name: str, t: float) -> None:
    sb.fire(s, E.TAG_CALL, t)
    s.tags.append((tag_id, name))


def block(sb: Switchboard, s: Session, t: float) -> None:
    sb.fire(s, E.BLOCK_CONTACT, t)


def send_dtmf(sb: Switchboard, s: Session, symbol: str, t: float) -> TalkOption | None:
    """Send one symbol to (A); return the talk option it fires, if any (SPEC 13.0 point 9)."""
    was_talk = s.state is S.TALK
    sb.fire(s, E.SEND_DTMF, t)
    a = s.party(Role.A)
    if a is not None and a.answered:
        a.dtmf_until = max(t, a.dtmf_until) + sb.scenario.timings.dtmf_symbol_s
    option = sb.scenario.talk_option(symbol)
    if option is None or not was_talk:
        return None
    if s.direction == "out":
        delay = sb.scenario.timings.talk_option_delay_outgoing_s
        if s.first_talk_at is None or t - s.first_talk_at < delay:
            return None
    return option


def coach_for(sb: Switchboard, s: Session) -> Employee | None:
    """The coach configured for the session's operator employee, if any."""
    b = s.party(Role.B)
    operator = sb.scenario.employee(b.employee_id) if b and b.employee_id else None
    if operator is None or operator.coach_employee_id is None:
        return None
    return sb.scenario.employee(operator.coach_employee_id)


def talk_option(sb: Switchboard, s: Session, option: TalkOption, t: float) -> None:
    """Run a talk option in TALK (the caller checked state and global recording)."""
    event = option_event(option.mnemonic)
    sb.check(s, event)
    mnemonic = option.mnemonic
    if mnemonic == "record_talk":
        sb.fire(s, event, t)
        s.recording = not s.recording
    elif mnemonic == "tag_call":
        sb.fire(s, event, t)
        tag_obj = sb.scenario.tag(option.object_id) if option.object_id is not None else None
        if tag_obj is not None and all(tid != tag_obj.id for tid, _ in s.tags):
            s.tags.append((tag_obj.id, tag_obj.name))
    elif mnemonic == "transfer_call":
        sb.fire(s, event, t)
        token = next(sb.tokens)
        s.transfer_wait = token
        sb.agenda.add(t + sb.scenario.timings.ring_timeout_s, Due.TRANSFER_WAIT, s.id, 0, token)
    elif mnemonic == "call_coach":
        _call_coach_option(sb, s, event, t)
    elif mnemonic == "receive_fax":
        sb.fire(s, event, t)
        a = s.party(Role.A)
        if a is not None:
            a.fax_from = t
            a.fax_duration_s = sb.scenario.timings.media_duration_s
    else:  # finish_conversation, run_scenario, save_numa
        sb.fire(s, event, t)
        s.events.append(f"{mnemonic}:{option.object_id or s.contact}")


def _call_coach_option(sb: Switchboard, s: Session, event: Event, t: float) -> None:
    coaches = s.coaches()
    if coaches:  # 'calling some options a second time switches them off' (method page)
        disconnect(sb, s, coaches[-1], t)
        return
    coach = coach_for(sb, s)
    numbers = coach.active_numbers() if coach else []
    if coach is None or not numbers:
        return  # [sim] no coach configured: the option does nothing
    add_coach(sb, s, numbers[0], coach, t, event)


def _drop(s: Session, role: Role) -> None:
    s.legs[:] = [leg for leg in s.legs if leg.role is not role]
