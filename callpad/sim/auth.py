"""Authentication (SPEC section 4): login.user session keys on the clock, and permanent keys.

Step 8 of the validation order (SPEC section 10.1): `login.user` checks its own `login` and
`password` (missing, then type) before the credentials; every other method checks `access_token`
the same way, then looks the token up. A session key lives `token_lifetime_s` from issue, with no
sliding renewal; past it, or after `logout.user`, it is `access_token_invalid`. Only permanent keys
are ever `access_token_expired` or `access_token_blocked`.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from callpad.clock import Clock
from callpad.sim.rpc_error import RpcFault
from callpad.sim.scenario import Scenario, SimUser


@dataclass(frozen=True, slots=True)
class Credential:
    """Who a request acts as, and by which kind of key."""

    user: SimUser
    token: str | None  # the session key or permanent key used; None for login.user
    permanent: bool = False


def require_string(params: Mapping[str, Any], name: str) -> str:
    """The step-8 check of one parameter: present, then a string."""
    if name not in params:
        raise RpcFault("required_parameter_missed", field=name)
    value = params[name]
    if not isinstance(value, str):
        raise RpcFault("data_type_error", field=name, value=value)
    return value


class Authenticator:
    """Session keys of one account; permanent keys come from the scenario."""

    def __init__(self, scenario: Scenario, clock: Clock) -> None:
        self._scenario = scenario
        self._clock = clock
        self._sessions: dict[str, tuple[str, int]] = {}  # token -> (login, expire_at unix s)

    @property
    def session_count(self) -> int:
        """Session keys still valid now."""
        now = self._unix_now()
        return sum(1 for _, expire_at in self._sessions.values() if now < expire_at)

    def _unix_now(self) -> float:
        return self._clock.wall().timestamp()

    def authenticate(self, method: str, params: Mapping[str, Any]) -> Credential:
        """Step 8 for any method: the user behind the request, or an RpcFault."""
        if method == "login.user":
            login = require_string(params, "login")
            password = require_string(params, "password")
            user = self._scenario.user(login)
            if user is None or not secrets.compare_digest(
                user.password.encode(), password.encode("utf-8", "surrogatepass")
            ):
                raise RpcFault("auth_error")
            return Credential(user, None)
        token = require_string(params, "access_token")
        return self._check_token(token)

    def _check_token(self, token: str) -> Credential:
        session = self._sessions.get(token)
        if session is not None:
            login, expire_at = session
            user = self._scenario.user(login)
            if user is None or self._unix_now() >= expire_at:
                del self._sessions[token]
                raise RpcFault("access_token_invalid")
            return Credential(user, token)
        for key in self._scenario.keys:
            if key.key != token:
                continue
            user = self._scenario.user(key.login)
            if user is None:
                break
            if key.blocked:
                raise RpcFault("access_token_blocked")
            if key.expires_at is not None and self._clock.wall() >= _aware(key.expires_at):
                raise RpcFault("access_token_expired")
            return Credential(user, token, permanent=True)
        raise RpcFault("access_token_invalid")

    def login(self, user: SimUser) -> dict[str, Any]:
        """Issue a session key (step 14 of login.user): `result.data`."""
        token = secrets.token_urlsafe(32)
        expire_at = int(self._unix_now()) + self._scenario.token_lifetime_s
        self._sessions[token] = (user.login, expire_at)
        return {"access_token": token, "expire_at": expire_at}

    def logout(self, credential: Credential) -> dict[str, Any]:
        """Delete a session key; a permanent key is not revoked [sim] (SPEC section 15 #7).

        The success flag follows the scenario's success_style (SPEC section 14 #1): boolean `true`
        as the vendor example ("examples", "boolean"), the string "true" for "string".
        """
        if credential.token is not None and not credential.permanent:
            self._sessions.pop(credential.token, None)
        return {"success": "true" if self._scenario.success_style == "string" else True}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
