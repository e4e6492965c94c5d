"""Reply parsing: tolerant exactly where SPEC §14 says, ProtocolError everywhere else."""

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from callpad.api.call_list import parse_calls
from callpad.api.errors import ProtocolError
from callpad.api.metadata import parse_metadata
from callpad.api.models import Direction, LegState, TalkOptionMnemonic
from callpad.api.replies import (
    ACCOUNT_TZ,
    check_success,
    parse_login,
    parse_start_time,
    parse_started,
    parse_talk_options,
)
from callpad.sim.spec import spec

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _example(method: str) -> Any:
    return spec()["methods"][method]["example_response"]["result"]


@pytest.mark.parametrize("value", [True, "true"])
def test_success_accepts_boolean_and_string_true(value):
    check_success({"success": value}, "hold.call")


@pytest.mark.parametrize("value", [False, "false", "TRUE", 1, None, "yes"])
def test_success_refuses_anything_else(value):
    with pytest.raises(ProtocolError, match=r"hold\.call: data\.success"):
        check_success({"success": value}, "hold.call")


def test_success_missing_is_a_protocol_error():
    with pytest.raises(ProtocolError):
        check_success({}, "hold.call")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01-15 13:05:09", datetime(2025, 1, 15, 13, 5, 9, tzinfo=ACCOUNT_TZ)),
        ("2016-10-19T12:26:48.418", datetime(2016, 10, 19, 12, 26, 48, 418000, tzinfo=ACCOUNT_TZ)),
        ("2025-01-15T10:05:09Z", datetime(2025, 1, 15, 10, 5, 9, tzinfo=UTC)),
        ("2025-01-15T 10:05:09Z", datetime(2025, 1, 15, 10, 5, 9, tzinfo=UTC)),
    ],
)
def test_start_time_in_all_three_documented_forms(text, expected):
    parsed = parse_start_time(text)
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_zoneless_start_time_is_moscow_time():
    assert parse_start_time("2025-01-15 13:05:09").utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize("text", ["15.01.2025 13:05", "2025-01-15", "2025-13-45 10:00:00", ""])
def test_other_start_time_forms_are_refused(text):
    with pytest.raises(ProtocolError):
        parse_start_time(text)


def test_login_reply_of_the_spec_example():
    result = parse_login(_example("login.user")["data"])
    assert result.expire_at == datetime.fromtimestamp(1736942400, tz=UTC)
    assert result.access_token.startswith("7bq3")
    assert "7bq3" not in repr(result)


@pytest.mark.parametrize(
    "data",
    [
        {"access_token": "t", "expire_at": "1736942400"},
        {"access_token": "t", "expire_at": True},
        {"access_token": "", "expire_at": 1},
        {"access_token": 5, "expire_at": 1},
        {"expire_at": 1},
        {"access_token": "t", "expire_at": 10**20},
        [],
    ],
)
def test_malformed_login_replies_are_protocol_errors(data):
    with pytest.raises(ProtocolError):
        parse_login(data)


def test_started_call():
    assert (
        parse_started({"call_session_id": 512003771}, "start.simple_call").call_session_id
        == 512003771
    )
    for bad in (
        {"call_session_id": "512003771"},
        {"call_session_id": None},
        {},
        {"call_session_id": True},
    ):
        with pytest.raises(ProtocolError):
            parse_started(bad, "start.simple_call")


def test_list_calls_example_parses_into_typed_values():
    (call,) = parse_calls(_example("list.calls")["data"])
    assert call.direction is Direction.OUT
    assert call.external_id == "crm-lead-9001"
    assert call.tags[0].tag_name == "Горячий клиент"
    operator, contact = call.legs
    assert operator.is_operator
    assert operator.employee_id == 3141
    assert operator.state is LegState.TALK
    assert operator.state.english == "Conversation"
    assert contact.employee_id is None
    assert contact.employee_full_name is None


def _call(**changes: Any) -> dict[str, Any]:
    item = dict(_example("list.calls")["data"][0])
    item.update(changes)
    return item


def test_nullable_fields_accept_null_and_dtmf_suffix_is_kept():
    leg = dict(_call()["legs"][1])
    leg["called_phone_number"] = "74959268686...9.2.3.3"
    (call,) = parse_calls([_call(external_id=None, tags=[], legs=[leg])])
    assert call.external_id is None
    assert call.tags == ()
    assert call.legs[0].called_phone_number.endswith("9.2.3.3")


@pytest.mark.parametrize(
    "item",
    [
        _call(direction="sideways"),
        _call(external_id=5),
        _call(tags=None),
        _call(legs={}),
        _call(call_session_id="1"),
        _call(start_time=None),
        {k: v for k, v in _call().items() if k != "external_id"},
        _call(legs=[{**_call()["legs"][0], "state": "Talking"}]),
        _call(legs=[{**_call()["legs"][0], "is_operator": "true"}]),
        _call(legs=[{**_call()["legs"][0], "leg_id": None}]),
        _call(tags=[{"tag_id": 1}]),
    ],
)
def test_list_calls_is_strict_elsewhere(item):
    with pytest.raises(ProtocolError, match=r"list\.calls"):
        parse_calls([item])


