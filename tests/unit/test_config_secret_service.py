"""One round trip through a real Secret Service (gnome-keyring on a private D-Bus session)."""

import os
import shutil
import subprocess

import pytest

from callpad.config.paths import AppPaths
from callpad.config.schema import AccountSettings
from callpad.config.secrets import open_vault

pytestmark = pytest.mark.secret_service


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory):
    """STACK.md section 5: a session bus and an unlocked gnome-keyring in a temporary HOME."""
    dbus, gnome_keyring = shutil.which("dbus-daemon"), shutil.which("gnome-keyring-daemon")
    if not (dbus and gnome_keyring):
        pytest.skip("needs apt packages dbus-daemon + gnome-keyring")
    root = tmp_path_factory.mktemp("secrets")
    (root / "run").mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(root),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_RUNTIME_DIR": str(root / "run"),
    }
    bus = subprocess.Popen(
        [dbus, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    subprocess.run(
        [gnome_keyring, "--unlock", "--components=secrets"],
        input="test",
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=20,
    )
    mp = pytest.MonkeyPatch()
    for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        mp.setenv(k, env[k])
    yield env["DBUS_SESSION_BUS_ADDRESS"]
    mp.undo()
    bus.terminate()
    bus.wait(timeout=10)
    bus.stdout.close()  # the keyring daemon exits with its bus


def test_secret_service_round_trip_and_forget(secret_service, tmp_path):
    from keyring.backends import SecretService

    backend = SecretService.Keyring()  # type: ignore[no-untyped-call]  # built after the env is set (get_keyring() caches)
    paths = AppPaths.in_folder(tmp_path)
    vault = open_vault(paths, backend_factory=lambda: backend)
    account = AccountSettings(login="agent-ss", remember=True)
    assert vault.secure
    vault.save(account, "correct horse")
    assert open_vault(paths, backend_factory=lambda: backend).load(account) == "correct horse"
    assert not (paths.secrets_dir / "credentials.json").exists()
    assert vault.forget(account) == []
    assert vault.load(account) is None
