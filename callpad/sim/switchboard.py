"""The simulated telephony around the state machine: sessions, ringing legs, timed events.

Pure like `callpad.sim.state`: every entry point takes `now`; timed behaviour (a leg answers after
its delay, a ring times out, a message ends) sits in an `Agenda` and `advance_to(now)` applies the
due entries in order, each at its own due time. Changes go through `fire`, which asks the
transition table first, so an illegal event raises `InvalidTransition` before anything changes.
Timing rules: SPEC section 13.0 point 7 and the worked sequences of section 13.1 (J).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final

from callpad.sim.calls import Agenda, Dial, Due, Entry, Kind, Leg, Session
from callpad.sim.scenario import Employee, Scenario
from callpad.sim.state import (
    ENDED_STATES,
    Event,
    Role,
    SessionState,
    disconnect_event,
    next_state,
    settle,
)

FIRST_SESSION_ID: Final = 512003771  # the spec's example ids, so its example requests work
FIRST_LEG_ID: Final = 870011234
S = SessionState
E = Event


class Switchboard:
    """Every live session of the account and the agenda that moves them."""

    def __init__(
        self, scenario: Scenario, wall_at: Callable[[float], datetime] | None = None
    ) -> None:
        self.scenario = scenario
        self.wall_at = wall_at or (lambda t: datetime.fromtimestamp(t, UTC))  # monotonic -> wall
        self.sessions: dict[int, Session] = {}
        self.ended: list[dict[str, Any]] = []
        self.lingering: dict[int, tuple[Session, float]] = {}  # ended, still listed until then
        self.agenda = Agenda()
        self.now = 0.0
        self._session_ids = itertools.count(FIRST_SESSION_ID)
        self._leg_ids = itertools.count(FIRST_LEG_ID)
        self.tokens = itertools.count(1)

    # -- time ----------------------------------------------------------------------------------
    def advance_to(self, now: float) -> None:
        """Apply every agenda entry due at or before `now`, each at its own time."""
        self.now = max(self.now, now)
        while (entry := self.agenda.pop_due(self.now)) is not None:
            if entry.what is Due.INCOMING:
                self._scripted_call(entry)
                continue
            session = self.sessions.get(entry.session_id)
            if session is not None:
                self._run(session, entry)

    def schedule_scripted_calls(self, start: float) -> None:
        """Put the scenario's scripted incoming calls on the agenda, counted from `start`."""
        for index, call in enumerate(self.scenario.incoming):
            self.agenda.add(start + call.at_s, Due.INCOMING, 0, index)

    def _scripted_call(self, e: Entry) -> None:
        call = self.scenario.incoming[e.leg_id]
        employee = self.scenario.route(call.virtual_phone_number, call.employee_id)
        if employee is not None:
            self.start_incoming(call.contact, call.virtual_phone_number, employee, e.due)
        if call.every_s is not None:
            self.agenda.add(e.due + call.every_s, Due.INCOMING, 0, e.leg_id)

    def start_incoming(
        self, contact: str, virtual_phone_number: str, employee: Employee, t: float
    ) -> Session:
        """A call from `contact` to the PBX's number, ringing `employee` (SPEC 13.1 J4)."""
        s = Session(
            id=0,
            kind=Kind.INCOMING,
            direction="in",
            started=self.wall_at(t),
            virtual_phone_number=virtual_phone_number,
            contact=contact,
            external_id=None,
            b_numbers=employee.active_numbers(),
            b_employee_id=employee.id,
            b_calling=contact,
            record_global=employee.record_all_calls,
        )
        self.start(s, t)
        return s

    def listed(self) -> list[Session]:
        """Sessions list.calls shows: the live ones, then ended ones still lingering."""
        for sid, (_, until) in list(self.lingering.items()):
            if until <= self.now:
                del self.lingering[sid]
        return [*self.sessions.values(), *(s for s, _ in self.lingering.values())]

    def _run(self, s: Session, e: Entry) -> None:
        t = e.due
        leg = s.leg(e.leg_id) if e.leg_id else None
        if e.what is Due.ANSWER and leg is not None and not leg.answered:
            self._answered(s, leg, t)
        elif e.what is Due.FAIL and leg is not None and not leg.answered:
            self._failed(s, leg, t)
        elif e.what is Due.DIAL_SECOND and s.state is S.SESSION:
            self._dial_second(s, t)
        elif e.what is Due.CONNECT and s.state is S.SESSION:
            a, b = s.party(Role.A), s.party(Role.B)
            if a is not None and b is not None and a.answered and b.answered:
                a.queued = False
                self.fire(s, E.CONNECTED, t)
        elif e.what is Due.C_READY and leg is not None:
            if s.state in (S.DIALING, S.TRANSFER_PENDING):
                self.fire(s, E.C_ANSWERED, t)
        elif e.what is Due.INFORMER_DONE and s.state is S.SESSION:
            self.fire(s, E.INFORMER_DONE, t)
        elif (
            e.what is Due.TRANSFER_WAIT
            and s.transfer_wait == e.token
            and s.state in (S.HOLD, S.WAITING_INPUT)
        ):
            self.fire(s, E.TRANSFER_WAIT_TIMEOUT, t)

    # -- state changes -------------------------------------------------------------------------
    def fire(self, s: Session, event: Event, t: float) -> None:
        old = s.state
        s.state = settle(next_state(old, event))  # raises InvalidTransition: nothing changed
        if s.state is S.TALK and old is not S.TALK:
            if s.first_talk_at is None:
                s.first_talk_at = t
            s.transfer_wait = 0
            c = s.party(Role.C)
            if c is not None and s.party(Role.B) is None:
                c.role = Role.B  # after a transfer (C) is the operator (SPEC section 15 #20)
                c.is_operator = True
        if s.state in ENDED_STATES:
            del self.sessions[s.id]
            self.ended.append({"call_session_id": s.id, "reason": event.value, "at": t})
            linger = self.scenario.timings.ended_linger_s
            if linger > 0:
                self.lingering[s.id] = (s, t + linger)
        if old is S.TALK and s.state is not S.TALK:
            for leg in s.legs:
                leg.fax_from = None

    def check(self, s: Session, event: Event) -> None:
        """Raise InvalidTransition if `event` is not allowed now (nothing changes)."""
        next_state(s.state, event)

    # -- legs ----------------------------------------------------------------------------------
    def new_leg(
        self,
        s: Session,
        role: Role,
        calling: str,
        called: str,
        dial: Dial,
        employee: Employee | None = None,
    ) -> Leg:
        leg = Leg(
            id=next(self._leg_ids),
            role=role,
            calling=calling,
            called=called,
            is_operator=role is Role.B,
            employee_id=employee.id if employee else None,
            employee_name=employee.full_name if employee else None,
            dial=dial,
        )
        s.legs.append(leg)
        return leg

    def ring(self, s: Session, leg: Leg, t: float) -> None:
        timings = self.scenario.timings
        behaviour, delay = self._behaviour(leg.called, leg.dial)
        timeout = timings.ring_timeout_s
        if leg.role is Role.A and s.ring_timeout_s is not None:
            timeout = s.ring_timeout_s
        if behaviour == "answer" and delay < timeout:
            self.agenda.add(t + delay, Due.ANSWER, s.id, leg.id)
        elif behaviour == "busy":
            self.agenda.add(t + timings.busy_delay_s, Due.FAIL, s.id, leg.id)
        elif behaviour == "reject" and delay < timeout:
            self.agenda.add(t + delay, Due.FAIL, s.id, leg.id)
        else:
            self.agenda.add(t + timeout, Due.FAIL, s.id, leg.id)

    def _behaviour(self, number: str, dial: Dial) -> tuple[str, float]:
        sc = self.scenario
        delay: float = getattr(sc.timings, f"answer_delay_{dial.value}_s")
        employee = sc.employee_by_number(number)
        behaviour = "answer"
        if employee is not None:
            behaviour = employee.behaviour
            if employee.answer_delay_s is not None:
                delay = employee.answer_delay_s
        elif "*" in sc.numbers:
            behaviour = sc.numbers["*"].behaviour
            delay = sc.numbers["*"].answer_delay_s or delay
        own = sc.numbers.get(number)
        if own is not None:
            behaviour = own.behaviour
            if own.answer_delay_s is not None:
                delay = own.answer_delay_s
        return behaviour, delay

    def find_leg(self, leg_id: int) -> tuple[Session, Leg]:
        for s in self.sessions.values():
            leg = s.leg(leg_id)
            if leg is not None:
                return s, leg
        raise KeyError(leg_id)

    # -- set-up (SESSION) ----------------------------------------------------------------------
    def start(self, s: Session, t: float) -> None:
        """Register a new session and ring its first side (incoming calls: (A) waits, (B) rings)."""
        s.id = next(self._session_ids)
        self.sessions[s.id] = s
        if s.kind is Kind.INCOMING:
            a = self.new_leg(s, Role.A, s.contact, s.virtual_phone_number, Dial.CONTACT)
            a.answered_at, a.queued = t, True
            self._dial_b(s, s.b_numbers, t)
        elif s.first_call is Role.B:
            self._dial_b(s, s.b_numbers, t)
        else:
            self.ring(
                s, self.new_leg(s, Role.A, s.virtual_phone_number, s.contact, Dial.CONTACT), t
            )

    def _dial_b(self, s: Session, numbers: list[str], t: float) -> None:
        if not numbers:
            self.fire(s, E.ABANDONED, t)
            return
        employee = self.scenario.employee(s.b_employee_id) if s.b_employee_id else None
        b = self.new_leg(s, Role.B, s.b_calling, numbers[0], Dial.EMPLOYEE, employee)
        b.remaining_numbers = list(numbers[1:])
        self.ring(s, b, t)

    def _dial_second(self, s: Session, t: float) -> None:
        if s.first_call is Role.B:
            self.ring(
                s, self.new_leg(s, Role.A, s.virtual_phone_number, s.contact, Dial.CONTACT), t
            )
        else:
            self._dial_b(s, s.b_numbers, t)

    def answer(self, s: Session, leg: Leg, t: float) -> None:
        """The rung `leg` answers now (also used by the control API)."""
        self._answered(s, leg, t)

    def fail(self, s: Session, leg: Leg, t: float) -> None:
        """The rung `leg` fails now: busy, rejected, not answered (also the control API)."""
        self._failed(s, leg, t)

    def _answered(self, s: Session, leg: Leg, t: float) -> None:
        leg.answered_at = t
        if leg.role is Role.COACH:
            self.fire(s, E.COACH_ANSWERED, t)
            return
        if leg.role is Role.C:
            msg = s.messages.get(Role.C)
            self.agenda.add(t + (msg.duration_s if msg else 0.0), Due.C_READY, s.id, leg.id)
            return
        if s.state is not S.SESSION:
            return
        msg = s.messages.get(leg.role)
        start = t
        if leg.role is Role.A:
            leg.dtmf_until = t + s.dtmf_s
            start = leg.dtmf_until
        leg.message_end = start + (msg.duration_s if msg else 0.0)
        if s.kind is Kind.INFORMER:
            self.agenda.add(leg.message_end, Due.INFORMER_DONE, s.id)
        elif leg.role is s.first_call:
            if leg.role is Role.B:
                self.agenda.add(leg.message_end, Due.DIAL_SECOND, s.id)
            else:
                leg.queued = s.kind in (Kind.SCENARIO, Kind.VNUMBER)
                self.agenda.add(t, Due.DIAL_SECOND, s.id)
        else:
            a, b = s.party(Role.A), s.party(Role.B)
            ends = [x.message_end for x in (a, b) if x is not None]
            when = t if s.switch_at_once else max([t, *ends])
            self.agenda.add(when, Due.CONNECT, s.id)

    def _failed(self, s: Session, leg: Leg, t: float) -> None:
        s.legs.remove(leg)
        if leg.role is Role.COACH:
            self.fire(s, E.COACH_FAILED, t)
        elif leg.role is Role.C:
            self.fire(s, E.C_FAILED, t)
        elif leg.role is Role.B and leg.remaining_numbers and s.state is S.SESSION:
            self._dial_b(s, leg.remaining_numbers, t)  # a NEW leg for the next number (J5)
        elif s.state is S.SESSION:
            self.fire(s, E.ABANDONED, t)
        else:  # a rung (A)/(B) outside SESSION cannot exist; treat as a hang-up
            self.fire(s, disconnect_event(leg.role), t)
