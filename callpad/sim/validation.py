"""Generic parameter checks driven by methods.json (SPEC section 10.1, step 11, first four kinds).

Each kind is checked over the whole parameter tree before the next kind, so the first failing
check wins in the documented order: `unexpected_parameters` (any nesting level),
`required_parameter_missed`, `data_type_error`, `invalid_parameter_value` (enum, pattern, range,
and the `message_value` format). Fields are named by dotted paths (`employee.phone_number`);
`data.value` echoes the JSON value as sent. Combination rules and `tts_text_exceeded` belong to the
engine, which runs after these checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

from callpad.sim.rpc_error import RpcFault
from callpad.sim.spec import method

Schema = Mapping[str, Mapping[str, Any]]
_MEDIA_ID = re.compile(r"[0-9]+")


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _present(params: Mapping[str, Any], schema: Schema, prefix: str) -> Iterator[tuple[str, Any]]:
    """(dotted name, value) of every sent, known parameter, depth first in the schema's order."""
    for name, spec in schema.items():
        if name not in params:
            continue
        value = params[name]
        yield prefix + name, value
        if spec.get("fields") and isinstance(value, dict):
            yield from _present(value, spec["fields"], f"{prefix}{name}.")


def _specs(schema: Schema, prefix: str = "") -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for name, spec in schema.items():
        out[prefix + name] = spec
        if spec.get("fields"):
            out.update(_specs(spec["fields"], f"{prefix}{name}."))
    return out


def _unexpected(params: Mapping[str, Any], schema: Schema, prefix: str) -> None:
    for name, value in params.items():
        spec = schema.get(name)
        if spec is None:
            raise RpcFault("unexpected_parameters", field=prefix + name, value=value)
        if spec.get("fields") and isinstance(value, dict):
            _unexpected(value, spec["fields"], f"{prefix}{name}.")


def _required(params: Mapping[str, Any], schema: Schema, prefix: str) -> None:
    for name, spec in schema.items():
        if name not in params:
            if spec.get("required"):
                raise RpcFault("required_parameter_missed", field=prefix + name)
        elif spec.get("fields") and isinstance(params[name], dict):
            _required(params[name], spec["fields"], f"{prefix}{name}.")


def _bad_value(spec: Mapping[str, Any], value: Any, parent: Mapping[str, Any]) -> bool:
    if "enum" in spec and value not in spec["enum"]:
        return True
    if "pattern" in spec and not _pattern(spec["pattern"]).fullmatch(value):
        return True
    if "minimum" in spec and value < spec["minimum"]:
        return True
    if "maximum" in spec and value > spec["maximum"]:
        return True
    if spec.get("format") == "message_value":
        kind = parent.get("type")
        if kind == "media":
            return _MEDIA_ID.fullmatch(value) is None
        if kind == "tts":
            return not value
    return False


def _values(params: Mapping[str, Any], schema: Schema, prefix: str) -> None:
    for name, spec in schema.items():
        if name not in params:
            continue
        value = params[name]
        if spec.get("fields") and isinstance(value, dict):
            _values(value, spec["fields"], f"{prefix}{name}.")
        elif _bad_value(spec, value, params):
            raise RpcFault("invalid_parameter_value", field=prefix + name, value=value)


def _normalised(params: Mapping[str, Any], schema: Schema) -> dict[str, Any]:
    """A copy with integral floats (e.g. 5.0) sent for integers turned into ints."""
    out: dict[str, Any] = {}
    for name, value in params.items():
        spec = schema[name]
        if spec.get("fields") and isinstance(value, dict):
            out[name] = _normalised(value, spec["fields"])
        elif spec["type"] == "integer" and isinstance(value, float):
            out[name] = int(value)
        else:
            out[name] = value
    return out


def check_params(method_name: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """Run the generic checks for one method; return the params, normalised, or raise RpcFault."""
    schema: Schema = method(method_name)["params"]
    _unexpected(params, schema, "")
    _required(params, schema, "")
    specs = _specs(schema)
    for dotted, value in _present(params, schema, ""):
        if not _TYPE_CHECKS[specs[dotted]["type"]](value):
            raise RpcFault("data_type_error", field=dotted, value=value)
    _values(params, schema, "")
    return _normalised(params, schema)
