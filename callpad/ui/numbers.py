"""How numbers look on screen: "+7 916 123-45-67" for full numbers, short ones as they are."""

from __future__ import annotations

from functools import lru_cache

from callpad.api.phone import PhoneNumber

SHORT_MAX = 6


@lru_cache(maxsize=4096)
def display_number(digits: str) -> str:
    """The API's digits (E.164 without "+") in their international written form."""
    if not digits.isdigit() or len(digits) <= SHORT_MAX:
        return digits
    import phonenumbers  # loaded on first use (start-up time); cached by Python after that

    try:
        return PhoneNumber(digits).display()
    except phonenumbers.NumberParseException:
        return digits
