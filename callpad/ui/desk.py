"""Desk: one account's working set: task runner, viewmodels and main window over one CallService.

callpad.app builds the service (the HTTP client; the UI never imports it) and hands it over with a
coroutine that closes it. `shutdown()` follows ARCHITECTURE.md section 3: stop the monitor, cancel
and await every task (`runner.aclose()`), then close the service, which logs a password session
out with a short timeout before it closes HTTP.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace

from callpad.api.models import Message, MessageType
from callpad.api.service import CallService
from callpad.clock import Clock, RealClock
from callpad.config.errors import ConfigError
from callpad.config.schema import Settings
from callpad.config.store import SettingsStore
from callpad.ui.main_window import MainWindow, WindowModels
from callpad.ui.theme import Colors
from callpad.viewmodels.call_actions import CallActionsViewModel
from callpad.viewmodels.call_monitor import CallMonitor, PollPolicy
from callpad.viewmodels.calls_model import CallsFilterProxy, CallsModel
from callpad.viewmodels.dial_options import options_from_settings
from callpad.viewmodels.dialer import DialerViewModel
from callpad.viewmodels.session import SessionViewModel
from callpad.viewmodels.status import StatusViewModel
from callpad.viewmodels.talk_options import TalkOptionsViewModel
from callpad.viewmodels.task_runner import TaskRunner

_log = logging.getLogger(__name__)


class SettingsRecentStore:
    """Recent numbers kept in settings.json (the dialer's RecentNumbersStore)."""

    def __init__(self, store: SettingsStore | None, settings: Settings) -> None:
        self._store = store
        self.settings = settings

    def load(self) -> list[str]:
        return list(self.settings.dial.recent_numbers)

    def save(self, numbers: list[str]) -> None:
        recent = tuple(numbers)

        def change(settings: Settings) -> Settings:
            return replace(settings, dial=replace(settings.dial, recent_numbers=recent))

        self.settings = change(self.settings)
        if self._store is None:
            return
        try:  # update(), not save(): never undo what the settings dialog saved meanwhile
            self._store.update(change)
        except ConfigError as exc:  # the numbers stay in memory; the log says why
            _log.warning("recent numbers not saved: %s", exc)


def _poll_policy(settings: Settings) -> PollPolicy:
    poll = settings.poll
    return PollPolicy(active_s=poll.active_s, focused_s=poll.focused_s, idle_s=poll.idle_s)


def _hold_message(settings: Settings) -> Message | None:
    hold = settings.calls.hold_message
    if not hold.value.strip():
        return None
    if hold.type.value == MessageType.MEDIA.value:
        return Message.media(int(hold.value)) if hold.value.strip().isdigit() else None
    return Message.tts(hold.value)


def _shortcut_overrides(settings: Settings) -> dict[str, tuple[str, ...]]:
    return {action: tuple(k for k in keys if k) for action, keys in settings.shortcuts.items()}


class Desk:
    """Builds and owns the viewmodels and the main window for one service."""

    def __init__(
        self,
        service: CallService,
        close_service: Callable[[], Awaitable[None]],
        settings: Settings,
        store: SettingsStore | None,
        lang: str,
        colors: Colors,
        *,
        demo: bool = False,
        provider: str = "",
        known_tags: Sequence[tuple[int, str]] = (),
        clock: Clock | None = None,
        freeze_after_first_poll: bool = True,
    ) -> None:
        self.service = service
        self._close_service = close_service
        self.settings = settings
        self._freeze = freeze_after_first_poll  # False: the caller froze start-up objects itself
        clock = clock or RealClock()
        agent, dial = settings.agent, settings.dial
        self.runner = TaskRunner()
        calls = CallsModel(clock, my_employee_id=agent.employee_id, lang=lang)
        proxy = CallsFilterProxy(calls, mine_only=False)
        monitor = CallMonitor(service, clock, self.runner, calls, policy=_poll_policy(settings))
        session = SessionViewModel(service, self.runner, provider=provider, lang=lang)
        status = StatusViewModel(clock, lang=lang)
        self.recent = SettingsRecentStore(store, settings)
        dialer = DialerViewModel(
            service,
            self.runner,
            employee_id=agent.employee_id,
            default_virtual_number=agent.default_virtual_number,
            defaults=options_from_settings(dial, employee_phone=agent.employee_phone),
            refresh=monitor.refresh_soon,
            recent_store=self.recent,
            region=dial.default_region,
            lang=lang,
        )
        hold_message = _hold_message(settings)
        actions = CallActionsViewModel(
            service,
            self.runner,
            calls,
            refresh=monitor.refresh_soon,
            hold_message=hold_message,
            known_tags=known_tags,
            region=dial.default_region,
            lang=lang,
        )
        talk = TalkOptionsViewModel(service, self.runner, actions, lang=lang)
        self.runner.failed.connect(status.report)
        self._unsubscribe = service.add_metadata_listener(status.update_metadata)
        status.limits_changed.connect(monitor.set_limits)
        session.logged_in_changed.connect(monitor.set_logged_in)
        session.logged_in_changed.connect(talk.on_logged_in_changed)
        session.state_changed.connect(status.set_session_state)
        session.user_changed.connect(lambda u: status.set_session(session.provider, u))
        session.provider_changed.connect(lambda p: status.set_session(p, session.user))
        monitor.failing_changed.connect(status.set_polls_failing)
        status.set_session(session.provider, session.user)
        self.models = WindowModels(session, status, dialer, actions, talk, calls, proxy, monitor)
        self.window = MainWindow(
            self.models, colors, demo=demo, shortcut_overrides=_shortcut_overrides(settings)
        )
        self.window.dialer.set_line_info(agent.default_virtual_number, agent.employee_id)
        monitor.start()
        calls.start_ticking()
        status.start_ticking()
        self._pending_dial: str | None = None
        session.logged_in_changed.connect(self._on_logged_in)
        self.window.settings_saved.connect(self.apply_settings)

    def apply_settings(self, settings: Settings) -> None:
        """Apply a settings save at once, without a restart.

        Remapped shortcuts, poll intervals, the hold message, who I am (employee id and default
        virtual number), and the dialer's default start method and its options. The settings dialog
        over the window forwards `saved` here.
        """
        self.settings = settings
        self.recent.settings = settings
        m, agent = self.models, settings.agent
        self.window.apply_shortcuts(_shortcut_overrides(settings))
        m.monitor.set_policy(_poll_policy(settings))
        m.actions.set_hold_message(_hold_message(settings))
        m.dialer.set_employee(agent.employee_id, agent.default_virtual_number)
        m.dialer.set_defaults(
            options_from_settings(settings.dial, employee_phone=agent.employee_phone)
        )
        m.calls.set_my_employee_id(agent.employee_id)
        self.window.dialer.set_line_info(agent.default_virtual_number, agent.employee_id)

    def dial_when_logged_in(self, number: str) -> None:
        """Dial `number` now if logged in, else right after the login (tel: links, --dial)."""
        if self.models.session.logged_in:
            self.models.dialer.dial_number(number)
        else:
            self._pending_dial = number

    def _on_logged_in(self, logged_in: bool) -> None:
        if logged_in and self._freeze:
            self._freeze = False
            self.models.monitor.polled.connect(self._freeze_startup_objects)
        if logged_in and self._pending_dial:
            number, self._pending_dial = self._pending_dial, None
            self.models.dialer.dial_number(number)

    def _freeze_startup_objects(self, _count: int) -> None:
        """Once per process, after the first poll that follows a login: gc.freeze().

        By then start-up has built everything that lives as long as the app (modules, Qt
        wrappers, the window, the client). A full (generation 2) collection walks all of them,
        and that walk was the longest event-loop stall while polling: ~55 ms, down to ~16 ms
        with them frozen (tests/benchmarks/bench_refresh.py). Frozen objects are still freed
        by reference counting; only cycles among them stay, which start-up objects don't form
        in any number.
        """
        self.models.monitor.polled.disconnect(self._freeze_startup_objects)
        # gc.get_freeze_count() walks every frozen object (~8 ms after a freeze): asked once per
        # desk, instant for the first (nothing frozen yet); a later desk does not freeze again.
        if not gc.get_freeze_count():
            gc.freeze()  # no collect() first: a few hundred garbage objects cost less than it
            _log.debug("gc.freeze(): start-up objects frozen")

    async def shutdown(self) -> None:
        """Stop polling, end every task, close the service (logout inside, short timeout)."""
        m = self.models
        m.monitor.stop()
        m.calls.stop_ticking()
        m.status.stop_ticking()
        await self.runner.aclose()
        self._unsubscribe()
        try:
            await self._close_service()
        finally:
            self.window.close_popups()
            self.window.hide()
            self.window.deleteLater()
