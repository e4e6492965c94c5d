"""TaskRunner: keys refuse duplicates, replace cancels, errors become reports, aclose."""

import asyncio

from callpad.api.errors import ConnectionFailedError, OutcomeUnknownError, rpc_error_from
from callpad.viewmodels.task_runner import ErrorReport, Severity, TaskRunner
from tests.qt_async import until


async def test_one_task_per_key_and_the_refused_coroutine_never_runs(runner):
    gate = asyncio.Event()
    ran: list[str] = []

    async def job(name: str) -> str:
        ran.append(name)
        await gate.wait()
        return name

    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    first = runner.submit(job("a"), name="dial", key="dial")
    assert first is not None
    assert runner.submit(job("b"), name="dial", key="dial") is None  # closed, never awaited
    assert runner.is_running("dial")
    assert runner.running_keys() == {"dial"}
    gate.set()
    assert await first == "a"
    await until(lambda: not runner.busy)
    assert ran == ["a"]
    assert busy == [True, False]
    assert not runner.is_running("dial")
    second = runner.submit(job("c"), name="dial", key="dial")
    assert second is not None
    assert await second == "c"


async def test_replace_cancels_the_older_task_silently(runner):
    reports: list[ErrorReport] = []
    runner.failed.connect(reports.append)

    async def forever() -> None:
        await asyncio.Event().wait()

    old = runner.submit(forever(), name="refresh", key="refresh")
    new = runner.submit(forever(), name="refresh", key="refresh", replace=True)
    assert old is not None
    assert new is not None
    await until(old.cancelled)
    assert runner.is_running("refresh")
    assert runner.cancel("refresh")
    await until(lambda: runner.pending_count() == 0)
    assert reports == []  # cancellation is not an error


async def test_exceptions_become_reports_with_severity():
    runner = TaskRunner()
    reports: list[ErrorReport] = []
    runner.failed.connect(reports.append)

    async def fail(exc: Exception) -> None:
        raise exc

    lost = ConnectionFailedError("refused", method="list.calls", host="h")
    unknown = OutcomeUnknownError("lost", method="hold.call", cause=lost)
    invalid = rpc_error_from(code=-32004, message="x", mnemonic="invalid_state", method="hold.call")
    for exc in (lost, unknown, invalid):
        runner.submit(fail(exc), name="op")
    await until(lambda: len(reports) == 3)
    kinds = {type(r.error).__name__: (r.severity, r.retryable) for r in reports}
    assert kinds == {
        "ConnectionFailedError": (Severity.WARNING, True),
        "OutcomeUnknownError": (Severity.ERROR, False),  # never retried blindly
        "SequenceError": (Severity.ERROR, False),
    }
    assert all(r.operation == "op" for r in reports)
    await runner.aclose()


async def test_aclose_cancels_everything_and_refuses_new_work():
    runner = TaskRunner()

    async def forever() -> None:
        await asyncio.Event().wait()

    tasks = [runner.submit(forever(), name=f"t{i}") for i in range(3)]
    await runner.aclose()
    assert all(t is not None and t.cancelled() for t in tasks)
    assert runner.pending_count() == 0
    assert runner.closed
    assert runner.submit(forever(), name="late") is None
