"""The JSON-RPC side of the simulator: envelope, validation order, dispatch, replies.

Follows SPEC section 10.1 exactly (first failing check wins):

1. valid JSON, else `parse_error`; 2. UTF-8 charset and body, else `character_encoding_not_allowed`;
3. an object, not an array, else `batch_opreations_not_supported`; 4. `jsonrpc`/`method`/`params`/
`id` shapes, else `invalid_request`; 5. an `id`, else `notifications_not_supported`; 6. IP
whitelist; 7. known method; 8. authentication (auth.py); 9. account active, user's API right,
component; 10. point budget; then a pending `rpc_error` fault; 11. parameter schema
(validation.py, then the engine's combination and TTS rules); 12-14. the engine (look-ups, state,
execution); charge points; reply.

Replies of steps 1-8 carry no metadata; later ones carry `result.metadata` (success) or
`error.data.metadata` (errors), except for the limit-exempt mnemonics (SPEC section 7). JSON-RPC
errors travel with HTTP 200; the server decides the HTTP side.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from callpad.sim.auth import Credential
from callpad.sim.faults import FaultQueue
from callpad.sim.request_log import LogEntry, mask_secrets
from callpad.sim.rpc_error import RpcFault
from callpad.sim.runtime import LATEST_VERSION, SimRuntime
from callpad.sim.spec import method as method_entry
from callpad.sim.spec import method_names, spec
from callpad.sim.validation import check_params

logger = logging.getLogger(__name__)

_UTF8_NAMES = frozenset({"utf-8", "utf8"})


@cache
def _known_methods() -> frozenset[str]:
    return frozenset(method_names())


@cache
def _metadata_exempt() -> frozenset[str]:
    meta = spec()["metadata"]
    return frozenset(meta["limits_absent_for_mnemonics"]) | frozenset(
        meta["limits_absent_for_mnemonics_sim_extra"]
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def usable_id(obj: Any) -> Any:
    """The request id if the body is an object with a string or number id, else None."""
    if isinstance(obj, dict):
        rid = obj.get("id")
        if isinstance(rid, str | int | float) and not isinstance(rid, bool):
            return rid
    return None


def _charset_ok(content_type: str | None) -> bool:
    if not content_type:
        return True
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower() in _UTF8_NAMES
    return True


@dataclass(slots=True)
class Incoming:
    """A request body after steps 1-2: the parsed JSON, or the fault to answer."""

    obj: Any
    fault: RpcFault | None

    @property
    def method(self) -> str | None:
        """The method named by the body, if any (used to match faults)."""
        if isinstance(self.obj, dict) and isinstance(self.obj.get("method"), str):
            return str(self.obj["method"])
        return None


def read_body(body: bytes, content_type: str | None) -> Incoming:
    """Steps 1 and 2: parse (keeping non-UTF-8 bytes aside), then check the encoding."""
    try:
        obj = json.loads(body.decode("utf-8", "surrogateescape"), parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return Incoming(None, RpcFault("parse_error"))
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return Incoming(obj, RpcFault("character_encoding_not_allowed"))
    if not _charset_ok(content_type):
        return Incoming(obj, RpcFault("character_encoding_not_allowed"))
    return Incoming(obj, None)


def _envelope(obj: Any) -> tuple[Any, str, dict[str, Any]]:
    """Steps 3-5: the id, method and params of a well-formed request."""
    if isinstance(obj, list):
        raise RpcFault("batch_opreations_not_supported")
    if not isinstance(obj, dict):
        raise RpcFault("invalid_request")
    has_id = "id" in obj
    if (
        obj.get("jsonrpc") != "2.0"
        or not isinstance(obj.get("method"), str)
        or not isinstance(obj.get("params"), dict)
        or (has_id and usable_id(obj) is None)
    ):
        raise RpcFault("invalid_request")
    if not has_id:
        raise RpcFault("notifications_not_supported")
    return obj["id"], obj["method"], obj["params"]


def client_address(peer: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The client's IP from the socket peer; an IPv4-mapped IPv6 address as plain IPv4."""
    try:
        ip = ipaddress.ip_address(peer.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _ip_allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, whitelist: list[str]) -> bool:
    for entry in whitelist:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def error_reply(rid: Any, fault: RpcFault, metadata: Mapping[str, Any] | None) -> dict[str, Any]:
    data = fault.error_data()
    if metadata is not None:
        data["metadata"] = dict(metadata)
    return {
        "jsonrpc": "2.0",
        "id": rid,
        "error": {"code": fault.code, "message": fault.message, "data": data},
    }


