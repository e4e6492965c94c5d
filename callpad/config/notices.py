"""One-time notices: which ones the agent has already seen, kept in a small JSON file."""

from __future__ import annotations

import json
import logging
from enum import StrEnum
from pathlib import Path

from callpad.config.store import write_atomic

logger = logging.getLogger(__name__)


class Notice(StrEnum):
    """Notices shown once per config folder."""

    INSECURE_SECRET_STORAGE = "insecure_secret_storage"  # noqa: S105 - a notice id
    TRAY_STILL_RUNNING = "tray_still_running"


class NoticeLog:
    """Remembers shown notices; a broken file only means a notice may be shown again."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def _read(self) -> set[str]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        shown = data.get("shown") if isinstance(data, dict) else None
        return {s for s in shown if isinstance(s, str)} if isinstance(shown, list) else set()

    def seen(self, notice: Notice) -> bool:
        return notice.value in self._read()

    def mark_seen(self, notice: Notice) -> None:
        shown = self._read() | {notice.value}
        payload = json.dumps({"shown": sorted(shown)}, indent=2) + "\n"
        try:
            write_atomic(self._path, payload.encode("utf-8"))
        except OSError:
            logger.warning("Could not record notice %s as seen", notice.value)
