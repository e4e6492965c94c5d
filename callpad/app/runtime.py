"""Qt and the loop: the QApplication, one qasync loop, paths, logging, settings, theme, language.

`run()` builds the QApplication and runs `run_app()` on a qasync loop until it returns; `run_app()`
reads the settings, applies language and theme, then hands over to demo or account mode.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
import tempfile
from pathlib import Path

# The plain-Python core comes before Qt: PySide6 reads the source of every module imported after it
# (its `__feature__` hook), 0.1-0.2 ms a module (start-up time).
from callpad import __version__
from callpad.config.logging_setup import configure_logging
from callpad.config.paths import AppPaths
from callpad.config.store import SettingsStore

# isort: split
import qasync
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from callpad.ui.icons import app_icon
from callpad.ui.theme import Scheme, apply_theme, system_scheme
from callpad.ui.translations import compile_catalogue, install_translators, ui_language
from callpad.viewmodels.pyside_workarounds import pin_singletons

_log = logging.getLogger("callpad.app")


def run(args: argparse.Namespace) -> int:
    """Create the QApplication and run the app on a qasync loop; the exit status."""
    pin_singletons()  # WORKAROUND: PySide6 6.12 on CPython 3.11 leaks True/None refs (see module)
    if args.self_test or args.screenshots:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    qInstallMessageHandler(_qt_message)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("callpad")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.callpad.Callpad")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # we quit, after the async cleanup
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        return runner.run(run_app(app, args))


async def run_app(app: QApplication, args: argparse.Namespace) -> int:
    """Build everything, run until the window closes (or the self-test ends), shut down."""
    async with contextlib.AsyncExitStack() as stack:
        if args.demo and not args.config_dir:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="callpad-demo-"))
            paths = AppPaths.in_folder(Path(folder))
        else:
            paths = AppPaths.resolve(args.config_dir, os.environ)
        paths.ensure()
        logs = configure_logging(paths.log_file, args.level, to_stderr=args.debug)
        stack.callback(logs.close)
        _log.info("callpad %s starting%s", __version__, " (demo)" if args.demo else "")
        quit_requested = asyncio.Event()
        _install_quit_signals(app, quit_requested)

        store = SettingsStore(paths.settings_file)
        loaded = store.load()
        settings = loaded.settings
        lang = ui_language(args.lang or settings.appearance.language.value)
        built = compile_catalogue(lang, paths.data_dir / "translations") if lang != "en" else None
        install_translators(app, lang, (built,) if built else ())
        theme = settings.appearance.theme.value
        scheme = system_scheme() if theme == "system" else Scheme(theme)
        colors = apply_theme(app, scheme)
        if args.demo:
            from callpad.app.demo import run_demo

            return await run_demo(args, paths, store, lang, colors, quit_requested, stack)
        from callpad.app.account import run_account  # keyring, the login flow: not in demo mode

        return await run_account(args, paths, store, loaded, lang, colors, quit_requested)


# Qt messages that are expected and harmless (the offscreen platform used headless).
_QT_NOISE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Route Qt's own messages into the log (and stderr only through the log's handlers)."""
    level = logging.DEBUG if message.startswith(_QT_NOISE) else _QT_LEVELS.get(kind, logging.INFO)
    logging.getLogger("qt").log(level, "%s", message)


def _install_quit_signals(app: QApplication, quit_requested: asyncio.Event) -> None:
    app.lastWindowClosed.connect(quit_requested.set)
    if sys.platform != "win32":  # add_signal_handler is Unix-only
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, quit_requested.set)
