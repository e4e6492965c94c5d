"""Composition root: command line, paths, logging, QApplication, qasync loop, wiring and shutdown.

The only package that constructs across layers, and the only one that starts the simulator (demo
mode). Everything runs on one qasync loop (STACK.md section 3): `runtime.run()` creates the
QApplication and runs `run_app()` in `asyncio.Runner(loop_factory=qasync.QEventLoop)`; the app
quits when the coroutine returns, after the async cleanup, never from `aboutToQuit`.

Modules: `cli` (options), `runtime` (Qt, the loop, settings, theme, translations), `demo` (the
in-process simulator and its account), `account` (a real account: single instance, login),
`desktop_wiring` (tray, tel: links, settings dialog...), `late_service` (stands for the client
until it exists), `clients` (HTTP client and Desk construction), `startup` (start-up milestones).

Start-up order (demo): the main window is shown first; httpx, the API client and the simulator are
imported and started on the loop's next turns (`LateService` stands for the client meanwhile), then
the desktop integration is wired once the first call list is shown. The garbage collector is off
from `main()` on, while start-up imports modules and builds its long-lived objects, which are then
frozen out of its view (`startup.started()`).

Shutdown order (ARCHITECTURE.md section 3): stop the call monitor, `runner.aclose()`, best-effort
`logout.user` with a short timeout, close the client, stop the simulator (demo only).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from callpad.app.cli import parse_args


def main(argv: Sequence[str] | None = None) -> int:
    """The entry point (`callpad`, `python -m callpad`): heavy imports come after gc.disable()."""
    gc.disable()  # start-up makes long-lived objects, few cycles: collected once, at the end
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
        from callpad.app.runtime import run  # Qt and the UI: ~100 ms of imports (start-up time)

        return run(args)
    finally:
        gc.enable()
