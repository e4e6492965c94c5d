"""Ticker: a Qt timer that calls a viewmodel's `tick()`, made only when ticking first starts.

Tests leave it unstarted and call `tick()` themselves against a ManualClock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Ticker:
    """Calls `tick` every `interval_ms` between `start()` and `stop()`."""

    def __init__(self, parent: QObject, tick: Callable[[], None]) -> None:
        self._parent = parent
        self._tick = tick
        self._timer: QTimer | None = None

    def start(self, interval_ms: int = 1000) -> None:
        if self._timer is None:
            self._timer = QTimer(self._parent)
            self._timer.timeout.connect(self._tick)
        self._timer.start(interval_ms)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
