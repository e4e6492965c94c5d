"""Windows: a value named "callpad" in the current user's Run key (RUN_KEY under HKCU).

Registry access goes through `RunKey`, so tests check the exact value without winreg.
"""

from __future__ import annotations

import importlib
import subprocess
from typing import Any, Protocol

from callpad.desktop.autostart import APP_ID, AutostartError, LaunchCommand

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class RunKey(Protocol):
    """The values of the current user's Run key."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


def command_line(command: LaunchCommand) -> str:
    """The Run value: MS C runtime quoting, as CreateProcess will parse it."""
    return subprocess.list2cmdline(command.argv)


class WinregRunKey:
    """The real HKCU Run key (Windows only; winreg is imported when first used)."""

    def _winreg(self) -> Any:
        return importlib.import_module("winreg")

    def get(self, name: str) -> str | None:
        reg = self._winreg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = reg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return value if isinstance(value, str) else None

    def set(self, name: str, value: str) -> None:
        reg = self._winreg()
        with reg.CreateKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
            reg.SetValueEx(key, name, 0, reg.REG_SZ, value)

    def delete(self, name: str) -> None:
        reg = self._winreg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, name)
        except FileNotFoundError:
            return


class RunKeyAutostart:
    """Login item as a Run value."""

    def __init__(self, run_key: RunKey, command: LaunchCommand, name: str = APP_ID) -> None:
        self._key = run_key
        self._command = command
        self._name = name

    def is_enabled(self) -> bool:
        try:
            return self._key.get(self._name) == command_line(self._command)
        except OSError:
            return False

    def enable(self) -> None:
        try:
            self._key.set(self._name, command_line(self._command))
        except OSError as exc:
            raise AutostartError(f"cannot write the Run key: {exc}") from exc

    def disable(self) -> None:
        try:
            self._key.delete(self._name)
        except OSError as exc:
            raise AutostartError(f"cannot remove the Run value: {exc}") from exc
