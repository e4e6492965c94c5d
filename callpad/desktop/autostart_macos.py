"""macOS: a LaunchAgent plist in ~/Library/LaunchAgents that runs callpad at login."""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

from callpad.desktop.autostart import LaunchCommand, remove_login_file, write_login_file

LABEL = "io.github.callpad"


def launch_agent(command: LaunchCommand, label: str = LABEL) -> dict[str, Any]:
    return {
        "Label": label,
        "ProgramArguments": list(command.argv),
        "RunAtLoad": True,
        "KeepAlive": False,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }


class LaunchAgentAutostart:
    """Writes or removes the LaunchAgent plist (launchd loads it at the next login)."""

    def __init__(self, folder: Path, command: LaunchCommand, label: str = LABEL) -> None:
        self._folder = folder
        self._command = command
        self._label = label

    @property
    def file(self) -> Path:
        return self._folder / f"{self._label}.plist"

    def is_enabled(self) -> bool:
        try:
            data = plistlib.loads(self.file.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(data, dict) and data.get("RunAtLoad") is True

    def enable(self) -> None:
        payload = plistlib.dumps(launch_agent(self._command, self._label), sort_keys=False)
        write_login_file(self.file, payload)

    def disable(self) -> None:
        remove_login_file(self.file)
