from dataclasses import replace

import pytest

from callpad.config.codec import decode_field, decode_settings, encode
from callpad.config.errors import ConfigError
from callpad.config.migrations import migrate
from callpad.config.problems import TEMPLATES, Problem, ProblemKind, cross_field_problems
from callpad.config.schema import (
    RECENT_NUMBERS_LIMIT,
    AccountSettings,
    AgentSettings,
    CallSettings,
    DialSettings,
    FirstCall,
    Message,
    MessageType,
    NotificationKind,
    NotificationSettings,
    PollSettings,
    Provider,
    ScreenPopSettings,
    Settings,
    StartMethod,
)


def test_defaults_encode_and_decode_to_themselves():
    settings, problems = decode_settings(encode(Settings()))
    assert settings == Settings()
    assert problems == []


def test_every_provider_has_a_versioned_base_url():
    for provider in Provider:
        account = AccountSettings(provider=provider, custom_url="https://pbx.example/")
        assert account.base_url().endswith("/v4.0")
        assert "//v4.0" not in account.base_url()
    assert AccountSettings().base_url() == "https://callapi.uiscom.ru/v4.0"


def test_recent_numbers_are_deduplicated_and_bounded():
    dial = DialSettings()
    for n in range(RECENT_NUMBERS_LIMIT + 10):
        dial = dial.with_recent(f"7900000{n:04d}")
    dial = dial.with_recent("79000000003")
    assert len(dial.recent_numbers) == RECENT_NUMBERS_LIMIT
    assert dial.recent_numbers[0] == "79000000003"
    assert dial.recent_numbers.count("79000000003") == 1


@pytest.mark.parametrize(
    ("cls", "name", "raw", "kind"),
    [
        (AgentSettings, "employee_id", 0, ProblemKind.TOO_SMALL),
        (AgentSettings, "employee_id", True, ProblemKind.WRONG_TYPE),
        (AgentSettings, "employee_id", "12", ProblemKind.WRONG_TYPE),
        (AgentSettings, "employee_phone", "+7 916", ProblemKind.BAD_FORMAT),
        (DialSettings, "dtmf_string", "12a", ProblemKind.BAD_FORMAT),
        # start.informer_call allows dialing_timeout 1..120 (SPEC section 11.6)
        (DialSettings, "dialing_timeout", 121, ProblemKind.TOO_LARGE),
        (DialSettings, "default_region", "ZZ", ProblemKind.BAD_FORMAT),
        (DialSettings, "default_region", "ru", ProblemKind.BAD_FORMAT),
        (DialSettings, "start_method", "fax", ProblemKind.NOT_ALLOWED),
        (PollSettings, "idle_s", 601, ProblemKind.TOO_LARGE),
        (ScreenPopSettings, "url_template", "x" * 2001, ProblemKind.TOO_LONG),
    ],
)
def test_decode_field_reports_what_is_wrong(cls, name, raw, kind):
    value, problem = decode_field(cls, name, raw)
    assert value is None
    assert problem is not None
    assert problem.kind is kind
    assert problem.path == name


def test_decode_field_accepts_good_values_and_none_for_optional():
    assert decode_field(AgentSettings, "employee_id", 3141) == (3141, None)
    assert decode_field(AgentSettings, "employee_id", None) == (None, None)
    assert decode_field(PollSettings, "idle_s", 2) == (2.0, None)
    assert decode_field(DialSettings, "start_method", "simple") == (StartMethod.SIMPLE, None)


def test_section_of_wrong_type_is_reported_and_defaulted():
    settings, problems = decode_settings(
        {"agent": [1, 2], "shortcuts": {"hold": 5, "tag": ["Ctrl+Shift+G"]}, "poll": "fast"}
    )
    assert settings.agent == AgentSettings()
    assert settings.shortcuts == {"tag": ("Ctrl+Shift+G",)}
    assert [(p.path, p.kind) for p in problems] == [
        ("agent", ProblemKind.WRONG_TYPE),
        ("poll", ProblemKind.WRONG_TYPE),
        ("shortcuts.hold", ProblemKind.WRONG_TYPE),
    ]


def test_unknown_keys_are_ignored():
    settings, problems = decode_settings({"agent": {"employee_id": 5, "shoe_size": 44}, "x": 1})
    assert settings.agent.employee_id == 5
    assert problems == []


def test_every_problem_kind_has_a_template_naming_the_field():
    for kind in ProblemKind:
        text = Problem("agent.employee_id", kind, "1").english()
        assert "agent.employee_id" in text
        assert "{" not in text
    assert set(TEMPLATES) == set(ProblemKind)


def test_cross_field_rules():
    bad = Settings(
        account=AccountSettings(provider=Provider.CUSTOM, custom_url="ftp://x"),
        dial=DialSettings(
            start_method=StartMethod.SCENARIO, early_switching=True, first_call=FirstCall.CONTACT
        ),
        screen_pop=ScreenPopSettings(enabled=True, url_template=""),
        calls=CallSettings(hold_message=Message(MessageType.TTS, " ")),
    )
    bad = replace(bad, dial=replace(bad.dial, contact_message=Message(MessageType.MEDIA, "x1")))
    assert sorted(p.path for p in cross_field_problems(bad)) == [
        "account.custom_url",
        "calls.hold_message.value",
        "dial.contact_message.value",
        "dial.early_switching",
        "dial.scenario_id",
        "screen_pop.url_template",
    ]
    good = replace(
        bad,
        account=AccountSettings(provider=Provider.CUSTOM, custom_url="https://pbx.example"),
        dial=DialSettings(
            start_method=StartMethod.SCENARIO,
            scenario_id=9,
            early_switching=True,
            switch_at_once=True,
        ),
        screen_pop=ScreenPopSettings(enabled=True, url_template="https://crm/?q={contact}"),
        calls=CallSettings(),
    )
    assert cross_field_problems(good) == []


def test_notification_kinds_are_switchable_one_by_one():
    n = NotificationSettings(incoming_call=False)
    assert not n.enabled(NotificationKind.INCOMING_CALL)
    assert n.enabled(NotificationKind.ERROR)


def test_migrations_run_one_version_at_a_time():
    steps = {
        1: lambda d: {**d, "agent": {"employee_id": d.pop("employee_id", None)}},
        2: lambda d: {**d, "agent": {**d["agent"], "employee_phone": "7900"}},
    }
    data, newer = migrate({"employee_id": 12}, target=3, migrations=steps)
    assert not newer
    assert data["schema_version"] == 3
    assert data["agent"] == {"employee_id": 12, "employee_phone": "7900"}


def test_missing_migration_and_bad_version_are_config_errors():
    with pytest.raises(ConfigError, match="no migration from settings version 1"):
        migrate({"schema_version": 1}, target=2, migrations={})
    with pytest.raises(ConfigError):
        migrate({"schema_version": True})


def test_current_file_needs_no_migration():
    data, newer = migrate({"schema_version": 1, "agent": {}})
    assert (data["schema_version"], newer) == (1, False)
