"""`callpad --demo --screenshots DIR`: the main window with live demo calls, as PNGs.

Sets up a realistic desk through the same viewmodel commands the keys use: a call talking
(tagged and recorded), one on hold, one in a consultation with a colleague, and a new incoming
call ringing for me;
then saves `callpad-light.png`, `callpad-dark.png` and a small-screen `callpad-dark-1024x640.png`
(window.grab(), STACK.md section 2). In another language (`--lang ru`) the names carry it:
`callpad-ru-light.png`, `callpad-ru-dark.png`, `callpad-ru-dark-1024x640.png`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from callpad.ui.main_window import MainWindow
from callpad.ui.theme import Scheme, apply_theme
from callpad.viewmodels.calls_model import CallRole

OUTGOING = ("+7 916 123-45-67", "+7 903 555-12-34", "8 (812) 600-40-40")
COLLEAGUE = "0215"
INCOMING = "79261112233"
WAIT_S = 40.0


async def _until(predicate: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"screenshots: timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def _dial(window: MainWindow, number: str) -> int:
    m = window.models
    dialed: list[int] = []
    m.dialer.dialed.connect(dialed.append)
    m.dialer.set_text(number)
    window.dialer.dial_requested.emit()
    await _until(lambda: dialed, f"dialling {number}")
    m.dialer.dialed.disconnect(dialed.append)
    return dialed[0]


def select(window: MainWindow, session_id: int) -> None:
    """Select a call in the list, as the agent does with the arrow keys."""
    m = window.models
    window.calls.setCurrentIndex(m.proxy.mapFromSource(m.calls.index_of_call(session_id)))


async def stage_calls(window: MainWindow, incoming_call: Callable[[str], int]) -> list[int]:
    """Create the demo calls; returns their session ids (talking, held, consulting, incoming)."""
    m = window.models
    await _until(lambda: m.session.logged_in, "the demo login")
    sids = [await _dial(window, number) for number in OUTGOING]
    await _until(lambda: all(m.calls.phase(s) and m.calls.phase(s).value == "TALK" for s in sids),  # type: ignore[union-attr]
                 "the calls to connect")  # fmt: skip
    talking, held, consulting = sids
    select(window, held)
    m.actions.hold()
    select(window, consulting)
    m.actions.hold()
    await _until(lambda: m.actions.can_consult, "hold before the consultation")
    m.actions.consult(COLLEAGUE)
    await _until(
        lambda: str(m.calls.phase(consulting)).endswith("OPERATOR_TALK"), "the consultation"
    )
    select(window, talking)  # the talking call is tagged and recorded: every column shows
    await _until(lambda: m.actions.known_tags and m.actions.can_tag, "the tag list")
    m.actions.tag(m.actions.known_tags[0][0])
    await _until(lambda: not m.actions.busy, "the tag")
    m.actions.set_recording(True)
    await _until(lambda: m.calls.index_of_call(talking).data(CallRole.RECORDING), "recording")
    ringing = incoming_call(INCOMING)
    await _until(lambda: m.calls.call(ringing) is not None, "the incoming call")
    m.dialer.set_text("+7 495 926-86-86")
    select(window, talking)
    return [talking, held, consulting, ringing]


async def render_screenshots(
    window: MainWindow,
    folder: Path,
    incoming_call: Callable[[str], int],
    *,
    stem: str = "callpad",
) -> int:
    folder.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once, before the loop is busy
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # noqa: S101 - callpad.app created it
    window.resize(1280, 760)
    window.show()
    try:
        await stage_calls(window, incoming_call)
    except TimeoutError as exc:
        print(exc)  # noqa: T201 - command-line report
        return 1
    for scheme in (Scheme.LIGHT, Scheme.DARK):
        window.retheme(apply_theme(app, scheme))
        await asyncio.sleep(0.3)  # let the tick and the style settle
        path = folder / f"{stem}-{scheme.value}.png"
        window.grab().save(str(path))
        print(path)  # noqa: T201 - command-line report
    window.resize(1024, 640)  # a small laptop screen: nothing may be cut off
    await asyncio.sleep(0.3)
    path = folder / f"{stem}-dark-1024x640.png"
    window.grab().save(str(path))
    print(path)  # noqa: T201 - command-line report
    return 0
