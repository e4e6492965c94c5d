"""Scenario data: the demo account, the named built-ins, loading files and their error messages."""

import json
import re

import pytest

from callpad.sim.scenario import (
    BEHAVIOURS,
    ScenarioError,
    builtin_names,
    demo_scenario,
    describe,
    load_scenario,
    scenario_by_name,
)
from callpad.sim.spec import spec


def test_demo_matches_the_documented_default_account():
    s = demo_scenario()
    account = spec()["defaults_simulator"]["default_account"]
    demo = s.user("demo")
    assert demo is not None
    assert (demo.password, demo.employee_id, demo.virtual_phone_number) == (
        account["user"]["password"],
        account["user"]["employee_id"],
        account["user"]["virtual_phone_number"],
    )
    assert s.ip_whitelist == account["ip_whitelist"]
    employee = s.employee(3141)
    assert employee is not None
    assert employee.full_name == "Иванов Пётр"
    assert employee.phone_numbers[0].number == "0107"
    assert s.components == {"basic", "call_management", "informer_call", "scenario_call"}
    assert (s.day_limit, s.minute_limit, s.tts_max_length) == (10000, 100, 1000)


def test_demo_makes_a_good_first_impression():
    s = demo_scenario()
    active = [e for e in s.employees if e.active_numbers()]
    assert len(active) >= 12
    assert all(" " in e.full_name for e in s.employees)  # surname and name, in Russian
    assert len(s.virtual_numbers) >= 4
    assert any(v.number[1:4] == "800" for v in s.virtual_numbers)
    assert len(s.tags) >= 4
    kinds = {t.mnemonic for t in s.talk_options}
    assert kinds == set(
        spec()["methods"]["list.talk_options"]["result"]["data"]["items"]["fields"]["mnemonic"][
            "enum"
        ]
    )
    assert any(e.coach_employee_id for e in s.employees)
    assert any(u.api_access is False for u in s.users)
    keys = {("blocked" if k.blocked else "expiring" if k.expires_at else "valid") for k in s.keys}
    assert keys == {"valid", "expiring", "blocked"}


def test_spec_example_ids_exist_in_the_demo():
    s = demo_scenario()
    assert s.media_file(4410) is not None  # hold.call example
    assert s.call_scenario(88012) is not None  # start.scenario_call example
    tag = s.tag(771)
    assert tag is not None
    assert tag.name == "Горячий клиент"
    assert s.employee_by_number("0215") is not None  # make.call example target
    assert s.talk_option("3") is not None
    assert s.talk_option("5") is not None


@pytest.mark.parametrize("name", builtin_names())
def test_every_builtin_loads(name):
    s = scenario_by_name(name)
    assert s.name == name
    assert describe(s)["scenario"] == name


def test_builtins_include_those_tests_need():
    assert {"demo", "busy_callee", "no_answer", "instant", "locked_down", "inactive"} <= set(
        builtin_names()
    )


def test_scenario_by_name_returns_independent_copies():
    a = scenario_by_name("demo")
    a.blacklist.append("79000000000")
    assert "79000000000" not in scenario_by_name("demo").blacklist


def test_unknown_builtin_name_lists_the_known_ones():
    with pytest.raises(ScenarioError, match=r"unknown scenario 'nope'; built-in scenarios: .*demo"):
        scenario_by_name("nope")


def test_describe_is_json_with_what_section_4_1_lists():
    d = json.loads(json.dumps(describe(demo_scenario()), ensure_ascii=False))
    for key in ("users", "employees", "virtual_numbers", "tags", "scenarios", "media_files"):
        assert d[key], key
    assert {"talk_options", "coaches", "keys"} <= set(d)
    assert d["users"][0] == {
        "login": "demo",
        "password": "demo",
        "employee_id": 3141,
        "virtual_phone_number": "74951112233",
        "api_access": True,
    }
    assert {"id", "full_name", "phone_numbers"} <= set(d["employees"][0])


# -- files -----------------------------------------------------------------------------------

TOML = """
name = "small"
ip_whitelist = ["10.0.0.1"]
blacklist = []
[timings]
ring_timeout_s = 10
[numbers."79001112233"]
behaviour = "busy"
[[users]]
login = "t"
password = "p"
employee_id = 3142
virtual_phone_number = "74950000001"
[[keys]]
key = "k"
login = "t"
expires_at = 2030-01-01T00:00:00Z
"""


