"""Composition root: command line, paths, logging, QApplication, qasync loop, wiring and shutdown.

The only module that constructs across layers, and the only one that starts the simulator (demo
mode). Everything runs on one qasync loop (STACK.md section 3): `main()` creates the QApplication
and runs `run_app()` in `asyncio.Runner(loop_factory=qasync.QEventLoop)`; the app quits when the
coroutine returns, after the async cleanup, never from `aboutToQuit`.

Start-up order (demo): the main window is shown first; httpx, the API client and the simulator are
imported and started on the loop's next turns (`LateService` stands for the client meanwhile), then
the desktop integration is wired once the first call list is shown. The garbage collector is off
while start-up builds its long-lived objects, which are then frozen out of its view.

Shutdown order (ARCHITECTURE.md section 3): stop the call monitor, `runner.aclose()`, best-effort
`logout.user` with a short timeout, close the client, stop the simulator (demo only).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import inspect
import logging
import os
import signal
import sys
import tempfile
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

# The plain-Python core comes before Qt: PySide6 reads the source of every module imported after it
# (its `__feature__` hook), 0.1-0.2 ms a module (start-up time).
from callpad import __version__
from callpad.api.service import CallService
from callpad.config.logging_setup import configure_logging, parse_log_level
from callpad.config.paths import AppPaths
from callpad.config.schema import Settings
from callpad.config.store import LoadResult, SettingsStore

# isort: split
import qasync
from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from callpad.ui.desk import Desk
from callpad.ui.icons import app_icon
from callpad.ui.theme import Colors, Scheme, apply_theme, system_scheme
from callpad.ui.theme import colors as scheme_colors
from callpad.ui.translations import compile_catalogue, install_translators, ui_language
from callpad.viewmodels.pyside_workarounds import pin_singletons

if TYPE_CHECKING:
    from callpad.api.client import CallApiClient
    from callpad.api.models import ReplyMetadata
    from callpad.api.phone import PhoneNumber
    from callpad.api.service import MetadataListener
    from callpad.config.secrets import CredentialVault
    from callpad.desktop.single_instance import SingleInstance
    from callpad.sim.scenario import Scenario
    from callpad.sim.server import SimServer

_log = logging.getLogger("callpad.app")

LOGOUT_TIMEOUT_S = 2.0
TEL_SCHEMES = ("tel:", "callto:")
STARTUP_PROBE_ENV = "CALLPAD_STARTUP_PROBE"  # benchmark hook: print start-up milestones, quit
DESKTOP_WIRING_WAIT_S = 2.0  # demo: wire tray, tel: links... after the first list, or this long


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="callpad",
        description="Keyboard-first remote control for calls on the UIS / CoMagic Call API.",
    )
    parser.add_argument("--version", action="version", version=f"callpad {__version__}")
    parser.add_argument("--demo", action="store_true", help="run against the built-in simulator")
    parser.add_argument("--demo-port", type=int, default=0, metavar="PORT",
                        help="simulator port in demo mode (default: a free one)")  # fmt: skip
    parser.add_argument("--self-test", action="store_true",
                        help="with --demo: headless check: log in, dial, hang up")  # fmt: skip
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="with --demo: save PNGs of the window with calls")  # fmt: skip
    parser.add_argument("--config-dir", metavar="DIR",
                        help="settings and logs folder (env CALLPAD_CONFIG_DIR)")  # fmt: skip
    parser.add_argument("--log-level", default="INFO", metavar="LEVEL",
                        help="DEBUG, INFO, WARNING, ERROR (default INFO)")  # fmt: skip
    parser.add_argument("--debug", action="store_true", help="also log to stderr")
    parser.add_argument("--dial", metavar="NUMBER", help="dial NUMBER once logged in")
    parser.add_argument("uri", nargs="?", help="a tel: or callto: link to dial")
    args = parser.parse_args(list(argv))
    if (args.self_test or args.screenshots or args.demo_port) and not args.demo:
        parser.error("--self-test, --screenshots and --demo-port need --demo")
    if not 0 <= args.demo_port <= 65535:
        parser.error("--demo-port must be between 0 and 65535")
    if args.uri is not None and not args.uri.lower().startswith(TEL_SCHEMES):
        parser.error(f"not a tel: or callto: link: {args.uri}")

    try:
        args.level = parse_log_level(args.log_level)
    except ValueError as exc:
        parser.error(str(exc))
    return args


def requested_number(args: argparse.Namespace) -> str | None:
    """The number asked for by --dial or a tel:/callto: link (the dialer parses it)."""
    if args.dial:
        return str(args.dial)
    if args.uri:
        return str(args.uri).split(":", 1)[1].lstrip("/")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
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
    gc.disable()  # start-up makes long-lived objects, few cycles: collected once, at the end
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            return runner.run(run_app(app, args))
    finally:
        gc.enable()


def _started(*, freeze: bool = True) -> None:
    """Start-up is over: the collector runs again.

    With `freeze`, the objects made so far leave the collector's view: no long generation-2
    passes over them later (bench_refresh.py). No collection first: demo start-up leaves ~400
    garbage objects, and collecting them costs ~25 ms. Desk freezes after its first poll where
    app.py does not (account mode).
    """
    if freeze:
        gc.freeze()
    gc.enable()
    _log.debug("start-up over: garbage collector on, %d objects frozen", gc.get_freeze_count())


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
        lang = ui_language(settings.appearance.language.value)
        built = compile_catalogue(lang, paths.data_dir / "translations") if lang != "en" else None
        install_translators(app, lang, (built,) if built else ())
        theme = settings.appearance.theme.value
        scheme = system_scheme() if theme == "system" else Scheme(theme)
        colors = apply_theme(app, scheme)
        if args.demo:
            return await _run_demo(args, paths, store, lang, colors, quit_requested, stack)
        return await _run_account(args, paths, store, loaded, lang, colors, quit_requested)


def _client(url: str) -> CallApiClient:
    from callpad.api.client import CallApiClient  # httpx: imported when first needed (start-up)

    return CallApiClient(url, logout_timeout=LOGOUT_TIMEOUT_S)


def _desk(url: str, settings: Settings, store: SettingsStore | None, lang: str, colors: Colors,
          **kwargs: Any) -> Desk:  # fmt: skip
    client = _client(url)
    return Desk(client, client.aclose, settings, store, lang, colors, **kwargs)


class LateService:
    """Stands for the CallService until it exists, so that the window is shown before it.

    httpx, the API client and the simulator take 130-180 ms to import and start (bench_startup.py);
    the window need not wait for them. Until `bind()`, every coroutine waits for the service, the
    properties read as logged out, and metadata listeners are kept and then fed from the service.
    Desk and the viewmodels see a CallService (via `cast`: the methods come from `__getattr__`).
    """

    _BEFORE_BIND: ClassVar[Mapping[str, object]] = {"is_authenticated": False}  # others: None

    def __init__(self) -> None:
        self._service: CallService | None = None
        self._close: Callable[[], Awaitable[None]] | None = None
        self._bound = asyncio.Event()
        self._listeners: list[MetadataListener] = []

    def bind(self, service: CallService, close: Callable[[], Awaitable[None]]) -> None:
        self._service, self._close = service, close
        service.add_metadata_listener(self._notify)
        self._bound.set()

    def add_metadata_listener(self, listener: MetadataListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    async def aclose(self) -> None:
        """Close the bound service (nothing to do if it never came)."""
        if self._close is not None:
            await self._close()

    def _notify(self, metadata: ReplyMetadata) -> None:
        for listener in list(self._listeners):
            listener(metadata)

    def __getattr__(self, name: str) -> Any:
        if self._service is not None:
            return getattr(self._service, name)
        member = getattr(CallService, name)  # AttributeError for what a CallService lacks
        if isinstance(member, property):
            return self._BEFORE_BIND.get(name)
        if not inspect.iscoroutinefunction(member):
            raise RuntimeError(f"CallService.{name}() called before the service exists")

        async def when_bound(*args: Any, **kwargs: Any) -> Any:
            await self._bound.wait()
            return await getattr(self._service, name)(*args, **kwargs)

        return when_bound


async def _run_account(
    args: argparse.Namespace,
    paths: AppPaths,
    store: SettingsStore,
    loaded: LoadResult,
    lang: str,
    colors: Colors,
    quit_requested: asyncio.Event,
) -> int:
    """A real account: one instance per user, remembered credentials or the login dialog."""
    # Imported here: keyring, the login flow and the desktop pieces are not needed in demo mode
    # (start-up time).
    from callpad.config.secrets import open_vault
    from callpad.desktop.single_instance import SingleInstance, instance_name
    from callpad.ui.account_front import AccountFront

    instance = SingleInstance(instance_name(paths.config_dir))
    if instance.forward(sys.argv[1:]):
        _log.info("another callpad runs for this user: request forwarded")
        return 0
    instance.listen()
    vault = open_vault(paths)
    notice = loaded.error or ("; ".join(p.english() for p in loaded.problems))
    hooks: list[Callable[[Desk], None]] = []

    def make_desk(settings: Settings) -> Desk:
        desk = _desk(settings.account.base_url(), settings, store, lang, colors)
        for hook in hooks:
            hook(desk)
        return desk

    front = AccountFront(loaded.settings, store, vault, make_desk, notice=notice)
    hooks.append(lambda desk: _wire_desktop(desk, store, vault, paths, quit_requested, instance))
    _started(freeze=False)  # the login (or its dialog) comes first; Desk freezes after its 1st poll
    try:
        await front.run(quit_requested)
    finally:
        await front.close()
        instance.close()
    return 0


def _wire_desktop(
    desk: Desk,
    store: SettingsStore,
    vault: CredentialVault | None,
    paths: AppPaths,
    quit_requested: asyncio.Event,
    instance: SingleInstance | None,
) -> None:
    """Tray, notifications, screen pop, tel: links, theme, close-to-tray, settings (issue 5)."""
    from callpad.config.notices import NoticeLog
    from callpad.desktop.integration import DesktopIntegration
    from callpad.desktop.tray import TrayState

    app, window, m = QApplication.instance(), desk.window, desk.models
    assert isinstance(app, QApplication)  # noqa: S101 - main() created it

    def contact_of(session_id: int) -> str:
        call = m.calls.call(session_id)
        return call.contact_phone_number if call is not None else ""

    def palette(dark: bool) -> None:
        scheme = Scheme.DARK if dark else Scheme.LIGHT
        if window.colors == scheme_colors(scheme):
            return  # already painted so (the follower calls this at once; a restyle costs ~60 ms)
        window.retheme(apply_theme(app, scheme))

    def bring_to_front() -> None:
        if not m.session.logged_in and not desk.window.demo:
            return  # the login dialog is the window then
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def open_settings() -> None:
        # Imported on first use: ~10 MB and ~30 ms that most sessions never need (start-up).
        from callpad.ui.settings_dialog import SettingsDialog
        from callpad.viewmodels.settings import SettingsViewModel

        vm = SettingsViewModel(store, vault=vault, parent=window)
        vm.saved.connect(desktop.apply_settings)
        SettingsDialog(vm, parent=window).open()

    desktop = DesktopIntegration(
        window, desk.settings, notices=NoticeLog(paths.notices_file), icon=app_icon(),
        clipboard=app.clipboard(), style_hints=app.styleHints(), apply_palette=palette,
        contact_of=contact_of,
    )  # fmt: skip
    window.incoming_call.connect(desktop.on_incoming_call)
    window.settings_requested.connect(open_settings)
    tel = desktop.tel
    tel.dial_requested.connect(lambda number: m.dialer.dial_number(str(number)))

    def prefill(number: PhoneNumber) -> None:
        m.dialer.set_text(number.display())
        window.dialer.focus_number()

    tel.prefill_requested.connect(prefill)
    tel.show_requested.connect(bring_to_front)
    tel.rejected.connect(lambda error: window.status.show_message(str(error), "warning"))
    m.session.logged_in_changed.connect(tel.set_ready)
    tel.set_ready(m.session.logged_in)  # the demo wires this after its login
    desktop.tray.show_requested.connect(bring_to_front)
    desktop.tray.quit_requested.connect(quit_requested.set)
    desktop.problem.connect(lambda text: window.status.show_message(text, "warning"))
    states = {"online": TrayState.CONNECTED, "degraded": TrayState.ERROR}
    m.status.connection_changed.connect(
        lambda state: desktop.tray.set_connection(states.get(state, TrayState.OFFLINE))
    )
    m.calls.count_changed.connect(desktop.tray.set_active_calls)
    desktop.tray.set_connection(states.get(m.status.connection, TrayState.OFFLINE))
    desktop.tray.set_active_calls(m.calls.rowCount())
    if instance is not None:
        instance.message_received.connect(tel.handle_argv)
    tel.handle_argv(sys.argv[1:])  # tel:/callto:/--dial of this launch, once logged in
    window.destroyed.connect(desktop.close)


async def _run_demo(
    args: argparse.Namespace,
    paths: AppPaths,
    store: SettingsStore,
    lang: str,
    colors: Colors,
    quit_requested: asyncio.Event,
    stack: contextlib.AsyncExitStack,
) -> int:
    """Demo mode: the simulator in-process, its demo account, a DEMO mark.

    The window comes first; the simulator and the client follow on the next turns of the loop.
    """
    from callpad.sim.scenario import demo_scenario, describe  # light; the server comes later

    scenario = demo_scenario()
    account = describe(scenario)
    user = account["users"][0]
    settings = store.load().settings
    settings = replace(
        settings,
        agent=replace(
            settings.agent,
            employee_id=int(user["employee_id"]),
            default_virtual_number=str(user["virtual_phone_number"] or ""),
        ),
    )
    if not args.config_dir:  # the throwaway folder: the settings dialog shows the demo agent
        store.save(settings)
    tags = [(int(t["id"]), str(t["name"])) for t in account.get("tags", [])]
    service = LateService()
    desk = Desk(cast(CallService, service), service.aclose, settings, None, lang, colors,
                demo=True, known_tags=tags)  # fmt: skip
    probe = bool(os.environ.get(STARTUP_PROBE_ENV))
    desk.window.show()
    if probe:
        _probe_startup(desk)
    desk.models.session.set_provider("Demo")
    desk.models.session.login_with_password(str(user["login"]), str(user["password"]))
    desk.models.session.logged_in_changed.connect(  # signing out of the demo ends the demo
        lambda logged_in: None if logged_in else quit_requested.set()
    )
    try:
        await _next_turn()  # the first paint, before the heavy imports
        sim = await _start_simulator(scenario, args.demo_port, stack)
        client = _client(sim.url)
        gc.freeze()  # all that lives as long as the app exists now (Desk then needs no freeze)
        service.bind(client, client.aclose)
        tools = DemoTools(sim, scenario_vn=str(user["virtual_phone_number"] or ""),
                          employee_id=int(user["employee_id"]))  # fmt: skip
        if args.self_test:
            from callpad.ui.self_test import run_self_test

            _started()
            return await run_self_test(desk.window, print_step=_print)
        if args.screenshots:
            from callpad.ui.screenshots import render_screenshots

            _started()
            return await render_screenshots(desk.window, args.screenshots, tools.incoming_call)
        await _first_list(desk, quit_requested, DESKTOP_WIRING_WAIT_S)
        if not quit_requested.is_set():
            _wire_desktop(desk, store, None, paths, quit_requested, None)
        _started()
        if probe:
            quit_requested.set()
        await quit_requested.wait()
        return 0
    finally:
        await desk.shutdown()


async def _start_simulator(
    scenario: Scenario, port: int, stack: contextlib.AsyncExitStack
) -> SimServer:
    from callpad.sim.server import SimServer

    sim = SimServer(scenario, port=port)
    await sim.start()
    stack.push_async_callback(sim.stop)  # runs last: after the desk has shut down
    _print_stderr(f"callpad demo: simulator on {sim.url}")
    return sim


async def _next_turn() -> None:
    """Let Qt handle what is pending (the window's first paint) before going on."""
    turned = asyncio.get_running_loop().create_future()
    QTimer.singleShot(0, lambda: None if turned.done() else turned.set_result(None))
    await turned


async def _first_list(desk: Desk, quit_requested: asyncio.Event, limit_s: float) -> None:
    """Wait until the first call list has arrived, quitting was asked, or `limit_s` passed."""
    polled = asyncio.Event()

    def on_polled(_count: int) -> None:
        polled.set()

    desk.models.monitor.polled.connect(on_polled)
    waits = [asyncio.ensure_future(e.wait()) for e in (polled, quit_requested)]
    try:
        await asyncio.wait(waits, timeout=limit_s, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
        await asyncio.gather(*waits, return_exceptions=True)
        desk.models.monitor.polled.disconnect(on_polled)


def _probe_startup(desk: Desk) -> None:
    """For tests/benchmarks/bench_startup.py: report the window shown and the first list shown."""
    QTimer.singleShot(0, lambda: _print("window-shown"))

    def first_poll(_count: int) -> None:
        desk.models.monitor.polled.disconnect(first_poll)
        QTimer.singleShot(0, lambda: _print("calls-shown"))

    desk.models.monitor.polled.connect(first_poll)


class DemoTools:
    """What demo screenshots may ask of the simulator (only app.py touches callpad.sim)."""

    def __init__(self, sim: object, *, scenario_vn: str, employee_id: int) -> None:
        self._sim = sim
        self._vn = scenario_vn
        self._employee = employee_id

    def incoming_call(self, contact: str) -> int:
        controller = self._sim.controller  # type: ignore[attr-defined]  # SimServer, kept opaque
        return int(controller.create_incoming_call(contact, self._vn, self._employee))


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


def _print(text: str) -> None:
    print(text, flush=True)  # noqa: T201 - the self-test reports to the terminal by design


def _print_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)  # noqa: T201 - where the demo server listens


def _install_quit_signals(app: QApplication, quit_requested: asyncio.Event) -> None:
    app.lastWindowClosed.connect(quit_requested.set)
    if sys.platform != "win32":  # add_signal_handler is Unix-only
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, quit_requested.set)
