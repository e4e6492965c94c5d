"""The HTTP client for a server URL, and a Desk over it (only the composition root builds them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from callpad.config.schema import Settings
from callpad.config.store import SettingsStore
from callpad.ui.desk import Desk
from callpad.ui.theme import Colors

if TYPE_CHECKING:
    from callpad.api.client import CallApiClient

LOGOUT_TIMEOUT_S = 2.0


def make_client(url: str) -> CallApiClient:
    from callpad.api.client import CallApiClient  # httpx: imported when first needed (start-up)

    return CallApiClient(url, logout_timeout=LOGOUT_TIMEOUT_S)


def make_desk(url: str, settings: Settings, store: SettingsStore | None, lang: str,
              colors: Colors, **kwargs: Any) -> Desk:  # fmt: skip
    client = make_client(url)
    return Desk(client, client.aclose, settings, store, lang, colors, **kwargs)
