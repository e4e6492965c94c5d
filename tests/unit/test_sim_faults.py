"""FaultQueue: validation of specs, matching by method, counts, one fault per mode."""

import pytest

from callpad.sim.faults import TRANSPORT_MODES, FaultQueue, FaultSpecError


def test_take_consumes_counts_in_order() -> None:
    queue = FaultQueue()
    first = queue.add({"mode": "wrong_id", "count": 2})
    queue.add({"mode": "wrong_id"})
    assert queue.take("list.calls", TRANSPORT_MODES) == {"wrong_id": first}
    assert queue.take(None, TRANSPORT_MODES)["wrong_id"].id == first.id
    assert queue.take("x", TRANSPORT_MODES)["wrong_id"].id == first.id + 1
    assert queue.take("x", TRANSPORT_MODES) == {}
    assert queue.pending() == []


def test_method_faults_only_match_their_method() -> None:
    queue = FaultQueue()
    queue.add({"mode": "http_500", "method": "list.calls"})
    assert queue.take("login.user", TRANSPORT_MODES) == {}
    assert queue.take(None, TRANSPORT_MODES) == {}
    assert "http_500" in queue.take("list.calls", TRANSPORT_MODES)


def test_one_fault_per_mode_and_modes_are_filtered() -> None:
    queue = FaultQueue()
    queue.add({"mode": "delay", "delay_ms": 5})
    queue.add({"mode": "drop_reply"})
    queue.add({"mode": "rpc_error", "mnemonic": "internal_error"})
    assert sorted(queue.take("m", TRANSPORT_MODES)) == ["delay", "drop_reply"]
    assert list(queue.take("m", frozenset({"rpc_error"}))) == ["rpc_error"]


def test_unlimited_fault_stays_until_cleared() -> None:
    queue = FaultQueue()
    queue.add({"mode": "not_json", "count": None})
    for _ in range(5):
        assert "not_json" in queue.take("m", TRANSPORT_MODES)
    queue.clear()
    assert queue.take("m", TRANSPORT_MODES) == {}


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ({}, "mode"),
        ({"mode": "delay"}, "delay_ms"),
        ({"mode": "rpc_error", "mnemonic": 5}, "mnemonic"),
        ({"mode": "rpc_error", "mnemonic": "nope"}, "nope"),
        ({"mode": "wrong_id", "count": True}, "count"),
        ({"mode": "wrong_id", "method": "x.y"}, "x.y"),
        ({"mode": "wrong_id", "extra": 1}, "extra"),
    ],
)
def test_bad_specs_say_what_is_wrong(spec: dict[str, object], words: str) -> None:
    with pytest.raises(FaultSpecError, match=words):
        FaultQueue().add(spec)
