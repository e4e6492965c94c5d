"""DialOptions: the dialer's "advanced" choices, and their local validation after the spec's rules.

Values are kept as the agent typed them (strings for numbers and ids), so nothing typed is lost when
it is not valid yet; `validate()` returns a message per field, in the agent's language, for what the
server would refuse (formats, ranges, required fields, early_switching's combination rule, the TTS
length). `SPEC section 11.3-11.7` and methods.json are the source of every rule here.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from typing import Any

from callpad.api.errors import PhoneNumberError
from callpad.api.models import Message, MessageType
from callpad.api.phone import PhoneNumber, parse_phone
from callpad.config.schema import DialSettings, StartMethod
from callpad.config.schema import Message as SettingsMessage


class MessageKind(enum.Enum):
    """A message option: none, text to speech, or a media file id."""

    NONE = "none"
    TTS = "tts"
    MEDIA = "media"


@dataclass(frozen=True, slots=True)
class MessageOption:
    """A message for one side, as typed."""

    kind: MessageKind = MessageKind.NONE
    value: str = ""

    def to_message(self) -> Message | None:
        if self.kind is MessageKind.NONE:
            return None
        kind = MessageType.TTS if self.kind is MessageKind.TTS else MessageType.MEDIA
        return Message(kind, self.value.strip() if kind is MessageType.MEDIA else self.value)


@dataclass(frozen=True, slots=True)
class DialOptions:
    """Every option of the five start methods; each method uses its own subset (`FIELDS`)."""

    method: StartMethod = StartMethod.EMPLOYEE  # start.employee_call: rings my employee first
    virtual_phone_number: str = ""  # "" = the default virtual number from settings
    employee_phone_number: str = ""  # employee call: which of my phones rings ("" = all in turn)
    operator: str = ""  # simple call: the operator's number (required)
    first_call: str = "employee"  # employee | contact ("employee" means operator for simple)
    switch_at_once: bool = False
    early_switching: bool = False
    show_virtual_phone_number: bool = True
    contact_message: MessageOption = field(default_factory=MessageOption)
    employee_message: MessageOption = field(default_factory=MessageOption)
    operator_message: MessageOption = field(default_factory=MessageOption)
    media_file_id: str = ""
    dtmf_string: str = ""
    external_id: str = ""
    direction: str = "out"
    dialing_timeout: str = ""  # informer: 1..120 s ("" = server default 30)
    scenario_id: str = ""
    operator_confirmation: str = ""  # simple: one of 0-9 * # or "any"

    def with_value(self, name: str, value: Any) -> DialOptions:
        """A copy with one option changed (coerced to the option's type)."""
        current = getattr(self, name)
        if isinstance(current, bool):
            value = bool(value)
        elif isinstance(current, StartMethod):
            value = value if isinstance(value, StartMethod) else StartMethod(value)
        elif isinstance(current, MessageOption):
            if not isinstance(value, MessageOption):
                kind, text = value
                value = MessageOption(MessageKind(kind), str(text))
        else:
            value = "" if value is None else str(value)
        return replace(self, **{name: value})


def options_from_settings(dial: DialSettings, *, employee_phone: str = "") -> DialOptions:
    """The dialer's default options: the settings' start method and its options.

    `employee_phone` is the agent's phone to ring (AgentSettings.employee_phone; "" = all in
    turn). The virtual number stays "" here: the dialer falls back to the settings' default one.
    Values keep their typed form, so `validate()` reports what the server would refuse.
    """

    def number(value: int | None) -> str:
        return "" if value is None else str(value)

    def message(value: SettingsMessage | None) -> MessageOption:
        if value is None:
            return MessageOption()
        return MessageOption(MessageKind(value.type.value), value.value)

    return DialOptions(
        method=dial.start_method,
        employee_phone_number=employee_phone,
        first_call=dial.first_call.value,
        switch_at_once=dial.switch_at_once,
        early_switching=dial.early_switching,
        show_virtual_phone_number=dial.show_virtual_phone_number,
        contact_message=message(dial.contact_message),
        employee_message=message(dial.employee_message),
        media_file_id=number(dial.media_file_id),
        dtmf_string=dial.dtmf_string,
        direction="out" if dial.direction is None else dial.direction.value,
        dialing_timeout=number(dial.dialing_timeout),
        scenario_id=number(dial.scenario_id),
    )


_COMMON = ("virtual_phone_number", "external_id", "dtmf_string", "direction")
FIELDS: dict[StartMethod, frozenset[str]] = {
    StartMethod.EMPLOYEE: frozenset(
        {
            *_COMMON,
            "employee_phone_number",
            "first_call",
            "switch_at_once",
            "early_switching",
            "show_virtual_phone_number",
            "contact_message",
            "employee_message",
            "media_file_id",
        }
    ),
    StartMethod.SCENARIO: frozenset(
        {
            *_COMMON,
            "first_call",
            "switch_at_once",
            "early_switching",
            "contact_message",
            "employee_message",
            "scenario_id",
        }
    ),
    StartMethod.VNUMBER: frozenset(
        {*_COMMON, "first_call", "switch_at_once", "early_switching", "contact_message"}
    ),
    StartMethod.INFORMER: frozenset({*_COMMON, "contact_message", "dialing_timeout"}),
    StartMethod.SIMPLE: frozenset(
        {
            *_COMMON,
            "operator",
            "first_call",
            "switch_at_once",
            "early_switching",
            "show_virtual_phone_number",
            "contact_message",
            "operator_message",
            "media_file_id",
            "operator_confirmation",
        }
    ),
}

_DTMF = re.compile(r"[0-9*#.]+")
_CONFIRMATION = re.compile(r"[0-9*#]|any")

_MSG: dict[str, tuple[str, str]] = {
    "required": ("Обязательное поле", "Required"),
    "positive_int": ("Нужно целое число больше нуля", "A whole number above zero is needed"),
    "timeout_range": ("От 1 до 120 секунд", "From 1 to 120 seconds"),
    "dtmf": (
        "Только цифры, * и #; точка — пауза 1 с",
        "Digits, * and # only; a dot is a 1 s pause",
    ),
    "confirmation": ("Одна клавиша (0-9, *, #) или any", "One key (0-9, *, #) or any"),
    "early_switching": (
        "Раннее соединение требует «сначала сотрудник» и «соединять сразу»",
        "Early switching needs 'employee first' and 'switch at once'",
    ),
    "tts_empty": ("Введите текст сообщения", "Enter the message text"),
    "tts_long": (
        "Текст длиннее {max} символов ({n})",
        "The text is longer than {max} characters ({n})",
    ),
    "direction": ("in или out", "in or out"),
    "first_call": (
        "Кого вызывать первым: сотрудника или клиента",
        "Who first: employee or contact",
    ),
}


def _m(key: str, lang: str, **values: object) -> str:
    ru, en = _MSG[key]
    return (ru if lang == "ru" else en).format(**values)


def phone_error(text: str, *, region: str, allow_short: bool, lang: str) -> str | None:
    """The reason `text` is not a usable number, or None if it is."""
    try:
        parse_phone(text, region=region, allow_short=allow_short)
    except PhoneNumberError as exc:
        return exc.user_message(lang)
    return None


def parse_optional_phone(text: str, *, region: str, allow_short: bool) -> PhoneNumber | None:
    """None for empty text, else the parsed number (raises PhoneNumberError)."""
    return parse_phone(text, region=region, allow_short=allow_short) if text.strip() else None


def validate(
    options: DialOptions,
    *,
    region: str = "RU",
    tts_max_length: int = 1000,
    default_virtual_number: str = "",
    lang: str = "ru",
) -> dict[str, str]:
    """Messages per option name for what the chosen start method would refuse ({} = fine)."""
    used = FIELDS[options.method]
    errors: dict[str, str] = {}

    def number(name: str, *, required: bool, allow_short: bool) -> None:
        text = getattr(options, name)
        if not text.strip():
            if required:
                errors[name] = _m("required", lang)
            return
        problem = phone_error(text, region=region, allow_short=allow_short, lang=lang)
        if problem:
            errors[name] = problem

    def positive_int(name: str, *, required: bool) -> None:
        text = getattr(options, name).strip()
        if not text:
            if required:
                errors[name] = _m("required", lang)
            return
        if not text.isdigit() or int(text) < 1:
            errors[name] = _m("positive_int", lang)

    if not options.virtual_phone_number.strip() and not default_virtual_number:
        errors["virtual_phone_number"] = _m("required", lang)
    number("virtual_phone_number", required=False, allow_short=False)
    if "employee_phone_number" in used:
        number("employee_phone_number", required=False, allow_short=True)
    if "operator" in used:
        number("operator", required=True, allow_short=False)
    if "media_file_id" in used:
        positive_int("media_file_id", required=False)
    if "scenario_id" in used:
        positive_int("scenario_id", required=True)
    if options.dtmf_string and not _DTMF.fullmatch(options.dtmf_string):
        errors["dtmf_string"] = _m("dtmf", lang)
    if options.direction not in ("in", "out"):
        errors["direction"] = _m("direction", lang)
    if "first_call" in used and options.first_call not in ("employee", "contact"):
        errors["first_call"] = _m("first_call", lang)
    if "dialing_timeout" in used and options.dialing_timeout.strip():
        t = options.dialing_timeout.strip()
        if not t.isdigit() or not 1 <= int(t) <= 120:
            errors["dialing_timeout"] = _m("timeout_range", lang)
    confirmation = options.operator_confirmation
    if (
        "operator_confirmation" in used
        and confirmation
        and not _CONFIRMATION.fullmatch(confirmation)
    ):
        errors["operator_confirmation"] = _m("confirmation", lang)
    early_ok = options.first_call == "employee" and options.switch_at_once
    if "early_switching" in used and options.early_switching and not early_ok:
        errors["early_switching"] = _m("early_switching", lang)
    for name in ("contact_message", "employee_message", "operator_message"):
        if name in used:
            _check_message(name, getattr(options, name), tts_max_length, lang, errors)
    if options.method is StartMethod.INFORMER and options.contact_message.kind is MessageKind.NONE:
        errors["contact_message"] = _m("required", lang)
    return errors


def _check_message(
    name: str, msg: MessageOption, max_len: int, lang: str, errors: dict[str, str]
) -> None:
    if msg.kind is MessageKind.TTS:
        if not msg.value.strip():
            errors[name] = _m("tts_empty", lang)
        elif len(msg.value) > max_len:
            errors[name] = _m("tts_long", lang, max=max_len, n=len(msg.value))
    elif msg.kind is MessageKind.MEDIA:
        v = msg.value.strip()
        if not v.isdigit() or int(v) < 1:
            errors[name] = _m("positive_int", lang)
