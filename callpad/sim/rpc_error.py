"""RpcFault: a JSON-RPC error the simulator answers, with code and message from the spec table.

The code and message template of a mnemonic come from, in order: the method's own error table (a
mnemonic may have a different code per method, e.g. `contact_in_blacklist`), the common errors, and
the simulator's placeholder errors (`call_direction_forbidden`). Templates are filled from `params`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any, Final

from callpad.sim.spec import spec


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()

# The simulator's extra, not-vendor-documented errors (SPEC section 1 and 15).
_SIM_EXTRA: Final = {
    "character_encoding_not_allowed": (-32602, "The character encoding must be UTF-8"),
}


class UnknownMnemonicError(LookupError):
    """The spec has no error with this mnemonic (a bug in the simulator, never a client error)."""


def lookup(
    mnemonic: str, method: str | None = None, *, variant: str | None = None
) -> tuple[int, str]:
    """Return (code, message template) for a mnemonic, method-specific entries first.

    `variant` picks among several rows of one method with the same mnemonic by a substring of the
    message (e.g. `scenario_not_found` on start.vnumber_call has two meanings).
    """
    table = spec()
    if method is not None and method in table["methods"]:
        rows = [e for e in table["methods"][method]["errors"] if e["mnemonic"] == mnemonic]
        if variant is not None:
            rows = [e for e in rows if variant in e["message"]] or rows
        if rows:
            return int(rows[0]["code"]), str(rows[0]["message"])
    for row in (*table["common_errors"], *table["undocumented_errors_simulator_placeholders"]):
        if row["mnemonic"] == mnemonic:
            return int(row["code"]), str(row["message"])
    if mnemonic in _SIM_EXTRA:
        return _SIM_EXTRA[mnemonic]
    for entry in table["methods"].values():
        for row in entry["errors"]:
            if row["mnemonic"] == mnemonic:
                return int(row["code"]), str(row["message"])
    raise UnknownMnemonicError(mnemonic)


def placeholders(template: str) -> list[str]:
    """The `{name}` placeholders of a message template, in order, without repeats."""
    names: list[str] = []
    for _, name, _, _ in string.Formatter().parse(template):
        if name and name not in names:
            names.append(name)
    return names


class RpcFault(Exception):  # noqa: N818 -- a reply to send, not a failure of ours
    """An error reply: raise it anywhere in request handling; the dispatcher serialises it."""

    def __init__(
        self,
        mnemonic: str,
        *,
        method: str | None = None,
        field: str | None = None,
        value: Any = MISSING,
        params: Mapping[str, Any] | None = None,
        variant: str | None = None,
    ) -> None:
        self.mnemonic = mnemonic
        self.code, template = lookup(mnemonic, method, variant=variant)
        given = dict(params or {})
        self.params = {name: given.get(name) for name in placeholders(template)}
        self.message = template.format(
            **{k: "" if v is None else v for k, v in self.params.items()}
        )
        self.field = field
        self.value = value
        super().__init__(f"{self.code} {mnemonic}: {self.message}")

    def error_data(self) -> dict[str, Any]:
        """The `error.data` object without metadata (the dispatcher adds it where due)."""
        data: dict[str, Any] = {"mnemonic": self.mnemonic}
        if self.field is not None:
            data["field"] = self.field
        if self.value is not MISSING:
            data["value"] = self.value
        data["params"] = self.params
        data["extended_helper"] = None
        return data
