"""Typed values of the Call API: ids, enums, request values and frozen results (no httpx here).

Every reply leaves `callpad.api` as these dataclasses; raw JSON never reaches a viewmodel.
Names follow the API's own parameter and field names (SPEC.md section 11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType

from callpad.api.phone import PhoneNumber

CallSessionId = NewType("CallSessionId", int)
LegId = NewType("LegId", int)
EmployeeId = NewType("EmployeeId", int)
TagId = NewType("TagId", int)
ScenarioId = NewType("ScenarioId", int)
MediaFileId = NewType("MediaFileId", int)


class Direction(StrEnum):
    """Direction recorded for a call session (`direction`)."""

    IN = "in"
    OUT = "out"


class FirstCall(StrEnum):
    """Who is dialled first by start.employee_call / start.scenario_call / start.vnumber_call."""

    EMPLOYEE = "employee"
    CONTACT = "contact"


class SimpleFirstCall(StrEnum):
    """Who is dialled first by start.simple_call."""

    OPERATOR = "operator"
    CONTACT = "contact"


class VirtualPhoneUsageRule(StrEnum):
    """`virtual_phone_usage_rule` of the start methods (non-fixed rules need an extra component)."""

    FIXED = "fixed"
    FIXED_FOR_NUMA = "fixed_for_numa"
    RANDOM = "random"
    REGIONAL_RANDOM = "regional_random"
    REGIONAL_FIXED_FOR_NUMA = "regional_fixed_for_numa"


class MessageType(StrEnum):
    """Kind of a played message: a media file of the account or text for speech synthesis."""

    MEDIA = "media"
    TTS = "tts"


class RecordAction(StrEnum):
    """`record.call` action."""

    ON = "on"
    OFF = "off"


class LegState(StrEnum):
    """Participant (leg) state as list.calls returns it: Russian literals, even on CallGear."""

    DIALING = "Дозвон"
    TALK = "Разговор"
    QUEUED = "На очереди"
    DISCONNECTED = "Разъединено"
    OPERATORS_TALK = "Разговор операторов"
    ON_HOLD = "На удержании"
    TRANSFER = "Перевод вызова"
    SENDING_DTMF = "Отправка dtmf"
    RECEIVING_FAX = "Получение факса"
    FAX_RECEIVED = "Факс получен"
    SENDING_FAX = "Отправка факса"
    FAX_SENT = "Факс отправлен"

    @property
    def english(self) -> str:
        """The CallGear docs' English caption of this state."""
        return _LEG_STATE_EN[self]


_LEG_STATE_EN = {
    LegState.DIALING: "Dial",
    LegState.TALK: "Conversation",
    LegState.QUEUED: "Next in line",
    LegState.DISCONNECTED: "Disconnected",
    LegState.OPERATORS_TALK: "Operators talking",
    LegState.ON_HOLD: "On hold",
    LegState.TRANSFER: "Call Transfer",
    LegState.SENDING_DTMF: "Sending DTMF",
    LegState.RECEIVING_FAX: "Receiving a fax",
    LegState.FAX_RECEIVED: "Fax received",
    LegState.SENDING_FAX: "Sending a fax",
    LegState.FAX_SENT: "Fax sent",
}


class TalkOptionMnemonic(StrEnum):
    """What a talk option does (list.talk_options `mnemonic`)."""

    FINISH_CONVERSATION = "finish_conversation"
    TAG_CALL = "tag_call"
    RECORD_TALK = "record_talk"
    TRANSFER_CALL = "transfer_call"
    RUN_SCENARIO = "run_scenario"
    CALL_COACH = "call_coach"
    RECEIVE_FAX = "receive_fax"
    SAVE_NUMA = "save_numa"


