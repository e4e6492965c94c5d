"""The packaged Call API reference table (`spec/methods.json`), loaded once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def spec() -> dict[str, Any]:
    """The whole reference table: methods, errors, states, defaults (see SPEC section 11)."""
    text = resources.files("callpad.sim").joinpath("spec/methods.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def method_names() -> list[str]:
    """The 22 method names in the spec's order."""
    return list(spec()["method_order"])


def method(name: str) -> dict[str, Any]:
    """One method's entry: params, rules, result, states, errors, examples."""
    entry: dict[str, Any] = spec()["methods"][name]
    return entry
