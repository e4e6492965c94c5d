"""The calls model's vocabulary: roles, columns, row records, and what each cell shows.

`CallsModel` (calls_model.py) keeps the rows and their diff; this module turns one row into what
a view asks for: the display text per column (in the agent's language) and the custom data roles.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt

from callpad.api.models import ActiveCall, Direction, Leg
from callpad.api.phone import PhoneKind, PhoneNumber
from callpad.viewmodels import wording
from callpad.viewmodels.call_phase import CallPhase

USER = int(Qt.ItemDataRole.UserRole)


class CallRole(enum.IntEnum):
    """Custom data roles. Call rows and leg rows answer the roles that apply to them."""

    KIND = USER + 1  # "call" or "leg"
    SESSION_ID = USER + 2  # int (legs: their call's id)
    DIRECTION = USER + 3  # "in" / "out"
    CONTACT = USER + 4  # contact number (digits)
    VIRTUAL_NUMBER = USER + 5  # virtual number (digits)
    START_TIME = USER + 6  # aware datetime
    DURATION = USER + 7  # whole seconds since start_time (int)
    TAGS = USER + 8  # list[str] of tag names
    RECORDING = USER + 9  # bool: any leg records (legs: this leg records)
    PHASE = USER + 10  # CallPhase value string, e.g. "TALK"
    IS_MINE = USER + 11  # bool: a leg of my employee takes part
    INCOMING_FOR_ME = USER + 12  # bool: incoming, my leg is ringing -> highlight
    EXTERNAL_ID = USER + 13  # str | None
    LEG_ID = USER + 14  # int (leg rows)
    PARTY = USER + 15  # "A" | "B" | "C" | "coach" | "other" (leg rows)
    PARTICIPANT = USER + 16  # the leg's number (leg rows)
    EMPLOYEE_NAME = USER + 17  # str | None (leg rows)
    EMPLOYEE_ID = USER + 18  # int | None (leg rows)
    IS_OPERATOR = USER + 19  # bool (leg rows)
    LEG_STATE = USER + 20  # the API's Russian literal (leg rows)
    LEG_STATE_TEXT = USER + 21  # the leg state in the agent's language (leg rows)
    TAG_IDS = USER + 22  # list[int] (call rows)
    CALL = USER + 23  # the ActiveCall value (call rows) / the Leg value (leg rows)


class CallColumn(enum.IntEnum):
    """Columns; every header holds for both row kinds.

    DIRECTION is the "Call / participant" column: a call's direction, or a leg's role with the
    employee's name (the operator flag is the IS_OPERATOR role plus a tooltip, never text under
    another header). CONTACT is "Number": the contact's, or the participant's own. Leg rows leave
    the virtual number, duration and tags empty; their recording cell is the leg's own.
    """

    DIRECTION = 0
    CONTACT = 1
    VIRTUAL_NUMBER = 2
    STATE = 3
    DURATION = 4
    TAGS = 5
    RECORDING = 6


HEADERS: dict[CallColumn, tuple[str, str]] = {
    CallColumn.DIRECTION: ("Звонок / участник", "Call / participant"),
    CallColumn.CONTACT: ("Номер", "Number"),
    CallColumn.VIRTUAL_NUMBER: ("Виртуальный номер", "Virtual number"),
    CallColumn.STATE: ("Состояние", "State"),
    CallColumn.DURATION: ("Длительность", "Duration"),
    CallColumn.TAGS: ("Теги", "Tags"),
    CallColumn.RECORDING: ("Запись", "Recording"),
}

FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
NO_FLAGS = Qt.ItemFlag.NoItemFlags
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)  # one sentence per row, on column 0
ANSWERED = frozenset({DISPLAY, TOOLTIP, ACCESSIBLE})
NCOLS = len(CallColumn)
LAST_COL = NCOLS - 1

ROLE_NAMES: dict[int, bytes] = {role.value: role.name.lower().encode() for role in CallRole}


@dataclass(slots=True)
class LegRow:
    """One leg as the model holds it, with its party (A, B, C, coach, other)."""

    leg: Leg
    party: str


@dataclass(slots=True)
class CallRow:
    """One call as the model holds it, with what was derived from it."""

    call: ActiveCall
    phase: CallPhase
    mine: bool
    incoming_for_me: bool
    legs: list[LegRow] = field(default_factory=list)


def leg_number(call: ActiveCall, leg: Leg, party: str) -> str:
    """The participant's own number: the caller for an incoming (A), else the dialled number."""
    raw = leg.calling_phone_number if (party == "A" and call.direction is Direction.IN) else ""
    raw = raw or leg.called_phone_number
    return raw.split(".", 1)[0]  # drop the dialled DTMF suffix (SPEC section 14)


