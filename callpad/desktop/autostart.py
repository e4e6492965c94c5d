"""Start callpad at login: one small Protocol, one module per OS, chosen by `autostart_for`.

Wiring (app.py)::

    autostart = autostart_for(sys.platform, launch_command())
    settings_vm.saved.connect(lambda s: apply_autostart(autostart, s.desktop.autostart))
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

APP_ID = "callpad"
MINIMIZED_OPTION = "--minimized"


class AutostartError(Exception):
    """The login item could not be written or removed."""


@dataclass(frozen=True, slots=True)
class LaunchCommand:
    """The program and arguments that start callpad at login."""

    program: str
    args: tuple[str, ...] = ()

    @property
    def argv(self) -> tuple[str, ...]:
        return (self.program, *self.args)


def launch_command(
    *,
    minimized: bool = False,
    frozen: bool | None = None,
    executable: str | None = None,
    extra: Sequence[str] = (),
) -> LaunchCommand:
    """How this installation is started: the bundle's executable, or `python -m callpad`.

    `minimized` adds --minimized; pass it only once the command line accepts that option.
    """
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    exe = executable or sys.executable
    base: tuple[str, ...] = () if is_frozen else ("-m", APP_ID)
    flags = (MINIMIZED_OPTION,) if minimized else ()
    return LaunchCommand(exe, (*base, *flags, *extra))


class Autostart(Protocol):
    """A per-user login item."""

    def is_enabled(self) -> bool: ...

    def enable(self) -> None: ...

    def disable(self) -> None: ...


def write_login_file(file: Path, payload: bytes) -> None:
    """Write `file` whole (a temporary file renamed over it), making its folder first."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f"{file.name}.tmp")
        tmp.write_bytes(payload)
        tmp.replace(file)
    except OSError as exc:
        raise AutostartError(f"cannot write {file.name}: {exc.strerror or exc}") from exc


def remove_login_file(file: Path) -> None:
    """Remove `file` if it is there."""
    try:
        file.unlink(missing_ok=True)
    except OSError as exc:
        raise AutostartError(f"cannot remove {file.name}: {exc.strerror or exc}") from exc


def apply_autostart(autostart: Autostart, wanted: bool) -> None:
    """Make the login item match the setting (no write when it already does)."""
    if wanted != autostart.is_enabled():
        if wanted:
            autostart.enable()
        else:
            autostart.disable()


def autostart_for(platform: str, command: LaunchCommand, *, home: Path | None = None) -> Autostart:
    """The implementation for `sys.platform`; `home` only redirects the macOS/Linux folders."""
    if platform == "win32":
        from callpad.desktop.autostart_windows import RunKeyAutostart, WinregRunKey

        return RunKeyAutostart(WinregRunKey(), command)
    if platform == "darwin":
        from callpad.desktop.autostart_macos import LaunchAgentAutostart

        return LaunchAgentAutostart((home or Path.home()) / "Library" / "LaunchAgents", command)
    from callpad.desktop.autostart_linux import XdgAutostart, xdg_autostart_dir

    return XdgAutostart(xdg_autostart_dir(home), command)