# --- request values ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Message:
    """A message played to a party (`contact_message`, `employee_message`, ...): `{type, value}`."""

    type: MessageType
    value: str

    @classmethod
    def tts(cls, text: str) -> Message:
        """Text for speech synthesis (capped by the tariff's TTS length)."""
        return cls(MessageType.TTS, text)

    @classmethod
    def media(cls, media_file_id: MediaFileId | int) -> Message:
        """A media file of the account; the API wants its id as a decimal string."""
        return cls(MessageType.MEDIA, str(int(media_file_id)))

    def to_param(self) -> dict[str, str]:
        return {"type": self.type.value, "value": self.value}


@dataclass(frozen=True, slots=True)
class EmployeeRef:
    """The `employee` parameter of start.employee_call: which employee, optionally which phone."""

    id: EmployeeId
    phone_number: PhoneNumber | None = None

    def to_param(self) -> dict[str, object]:
        out: dict[str, object] = {"id": int(self.id)}
        if self.phone_number is not None:
            out["phone_number"] = self.phone_number.digits
        return out


@dataclass(frozen=True, slots=True)
class PasswordCredentials:
    """Login and password of a web-account user with the 'Доступ к Call API' right."""

    login: str
    password: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class PermanentKey:
    """A permanent API key ("Доступ по ключу"): no login, no renewal."""

    key: str = field(repr=False)


Credentials = PasswordCredentials | PermanentKey


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginResult:
    """What login.user returned: the session key and when it stops working."""

    access_token: str = field(repr=False)
    expire_at: datetime


@dataclass(frozen=True, slots=True)
class StartedCall:
    """A call session created by one of the start.* methods."""

    call_session_id: CallSessionId


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag set on a call session."""

    tag_id: TagId
    tag_name: str


@dataclass(frozen=True, slots=True)
class Leg:
    """One participant of an active call session (list.calls `legs[]`)."""

    leg_id: LegId
    calling_phone_number: str
    called_phone_number: (
        str  # may carry a DTMF suffix such as "74959268686...9.2.3.3" (SPEC §14 #9)
    )
    is_operator: bool
    employee_id: EmployeeId | None
    employee_full_name: str | None
    record_call_enabled: bool
    state: LegState


@dataclass(frozen=True, slots=True)
class ActiveCall:
    """An active call session (list.calls item)."""

    call_session_id: CallSessionId
    direction: Direction
    start_time: datetime  # aware; account local time (Europe/Moscow) when the reply has no zone
    virtual_phone_number: str
    contact_phone_number: str
    external_id: str | None
    tags: tuple[Tag, ...]
    legs: tuple[Leg, ...]


@dataclass(frozen=True, slots=True)
class ButtonValue:
    """The object a talk option acts with (e.g. the tag it sets)."""

    id: int
    value: str


@dataclass(frozen=True, slots=True)
class TalkOption:
    """A talk option the operator can fire with call.talk_option (list.talk_options item)."""

    button: str
    mnemonic: TalkOptionMnemonic
    name: str
    button_value: ButtonValue | None


# --- reply metadata ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Limits:
    """The point budgets reported by a reply (`metadata.limits`), stamped with when it arrived."""

    day_limit: int
    day_remaining: int
    day_reset: int  # seconds until the day budget resets
    minute_limit: int
    minute_remaining: int
    minute_reset: int  # seconds until the minute budget resets
    received_at: datetime

    @property
    def day_reset_at(self) -> datetime:
        return self.received_at + timedelta(seconds=self.day_reset)

    @property
    def minute_reset_at(self) -> datetime:
        return self.received_at + timedelta(seconds=self.minute_reset)


@dataclass(frozen=True, slots=True)
class ApiVersionInfo:
    """`metadata.api_version`: present only when the called version is deprecated."""

    deprecated: bool
    current_version: str | None
    latest_version: str | None


@dataclass(frozen=True, slots=True)
class ReplyMetadata:
    """The metadata of one reply (success or error); either part may be absent."""

    method: str
    limits: Limits | None
    api_version: ApiVersionInfo | None
