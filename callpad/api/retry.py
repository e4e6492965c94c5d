"""The retry policy of every Call API method, declared in one place.

- Reads (`list.calls`, `list.talk_options`) change nothing, so they are resent with exponential
  backoff and full jitter after transport failures, HTTP 5xx, unreadable replies and
  `internal_error`; after `limit_exceeded` they wait for the reset the server reported, up to a
  bound.
- Start and call-control methods are never resent once the request may have reached the server;
  the caller gets `OutcomeUnknownError` instead. Only a failure before anything was sent (could not
  connect) is retried.
- `login.user` / `logout.user` create or drop a session key only, so a resend is harmless; they are
  retried like reads but never wait for a limit reset.
- An authentication rejection means nothing happened: one transparent re-login and resend is
  allowed for every method that carries an access token (decided in the client, not here).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

from callpad.api.errors import (
    CallApiError,
    HttpStatusError,
    ProtocolError,
    RateLimitError,
    ServerError,
    TransportError,
)


class MethodKind(StrEnum):
    """How resending a method could hurt."""

    READ = "read"  # changes nothing
    SESSION = "session"  # login/logout: a resend creates or drops one more session key
    CALL = "call"  # starts or changes a call: never resent once it may have been received


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How one method may be retried."""

    kind: MethodKind
    attempts: int  # total sends allowed (1 = never resent)
    base_delay: float = 0.2  # seconds; doubled per attempt, full jitter
    max_delay: float = 2.0
    max_limit_wait: float = 0.0  # seconds the method may sleep for a limit reset; 0 = never

    @property
    def resend_after_send(self) -> bool:
        return self.kind is not MethodKind.CALL


READ = RetryPolicy(MethodKind.READ, attempts=4, max_limit_wait=65.0)
SESSION = RetryPolicy(MethodKind.SESSION, attempts=3)
CALL = RetryPolicy(MethodKind.CALL, attempts=3)

POLICIES: dict[str, RetryPolicy] = {
    "login.user": SESSION,
    "logout.user": SESSION,
    "start.employee_call": CALL,
    "start.scenario_call": CALL,
    "start.vnumber_call": CALL,
    "start.informer_call": CALL,
    "start.simple_call": CALL,
    "make.call": CALL,
    "transfer.talk": CALL,
    "restore.talk": CALL,
    "hold.call": CALL,
    "unhold.call": CALL,
    "tag.call": CALL,
    "disconnect.leg": CALL,
    "add.coach": CALL,
    "record.call": CALL,
    "block.contact": CALL,
    "call.talk_option": CALL,
    "send.dtmf": CALL,
    "list.talk_options": READ,
    "list.calls": READ,
    "release.call": CALL,
}


def policy_for(method: str) -> RetryPolicy:
    """The declared policy; an undeclared method is treated as a call (never resent)."""
    return POLICIES.get(method, CALL)


def may_resend(policy: RetryPolicy, error: CallApiError) -> bool:
    """Whether `error` allows another send of the same request under `policy`."""
    if isinstance(error, HttpStatusError) and error.status < 500:
        return False  # refused before any method ran; a resend gets the same answer
    if isinstance(error, TransportError):
        if not error.may_have_reached_server:
            return True  # nothing was sent: safe for every method
        return policy.resend_after_send
    if isinstance(error, ProtocolError | ServerError):
        return policy.resend_after_send
    return False


def limit_wait(policy: RetryPolicy, error: RateLimitError, waited: float) -> float | None:
    """Seconds to sleep before resending after `limit_exceeded`, or None to give up."""
    if policy.max_limit_wait <= 0:
        return None
    reset = error.retry_after
    if reset is None:
        return None
    delay = max(float(reset), 0.0) + 0.5  # land just after the reset, not on it
    if waited + delay > policy.max_limit_wait:
        return None
    return delay


def backoff_delay(policy: RetryPolicy, attempt: int, rng: random.Random) -> float:
    """Full-jitter exponential backoff before send number `attempt + 1` (attempt >= 1)."""
    ceiling = min(policy.max_delay, policy.base_delay * (2 ** (attempt - 1)))
    return rng.uniform(0.0, ceiling)
