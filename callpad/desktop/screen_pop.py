"""Screen pop: open a URL (e.g. a CRM search) when a new call of mine appears. Off by default.

The template's `{contact}` (and `{session}`) are replaced with URL-encoded values; the URL goes to
`QDesktopServices.openUrl`, never to a shell. Only http(s) URLs are opened.

Wiring (app.py)::

    pop = ScreenPop(settings.screen_pop)                 # opener defaults to QDesktopServices
    calls_vm.new_call_of_mine.connect(pop.on_new_call)    # (session_id: int, contact: str)
    settings_vm.saved.connect(lambda s: pop.configure(s.screen_pop))
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from callpad.config.schema import ScreenPopSettings
from callpad.desktop.first_sight import FirstSight

logger = logging.getLogger(__name__)

CONTACT = "{contact}"
SESSION = "{session}"


def build_url(template: str, *, contact: str, session: int | str = "") -> QUrl | None:
    """The URL for this call, or None if the template does not make a valid http(s) URL."""
    text = template.strip()
    text = text.replace(CONTACT, urllib.parse.quote(contact, safe=""))
    text = text.replace(SESSION, urllib.parse.quote(str(session), safe=""))
    url = QUrl(text, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ("http", "https") or not url.host():
        return None
    return url


def template_is_valid(template: str) -> bool:
    """For the settings dialog: does the template give an http(s) URL for a sample number?"""
    return build_url(template, contact="79261234567", session=1) is not None


class ScreenPop(QObject):
    """Opens the configured URL once per new call session."""

    def __init__(
        self,
        settings: ScreenPopSettings,
        *,
        opener: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._open = opener
        self._seen = FirstSight()

    def configure(self, settings: ScreenPopSettings) -> None:
        self._settings = settings

    def on_new_call(self, session_id: int, contact: str) -> bool:
        """Open the page for a new call of mine; True if a URL was handed to the desktop."""
        if not self._settings.enabled or not self._seen.first(session_id):
            return False
        url = build_url(self._settings.url_template, contact=contact, session=session_id)
        if url is None:
            logger.warning("Screen pop template does not give an http(s) URL; nothing opened")
            return False
        return bool(self._open(url))
