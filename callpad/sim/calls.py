"""Call sessions, legs and the agenda of timed deadlines (pure data; no clock, no I/O)."""

from __future__ import annotations

import enum
import heapq
import itertools
from dataclasses import dataclass, field
from datetime import datetime

from callpad.sim.state import LegState, Role, SessionState, leg_state


class Kind(enum.Enum):
    """How a session was created."""

    EMPLOYEE = "start.employee_call"
    SCENARIO = "start.scenario_call"
    VNUMBER = "start.vnumber_call"
    INFORMER = "start.informer_call"
    SIMPLE = "start.simple_call"
    INCOMING = "incoming"


class Dial(enum.Enum):
    """Which answer delay of the timings applies to a rung leg."""

    EMPLOYEE = "employee"
    CONTACT = "contact"
    CONSULT_TARGET = "consult_target"
    COACH = "coach"


@dataclass(slots=True)
class Message:
    """A message played to a leg (`contact_message` etc.) and how long it lasts."""

    type: str  # "media" | "tts"
    value: str
    duration_s: float


@dataclass(slots=True)
class Leg:
    """One participant of a session."""

    id: int
    role: Role
    calling: str
    called: str
    is_operator: bool
    employee_id: int | None = None
    employee_name: str | None = None
    answered_at: float | None = None
    queued: bool = False
    dtmf_until: float = 0.0
    fax_from: float | None = None  # receive_fax talk option: when receiving started
    fax_duration_s: float = 0.0
    remaining_numbers: list[str] = field(default_factory=list)  # (B): numbers still to try
    dial: Dial = Dial.CONTACT
    message_end: float = 0.0  # when the leg's start-method message has been played

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    def state(self, session: SessionState, now: float) -> LegState:
        fax: LegState | None = None
        if self.fax_from is not None:
            done = now >= self.fax_from + self.fax_duration_s
            fax = LegState.FAX_RECEIVED if done else LegState.RECEIVING_FAX
        return leg_state(
            session,
            self.role,
            answered=self.answered,
            queued=self.queued,
            sending_dtmf=now < self.dtmf_until,
            fax=fax,
        )


@dataclass(slots=True)
class Session:
    """A call session: its state, parties and the facts list.calls reports."""

    id: int
    kind: Kind
    direction: str
    started: datetime
    virtual_phone_number: str
    contact: str
    external_id: str | None
    state: SessionState = SessionState.SESSION
    legs: list[Leg] = field(default_factory=list)
    tags: list[tuple[int, str]] = field(default_factory=list)
    recording: bool = False  # switched by record.call / the record_talk option
    record_global: bool = False  # the operator employee records every call (cannot be switched off)
    first_call: Role = Role.A
    b_numbers: list[str] = field(default_factory=list)  # (B)'s numbers, rung one after another
    b_employee_id: int | None = None
    b_calling: str = ""  # calling_phone_number shown on (B)'s leg
    switch_at_once: bool = False  # effective value (false with a tts contact_message)
    messages: dict[Role, Message] = field(default_factory=dict)
    dtmf_s: float = 0.0  # length of the start method's dtmf_string, played to (A) on answer
    ring_timeout_s: float | None = None  # informer: dialing_timeout
    first_talk_at: float | None = None
    transfer_wait: int = 0  # >0 while a transfer_call option waits; the agenda token
    hold_message: Message | None = None
    events: list[str] = field(default_factory=list)  # run_scenario / save_numa effects, for tests

    def leg(self, leg_id: int) -> Leg | None:
        return next((x for x in self.legs if x.id == leg_id), None)

    def party(self, role: Role) -> Leg | None:
        return next((x for x in self.legs if x.role is role), None)

    def coaches(self) -> list[Leg]:
        return [x for x in self.legs if x.role is Role.COACH]

    @property
    def record_enabled(self) -> bool:
        return self.recording or self.record_global


class Due(enum.Enum):
    """What an agenda entry does when its time comes."""

    ANSWER = "answer"  # a rung leg answers
    FAIL = "fail"  # a rung leg is busy / rejects / is not answered in time
    DIAL_SECOND = "dial_second"  # the first side's message ended: ring the other side
    CONNECT = "connect"  # (A) and (B) are connected: SESSION -> TALK
    C_READY = "c_ready"  # (C) has heard to_message: DIALING -> OPERATOR_TALK (or transfer done)
    INFORMER_DONE = "informer_done"
    TRANSFER_WAIT = "transfer_wait"  # the transfer_call talk option's wait timed out
    INCOMING = "incoming"  # a scripted incoming call arrives (leg_id: its index in the scenario)


@dataclass(order=True, slots=True)
class Entry:
    """One deadline of the agenda."""

    due: float
    seq: int
    what: Due = field(compare=False)
    session_id: int = field(compare=False)
    leg_id: int = field(compare=False, default=0)
    token: int = field(compare=False, default=0)


class Agenda:
    """A heap of deadlines, popped in (time, insertion) order."""

    def __init__(self) -> None:
        self._heap: list[Entry] = []
        self._seq = itertools.count()

    def __len__(self) -> int:
        return len(self._heap)

    def add(self, due: float, what: Due, session_id: int, leg_id: int = 0, token: int = 0) -> None:
        heapq.heappush(self._heap, Entry(due, next(self._seq), what, session_id, leg_id, token))

    def pop_due(self, now: float) -> Entry | None:
        """The earliest entry due at or before `now`, removed; None if nothing is due."""
        if self._heap and self._heap[0].due <= now:
            return heapq.heappop(self._heap)
        return None
