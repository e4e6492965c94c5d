"""Remembered passwords and permanent keys: in the OS keyring, else in a private file.

`open_vault()` picks the store: a secure OS keyring when there is one (see
`secret_stores.keyring_is_secure`), otherwise a 0600 file in a 0700 folder, and then the agent
is told once (`insecure_notice_pending`). Secrets never enter Settings, reprs or logs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import keyring
import keyring.backend

from callpad.config.errors import ConfigError
from callpad.config.notices import Notice, NoticeLog
from callpad.config.paths import AppPaths
from callpad.config.schema import AccountSettings, AuthKind
from callpad.config.secret_stores import (
    BACKEND_ERRORS,
    FileSecretStore,
    KeyringSecretStore,
    SecretStore,
    keyring_is_secure,
)

logger = logging.getLogger(__name__)


def credential_key(account: AccountSettings, kind: AuthKind | None = None) -> str:
    """The keyring user name for one account's secret, e.g. "password:agent@https://host/v4.0"."""
    return f"{(kind or account.auth_kind).value}:{account.login}@{account.base_url()}"


class CredentialVault:
    """Saves, loads and forgets the agent's secret; every store call is guarded."""

    def __init__(
        self,
        primary: SecretStore,
        *,
        secure: bool,
        fallback: SecretStore | None = None,
        others: Sequence[SecretStore] = (),
        notices: NoticeLog | None = None,
    ) -> None:
        self._primary = primary
        self._secure = secure
        self._fallback = fallback
        self._others = tuple(others)
        self._notices = notices
        self._fell_back = False

    def __repr__(self) -> str:
        return f"CredentialVault(primary={self._primary.label}, secure={self.secure})"

    @property
    def secure(self) -> bool:
        """False when secrets go to the fallback file."""
        return self._secure and not self._fell_back

    @property
    def insecure_notice_pending(self) -> bool:
        """True once, until `acknowledge_notice()`: the agent must learn secrets are in a file."""
        if self.secure:
            return False
        return self._notices is None or not self._notices.seen(Notice.INSECURE_SECRET_STORAGE)

    def acknowledge_notice(self) -> None:
        if self._notices is not None:
            self._notices.mark_seen(Notice.INSECURE_SECRET_STORAGE)

    def _stores(self) -> tuple[SecretStore, ...]:
        extra = (self._fallback,) if self._fallback is not None else ()
        return (self._primary, *extra, *self._others)

    def load(self, account: AccountSettings) -> str | None:
        """The remembered secret, or None (also when a store fails: logged, never raised)."""
        key = credential_key(account)
        for store in self._stores():
            try:
                value = store.get(key)
            except ConfigError as exc:
                logger.warning(
                    "Reading a remembered credential from %s failed: %s", store.label, exc
                )
                continue
            if value is not None:
                return value
        return None

    def save(self, account: AccountSettings, secret: str) -> None:
        """Remember the secret; if the keyring fails, the fallback file is used and flagged."""
        key = credential_key(account)
        try:
            self._primary.set(key, secret)
        except ConfigError as exc:
            if self._fallback is None:
                raise
            logger.warning("Keyring refused the credential (%s); using the private file", exc)
            self._fallback.set(key, secret)
            self._fell_back = True
            return
        self._remove_elsewhere(key)

    def _remove_elsewhere(self, key: str) -> None:
        """A secret lives in one place: drop older copies from the other stores."""
        for store in self._stores()[1:]:
            try:
                store.delete(key)
            except ConfigError as exc:
                logger.warning("Could not remove an old copy from %s: %s", store.label, exc)

    def forget(self, account: AccountSettings) -> list[str]:
        """Remove the password and the key of this account from every store.

        Returns the labels of stores that could not be cleaned (empty when all went well).
        """
        failed: list[str] = []
        keys = [credential_key(account, kind) for kind in AuthKind]
        for store in self._stores():
            try:
                for key in keys:
                    store.delete(key)
            except ConfigError as exc:
                logger.warning("Forgetting credentials in %s failed: %s", store.label, exc)
                failed.append(store.label)
        return failed

    def forget_everything(self) -> list[str]:
        """Remove the whole fallback file too (all accounts); keyring entries need `forget`."""
        failed: list[str] = []
        for store in self._stores():
            if isinstance(store, FileSecretStore):
                try:
                    store.wipe()
                except ConfigError:
                    failed.append(store.label)
        return failed


def default_keyring() -> keyring.backend.KeyringBackend | None:
    """The keyring library's choice, or None when even asking fails."""
    try:
        return keyring.get_keyring()
    except BACKEND_ERRORS as exc:
        logger.warning("No keyring available: %s", type(exc).__name__)
        return None


def open_vault(
    paths: AppPaths,
    *,
    backend_factory: Callable[[], keyring.backend.KeyringBackend | None] = default_keyring,
) -> CredentialVault:
    """The vault app.py uses: a secure keyring if any, else the private file with a notice."""
    file_store = FileSecretStore(paths.secrets_dir)
    notices = NoticeLog(paths.notices_file)
    backend = backend_factory()
    if backend is not None and keyring_is_secure(backend):
        logger.info("Credentials go to the keyring %s", type(backend).__name__)
        return CredentialVault(
            KeyringSecretStore(backend), secure=True, fallback=file_store, notices=notices
        )
    logger.warning("No secure keyring; remembered credentials go to a private file")
    return CredentialVault(file_store, secure=False, notices=notices)
