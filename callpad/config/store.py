"""Reading and atomically writing settings.json.

Writes go to a 0600 temp file in the same folder, are fsynced and then `os.replace`d over the old
file, so a crash leaves either the old or the new file, never half of one. A file that cannot be
parsed at all is moved aside under a timestamped name and defaults are used; a file with some bad
values keeps every good value: a copy of the original is kept beside it (nothing the agent typed is
lost) and the repaired file is written back. Either way `LoadResult` says so once, for the UI.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from callpad.config.codec import decode_settings, encode
from callpad.config.errors import ConfigError
from callpad.config.migrations import migrate
from callpad.config.paths import make_private_dir
from callpad.config.problems import Problem
from callpad.config.schema import SCHEMA_VERSION, Settings

logger = logging.getLogger(__name__)

FILE_MODE = 0o600


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What `SettingsStore.load` found.

    `moved_aside`: the unreadable file's new name (defaults are in use). `kept_copy`: a copy of a
    file that had bad values. `problems`: the bad values. `newer_version`: written by a newer
    callpad (unknown fields will be lost on save). `notice_needed` is true when any of these
    should be shown to the agent.
    """

    settings: Settings
    problems: tuple[Problem, ...] = ()
    moved_aside: Path | None = None
    kept_copy: Path | None = None
    newer_version: bool = False
    error: str = ""
    created: bool = field(default=False)

    @property
    def notice_needed(self) -> bool:
        return bool(self.problems or self.moved_aside or self.newer_version)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SettingsStore:
    """Loads and saves one settings file, and remembers what it last read or wrote.

    Several parts of the app write settings (the dialog, the dialer's recent numbers). Each uses
    `update(change)`, which applies its change to the latest settings, so no writer undoes
    another's change with a stale copy.
    """

    def __init__(self, path: Path, *, now: Callable[[], datetime] = _utc_now) -> None:
        self._path = path
        self._now = now
        self._current: Settings | None = None

    @property
    def path(self) -> Path:
        return self._path

    @property
    def current(self) -> Settings:
        """The settings last loaded or saved (loads the file on first use)."""
        if self._current is None:
            self.load()
        return self._current if self._current is not None else Settings()

    def update(self, change: Callable[[Settings], Settings]) -> Settings:
        """Apply `change` to the current settings and save; raises ConfigError on failure."""
        updated = change(self.current)
        if updated != self._current:
            self.save(updated)
        return updated

    def load(self) -> LoadResult:
        """Read the file; never raises for bad content (see LoadResult), only for I/O trouble."""
        result = self._load()
        self._current = result.settings
        return result

    def _load(self) -> LoadResult:
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return LoadResult(Settings(), created=True)
        except OSError as exc:
            raise ConfigError(f"cannot read {self._path.name}: {exc.strerror or exc}") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ConfigError("the file does not hold a JSON object")
            data, newer = migrate(data)
        except (ValueError, ConfigError) as exc:
            moved = self._move_aside("corrupt")
            logger.warning("Settings file unreadable (%s); moved aside to %s", exc, moved.name)
            return LoadResult(Settings(), moved_aside=moved, error=str(exc))
        settings, problems = decode_settings(data)
        for problem in problems:
            logger.warning("Settings: %s", problem.english())
        # A newer callpad's file is left as it is (nothing is lost); ours is repaired once.
        kept = self._copy_aside("invalid") if problems and not newer else None
        if kept is not None:
            self._repair(settings)
        return LoadResult(settings, problems=tuple(problems), kept_copy=kept, newer_version=newer)

    def _repair(self, settings: Settings) -> None:
        """Write the good values back once the original is safe, so the notice is one-time."""
        try:
            self.save(settings)
        except ConfigError as exc:
            logger.warning("Could not write the repaired settings: %s", exc)

    def save(self, settings: Settings) -> None:
        """Write atomically; raises ConfigError if the file could not be written."""
        data = encode(settings)
        data["schema_version"] = SCHEMA_VERSION
        payload = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        try:
            write_atomic(self._path, payload.encode("utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot write {self._path.name}: {exc.strerror or exc}") from exc
        self._current = settings

    def _stamp(self) -> str:
        return self._now().astimezone(UTC).strftime("%Y%m%dT%H%M%S")

    def _aside_name(self, tag: str) -> Path:
        base = self._path.with_name(f"{self._path.name}.{tag}-{self._stamp()}")
        candidate, n = base, 1
        while candidate.exists():
            candidate = base.with_name(f"{base.name}.{n}")
            n += 1
        return candidate

    def _move_aside(self, tag: str) -> Path:
        target = self._aside_name(tag)
        try:
            self._path.replace(target)
        except OSError as exc:
            raise ConfigError(f"cannot move {self._path.name} aside: {exc}") from exc
        return target

    def _copy_aside(self, tag: str) -> Path | None:
        target = self._aside_name(tag)
        try:
            shutil.copy2(self._path, target)
            target.chmod(FILE_MODE)
        except OSError:
            logger.warning("Could not keep a copy of the settings file with bad values")
            return None
        return target


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload`: private temp file in the same folder, fsync, os.replace."""
    make_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)  # before any data is written; mkstemp already uses 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)  # atomic rename (os.replace)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open folders this way."""
    if os.name != "posix":
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
