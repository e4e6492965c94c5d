import json
import os
import stat
from typing import Any, cast

import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from callpad.config.errors import ConfigError
from callpad.config.notices import Notice, NoticeLog
from callpad.config.paths import AppPaths
from callpad.config.schema import AccountSettings, AuthKind, Provider
from callpad.config.secret_stores import (
    FileSecretStore,
    InMemorySecretStore,
    KeyringSecretStore,
    keyring_is_secure,
)
from callpad.config.secrets import CredentialVault, credential_key, open_vault

ACCOUNT = AccountSettings(login="agent7", remember=True)
FAIL = keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]  # keyring is untyped here
NULL = keyring.backends.null.Keyring()  # type: ignore[no-untyped-call]  # keyring is untyped here


class FakeBackend:
    """Duck-typed keyring backend (subclassing KeyringBackend would register it globally)."""

    def __init__(self, priority: float = 5, fail_with: BaseException | None = None) -> None:
        self.priority = priority
        self.fail_with = fail_with
        self.data: dict[tuple[str, str], str] = {}

    def _maybe_fail(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_fail()
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_fail()
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_fail()
        if self.data.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")


class AltPlaintext(FakeBackend):
    pass


AltPlaintext.__module__ = "keyrings.alt.file"


class FakeChain:
    def __init__(self, *links: Any) -> None:
        self.backends = list(links)
        self.priority = 10


class BrokenPriority:
    @property
    def priority(self) -> float:
        raise RuntimeError("The Secret Service daemon is neither running nor activatable")


def kb(obj: Any) -> keyring.backend.KeyringBackend:
    return cast(keyring.backend.KeyringBackend, obj)


@pytest.mark.parametrize(
    ("backend", "secure"),
    [
        (FakeBackend(priority=5), True),
        (FakeBackend(priority=1), True),
        (FakeBackend(priority=0.5), False),
        (FAIL, False),
        (NULL, False),
        (AltPlaintext(priority=5), False),
        (FakeChain(FakeBackend(5), FakeBackend(2)), True),
        (FakeChain(FakeBackend(5), AltPlaintext(5)), False),  # every link counts
        (FakeChain(), False),
        (BrokenPriority(), False),
    ],
    ids=[
        "good",
        "priority-1",
        "priority-0.5",
        "fail",
        "null",
        "keyrings.alt",
        "chain-ok",
        "chain-with-alt",
        "empty-chain",
        "priority-raises",
    ],
)
def test_keyring_security_check(backend, secure):
    assert keyring_is_secure(kb(backend)) is secure


def test_keyring_store_errors_become_config_errors():
    store = KeyringSecretStore(kb(FakeBackend(fail_with=keyring.errors.KeyringLocked("locked"))))
    with pytest.raises(ConfigError, match="KeyringLocked"):
        store.get("k")
    with pytest.raises(ConfigError):
        store.set("k", "v")
    with pytest.raises(ConfigError):
        store.delete("k")


def test_keyring_store_delete_of_missing_entry_is_quiet():
    KeyringSecretStore(kb(FakeBackend())).delete("nothing-here")


def test_open_vault_uses_secure_keyring_without_notice(tmp_path):
    backend = FakeBackend()
    vault = open_vault(AppPaths.in_folder(tmp_path), backend_factory=lambda: kb(backend))
    vault.save(ACCOUNT, "s3cret")
    assert vault.secure
    assert not vault.insecure_notice_pending
    assert backend.data == {("callpad", credential_key(ACCOUNT)): "s3cret"}
    assert vault.load(ACCOUNT) == "s3cret"
    assert not (tmp_path / "data" / "secrets").exists()
    assert "s3cret" not in repr(vault)


@pytest.mark.parametrize("backend", [FAIL, AltPlaintext(), None], ids=["fail", "alt", "none"])
def test_open_vault_falls_back_to_private_file_with_one_time_notice(tmp_path, backend):
    paths = AppPaths.in_folder(tmp_path)
    vault = open_vault(paths, backend_factory=lambda: kb(backend) if backend else None)
    assert not vault.secure
    assert vault.insecure_notice_pending
    vault.save(ACCOUNT, "s3cret")
    file = paths.secrets_dir / "credentials.json"
    assert json.loads(file.read_text(encoding="utf-8")) == {credential_key(ACCOUNT): "s3cret"}
    if os.name == "posix":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert stat.S_IMODE(paths.secrets_dir.stat().st_mode) == 0o700
    if isinstance(backend, AltPlaintext):
        assert backend.data == {}  # never written to an insecure keyring
    vault.acknowledge_notice()
    again = open_vault(paths, backend_factory=lambda: None)
    assert not again.insecure_notice_pending
    assert again.load(ACCOUNT) == "s3cret"


def test_keyring_failure_on_save_falls_back_to_file_and_flags_notice(tmp_path):
    backend = FakeBackend(fail_with=keyring.errors.KeyringLocked("Prompt dismissed"))
    vault = open_vault(AppPaths.in_folder(tmp_path), backend_factory=lambda: kb(backend))
    before = vault.insecure_notice_pending
    vault.save(ACCOUNT, "pw")
    assert (before, vault.secure, vault.insecure_notice_pending) == (False, False, True)
    assert vault.load(ACCOUNT) == "pw"  # keyring read fails, guarded; file answers


def test_saving_to_keyring_removes_an_older_file_copy(tmp_path):
    paths = AppPaths.in_folder(tmp_path)
    open_vault(paths, backend_factory=lambda: None).save(ACCOUNT, "old")
    backend = FakeBackend()
    vault = open_vault(paths, backend_factory=lambda: kb(backend))
    assert vault.load(ACCOUNT) == "old"
    vault.save(ACCOUNT, "new")
    assert FileSecretStore(paths.secrets_dir).get(credential_key(ACCOUNT)) is None


def test_forget_removes_password_and_key_everywhere():
    primary, fallback = InMemorySecretStore(), InMemorySecretStore()
    vault = CredentialVault(primary, secure=True, fallback=fallback)
    key_account = AccountSettings(login="agent7", auth_kind=AuthKind.KEY)
    vault.save(ACCOUNT, "pw")
    fallback.set(credential_key(key_account), "permanent-key")
    assert vault.forget(ACCOUNT) == []
    assert primary.data == {}
    assert fallback.data == {}
    assert vault.load(ACCOUNT) is None


def test_forget_reports_stores_it_could_not_clean(tmp_path):
    backend = FakeBackend()
    vault = open_vault(AppPaths.in_folder(tmp_path), backend_factory=lambda: kb(backend))
    vault.save(ACCOUNT, "pw")
    backend.fail_with = keyring.errors.KeyringError("bus gone")
    assert vault.forget(ACCOUNT) == ["FakeBackend"]


def test_forget_everything_wipes_even_an_unreadable_file(tmp_path):
    paths = AppPaths.in_folder(tmp_path)
    paths.secrets_dir.mkdir(parents=True)
    (paths.secrets_dir / "credentials.json").write_text("{garbage", encoding="utf-8")
    vault = open_vault(paths, backend_factory=lambda: None)
    assert vault.load(ACCOUNT) is None  # unreadable file: logged, not raised
    assert vault.forget(ACCOUNT) == ["file"]
    assert vault.forget_everything() == []
    assert not (paths.secrets_dir / "credentials.json").exists()


def test_keys_differ_by_kind_login_and_server():
    other_server = AccountSettings(
        login="agent7", custom_url="https://x.example", provider=Provider.CUSTOM
    )
    keys = {
        credential_key(ACCOUNT),
        credential_key(ACCOUNT, AuthKind.KEY),
        credential_key(AccountSettings(login="agent8")),
        credential_key(other_server),
    }
    assert len(keys) == 4


def test_notice_log_survives_a_broken_file(tmp_path):
    log = NoticeLog(tmp_path / "notices.json")
    (tmp_path / "notices.json").write_text("[", encoding="utf-8")
    assert not log.seen(Notice.INSECURE_SECRET_STORAGE)
    log.mark_seen(Notice.INSECURE_SECRET_STORAGE)
    assert NoticeLog(tmp_path / "notices.json").seen(Notice.INSECURE_SECRET_STORAGE)
    assert not log.seen(Notice.TRAY_STILL_RUNNING)