def test_list_calls_data_must_be_an_array():
    with pytest.raises(ProtocolError):
        parse_calls({"calls": []})


def test_talk_options_example_and_absent_null_or_empty_button_value():
    tag, record = parse_talk_options(_example("list.talk_options")["data"])
    assert tag.mnemonic is TalkOptionMnemonic.TAG_CALL
    assert tag.button_value is not None
    assert tag.button_value.id == 771
    assert record.button_value is None
    bare = {"button": "5", "mnemonic": "record_talk", "name": "Диктофон"}
    extras: list[dict[str, Any]] = [{}, {"button_value": None}, {"button_value": {}}]
    for extra in extras:
        (option,) = parse_talk_options([{**bare, **extra}])
        assert option.button_value is None


@pytest.mark.parametrize(
    "item",
    [
        {"button": 5, "mnemonic": "record_talk", "name": "x"},
        {"button": "5", "mnemonic": "dance", "name": "x"},
        {"button": "5", "mnemonic": "record_talk", "name": "x", "button_value": {"id": "1"}},
        {"button": "5", "mnemonic": "record_talk", "name": "x", "button_value": []},
    ],
)
def test_talk_options_strict_elsewhere(item):
    with pytest.raises(ProtocolError):
        parse_talk_options([item])


LIMITS = {
    "day_limit": 10000,
    "day_remaining": 9950,
    "day_reset": 38211,
    "minute_limit": 100,
    "minute_remaining": 97,
    "minute_reset": 42,
}


@pytest.mark.parametrize("flag", ["current_version_depricated", "current_version_deprecated"])
@pytest.mark.parametrize("value", [True, "true"])
def test_metadata_accepts_both_spellings_of_the_deprecation_flag(flag, value):
    raw = {
        "api_version": {flag: value, "current_version": "3.0", "latest_version": "4.0"},
        "limits": LIMITS,
    }
    meta = parse_metadata(raw, method="list.calls", received_at=NOW)
    assert meta is not None
    assert meta.api_version is not None
    assert meta.api_version.deprecated
    assert meta.api_version.latest_version == "4.0"
    assert meta.limits is not None
    assert meta.limits.minute_remaining == 97
    assert meta.limits.minute_reset_at == NOW + timedelta(seconds=42)
    assert meta.limits.day_reset_at == NOW + timedelta(seconds=38211)


def test_metadata_absent_or_malformed_is_left_out_not_fatal(caplog):
    assert parse_metadata(None, method="m", received_at=NOW) is None
    assert parse_metadata({}, method="m", received_at=NOW) is None
    assert parse_metadata([], method="m", received_at=NOW) is None
    broken = parse_metadata(
        {"limits": {**LIMITS, "day_limit": "many"}, "api_version": "x"},
        method="m",
        received_at=NOW,
    )
    assert broken is None
    assert "malformed metadata.limits" in caplog.text
    only_limits = parse_metadata({"limits": LIMITS}, method="m", received_at=NOW)
    assert only_limits is not None
    assert only_limits.api_version is None


def test_fast_and_strict_list_calls_parsing_agree():
    from callpad.api import call_list

    leg = dict(_call()["legs"][1])
    items = [
        _call(),
        _call(external_id=None, tags=[], legs=[leg]),
        _call(start_time="2016-10-19T12:26:48.418"),
    ]
    for i, item in enumerate(items):
        fast = call_list._fast_call(item)
        assert fast is not None
        assert fast == call_list._parse_call(item, "list.calls", f"data[{i}]")


def test_fast_path_declines_what_it_cannot_vouch_for():
    from callpad.api import call_list

    assert call_list._fast_call(_call(start_time="yesterday")) is None
    assert call_list._fast_call(_call(legs=[{**_call()["legs"][0], "is_operator": 1}])) is None
    assert call_list._fast_call([]) is None


def test_a_repeated_poll_reuses_its_models():
    item = _call()
    (first,) = parse_calls([item])
    (again,) = parse_calls([copy.deepcopy(item)])
    assert again is first  # built once: the fast path's cache (models are frozen)
    (moved,) = parse_calls([_call(start_time="2025-01-15 13:05:10")])
    assert moved != first
    assert moved.start_time - first.start_time == timedelta(seconds=1)


@pytest.mark.parametrize(
    ("member", "good", "bad"),
    [
        ("is_operator", True, 1),
        ("record_call_enabled", False, 0),
        ("employee_id", 1, True),
        ("leg_id", 1, 1.0),
        ("employee_id", 1, 1.0),
    ],
)
def test_the_cache_never_lets_an_equal_value_of_another_type_through(member, good, bad):
    # 1 == True == 1.0 in Python, so a cache keyed on raw values alone would accept `bad` once it
    # has seen `good`; the exact-type checks run before the look-up.
    leg = {**_call()["legs"][0], member: good}
    parse_calls([_call(legs=[leg])])
    with pytest.raises(ProtocolError, match=r"list\.calls"):
        parse_calls([_call(legs=[{**leg, member: bad}])])
    (call,) = parse_calls([_call(call_session_id=1)])
    assert type(call.call_session_id) is int
    with pytest.raises(ProtocolError, match=r"list\.calls"):
        parse_calls([_call(call_session_id=True)])
