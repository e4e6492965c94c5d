"""TaskRunner: the one place that creates asyncio tasks, and ErrorReport, its error channel.

Viewmodel commands are plain methods. They hand their coroutine to `TaskRunner.submit()`, which
keeps a strong reference until the task ends (asyncio only keeps weak ones), names it for the
logs, and allows one task per `key`: a second `submit()` with a key that is still running is
refused, which is how a repeated key press never sends a request twice. `replace=True` cancels
the older task instead (used for refreshes). Cancellation is not an error. Any other exception
becomes an `ErrorReport` on the one `failed` signal, which `StatusViewModel` turns into a
sentence.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from callpad.viewmodels.error_kinds import classify_error

_log = logging.getLogger(__name__)

T = TypeVar("T")


class Severity(enum.Enum):
    """How loudly an error is shown."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class ErrorReport:
    """A failed operation, as the error channel carries it.

    Attributes:
        operation: the task name given to `submit()` (e.g. "dial", "hold").
        error: the exception (usually a `CallApiError`).
        severity: how loudly to show it.
        retryable: whether trying again later may succeed (a transport error, a spent budget).
    """

    operation: str
    error: BaseException
    severity: Severity
    retryable: bool

    @classmethod
    def from_exception(cls, operation: str, error: BaseException) -> ErrorReport:
        """Build a report, classifying the error by its type."""
        kind = classify_error(error)
        severity = Severity.WARNING if kind.retryable else Severity.ERROR
        return cls(operation=operation, error=error, severity=severity, retryable=kind.retryable)


class TaskRunner(QObject):
    """Creates, names, keys and keeps every task of the viewmodels; reports their failures.

    Signals:
        failed(ErrorReport): a task ended with an exception other than cancellation.
        busy_changed(bool): whether any task is running.
        running_keys_changed(): the set of running keys changed (for per-command progress).
    """

    failed = Signal(object)
    busy_changed = Signal(bool)
    running_keys_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._keyed: dict[str, asyncio.Task[Any]] = {}
        self._closed = False

    # -- properties -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    @property
    def closed(self) -> bool:
        """True once `aclose()` has started: every later submit is refused."""
        return self._closed

    def is_running(self, key: str) -> bool:
        """Whether a task with this key is still running."""
        task = self._keyed.get(key)
        return task is not None and not task.done()

    def running_keys(self) -> frozenset[str]:
        """Keys of the tasks that are still running."""
        return frozenset(k for k, t in self._keyed.items() if not t.done())

    def tasks(self) -> frozenset[asyncio.Task[Any]]:
        """The tasks still alive (for shutdown checks and tests)."""
        return frozenset(self._tasks)

    def pending_count(self) -> int:
        """How many tasks are alive (for tests and shutdown checks)."""
        return len(self._tasks)

    # -- commands -------------------------------------------------------------------------------

    def submit(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        name: str,
        key: str | None = None,
        replace: bool = False,
    ) -> asyncio.Task[T] | None:
        """Start `coro` as a task named `name`; refuse it if `key` is already running.

        Returns the task, or None when refused (the coroutine is closed, never run). With
        `replace=True` a running task with the same key is cancelled and the new one takes the key.
        """
        if self._closed:
            coro.close()
            _log.debug("task %s refused: runner closed", name)
            return None
        if key is not None:
            old = self._keyed.get(key)
            if old is not None and not old.done():
                if not replace:
                    coro.close()
                    _log.debug("task %s refused: key %s is running", name, key)
                    return None
                old.cancel()
        was_busy = bool(self._tasks)
        task: asyncio.Task[T] = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        if key is not None:
            self._keyed[key] = task
        task.add_done_callback(lambda t: self._on_done(t, name, key))
        if not was_busy:
            self.busy_changed.emit(True)
        if key is not None:
            self.running_keys_changed.emit()
        return task

    def cancel(self, key: str) -> bool:
        """Cancel the running task with this key; False if none runs."""
        task = self._keyed.get(key)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    def report(self, operation: str, error: BaseException) -> None:
        """Put an error caught by a viewmodel itself on the error channel."""
        self.failed.emit(ErrorReport.from_exception(operation, error))

    async def aclose(self) -> None:
        """Refuse new tasks, cancel the running ones and wait until all have ended."""
        self._closed = True
        while self._tasks:
            pending = list(self._tasks)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            # Done callbacks run on the next loop turn; let them clear the bookkeeping.
            await asyncio.sleep(0)

    # -- internals ------------------------------------------------------------------------------

    def _on_done(self, task: asyncio.Task[Any], name: str, key: str | None) -> None:
        self._tasks.discard(task)
        if key is not None and self._keyed.get(key) is task:
            del self._keyed[key]
            self.running_keys_changed.emit()
        if not self._tasks:
            self.busy_changed.emit(False)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        _log.info("task %s failed: %s", name, type(error).__name__)
        self.failed.emit(ErrorReport.from_exception(name, error))
