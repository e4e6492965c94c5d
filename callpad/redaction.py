"""Masking of secrets and phone numbers for logs: structural helpers and a logging filter."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

MASK = "***"
SECRET_KEYS = frozenset({"password", "access_token", "login", "key", "permanent_key", "token"})
PHONE_KEYS = frozenset(
    {"contact", "phone_number", "operator", "to", "virtual_phone_number", "contact_phone_number"}
)

# Backstop patterns: long hex/base64-ish tokens and long digit runs (phone numbers).
_TOKEN_RE = re.compile(r"\b[A-Za-z0-9_\-]{24,}\b")
_JSON_SECRET_RE = re.compile(
    r'("(?:password|access_token|login|key|permanent_key|token)"\s*:\s*)"(?:[^"\\]|\\.)*"'
)
_DIGITS_RE = re.compile(r"(?<!\d)(\d{6,})(\d{4})(?!\d)")


def mask_phone(value: str) -> str:
    """Keep only the last four digits of a phone-like value."""
    if len(value) <= 4:
        return value
    return "…" + value[-4:]


def redact_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Return a copy of JSON-RPC params with secrets masked and phone numbers shortened."""
    out: dict[str, Any] = {}
    for name, value in params.items():
        if name in SECRET_KEYS and value is not None:
            out[name] = MASK
        elif name in PHONE_KEYS and isinstance(value, str):
            out[name] = mask_phone(value)
        elif isinstance(value, Mapping):
            out[name] = redact_params(value)
        elif isinstance(value, list):
            out[name] = [redact_params(v) if isinstance(v, Mapping) else v for v in value]
        else:
            out[name] = value
    return out


def redact_text(text: str, secrets: tuple[str, ...] = ()) -> str:
    """Mask known secrets, JSON secret members, long tokens and long digit runs in free text."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    text = _JSON_SECRET_RE.sub(lambda m: f'{m.group(1)}"{MASK}"', text)
    text = _TOKEN_RE.sub(MASK, text)
    return _DIGITS_RE.sub(lambda m: "…" + m.group(2), text)


class RedactingFilter(logging.Filter):
    """A handler filter that rewrites each record's final message with `redact_text`."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._secrets = secrets

    def add_secret(self, secret: str) -> None:
        """Mask this exact value from now on (e.g. a password typed at login)."""
        if secret and secret not in self._secrets:
            self._secrets = (*self._secrets, secret)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact_text(message, self._secrets)
        record.args = None
        return True
