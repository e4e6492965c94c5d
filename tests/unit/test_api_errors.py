"""The error tree: one mapping from (code, mnemonic) to a class, and RU/EN user messages.

Every mnemonic the spec documents (common, method-specific, the simulator's placeholders) is read
from the packaged methods.json, so a mnemonic added to the spec without a class or message fails.
"""

import pytest

from callpad.api import errors as e
from callpad.api.messages import MESSAGES, Lang, render
from callpad.api.models import Limits, ReplyMetadata
from callpad.sim.spec import spec


def _spec_errors() -> list[tuple[str, int, str | None, tuple[str, ...]]]:
    table = spec()
    rows = {
        (r["mnemonic"], r["code"], None, tuple(r.get("params") or ()))
        for r in table["common_errors"]
    }
    rows |= {
        (r["mnemonic"], r["code"], None, ())
        for r in table["undocumented_errors_simulator_placeholders"]
    }
    for method, info in table["methods"].items():
        for r in info["errors"]:
            rows.add((r["mnemonic"], r["code"], method, tuple(r.get("params") or ())))
    return sorted(rows, key=lambda r: (r[0], r[1], r[2] or ""))


SPEC_ERRORS = _spec_errors()

EXPECTED = {
    "auth_error": e.AuthError,
    "access_token_invalid": e.AuthError,
    "access_token_expired": e.AuthError,
    "access_token_blocked": e.AuthError,
    "ip_not_whitelisted": e.AccessDeniedError,
    "forbidden": e.AccessDeniedError,
    "component_disabled": e.ComponentDisabledError,
    "account_inactive": e.AccountInactiveError,
    "limit_exceeded": e.RateLimitError,
    "required_parameter_missed": e.InvalidParamsError,
    "data_type_error": e.InvalidParamsError,
    "invalid_parameter_value": e.InvalidParamsError,
    "unexpected_parameters": e.InvalidParamsError,
    "invalid_parameters_combination": e.InvalidParamsError,
    "tts_text_exceeded": e.InvalidParamsError,
    "own_virtual_phone_number_not_allowed": e.InvalidParamsError,
    "call_session_not_found": e.CallSessionNotFoundError,
    "employee_not_found": e.NotFoundError,
    "no_active_phone_number": e.NotFoundError,
    "scenario_not_found": e.NotFoundError,
    "media_file_not_found": e.NotFoundError,
    "virtual_phone_number_not_found": e.NotFoundError,
    "tag_not_found": e.NotFoundError,
    "leg_not_found": e.NotFoundError,
    "coach_not_found": e.NotFoundError,
    "talk_option_not_found": e.NotFoundError,
    "contact_in_blacklist": e.CallRefusedError,
    "call_direction_forbidden": e.CallRefusedError,
    "invalid_state": e.SequenceError,
    "duplicate_tag": e.ConflictError,
    "duplicate_contact": e.ConflictError,
    "record_already_started": e.ConflictError,
    "record_already_stopped": e.ConflictError,
    "internal_error": e.ServerError,
    "parse_error": e.RequestRejectedError,
    "invalid_request": e.RequestRejectedError,
    "method_not_found": e.RequestRejectedError,
    "batch_opreations_not_supported": e.RequestRejectedError,
    "notifications_not_supported": e.RequestRejectedError,
    "character_encoding_not_allowed": e.RequestRejectedError,
}


def test_every_documented_mnemonic_has_an_expected_class():
    assert {row[0] for row in SPEC_ERRORS} == set(EXPECTED)


@pytest.mark.parametrize(("mnemonic", "code", "method", "params"), SPEC_ERRORS)
def test_mapping_and_messages_cover_every_documented_error(mnemonic, code, method, params):
    cls = e.rpc_error_class(code, mnemonic)
    assert cls is EXPECTED[mnemonic]
    values = {name: "minute" if name == "limit_type" else f"<{name}>" for name in params}
    exc = e.rpc_error_from(
        code=code,
        message="server text",
        mnemonic=mnemonic,
        method=method or "list.calls",
        field="contact",
        value="x1",
        params=values,
    )
    assert isinstance(exc, e.RpcError)
    assert isinstance(exc, e.CallApiError)
    assert isinstance(exc, e.CallpadError)
    ru, en = exc.user_message(Lang.RU), exc.user_message("en")
    for text in (ru, en):
        assert "?" not in text, text
        for value in values.values():
            assert value in text or value == "minute", (mnemonic, text)
        assert mnemonic not in text  # a real sentence, not the generic fallback
    assert ru != en
    assert any("а" <= ch <= "я" for ch in ru.lower())
    assert mnemonic in str(exc)
    assert exc.details()["mnemonic"] == mnemonic


