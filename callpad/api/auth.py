"""The client's authentication state: which key goes into `access_token`, and when to renew it.

A session key from `login.user` lives a fixed hour (SPEC §4, §15 #8); it is renewed shortly before
`expire_at` and once more after the server calls it invalid or expired (§14 #14). A permanent key is
never renewed: its expiry or block is reported to the agent. Keys live in memory only.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from callpad.api.errors import AuthError, ClientStateError
from callpad.api.models import Credentials, LoginResult, PasswordCredentials, PermanentKey

# An expired session key answers access_token_invalid; access_token_expired is documented for
# permanent keys only, but a session client re-logs in on both (SPEC §14 #14).
RELOGIN_MNEMONICS = frozenset({"access_token_invalid", "access_token_expired"})

# The documented lifetime of a session key (SPEC section 4).
SESSION_LIFETIME = timedelta(hours=1)


class KeyRing:
    """Credentials, the current key and its expiry; one lock so concurrent calls log in once."""

    def __init__(self, renew_margin: timedelta) -> None:
        self._renew_margin = renew_margin
        self._credentials: Credentials | None = None
        self._token: str | None = None
        self._expire_at: datetime | None = None
        self.lock = asyncio.Lock()

    @property
    def credentials(self) -> Credentials | None:
        return self._credentials

    @property
    def password_credentials(self) -> PasswordCredentials | None:
        creds = self._credentials
        return creds if isinstance(creds, PasswordCredentials) else None

    @property
    def token(self) -> str | None:
        return self._token

    @property
    def expire_at(self) -> datetime | None:
        return self._expire_at

    @property
    def is_password_session(self) -> bool:
        return isinstance(self._credentials, PasswordCredentials) and self._token is not None

    def use_credentials(self, credentials: Credentials | None) -> None:
        """Adopt credentials; a permanent key is usable at once, a password needs a login."""
        self._credentials = credentials
        self._expire_at = None
        self._token = credentials.key if isinstance(credentials, PermanentKey) else None

    def adopt_session(
        self, credentials: PasswordCredentials, result: LoginResult, now: datetime
    ) -> None:
        """Adopt a fresh session key; its expiry is kept on this computer's clock.

        `expire_at` is the server's time. When this computer's clock disagrees with it by more than
        the renewal margin (the key would look expired on arrival, or to outlive the documented
        hour), the key is given the documented hour from now, and a key the server calls invalid
        earlier is still renewed once: a skewed clock must not turn every request into a login.
        """
        self._credentials = credentials
        self._token = result.access_token
        lifetime = result.expire_at - now
        if lifetime <= self._renew_margin or lifetime > SESSION_LIFETIME + self._renew_margin:
            lifetime = SESSION_LIFETIME
        self._expire_at = now + lifetime

    def forget(self) -> None:
        """Drop the key and the credentials (logout)."""
        self._credentials = None
        self._token = None
        self._expire_at = None

    def needs_login(self, now: datetime) -> bool:
        """True when a password session has no key yet or its key is about to expire."""
        if not isinstance(self._credentials, PasswordCredentials):
            return False
        if self._token is None or self._expire_at is None:
            return True
        return now >= self._expire_at - self._renew_margin

    def can_relogin(self, error: AuthError) -> bool:
        return (
            isinstance(self._credentials, PasswordCredentials)
            and error.mnemonic in RELOGIN_MNEMONICS
        )

    def require_token(self, method: str) -> str:
        if self._token is None:
            raise ClientStateError(f"{method}: not logged in", reason="not_logged_in")
        return self._token
