"""tel:/callto: links, `--dial NUMBER` and the clipboard, turned into dial requests.

A request that arrives before the agent is logged in waits (only the latest one) and runs on
`set_ready(True)`. Whether a link dials at once or only fills the dialer is a setting
(`DialSettings.dial_links_at_once`).

Wiring (app.py)::

    tel = TelHandler(region=s.dial.default_region, dial_at_once=s.dial.dial_links_at_once)
    tel.dial_requested.connect(lambda n: dialer.dial_number(n))      # PhoneNumber
    tel.prefill_requested.connect(lambda n: dialer.set_text(str(n)))  # PhoneNumber
    tel.show_requested.connect(window.bring_to_front)
    tel.rejected.connect(lambda e: status.show_error(e.user_message(lang)))  # PhoneNumberError
    instance.message_received.connect(tel.handle_argv)
    tel.handle_argv(sys.argv[1:])            # this launch's own link, queued until login
    session.logged_in_changed.connect(tel.set_ready)
    # "dial the selected or copied number" (shortcut and tray menu):
    tel.handle_text(selected_or_copied_text(app.clipboard()), dial=True)
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QClipboard

from callpad.api.errors import PhoneNumberError
from callpad.api.phone import DEFAULT_REGION, PhoneNumber, parse_phone

logger = logging.getLogger(__name__)

LINK_SCHEMES = ("tel:", "callto:")
DIAL_OPTION = "--dial"


@dataclass(frozen=True, slots=True)
class LinkRequest:
    """One number asked for on the command line: parsed, or the reason it is unusable."""

    raw: str
    number: PhoneNumber | None = None
    error: PhoneNumberError | None = None


def link_arguments(argv: Sequence[str]) -> list[str]:
    """The tel:/callto: arguments and --dial values in argv, in order."""
    found: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg.lower().startswith(LINK_SCHEMES):
            found.append(arg)
        elif arg == DIAL_OPTION:
            value = next(args, None)
            if value is not None:
                found.append(value)
        elif arg.startswith(DIAL_OPTION + "="):
            found.append(arg.split("=", 1)[1])
    return found


def parse_request(text: str, region: str = DEFAULT_REGION) -> LinkRequest:
    """Parse with the agent's default region (an unknown region falls back to RU)."""
    try:
        try:
            number = parse_phone(text, region=region)
        except ValueError as exc:
            if isinstance(exc, PhoneNumberError):
                raise
            logger.warning("Unknown default region %r; using %s", region, DEFAULT_REGION)
            number = parse_phone(text, region=DEFAULT_REGION)
    except PhoneNumberError as exc:
        return LinkRequest(text, error=exc)
    return LinkRequest(text, number=number)


def selected_or_copied_text(clipboard: QClipboard) -> str:
    """The X11 primary selection when there is one, else the clipboard (AGENT-DESKTOPS.md §3)."""
    if clipboard.supportsSelection():
        selected = clipboard.text(QClipboard.Mode.Selection).strip()
        if selected:
            return selected
    return clipboard.text(QClipboard.Mode.Clipboard).strip()


class TelHandler(QObject):
    """Routes numbers from links, the command line and the clipboard to the dialer."""

    dial_requested = Signal(object)  # PhoneNumber: start the call now
    prefill_requested = Signal(object)  # PhoneNumber: put it into the dialer for the agent
    show_requested = Signal()  # a forwarded launch: bring the window to the front
    rejected = Signal(object)  # PhoneNumberError: tell the agent why

    def __init__(
        self,
        *,
        region: str = DEFAULT_REGION,
        dial_at_once: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._region = region
        self._dial_at_once = dial_at_once
        self._ready = False
        self._pending: tuple[PhoneNumber, bool] | None = None

    @property
    def pending(self) -> PhoneNumber | None:
        return self._pending[0] if self._pending else None

    def configure(self, *, region: str, dial_at_once: bool) -> None:
        self._region = region
        self._dial_at_once = dial_at_once

    def set_ready(self, ready: bool) -> None:
        """Logged in (True) or not; a waiting request runs when this becomes True."""
        self._ready = ready
        if ready and self._pending is not None:
            number, dial = self._pending
            self._pending = None
            self._route(number, dial)

    def handle_argv(self, argv: Sequence[str]) -> None:
        """A launch's arguments (own or forwarded): show the window and act on the last link."""
        self.show_requested.emit()
        requests = [parse_request(raw, self._region) for raw in link_arguments(argv)]
        for request in requests:
            if request.error is not None:
                logger.info("Unusable number in a link (%s)", request.error.reason)
                self.rejected.emit(request.error)
        usable = [r.number for r in requests if r.number is not None]
        if usable:
            self._submit(usable[-1], self._dial_at_once)

    def handle_text(self, text: str, *, dial: bool = True) -> None:
        """A number from the clipboard or selection."""
        request = parse_request(text, self._region)
        if request.number is not None:
            self._submit(request.number, dial)
        elif request.error is not None:
            self.rejected.emit(request.error)

    def _submit(self, number: PhoneNumber, dial: bool) -> None:
        if self._ready:
            self._route(number, dial)
        else:
            self._pending = (number, dial)  # the latest request wins

    def _route(self, number: PhoneNumber, dial: bool) -> None:
        (self.dial_requested if dial else self.prefill_requested).emit(number)
