"""Masking of secrets in the simulator's request log."""

from callpad.sim.request_log import RequestLog, mask_secrets


def test_secrets_are_masked_at_any_depth_and_other_values_kept():
    params = {
        "login": "demo",
        "password": "p",
        "access_token": "t",
        "contact": "79161234567",
        "nested": [{"key": "k", "ok": 1}, "plain"],
        "token": None,
    }
    assert mask_secrets(params) == {
        "login": "***",
        "password": "***",
        "access_token": "***",
        "contact": "79161234567",
        "nested": [{"key": "***", "ok": 1}, "plain"],
        "token": None,
    }
    assert params["password"] == "p"  # the original is not touched


def test_log_numbers_entries_and_clears():
    log = RequestLog(maxlen=2)
    for _ in range(3):
        log.start(time="t", http_path="/v4.0")
    assert [e["seq"] for e in log.entries()] == [2, 3]
    log.clear()
    assert log.entries() == []
    assert log.start(time="t", http_path="/v4.0").seq == 4
