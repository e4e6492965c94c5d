"""Turn parsed scenario data (TOML/JSON) into a Scenario, checking every key by the dataclasses.

Errors are ScenarioError with one line naming the bad key by its path, e.g.
`employees[2].phone_numbers[0].active: expected a boolean, got "yes"`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import UTC, datetime
from typing import Any, get_args, get_origin, get_type_hints

from callpad.sim import scenario as sc
from callpad.sim.scenario import ScenarioError

_SHORT_TYPE = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}


def _fail(path: str, what: str) -> ScenarioError:
    return ScenarioError(f"{path or 'scenario'}: {what}")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _convert(value: Any, tp: Any, path: str, base: Any = None) -> Any:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _convert(value, args[0], path)
    if tp is Any:
        return value
    if tp is bool:
        if not isinstance(value, bool):
            raise _fail(path, f"expected a boolean, got {_show(value)}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(path, f"expected an integer, got {_show(value)}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise _fail(path, f"expected a non-negative number, got {_show(value)}")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise _fail(path, f"expected a string, got {_show(value)}")
        return value
    if tp is datetime:
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                raise _fail(path, f"expected an ISO 8601 date-time, got {_show(value)}") from None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        raise _fail(path, f"expected an ISO 8601 date-time, got {_show(value)}")
    if origin in (list, set):
        if not isinstance(value, list):
            raise _fail(path, f"expected a list, got {_show(value)}")
        (item,) = get_args(tp)
        items = [_convert(v, item, f"{path}[{i}]") for i, v in enumerate(value)]
        return set(items) if origin is set else items
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail(path, f"expected a table, got {_show(value)}")
        _, item = get_args(tp)
        merged = dict(base) if isinstance(base, dict) else {}  # tables overlay their base
        merged.update({str(k): _convert(v, item, f"{path}.{k}") for k, v in value.items()})
        return merged
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise _fail(path, f"expected a table, got {_show(value)}")
        return _build(tp, value, path, base=base)
    raise _fail(path, f"unsupported type {tp!r}")  # pragma: no cover -- a bug in the dataclasses


def _build(cls: type[Any], data: dict[str, Any], path: str, base: Any | None) -> Any:
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    for key in data:
        if key not in names:
            raise _fail(f"{path}.{key}" if path else key, "unknown key")
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        sub = f"{path}.{f.name}" if path else f.name
        if f.name in data:
            inner = getattr(base, f.name) if base is not None else None
            kwargs[f.name] = _convert(data[f.name], hints[f.name], sub, inner)
        elif base is not None:
            kwargs[f.name] = getattr(base, f.name)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise _fail(sub, "required key is missing")
    return cls(**kwargs)


def _check_choice(path: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise _fail(path, f"must be one of {', '.join(allowed)}, got {_show(value)}")


def _validate(s: sc.Scenario) -> None:
    _check_choice("success_style", s.success_style, ("examples", "string", "boolean"))
    _check_choice("start_time_format", s.start_time_format, ("documented", "example"))
    for c in s.components:
        _check_choice("components", c, sc.COMPONENTS)
    for key, rule in s.security_rules.items():
        _check_choice("security_rules", key, sc.DIRECTIONS)
        _check_choice(f"security_rules.{key}", rule, ("allowed", "forbidden"))
    for i, e in enumerate(s.employees):
        _check_choice(f"employees[{i}].behaviour", e.behaviour, sc.BEHAVIOURS)
    for number, cb in s.numbers.items():
        _check_choice(f"numbers.{number}.behaviour", cb.behaviour, sc.BEHAVIOURS)
    for i, t in enumerate(s.talk_options):
        _check_choice(f"talk_options[{i}].mnemonic", t.mnemonic, sc.TALK_OPTION_MNEMONICS)
    logins = [u.login for u in s.users]
    for i, u in enumerate(s.users):
        if logins.count(u.login) > 1:
            raise _fail(f"users[{i}].login", f"duplicate login {_show(u.login)}")
        if s.employee(u.employee_id) is None:
            raise _fail(f"users[{i}].employee_id", f"no employee with id {u.employee_id}")
    for i, pk in enumerate(s.keys):
        if s.user(pk.login) is None:
            raise _fail(f"keys[{i}].login", f"no user with login {_show(pk.login)}")
    for i, v in enumerate(s.virtual_numbers):
        if v.scenario_id is not None and s.call_scenario(v.scenario_id) is None:
            raise _fail(f"virtual_numbers[{i}].scenario_id", f"no scenario with id {v.scenario_id}")
    for i, e in enumerate(s.employees):
        if e.coach_employee_id is not None and s.employee(e.coach_employee_id) is None:
            raise _fail(
                f"employees[{i}].coach_employee_id", f"no employee with id {e.coach_employee_id}"
            )
    for i, cs in enumerate(s.scenarios):
        if s.employee(cs.employee_id) is None:
            raise _fail(f"scenarios[{i}].employee_id", f"no employee with id {cs.employee_id}")
    for label, items in (
        ("employees", s.employees),
        ("scenarios", s.scenarios),
        ("media_files", s.media_files),
        ("tags", s.tags),
    ):
        ids = [getattr(x, "id") for x in items]  # noqa: B009 -- heterogeneous list
        for i, x in enumerate(ids):
            if ids.count(x) > 1:
                raise _fail(f"{label}[{i}].id", f"duplicate id {x}")
    for i, call in enumerate(s.incoming):
        if s.virtual_number(call.virtual_phone_number) is None:
            raise _fail(
                f"incoming[{i}].virtual_phone_number", "not a virtual number of the account"
            )
        if not call.contact.isdigit():
            raise _fail(f"incoming[{i}].contact", f"expected digits, got {_show(call.contact)}")
        if s.route(call.virtual_phone_number, call.employee_id) is None:
            raise _fail(
                f"incoming[{i}].employee_id", "no such employee and no scenario to route to"
            )
        if call.every_s is not None and call.every_s <= 0:
            raise _fail(f"incoming[{i}].every_s", "must be positive")
    buttons = [t.button for t in s.talk_options]
    for i, b in enumerate(buttons):
        if buttons.count(b) > 1:
            raise _fail(f"talk_options[{i}].button", f"duplicate button {_show(b)}")
    for key in ("day_limit", "minute_limit", "tts_max_length", "token_lifetime_s"):
        if getattr(s, key) < 0:
            raise _fail(key, "must not be negative")
    for method, w in s.weights.items():
        if w < 0:
            raise _fail(f"weights.{method}", "must not be negative")


def parse(data: dict[str, Any], *, default_name: str) -> sc.Scenario:
    """Overlay `data` on its base built-in scenario and validate the result."""
    data = dict(data)
    base_name = data.pop("base", "demo")
    if not isinstance(base_name, str):
        raise _fail("base", f"expected a string, got {_show(base_name)}")
    base: sc.Scenario | None = None
    if base_name != "none":
        try:
            base = sc.scenario_by_name(base_name)
        except ScenarioError as exc:
            raise _fail("base", str(exc)) from None
    data.setdefault("name", default_name)
    result: sc.Scenario = _build(sc.Scenario, data, "", base=base)
    _validate(result)
    return result
