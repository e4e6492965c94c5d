import pytest
from PySide6.QtGui import QClipboard, QGuiApplication

from callpad.api.errors import PhoneNumberError
from callpad.api.phone import PhoneNumber
from callpad.desktop.tel_handler import (
    TelHandler,
    link_arguments,
    parse_request,
    selected_or_copied_text,
)


class Recorder:
    def __init__(self, handler: TelHandler) -> None:
        self.dialed: list[PhoneNumber] = []
        self.prefilled: list[PhoneNumber] = []
        self.rejected: list[PhoneNumberError] = []
        self.shown = 0
        handler.dial_requested.connect(self.dialed.append)
        handler.prefill_requested.connect(self.prefilled.append)
        handler.rejected.connect(self.rejected.append)
        handler.show_requested.connect(self._show)

    def _show(self) -> None:
        self.shown += 1


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["tel:+79261234567"], ["tel:+79261234567"]),
        (["TEL:+7926"], ["TEL:+7926"]),
        (["callto://+79261234567"], ["callto://+79261234567"]),
        (["--dial", "8 926 123-45-67"], ["8 926 123-45-67"]),
        (["--dial=89261234567", "--demo"], ["89261234567"]),
        (["--demo", "--dial"], []),
        (["--log-level", "debug", "notalink"], []),
    ],
)
def test_link_arguments(argv, expected):
    assert link_arguments(argv) == expected


def test_parse_request_uses_the_phone_parser_and_region():
    assert parse_request("tel:+7%20926%20123-45-67").number == PhoneNumber("79261234567")
    assert parse_request("8 926 123 45 67").number == PhoneNumber("79261234567")
    assert parse_request("030 1234567", region="DE").number == PhoneNumber("49301234567")
    assert parse_request("8 926 123 45 67", region="ZZ").number == PhoneNumber("79261234567")
    bad = parse_request("tel:hello")
    assert bad.number is None
    assert bad.error is not None


async def test_link_before_login_waits_then_dials_once():
    handler = TelHandler(dial_at_once=True)
    rec = Recorder(handler)
    handler.handle_argv(["tel:+79261234567"])
    assert rec.shown == 1
    assert rec.dialed == []
    assert handler.pending == PhoneNumber("79261234567")
    handler.set_ready(True)
    assert rec.dialed == [PhoneNumber("79261234567")]
    handler.set_ready(True)  # logging in again does not dial twice
    assert rec.dialed == [PhoneNumber("79261234567")]


async def test_only_the_latest_waiting_request_survives():
    handler = TelHandler()
    rec = Recorder(handler)
    handler.handle_argv(["tel:+79261111111"])
    handler.handle_argv(["--dial", "+79262222222"])
    handler.set_ready(True)
    assert rec.dialed == [PhoneNumber("79262222222")]


async def test_prefill_when_links_should_not_dial_at_once():
    handler = TelHandler(dial_at_once=False)
    rec = Recorder(handler)
    handler.set_ready(True)
    handler.handle_argv(["callto:+79261234567"])
    assert rec.prefilled == [PhoneNumber("79261234567")]
    assert rec.dialed == []


async def test_bad_link_is_rejected_with_a_reason_and_nothing_dialed():
    handler = TelHandler()
    rec = Recorder(handler)
    handler.set_ready(True)
    handler.handle_argv(["tel:not-a-number"])
    assert rec.dialed == []
    assert len(rec.rejected) == 1
    assert rec.rejected[0].user_message("en")
    assert rec.shown == 1


async def test_forwarded_launch_without_link_only_shows_the_window():
    handler = TelHandler()
    rec = Recorder(handler)
    handler.set_ready(True)
    handler.handle_argv([])
    assert (rec.shown, rec.dialed, rec.rejected) == (1, [], [])


async def test_clipboard_number_is_dialed_and_garbage_rejected():
    handler = TelHandler(dial_at_once=False)
    rec = Recorder(handler)
    handler.set_ready(True)
    handler.handle_text("+7 (926) 123-45-67", dial=True)
    handler.handle_text("lunch at 12?", dial=True)
    assert rec.dialed == [PhoneNumber("79261234567")]
    assert len(rec.rejected) == 1


async def test_selected_or_copied_text_reads_the_clipboard(qapp):
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("  8 926 123-45-67 ", QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.setText("", QClipboard.Mode.Selection)
    assert selected_or_copied_text(clipboard) == "8 926 123-45-67"
    if clipboard.supportsSelection():
        clipboard.setText("+79260000000", QClipboard.Mode.Selection)
        assert selected_or_copied_text(clipboard) == "+79260000000"
