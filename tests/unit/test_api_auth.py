"""The session key's expiry on this computer's clock, also when it disagrees with the server's."""

from datetime import UTC, datetime, timedelta

import pytest

from callpad.api.auth import SESSION_LIFETIME, KeyRing
from callpad.api.models import LoginResult, PasswordCredentials

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
MARGIN = timedelta(seconds=60)


def _ring(server_expire_at: datetime) -> KeyRing:
    ring = KeyRing(MARGIN)
    ring.adopt_session(PasswordCredentials("demo", "demo"), LoginResult("k", server_expire_at), NOW)
    return ring


def test_agreeing_clocks_keep_the_servers_expiry():
    ring = _ring(NOW + timedelta(seconds=3599))
    assert ring.expire_at == NOW + timedelta(seconds=3599)
    assert not ring.needs_login(NOW + timedelta(minutes=58))
    assert ring.needs_login(NOW + timedelta(seconds=3540))


@pytest.mark.parametrize(
    "skew",
    [timedelta(hours=-1), timedelta(hours=-3), timedelta(hours=2)],
    ids=["ahead-1h", "ahead-3h", "behind-2h"],
)
def test_a_skewed_clock_gets_the_documented_hour_not_a_login_per_request(skew):
    # expire_at is the server's now + 1 h; this computer's clock is off by `skew`.
    ring = _ring(NOW + SESSION_LIFETIME + skew)
    assert ring.expire_at == NOW + SESSION_LIFETIME
    assert not ring.needs_login(NOW + timedelta(minutes=1))
