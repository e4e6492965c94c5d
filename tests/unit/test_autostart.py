import plistlib
from pathlib import Path

import pytest

from callpad.desktop.autostart import (
    AutostartError,
    LaunchCommand,
    apply_autostart,
    autostart_for,
    launch_command,
)
from callpad.desktop.autostart_linux import XdgAutostart, exec_line, xdg_autostart_dir
from callpad.desktop.autostart_macos import LaunchAgentAutostart
from callpad.desktop.autostart_windows import RUN_KEY, RunKeyAutostart, command_line

SPACED = LaunchCommand("/opt/My Apps/callpad", ("--minimized", "--config-dir", "/home/a b/$x"))


def test_launch_command_for_source_and_bundle():
    source = launch_command(frozen=False, executable="/usr/bin/python3")
    assert source.argv == ("/usr/bin/python3", "-m", "callpad")
    bundle = launch_command(
        minimized=True, frozen=True, executable="/opt/callpad/callpad", extra=["--x"]
    )
    assert bundle.argv == ("/opt/callpad/callpad", "--minimized", "--x")


# --- Linux -----------------------------------------------------------------------------------


def _desktop_values(text: str) -> dict[str, str]:
    lines = [line for line in text.splitlines() if "=" in line]
    return dict(line.split("=", 1) for line in lines)


def test_xdg_entry_content(tmp_path):
    auto = XdgAutostart(tmp_path / "autostart", LaunchCommand("/usr/bin/callpad", ("--minimized",)))
    auto.enable()
    text = auto.file.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    values = _desktop_values(text)
    assert values["Type"] == "Application"
    assert values["Exec"] == "/usr/bin/callpad --minimized"
    assert values["X-GNOME-Autostart-enabled"] == "true"
    assert auto.file.name == "callpad.desktop"


def test_xdg_exec_quotes_spaces_and_dollars_per_spec():
    line = exec_line(SPACED)
    assert line == r'"/opt/My Apps/callpad" --minimized --config-dir "/home/a b/\\$x"'
    # In the file "\\$" is the string escape of "\$", the Exec quoting of a literal "$".
    assert exec_line(LaunchCommand("/p", ("50%",))) == '/p "50%%"'


def test_xdg_enable_disable_and_state(tmp_path):
    auto = XdgAutostart(tmp_path / "autostart", SPACED)
    assert not auto.is_enabled()
    apply_autostart(auto, True)
    assert auto.is_enabled()
    auto.file.write_text(auto.file.read_text() + "Hidden=true\n", encoding="utf-8")
    assert not auto.is_enabled()  # the desktop's own "disabled" marker counts
    apply_autostart(auto, True)
    assert auto.is_enabled()
    apply_autostart(auto, False)
    assert not auto.file.exists()
    auto.disable()  # idempotent


def test_xdg_dir_follows_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert xdg_autostart_dir() == tmp_path / "cfg" / "autostart"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/ignored")
    assert xdg_autostart_dir(tmp_path) == tmp_path / ".config" / "autostart"


def test_xdg_write_failure_is_an_autostart_error(tmp_path):
    blocker = tmp_path / "autostart"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(AutostartError):
        XdgAutostart(blocker, SPACED).enable()


# --- Windows ---------------------------------------------------------------------------------


class FakeRunKey:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_value_is_a_quoted_command_line():
    key = FakeRunKey()
    command = LaunchCommand(r"C:\Program Files\callpad\callpad.exe", ("--minimized",))
    auto = RunKeyAutostart(key, command)
    assert not auto.is_enabled()
    auto.enable()
    assert key.values == {"callpad": r'"C:\Program Files\callpad\callpad.exe" --minimized'}
    assert auto.is_enabled()
    assert RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"


def test_windows_stale_value_from_another_install_is_not_enabled_and_gets_replaced():
    key = FakeRunKey()
    key.values["callpad"] = r"C:\old\callpad.exe"
    auto = RunKeyAutostart(key, LaunchCommand(r"C:\new\callpad.exe"))
    assert not auto.is_enabled()
    apply_autostart(auto, True)
    assert key.values["callpad"] == r"C:\new\callpad.exe"
    apply_autostart(auto, False)
    assert key.values == {}


def test_windows_command_line_quotes_embedded_quotes():
    assert command_line(LaunchCommand("a b", ('x"y',))) == '"a b" x\\"y'


def test_windows_registry_errors_become_autostart_errors():
    class Denied(FakeRunKey):
        def set(self, name: str, value: str) -> None:
            raise PermissionError(5, "Access is denied")

    with pytest.raises(AutostartError, match="denied"):
        RunKeyAutostart(Denied(), SPACED).enable()


# --- macOS -----------------------------------------------------------------------------------


def test_macos_launch_agent_plist(tmp_path):
    auto = LaunchAgentAutostart(tmp_path / "LaunchAgents", SPACED)
    auto.enable()
    data = plistlib.loads(auto.file.read_bytes())
    assert data["Label"] == auto.file.stem
    assert data["ProgramArguments"] == list(SPACED.argv)  # an array: no quoting at all
    assert data["RunAtLoad"] is True
    assert data["ProcessType"] == "Interactive"
    assert auto.is_enabled()
    auto.disable()
    assert not auto.is_enabled()
    auto.file.parent.mkdir(exist_ok=True)
    auto.file.write_bytes(b"not a plist")
    assert not auto.is_enabled()


# --- choice ----------------------------------------------------------------------------------


def test_platform_choice(tmp_path):
    linux = autostart_for("linux", SPACED, home=tmp_path)
    mac = autostart_for("darwin", SPACED, home=tmp_path)
    win = autostart_for("win32", SPACED)
    assert isinstance(linux, XdgAutostart)
    assert linux.file == tmp_path / ".config" / "autostart" / "callpad.desktop"
    assert isinstance(mac, LaunchAgentAutostart)
    assert mac.file.parent == Path(tmp_path) / "Library" / "LaunchAgents"
    assert isinstance(win, RunKeyAutostart)
