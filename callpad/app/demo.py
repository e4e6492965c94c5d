"""Demo mode: the simulator in-process on the same loop, its demo account, a DEMO mark.

The window comes first; httpx, the client and the simulator follow on the next turns of the loop
(`LateService` stands for the client meanwhile), then the desktop pieces once the first list is in.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from callpad.api.service import CallService
from callpad.app.clients import make_client
from callpad.app.desktop_wiring import wire_desktop
from callpad.app.late_service import LateService
from callpad.app.startup import (
    STARTUP_PROBE_ENV,
    first_list,
    next_turn,
    probe_startup,
    say,
    say_stderr,
    started,
)
from callpad.config.paths import AppPaths
from callpad.config.store import SettingsStore
from callpad.ui.desk import Desk
from callpad.ui.theme import Colors

if TYPE_CHECKING:
    from callpad.sim.scenario import Scenario
    from callpad.sim.server import SimServer

DESKTOP_WIRING_WAIT_S = 2.0  # wire tray, tel: links... after the first list, or this long


async def run_demo(
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
                demo=True, known_tags=tags, freeze_after_first_poll=False)  # fmt: skip
    probe = bool(os.environ.get(STARTUP_PROBE_ENV))
    desk.window.show()
    if probe:
        probe_startup(desk)
    desk.models.session.set_provider("Demo")
    desk.models.session.login_with_password(str(user["login"]), str(user["password"]))
    desk.models.session.logged_in_changed.connect(  # signing out of the demo ends the demo
        lambda logged_in: None if logged_in else quit_requested.set()
    )
    try:
        await next_turn()  # the first paint, before the heavy imports
        sim = await _start_simulator(scenario, args.demo_port, stack)
        client = make_client(sim.url)
        gc.freeze()  # all that lives as long as the app exists now (Desk then needs no freeze)
        service.bind(client, client.aclose)
        tools = DemoTools(sim, scenario_vn=str(user["virtual_phone_number"] or ""),
                          employee_id=int(user["employee_id"]))  # fmt: skip
        if args.self_test:
            from callpad.ui.self_test import run_self_test

            started()
            return await run_self_test(desk.window, print_step=say)
        if args.screenshots:
            from callpad.ui.screenshots import render_screenshots

            started()
            stem = "callpad" if lang == "en" else f"callpad-{lang}"
            return await render_screenshots(
                desk.window, args.screenshots, tools.incoming_call, stem=stem
            )
        await first_list(desk, DESKTOP_WIRING_WAIT_S, quit_requested)
        if not quit_requested.is_set():
            wire_desktop(desk, store, None, paths, quit_requested, None)
        started()
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
    say_stderr(f"callpad demo: simulator on {sim.url}")
    return sim


class DemoTools:
    """What demo screenshots may ask of the simulator (only callpad.app touches the simulator)."""

    def __init__(self, sim: object, *, scenario_vn: str, employee_id: int) -> None:
        self._sim = sim
        self._vn = scenario_vn
        self._employee = employee_id

    def incoming_call(self, contact: str) -> int:
        controller = self._sim.controller  # type: ignore[attr-defined]  # SimServer, kept opaque
        return int(controller.create_incoming_call(contact, self._vn, self._employee))