def test_toml_file_overlays_the_demo(tmp_path):
    path = tmp_path / "small.toml"
    path.write_text(TOML, encoding="utf-8")
    s = load_scenario(path)
    assert s.name == "small"
    assert s.ip_whitelist == ["10.0.0.1"]
    assert [u.login for u in s.users] == ["t"]  # lists replace the base's
    assert s.timings.ring_timeout_s == 10
    assert s.timings.answer_delay_contact_s == 4  # tables overlay the base's
    assert s.numbers["79001112233"].behaviour == "busy"
    assert "79035550001" in s.numbers
    assert s.keys[0].expires_at is not None
    assert s.keys[0].expires_at.year == 2030
    assert s.tags == demo_scenario().tags  # absent keys keep the base's


def test_base_none_starts_from_nothing(tmp_path):
    path = tmp_path / "bare.toml"
    path.write_text('base = "none"\nname = "bare"', encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^users: required key is missing$"):
        load_scenario(path)


def test_replacing_employees_checks_what_refers_to_them(tmp_path):
    path = tmp_path / "emp.toml"
    path.write_text('[[employees]]\nid = 1\nfull_name = "Тестов Тест"\nphone_numbers = []')
    with pytest.raises(ScenarioError, match=r"^users\[0\].employee_id: no employee with id 3141$"):
        load_scenario(path)


def test_json_file_with_another_base(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"base": "busy_callee", "minute_limit": 3}), encoding="utf-8")
    s = load_scenario(path)
    assert (s.name, s.minute_limit) == ("x", 3)
    assert s.numbers["*"].behaviour == "busy"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('day_limit = "many"', "day_limit: expected an integer, got 'many'"),
        ("colour = 1", "colour: unknown key"),
        ("[[employees]]\nid = 5", "employees[0].full_name: required key is missing"),
        (
            '[[employees]]\nid = 5\nfull_name = "A"\nphone_numbers = [{number = 7}]',
            "employees[0].phone_numbers[0].number: expected a string, got 7",
        ),
        ('components = ["basic", "video"]', "components: must be one of"),
        ('[numbers."1"]\nbehaviour = "maybe"', "numbers.1.behaviour: must be one of"),
        (
            '[[talk_options]]\nbutton = "1"\nmnemonic = "fly"\nname = "x"',
            "talk_options[0].mnemonic",
        ),
        (
            '[[users]]\nlogin = "a"\npassword = "b"\nemployee_id = 99\nvirtual_phone_number = "7"',
            "users[0].employee_id: no employee with id 99",
        ),
        ('base = "nothing"', "base: unknown scenario 'nothing'"),
        ("[timings]\nring_timeout_s = -1", "timings.ring_timeout_s: expected a non-negative"),
        ('[security_rules]\nmobile = "maybe"', "security_rules.mobile: must be one of"),
        ('[[keys]]\nkey = "k"\nlogin = "ghost"', "keys[0].login: no user with login 'ghost'"),
        ('[[keys]]\nkey = "k"\nlogin = "demo"\nexpires_at = "soon"', "keys[0].expires_at"),
        ("name = ", "syntax error"),
    ],
)
def test_bad_file_gives_one_line_naming_the_key(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    text = str(info.value)
    assert message in text
    assert "\n" not in text


def test_missing_file_and_non_table_json(tmp_path):
    with pytest.raises(ScenarioError, match="cannot read scenario file"):
        load_scenario(tmp_path / "absent.toml")
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ScenarioError, match="top level must be a table"):
        load_scenario(path)


def test_behaviours_are_the_documented_four():
    assert BEHAVIOURS == ("answer", "busy", "no_answer", "reject")


@pytest.mark.parametrize(
    ("incoming", "message"),
    [
        ('at_s = 1\ncontact = "7"\nvirtual_phone_number = "1"', "incoming[0].virtual_phone_number"),
        ('at_s = 1\ncontact = "+7"\nvirtual_phone_number = "74951112233"', "incoming[0].contact"),
        (
            'at_s = 1\ncontact = "7"\nvirtual_phone_number = "74957770000"',
            "incoming[0].employee_id: no such employee and no scenario",
        ),
        (
            'at_s = 1\ncontact = "7"\nvirtual_phone_number = "74951112233"\nevery_s = 0',
            "incoming[0].every_s: must be positive",
        ),
    ],
)
def test_bad_scripted_incoming_call(tmp_path, incoming, message):
    path = tmp_path / "calls.toml"
    path.write_text(f"[[incoming]]\n{incoming}\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=re.escape(message)):
        load_scenario(path)
