"""Account mode: one instance per user, remembered credentials or the login dialog, the desk."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable

from callpad.app.clients import make_desk
from callpad.app.desktop_wiring import wire_desktop
from callpad.app.startup import first_list, started
from callpad.config.paths import AppPaths
from callpad.config.schema import Settings
from callpad.config.secrets import open_vault
from callpad.config.store import LoadResult, SettingsStore
from callpad.desktop.single_instance import SingleInstance, instance_name
from callpad.ui.account_front import AccountFront
from callpad.ui.desk import Desk
from callpad.ui.theme import Colors
from callpad.viewmodels.settings_text import load_notice

_log = logging.getLogger("callpad.app")

GC_OFF_LIMIT_S = 3.0  # remembered credentials: the collector stays off until the first list


async def run_account(
    args: argparse.Namespace,
    paths: AppPaths,
    store: SettingsStore,
    loaded: LoadResult,
    lang: str,
    colors: Colors,
    quit_requested: asyncio.Event,
) -> int:
    """A real account: one instance per user, remembered credentials or the login dialog."""
    instance = SingleInstance(instance_name(paths.config_dir))
    if instance.forward(sys.argv[1:]):
        _log.info("another callpad runs for this user: request forwarded")
        return 0
    instance.listen()
    vault = open_vault(paths)
    notice = load_notice(loaded)  # translated; the store has logged the details in English
    hooks: list[Callable[[Desk], None]] = []

    def desk_for(settings: Settings) -> Desk:
        desk = make_desk(settings.account.base_url(), settings, store, lang, colors)
        for hook in hooks:
            hook(desk)
        return desk

    front = AccountFront(loaded.settings, store, vault, desk_for, notice=notice)
    hooks.append(lambda desk: wire_desktop(desk, store, vault, paths, quit_requested, instance))
    try:
        front.start()  # remembered credentials: the window shows, signing in; else the dialog
        desk = front.desk
        if desk is not None and desk.window.isVisible():
            # No collection between the login and the first list (Desk freezes after it).
            failed = asyncio.Event()
            desk.models.session.login_failed.connect(lambda _kind, _text: failed.set())
            await first_list(desk, GC_OFF_LIMIT_S, quit_requested, failed)
        started(freeze=False)  # Desk freezes after its first poll, not here
        await front.run(quit_requested)
    finally:
        await front.close()
        instance.close()
    return 0
