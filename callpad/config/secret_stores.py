"""Places a secret can live: the OS keyring (secure backends only), a private file, memory.

Every keyring call is guarded: a backend may raise its own errors (D-Bus, locked collection,
dismissed prompt), which become ConfigError here and never reach the UI raw.
"""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import keyring.backend
import keyring.errors

from callpad.config.errors import ConfigError
from callpad.config.paths import make_private_dir
from callpad.config.store import write_atomic

logger = logging.getLogger(__name__)

SERVICE = "callpad"
INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _backend_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [keyring.errors.KeyringError, RuntimeError, OSError]
    errors.append(ValueError)  # e.g. a malformed stored item or a UnicodeDecodeError
    try:
        import secretstorage.exceptions

        errors.append(secretstorage.exceptions.SecretStorageException)
    except ImportError:  # pragma: no cover - not on Windows/macOS
        pass
    try:
        wrappers = importlib.import_module("jeepney.wrappers")  # no py.typed; D-Bus errors
        errors.append(wrappers.DBusErrorResponse)
    except (ImportError, AttributeError):  # pragma: no cover - not on Windows/macOS
        pass
    return tuple(errors)


BACKEND_ERRORS = _backend_errors()


class SecretStore(Protocol):
    """Where secrets are kept, by key; errors are ConfigError."""

    @property
    def label(self) -> str: ...

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, secret: str) -> None: ...

    def delete(self, key: str) -> None: ...


def keyring_is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    """True only if every link of the backend (a chain has several) is secure.

    Refused: the fail and null backends, anything from keyrings.alt, priority below 1, and any
    backend whose priority cannot even be read.
    """
    try:
        chain: Iterable[keyring.backend.KeyringBackend] | None = getattr(backend, "backends", None)
        links = list(chain) if chain is not None else [backend]
        if not links:
            return False  # an empty chain behaves like the null backend
        return all(_link_is_secure(link) for link in links)
    except BACKEND_ERRORS:
        return False


def _link_is_secure(link: keyring.backend.KeyringBackend) -> bool:
    if type(link).__module__.startswith(INSECURE_MODULES):
        return False
    return link.priority >= 1  # reading it may raise (SecretService probes D-Bus)


class KeyringSecretStore:
    """Secrets in the OS keyring (service "callpad")."""

    def __init__(self, backend: keyring.backend.KeyringBackend) -> None:
        self._backend = backend

    @property
    def label(self) -> str:
        return type(self._backend).__name__

    def get(self, key: str) -> str | None:
        try:
            value = self._backend.get_password(SERVICE, key)
        except BACKEND_ERRORS as exc:
            raise ConfigError(f"keyring read failed: {type(exc).__name__}") from exc
        return value if isinstance(value, str) else None

    def set(self, key: str, secret: str) -> None:
        try:
            self._backend.set_password(SERVICE, key, secret)
        except BACKEND_ERRORS as exc:
            raise ConfigError(f"keyring write failed: {type(exc).__name__}") from exc

    def delete(self, key: str) -> None:
        try:
            self._backend.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            return  # nothing stored under that key
        except BACKEND_ERRORS as exc:
            raise ConfigError(f"keyring delete failed: {type(exc).__name__}") from exc


class FileSecretStore:
    """Fallback without a secure keyring: one JSON file, mode 0600, in a 0700 folder."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._file = folder / "credentials.json"

    @property
    def label(self) -> str:
        return "file"

    @property
    def file(self) -> Path:
        return self._file

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise ConfigError(f"credential file unreadable: {type(exc).__name__}") from exc
        if not isinstance(data, dict):
            raise ConfigError("credential file does not hold a JSON object")
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def _write(self, data: dict[str, str]) -> None:
        try:
            if not data:
                self._file.unlink(missing_ok=True)
                return
            make_private_dir(self._folder)
            write_atomic(self._file, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            raise ConfigError(f"credential file not written: {exc.strerror or exc}") from exc

    def get(self, key: str) -> str | None:
        return self._read().get(key)

    def set(self, key: str, secret: str) -> None:
        data = self._read()
        data[key] = secret
        self._write(data)

    def delete(self, key: str) -> None:
        data = self._read()
        if data.pop(key, None) is not None:
            self._write(data)

    def wipe(self) -> None:
        """Remove the whole file (even an unreadable one)."""
        try:
            self._file.unlink(missing_ok=True)
        except OSError as exc:
            raise ConfigError(f"credential file not removed: {exc.strerror or exc}") from exc


class InMemorySecretStore:
    """Secrets in a dict: tests and demo mode."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    @property
    def label(self) -> str:
        return "memory"

    def get(self, key: str) -> str | None:
        return self.data.get(key)

    def set(self, key: str, secret: str) -> None:
        self.data[key] = secret

    def delete(self, key: str) -> None:
        self.data.pop(key, None)
