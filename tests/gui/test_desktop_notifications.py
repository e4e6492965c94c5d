from callpad.config.schema import NotificationKind, NotificationSettings
from callpad.desktop.notifications import Notifier


def _notifier(**settings: bool) -> tuple[Notifier, list[tuple[str, str, NotificationKind]]]:
    shown: list[tuple[str, str, NotificationKind]] = []
    notifier = Notifier(lambda t, b, k: shown.append((t, b, k)), NotificationSettings(**settings))
    return notifier, shown


def test_incoming_call_is_notified_once_per_session(qapp):
    notifier, shown = _notifier()
    assert notifier.incoming_call(5, "+7 926 123-45-67")
    assert not notifier.incoming_call(5, "+7 926 123-45-67")
    assert shown == [("Incoming call", "From +7 926 123-45-67", NotificationKind.INCOMING_CALL)]


def test_hidden_number_still_reads_well(qapp):
    notifier, shown = _notifier()
    notifier.incoming_call(1, "")
    assert shown[0][1] == "From a hidden number"


def test_each_kind_can_be_switched_off(qapp):
    notifier, shown = _notifier(incoming_call=False)
    assert not notifier.incoming_call(1, "+7 926")
    assert notifier.error("Server unreachable")
    assert [k for _, _, k in shown] == [NotificationKind.ERROR]
    notifier.configure(NotificationSettings(incoming_call=True, error=False))
    assert not notifier.error("Another error")
    assert notifier.incoming_call(2, "+7 926")


def test_repeated_error_is_collapsed_until_cleared(qapp):
    notifier, shown = _notifier()
    assert notifier.error("Server unreachable")
    assert not notifier.error("Server unreachable")
    notifier.error_cleared()
    assert notifier.error("Server unreachable")
    assert len(shown) == 2
