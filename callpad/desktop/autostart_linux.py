"""XDG autostart: ~/.config/autostart/callpad.desktop (freedesktop Desktop Entry spec)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from callpad.desktop.autostart import APP_ID, LaunchCommand, remove_login_file, write_login_file

# Exec quoting, Desktop Entry spec "The Exec key": reserved characters force double quotes;
# inside them ", `, $ and \ are backslash-escaped; then the string value escapes \ again.
_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`=%]""")


def xdg_autostart_dir(home: Path | None = None) -> Path:
    """$XDG_CONFIG_HOME/autostart, else ~/.config/autostart."""
    config_home = os.environ.get("XDG_CONFIG_HOME")
    if home is None and config_home and Path(config_home).is_absolute():
        return Path(config_home) / "autostart"
    return (home or Path.home()) / ".config" / "autostart"


def quote_exec_arg(arg: str) -> str:
    if arg and not _RESERVED.search(arg):
        return arg
    inner = re.sub(r'(["`$\\])', r"\\\1", arg)
    return f'"{inner}"'


def exec_line(command: LaunchCommand) -> str:
    """The Exec value as written in the file: quoted args, % doubled, backslashes escaped."""
    line = " ".join(quote_exec_arg(a) for a in command.argv)
    return line.replace("%", "%%").replace("\\", "\\\\")


def desktop_entry(command: LaunchCommand) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_ID}\n"
        "Comment=Call control for UIS, CoMagic, Novofon and CallGear\n"
        f"Exec={exec_line(command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


class XdgAutostart:
    """Writes or removes the autostart desktop entry."""

    def __init__(self, folder: Path, command: LaunchCommand) -> None:
        self._folder = folder
        self._command = command

    @property
    def file(self) -> Path:
        return self._folder / f"{APP_ID}.desktop"

    def is_enabled(self) -> bool:
        try:
            text = self.file.read_text(encoding="utf-8")
        except OSError:
            return False
        return not re.search(r"^(Hidden=true|X-GNOME-Autostart-enabled=false)\s*$", text, re.M)

    def enable(self) -> None:
        write_login_file(self.file, desktop_entry(self._command).encode("utf-8"))

    def disable(self) -> None:
        remove_login_file(self.file)