def test_callgear_batch_spelling_maps_to_the_same_error():
    exc = e.rpc_error_from(
        code=-32099,
        message="Batch operations not supported",
        mnemonic="batch_operations_not_supported",
        method="list.calls",
    )
    assert isinstance(exc, e.RequestRejectedError)
    assert exc.mnemonic == "batch_opreations_not_supported"
    assert "пакетные" in exc.user_message("ru")


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (-32001, e.AuthError),
        (-32002, e.CallRefusedError),
        (-32003, e.AccessDeniedError),
        (-32004, e.SequenceError),
        (-32007, e.NotFoundError),
        (-32008, e.ComponentDisabledError),
        (-32009, e.AccountInactiveError),
        (-32029, e.RateLimitError),
        (-32602, e.InvalidParamsError),
        (-32603, e.ServerError),
        (-32700, e.RequestRejectedError),
        (-12345, e.RpcError),
    ],
)
def test_unknown_mnemonics_fall_back_to_the_code_group(code, cls):
    assert e.rpc_error_class(code, "something_new") is cls
    assert e.rpc_error_class(code, None) is cls
    exc = e.rpc_error_from(code=code, message="m", mnemonic="something_new", method="hold.call")
    assert str(code) in exc.user_message("en")


def test_same_mnemonic_different_code_has_its_own_message():
    vnumber = e.rpc_error_from(
        code=-32007, message="m", mnemonic="scenario_not_found", method="start.vnumber_call"
    )
    scenario = e.rpc_error_from(
        code=-32602,
        message="m",
        mnemonic="scenario_not_found",
        method="start.scenario_call",
        params={"scenario_id": 9},
    )
    assert "No scenario is attached" in vnumber.user_message("en")
    assert "Scenario 9 was not found" in scenario.user_message("en")


def test_forbidden_wording_depends_on_the_method():
    record = e.rpc_error_from(code=-32003, message="m", mnemonic="forbidden", method="record.call")
    other = e.rpc_error_from(code=-32003, message="m", mnemonic="forbidden", method="list.calls")
    assert "Recording" in record.user_message("en")
    assert "right" in other.user_message("en")


def test_rate_limit_error_reports_the_reset_of_its_own_window(now):
    limits = Limits(10000, 0, 4000, 100, 0, 17, received_at=now)
    meta = ReplyMetadata(method="list.calls", limits=limits, api_version=None)
    minute = e.rpc_error_from(
        code=-32029,
        message="m",
        mnemonic="limit_exceeded",
        method="list.calls",
        params={"limit_type": "minute", "limit_max_value": 100},
        metadata=meta,
    )
    day = e.rpc_error_from(
        code=-32029,
        message="m",
        mnemonic="limit_exceeded",
        method="list.calls",
        params={"limit_type": "day", "limit_max_value": 10000},
        metadata=meta,
    )
    assert isinstance(minute, e.RateLimitError)
    assert isinstance(day, e.RateLimitError)
    assert minute.retry_after == 17
    assert day.retry_after == 4000
    assert "100 баллов в минуту" in minute.user_message("ru")
    assert "Wait 17 s" in minute.user_message("en")
    assert "10000 points per day" in day.user_message("en")


@pytest.fixture
def now():
    from datetime import UTC, datetime

    return datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_outcome_unknown_tells_the_agent_to_check_the_call_list():
    cause = e.RequestTimeoutError("read timeout", method="start.simple_call")
    exc = e.OutcomeUnknownError("unknown", method="start.simple_call", cause=cause)
    assert isinstance(exc, e.TransportError)
    assert "check the call list" in exc.user_message("en").lower()
    assert "список звонков" in exc.user_message("ru")
    assert exc.details()["cause"]["error"] == "RequestTimeoutError"


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (e.ConnectionFailedError("x", host="callapi.uiscom.ru"), "callapi.uiscom.ru"),
        (e.ConnectionLostError("x"), "connection dropped"),
        (e.RequestTimeoutError("x"), "did not answer in time"),
        (e.HttpStatusError("x", status=502), "HTTP error 502"),
        (e.ProtocolError("x"), "could not be understood"),
        (e.EndpointError("x", url="http://example.com"), "http://example.com"),
        (e.ClientStateError("x", reason="closed"), "closed"),
        (e.ClientStateError("x", reason="not_logged_in"), "not logged in"),
    ],
)
def test_client_side_errors_have_messages_in_both_languages(exc, words):
    assert words in exc.user_message("en")
    assert exc.user_message("ru") != exc.user_message("en")
    assert exc.technical == "x"


def test_only_connection_failures_and_4xx_mean_nothing_reached_the_server():
    assert not e.ConnectionFailedError("x").may_have_reached_server
    assert not e.HttpStatusError("x", status=404).may_have_reached_server
    assert e.HttpStatusError("x", status=500).may_have_reached_server
    assert e.ConnectionLostError("x").may_have_reached_server
    assert e.RequestTimeoutError("x").may_have_reached_server


def test_every_message_has_both_languages_and_known_placeholders_only():
    for key, (ru, en) in MESSAGES.items():
        assert ru.strip()
        assert en.strip()
        assert ru != en, key
        assert render(key, "ru", {}) is not None


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="de"):
        e.ProtocolError("x").user_message("de")