class RpcDispatcher:
    """Answers Call API request bodies for one SimRuntime."""

    def __init__(self, runtime: SimRuntime) -> None:
        self._rt = runtime

    def _metadata(self, version: str) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        if version != LATEST_VERSION:
            meta["api_version"] = {
                "current_version_depricated": True,
                "current_version": version,
                "latest_version": LATEST_VERSION,
            }
        meta["limits"] = self._rt.budget.metadata()
        return meta

    def respond(
        self, incoming: Incoming, *, client_ip: str, version: str, entry: LogEntry
    ) -> dict[str, Any]:
        """Steps 1-14 for one request: the JSON-RPC reply object. Updates the log entry."""
        obj = incoming.obj
        rid = usable_id(obj)
        entry.id, entry.method = rid, incoming.method
        if isinstance(obj, dict) and "params" in obj:
            entry.params = mask_secrets(obj["params"])
        try:
            if incoming.fault is not None:
                raise incoming.fault
            rid, method, params = _envelope(obj)
            ip = client_address(client_ip)
            if ip is None or not _ip_allowed(ip, self._rt.scenario.ip_whitelist):
                raise RpcFault("ip_not_whitelisted", params={"ip": str(ip or client_ip)})
            if method not in _known_methods():
                raise RpcFault("method_not_found")
            credential = self._rt.auth.authenticate(method, params)
        except RpcFault as fault:
            return self._failed(entry, error_reply(rid, fault, None), fault)
        return self._after_auth(rid, method, params, credential, version, entry)

    def _after_auth(
        self,
        rid: Any,
        method: str,
        params: dict[str, Any],
        credential: Credential,
        version: str,
        entry: LogEntry,
    ) -> dict[str, Any]:
        weight = self._rt.weight(method)
        try:
            self._check_account(credential, method)
            self._rt.budget.check(weight)
            _raise_injected(self._rt.faults, method)
            data = self._execute(method, check_params(method, params), credential)
        except RpcFault as fault:
            meta = None if fault.mnemonic in _metadata_exempt() else self._metadata(version)
            return self._failed(entry, error_reply(rid, fault, meta), fault)
        except Exception:
            # The one broad catch of the simulator (ARCHITECTURE section 10): a handler bug
            # answers internal_error and is logged with its traceback (so BLE001 allows it).
            logger.exception("simulator bug while handling %s", method)
            bug = RpcFault("internal_error", method=method)
            return self._failed(entry, error_reply(rid, bug, self._metadata(version)), bug)
        self._rt.budget.charge(weight)
        entry.charged = weight
        return {
            "jsonrpc": "2.0",
            "id": rid,
            "result": {"data": data, "metadata": self._metadata(version)},
        }

    def _check_account(self, credential: Credential, method: str) -> None:
        """Step 9."""
        scenario = self._rt.scenario
        if not scenario.account_active:
            raise RpcFault("account_inactive")
        if not credential.user.api_access:
            raise RpcFault("forbidden")
        component = method_entry(method)["component"]
        if component not in scenario.components:
            name = spec()["components"][component]["name_ru"]
            raise RpcFault("component_disabled", params={"component_name": name})

    def _execute(self, method: str, params: dict[str, Any], credential: Credential) -> Any:
        """Steps 11 (engine rules) to 14."""
        if method == "login.user":
            return self._rt.auth.login(credential.user)
        if method == "logout.user":
            return self._rt.auth.logout(credential)
        params.pop("access_token", None)
        return self._rt.engine.handle(method, params, credential.user)

    @staticmethod
    def _failed(entry: LogEntry, reply: dict[str, Any], fault: RpcFault) -> dict[str, Any]:
        entry.outcome = "error"
        entry.error = {"code": fault.code, "mnemonic": fault.mnemonic}
        return reply


def _raise_injected(faults: FaultQueue, method: str) -> None:
    """A pending `rpc_error` fault for this method answers in place of steps 11-14."""
    taken = faults.take(method, frozenset({"rpc_error"}))
    fault = taken.get("rpc_error")
    if fault is not None and fault.mnemonic is not None:
        raise RpcFault(fault.mnemonic, method=method, params=fault.params)
