"""PhoneNumber: what agents type, paste or click (tel:, callto:, sip:) turned into the API's digits.

The Call API takes phone numbers as E.164 digits without "+" (`79261234567`); where it allows an
employee's SIP/internal number (`contact`, `employee.phone_number`, `make.call` `to`, `add.coach`),
a short number of up to six digits is kept as typed. Everything else is refused with
`PhoneNumberError`, whose `user_message()` tells the agent what to fix. Parsing leans on the
`phonenumbers` library; the default region (RU) decides how national input ("8 926 ...") is read.

Digits-only input without "+" is ambiguous: "4930123456" is a Russian number in region RU and a
German one with "+". The national reading wins when it is a valid number, so `str(number)` (which
keeps the "+") is the form that always parses back to the same value.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from callpad.api.errors import PhoneNumberError

if TYPE_CHECKING:  # imported where first used: its metadata takes ~20 ms to load (start-up time)
    import phonenumbers

DEFAULT_REGION = "RU"
SHORT_MAX_DIGITS = 6
_MAX_INPUT = 100

_URI_SCHEMES = ("tel:", "callto://", "callto:", "sips:", "sip:")
_ALLOWED = re.compile(r"\+?[0-9 \t\-().\/\u00a0\u2010-\u2015]+")
_EXTENSION = re.compile(
    r"(?:;\s*ext\s*=\s*|\s*(?:ext\.?|x|доб\.?|#)\s*)([0-9]{1,10})\s*$", re.IGNORECASE
)
_NON_DIGITS = re.compile(r"[^0-9]")


@cache
def _parse_reasons() -> Mapping[int, str]:
    from phonenumbers import NumberParseException

    return {
        NumberParseException.INVALID_COUNTRY_CODE: "invalid_country",
        NumberParseException.NOT_A_NUMBER: "not_a_number",
        NumberParseException.TOO_SHORT_AFTER_IDD: "too_short",
        NumberParseException.TOO_SHORT_NSN: "too_short",
        NumberParseException.TOO_LONG: "too_long",
    }


@cache
def _possible_reasons() -> Mapping[int, str]:
    from phonenumbers import ValidationResult

    return {
        ValidationResult.INVALID_COUNTRY_CODE: "invalid_country",
        ValidationResult.TOO_SHORT: "too_short",
        ValidationResult.TOO_LONG: "too_long",
        ValidationResult.INVALID_LENGTH: "wrong_length",
        ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "too_short",
    }


class PhoneKind(StrEnum):
    """A full E.164 number, or a short internal/SIP number of an employee."""

    E164 = "e164"
    SHORT = "short"


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A number the API can dial: `digits` is exactly what goes into the request."""

    digits: str
    kind: PhoneKind = PhoneKind.E164
    extension: str | None = None  # ";ext=" / "доб." part: to be sent as DTMF, never to the API

    def __str__(self) -> str:
        base = f"+{self.digits}" if self.kind is PhoneKind.E164 else self.digits
        return f"{base};ext={self.extension}" if self.extension else base

    @property
    def is_short(self) -> bool:
        return self.kind is PhoneKind.SHORT

    def display(self) -> str:
        """Human form: "+7 926 123-45-67" for full numbers, the digits for short ones."""
        if self.kind is PhoneKind.SHORT:
            return self.digits
        import phonenumbers

        parsed = phonenumbers.parse(f"+{self.digits}", None)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    @classmethod
    def parse(
        cls, text: str, *, region: str = DEFAULT_REGION, allow_short: bool = True
    ) -> PhoneNumber:
        """Read typed or pasted text; raise `PhoneNumberError` if the API could not dial it."""
        return parse_phone(text, region=region, allow_short=allow_short)


def parse_phone(
    text: str, *, region: str = DEFAULT_REGION, allow_short: bool = True
) -> PhoneNumber:
    """Turn "+7 (926) 123-45-67", "8 926 123 45 67", "tel:+79261234567" ... into a PhoneNumber.

    Raises:
        PhoneNumberError: the text is not a number the API accepts (its `reason` says why).
        ValueError: `region` is not a region code phonenumbers knows (a programming error).
    """
    import phonenumbers

    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown default region {region!r}")
    raw = text.strip()
    if not raw:
        raise PhoneNumberError("empty", text)
    if len(raw) > _MAX_INPUT:
        raise PhoneNumberError("too_long", text)
    body = _strip_uri(raw, text)
    body, extension = _split_extension(body)
    if not _ALLOWED.fullmatch(body):
        raise PhoneNumberError("not_a_number", text)
    digits = _NON_DIGITS.sub("", body)
    if not digits:
        raise PhoneNumberError("not_a_number", text)
    plus = body.startswith("+")
    if not plus and digits.startswith("00"):
        plus, digits = True, digits[2:]
    if not plus and len(digits) <= SHORT_MAX_DIGITS:
        if not allow_short:
            raise PhoneNumberError("short_not_allowed", text)
        return PhoneNumber(digits, PhoneKind.SHORT, extension)
    if len(digits) > 17:
        raise PhoneNumberError("too_long", text)
    number = _best_reading(digits, plus, region, text)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    if not 1 <= len(e164) <= 15:
        raise PhoneNumberError("too_long", text)
    return PhoneNumber(e164, PhoneKind.E164, extension)


def _strip_uri(raw: str, text: str) -> str:
    lowered = raw.lower()
    for scheme in _URI_SCHEMES:
        if lowered.startswith(scheme):
            rest = urllib.parse.unquote(raw[len(scheme) :]).strip()
            if scheme.startswith("sip"):
                user = rest.split("@", 1)[0].split(";", 1)[0]
                if not user or not _ALLOWED.fullmatch(user):
                    raise PhoneNumberError("sip_name", text)
                return user
            # tel: parameters other than ext (phone-context, isub, ...) carry nothing we send.
            head, _, params = rest.partition(";")
            ext = re.search(r"(?:^|;)ext=([0-9]{1,10})(?:;|$)", params, re.IGNORECASE)
            return f"{head};ext={ext.group(1)}" if ext else head
    return raw


def _split_extension(body: str) -> tuple[str, str | None]:
    match = _EXTENSION.search(body)
    if match is None or match.start() == 0:
        return body, None
    return body[: match.start()].strip(), match.group(1)


def _best_reading(digits: str, plus: bool, region: str, text: str) -> phonenumbers.PhoneNumber:
    """Prefer a valid number; national reading first for input without "+"."""
    import phonenumbers
    from phonenumbers import NumberParseException, ValidationResult

    attempts = [f"+{digits}"] if plus else [digits, f"+{digits}"]
    readings: list[phonenumbers.PhoneNumber] = []
    failure = "not_a_number"
    for attempt in attempts:
        try:
            number = phonenumbers.parse(attempt, None if attempt.startswith("+") else region)
        except NumberParseException as exc:
            failure = _parse_reasons().get(exc.error_type, "not_a_number")
            continue
        reason = phonenumbers.is_possible_number_with_reason(number)
        if reason == ValidationResult.IS_POSSIBLE:
            if phonenumbers.is_valid_number(number):
                return number
            readings.append(number)
        elif not readings:
            failure = _possible_reasons().get(reason, "not_a_number")
    if readings:
        return readings[0]
    raise PhoneNumberError(failure, text)
