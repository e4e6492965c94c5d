"""Where callpad keeps its files: AppPaths, built from platformdirs or from one override folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "callpad"
CONFIG_DIR_ENV = "CALLPAD_CONFIG_DIR"
"""Environment variable that points every callpad file at one folder (like --config-dir)."""

_PRIVATE_DIR_MODE = 0o700


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders callpad writes to; app.py builds one and passes it down."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def from_platform(cls, app_name: str = APP_NAME) -> AppPaths:
        """Per-user platform folders (e.g. ~/.config/callpad, ~/.local/share/callpad)."""
        return cls(
            config_dir=Path(platformdirs.user_config_dir(app_name, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(app_name, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(app_name, appauthor=False)),
        )

    @classmethod
    def in_folder(cls, root: Path) -> AppPaths:
        """Everything under one folder: portable installs, demo mode and tests."""
        root = root.expanduser().absolute()
        return cls(config_dir=root, data_dir=root / "data", log_dir=root / "logs")

    @classmethod
    def resolve(cls, config_dir: str | None, environ: Mapping[str, str]) -> AppPaths:
        """The --config-dir option wins, then CALLPAD_CONFIG_DIR, then the platform folders."""
        chosen = config_dir or environ.get(CONFIG_DIR_ENV) or None
        if chosen:
            return cls.in_folder(Path(chosen))
        return cls.from_platform()

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def secrets_dir(self) -> Path:
        """Fallback credential folder (0700), used only without a secure keyring."""
        return self.data_dir / "secrets"

    @property
    def notices_file(self) -> Path:
        """Records which one-time notices the agent has already seen."""
        return self.config_dir / "notices.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "callpad.log"

    def ensure(self) -> None:
        """Create the folders, private to the user where the OS supports modes."""
        for folder in (self.config_dir, self.data_dir, self.log_dir):
            make_private_dir(folder)


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) and make the folder itself 0700 on POSIX."""
    folder.mkdir(parents=True, exist_ok=True, mode=_PRIVATE_DIR_MODE)
    if os.name == "posix":
        folder.chmod(_PRIVATE_DIR_MODE)
