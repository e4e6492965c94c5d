"""What can be wrong with a settings value: kinds, translatable templates and details, Problem.

Texts are English and marked for Qt's translation (context "SettingsProblem") without importing
Qt; the UI translates them where they are shown (callpad.viewmodels.settings_text).
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from callpad.config.schema import (
    API_VERSION,
    DIGITS,
    DTMF,
    REGION,
    FirstCall,
    Message,
    MessageType,
    Provider,
    Settings,
    StartMethod,
)

PROBLEM_CONTEXT = "SettingsProblem"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context` without importing Qt."""
    del context
    return text


# Details: marked phrases (translated by the UI in the same context) or literal values.
D_OBJECT = QT_TRANSLATE_NOOP("SettingsProblem", "a group of settings")
D_LIST = QT_TRANSLATE_NOOP("SettingsProblem", "a list")
D_BOOL = QT_TRANSLATE_NOOP("SettingsProblem", "yes or no")
D_INT = QT_TRANSLATE_NOOP("SettingsProblem", "a whole number")
D_NUMBER = QT_TRANSLATE_NOOP("SettingsProblem", "a number")
D_TEXT = QT_TRANSLATE_NOOP("SettingsProblem", "text")
D_URL = QT_TRANSLATE_NOOP("SettingsProblem", "an address starting with https://")
D_EARLY = QT_TRANSLATE_NOOP(
    "SettingsProblem", "it needs the employee dialled first and switching at once"
)
D_SCENARIO = QT_TRANSLATE_NOOP("SettingsProblem", "a scenario id for scenario calls")
D_POP_URL = QT_TRANSLATE_NOOP(
    "SettingsProblem", "an https:// address such as https://crm.example/search?q={contact}"
)
D_MEDIA = QT_TRANSLATE_NOOP("SettingsProblem", "a media file id (digits)")
D_TTS = QT_TRANSLATE_NOOP("SettingsProblem", "the text to play")
D_REGION = QT_TRANSLATE_NOOP("SettingsProblem", "a country code phone numbers know, e.g. RU or KZ")
PATTERN_HINTS: Mapping[str, str] = types.MappingProxyType(
    {
        DIGITS: QT_TRANSLATE_NOOP("SettingsProblem", "digits only, up to 15, without +"),
        DTMF: QT_TRANSLATE_NOOP("SettingsProblem", "digits, * and #, and . for a 1 s pause"),
        REGION: QT_TRANSLATE_NOOP("SettingsProblem", "two capital letters, e.g. RU"),
        API_VERSION: QT_TRANSLATE_NOOP("SettingsProblem", "like v4.0"),
    }
)


class ProblemKind(StrEnum):
    """What is wrong with a value; each has a translatable English template."""

    WRONG_TYPE = "wrong_type"
    NOT_ALLOWED = "not_allowed"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    BAD_FORMAT = "bad_format"
    TOO_LONG = "too_long"
    TOO_MANY = "too_many"
    REQUIRED = "required"
    CONFLICT = "conflict"


TEMPLATES: Mapping[ProblemKind, str] = types.MappingProxyType(
    {
        ProblemKind.WRONG_TYPE: QT_TRANSLATE_NOOP("SettingsProblem", "{field}: expected {detail}."),
        ProblemKind.NOT_ALLOWED: QT_TRANSLATE_NOOP(
            "SettingsProblem", "{field}: must be one of {detail}."
        ),
        ProblemKind.TOO_SMALL: QT_TRANSLATE_NOOP("SettingsProblem", "{field}: at least {detail}."),
        ProblemKind.TOO_LARGE: QT_TRANSLATE_NOOP("SettingsProblem", "{field}: at most {detail}."),
        ProblemKind.BAD_FORMAT: QT_TRANSLATE_NOOP(
            "SettingsProblem", "{field}: wrong format ({detail})."
        ),
        ProblemKind.TOO_LONG: QT_TRANSLATE_NOOP(
            "SettingsProblem", "{field}: at most {detail} characters."
        ),
        ProblemKind.TOO_MANY: QT_TRANSLATE_NOOP(
            "SettingsProblem", "{field}: at most {detail} entries; the rest were dropped."
        ),
        ProblemKind.REQUIRED: QT_TRANSLATE_NOOP("SettingsProblem", "{field}: enter {detail}."),
        ProblemKind.CONFLICT: QT_TRANSLATE_NOOP("SettingsProblem", "{field}: {detail}."),
    }
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad value: dotted field path, what is wrong, and the value as found."""

    path: str
    kind: ProblemKind
    detail: str = ""
    value: str = ""

    def english(self) -> str:
        """The untranslated message (logs, tests); the UI translates TEMPLATES[kind]."""
        return TEMPLATES[self.kind].format(field=self.path, detail=self.detail)


def cross_field_problems(settings: Settings) -> list[Problem]:
    """Rules that involve several fields (the dialog shows them; loading keeps the values)."""
    out: list[Problem] = []
    account, dial = settings.account, settings.dial
    if account.provider is Provider.CUSTOM and not re.match(r"https?://\S+$", account.custom_url):
        out.append(Problem("account.custom_url", ProblemKind.REQUIRED, D_URL))
    if dial.early_switching and not (dial.first_call is FirstCall.EMPLOYEE and dial.switch_at_once):
        out.append(
            Problem(
                "dial.early_switching",
                ProblemKind.CONFLICT,
                D_EARLY,
            )
        )
    if dial.start_method is StartMethod.SCENARIO and dial.scenario_id is None:
        out.append(Problem("dial.scenario_id", ProblemKind.REQUIRED, D_SCENARIO))
    out.extend(_message_problems("calls.hold_message", settings.calls.hold_message, True))
    out.extend(_message_problems("dial.contact_message", dial.contact_message, False))
    out.extend(_message_problems("dial.employee_message", dial.employee_message, False))
    pop = settings.screen_pop
    if pop.enabled and not re.match(r"https?://\S+$", pop.url_template):
        out.append(Problem("screen_pop.url_template", ProblemKind.REQUIRED, D_POP_URL))
    return out


def _message_problems(path: str, message: Message | None, required: bool) -> list[Problem]:
    if message is None:
        return []
    if message.type is MessageType.MEDIA and not message.value.isdigit():
        return [Problem(f"{path}.value", ProblemKind.BAD_FORMAT, D_MEDIA)]
    if message.type is MessageType.TTS and required and not message.value.strip():
        return [Problem(f"{path}.value", ProblemKind.REQUIRED, D_TTS)]
    return []