def format_duration(seconds: int) -> str:
    """0:07, 12:34, 1:02:03."""
    h, rest = divmod(max(0, seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


SHORT_NUMBER_MAX = 6


@lru_cache(maxsize=1024)
def spoken_number(digits: str) -> str:
    """A number as a screen reader should say it: "+7 916 123-45-67"; short ones as they are."""
    if not digits.isdigit() or len(digits) <= SHORT_NUMBER_MAX:
        return digits
    import phonenumbers  # loaded on first use (start-up time); cached by Python after that

    try:
        return PhoneNumber(digits, PhoneKind.E164).display()
    except phonenumbers.NumberParseException:
        return digits


def header_text(column: CallColumn, lang: str) -> str:
    ru, en = HEADERS[column]
    return ru if lang == "ru" else en


def call_data(item: CallRow, column: int, role: int, lang: str, duration: int) -> Any:
    """What a call row shows for (column, role); `duration` in whole seconds."""
    if role == DISPLAY:
        return _call_display(item, CallColumn(column), lang, duration)
    if role >= USER:
        return _call_role(item, role, duration)
    if role == TOOLTIP:
        return _call_tooltip(item, CallColumn(column), lang)
    if role == ACCESSIBLE and column == 0:
        return call_sentence(item, lang, duration)
    if role == ACCESSIBLE and column in (CallColumn.CONTACT, CallColumn.VIRTUAL_NUMBER):
        return spoken_number(_call_display(item, CallColumn(column), lang, duration))
    return None


def _call_tooltip(item: CallRow, column: CallColumn, lang: str) -> str | None:
    call = item.call
    if column == CallColumn.CONTACT:
        return call.external_id
    if column == CallColumn.TAGS and call.tags:
        return ", ".join(t.tag_name for t in call.tags)  # the cell may be cut short
    if column == CallColumn.STATE and any(leg.record_call_enabled for leg in call.legs):
        return wording.text("recording", lang)
    return None


def call_sentence(item: CallRow, lang: str, duration: int) -> str:
    """The whole call row in one sentence, for screen readers (AGENT-DESKTOPS section 4)."""
    call = item.call
    parts = [
        wording.text(
            "a11y_call",
            lang,
            direction=wording.direction_text(call.direction, lang),
            contact=spoken_number(call.contact_phone_number),
            virtual=spoken_number(call.virtual_phone_number),
            state=wording.phase_text(item.phase, lang),
            duration=format_duration(duration),
        )
    ]
    if item.incoming_for_me:
        parts.append(wording.text("a11y_for_me", lang))
    if call.tags:
        tags = ", ".join(t.tag_name for t in call.tags)
        parts.append(wording.text("a11y_tags", lang, tags=tags))
    if any(leg.record_call_enabled for leg in call.legs):
        parts.append(wording.text("a11y_recording", lang))
    return ", ".join(parts) + "."


def leg_role_text(leg_row: LegRow, lang: str) -> str:
    """The "Call / participant" cell of a leg: its role and, if any, the employee's name."""
    role = wording.party_text(leg_row.party, lang)
    name = leg_row.leg.employee_full_name
    return f"{role} · {name}" if name else role


def leg_sentence(item: CallRow, leg_row: LegRow, lang: str) -> str:
    """One leg row in one sentence, for screen readers."""
    leg = leg_row.leg
    parts = [
        wording.text(
            "a11y_leg",
            lang,
            role=leg_role_text(leg_row, lang),
            number=spoken_number(leg_number(item.call, leg, leg_row.party)),
            state=wording.leg_state_text(leg.state, lang),
        )
    ]
    if leg.is_operator:
        parts.append(wording.text("operator", lang))
    if leg.record_call_enabled:
        parts.append(wording.text("a11y_recording", lang))
    return ", ".join(parts) + "."


def _call_display(item: CallRow, column: CallColumn, lang: str, duration: int) -> str:
    call = item.call
    match column:
        case CallColumn.DIRECTION:
            return wording.direction_text(call.direction, lang)
        case CallColumn.CONTACT:
            return call.contact_phone_number
        case CallColumn.VIRTUAL_NUMBER:
            return call.virtual_phone_number
        case CallColumn.STATE:
            return wording.phase_text(item.phase, lang)
        case CallColumn.DURATION:
            return format_duration(duration)
        case CallColumn.TAGS:
            return ", ".join(t.tag_name for t in call.tags)
        case CallColumn.RECORDING:
            recording = any(leg.record_call_enabled for leg in call.legs)
            return wording.text("recording", lang) if recording else ""


def _call_role(item: CallRow, role: int, duration: int) -> Any:
    call = item.call
    values: dict[int, Any] = {
        CallRole.KIND: "call",
        CallRole.SESSION_ID: int(call.call_session_id),
        CallRole.DIRECTION: call.direction.value,
        CallRole.CONTACT: call.contact_phone_number,
        CallRole.VIRTUAL_NUMBER: call.virtual_phone_number,
        CallRole.START_TIME: call.start_time,
        CallRole.TAGS: [t.tag_name for t in call.tags],
        CallRole.TAG_IDS: [int(t.tag_id) for t in call.tags],
        CallRole.RECORDING: any(leg.record_call_enabled for leg in call.legs),
        CallRole.PHASE: item.phase.value,
        CallRole.IS_MINE: item.mine,
        CallRole.INCOMING_FOR_ME: item.incoming_for_me,
        CallRole.EXTERNAL_ID: call.external_id,
        CallRole.CALL: call,
    }
    if role == CallRole.DURATION:
        return duration
    return values.get(role)


def leg_data(
    item: CallRow, leg_row: LegRow, column: int, role: int, lang: str, my_ids: frozenset[int]
) -> Any:
    """What a leg row shows for (column, role)."""
    leg, call = leg_row.leg, item.call
    if role == DISPLAY:
        match CallColumn(column):
            case CallColumn.DIRECTION:
                return leg_role_text(leg_row, lang)
            case CallColumn.CONTACT:
                return leg_number(call, leg, leg_row.party)
            case CallColumn.STATE:
                return wording.leg_state_text(leg.state, lang)
            case CallColumn.RECORDING:
                return wording.text("recording", lang) if leg.record_call_enabled else ""
            case _:
                return ""  # virtual number, duration and tags belong to the call
    if role < USER:
        if role == ACCESSIBLE and column == 0:
            return leg_sentence(item, leg_row, lang)
        if role == ACCESSIBLE and column == CallColumn.CONTACT:
            return spoken_number(leg_number(call, leg, leg_row.party))
        if role == TOOLTIP and column == 0 and leg.is_operator:
            return wording.text("operator_marker", lang)
        if role == TOOLTIP and column == CallColumn.STATE and leg.record_call_enabled:
            return wording.text("recording", lang)
        return None
    values: dict[int, Any] = {
        CallRole.KIND: "leg",
        CallRole.SESSION_ID: int(call.call_session_id),
        CallRole.LEG_ID: int(leg.leg_id),
        CallRole.PARTY: leg_row.party,
        CallRole.PARTICIPANT: leg_number(call, leg, leg_row.party),
        CallRole.EMPLOYEE_NAME: leg.employee_full_name,
        CallRole.EMPLOYEE_ID: None if leg.employee_id is None else int(leg.employee_id),
        CallRole.IS_OPERATOR: leg.is_operator,
        CallRole.LEG_STATE: leg.state.value,
        CallRole.LEG_STATE_TEXT: wording.leg_state_text(leg.state, lang),
        CallRole.RECORDING: leg.record_call_enabled,
        CallRole.IS_MINE: leg.employee_id is not None and leg.employee_id in my_ids,
        CallRole.CALL: leg,
    }
    return values.get(role)
