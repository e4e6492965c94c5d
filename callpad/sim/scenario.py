"""The simulator's account data (a "scenario") and its loading from TOML or JSON.

Scenario file format (TOML shown; JSON uses the same keys and nesting). Every key is optional; a
missing key keeps the value of the built-in scenario named by `base` (default "demo"; "none" starts
from nothing), a list given in the file replaces that list whole, and a table (numbers, weights,
security_rules, timings) overlays the base's entries key by key. Built-ins live as such files in
callpad/sim/scenarios/ (demo.toml is the fullest example)::

    name = "my-test"            # shown by --describe
    base = "demo"               # built-in to start from ("demo", "empty", "busy_callee", ...)
    account_active = true       # false -> every method answers account_inactive
    components = ["basic", "call_management", "informer_call", "scenario_call"]
    ip_whitelist = ["127.0.0.1", "::1"]
    day_limit = 10000           # points per day (SPEC section 7)
    minute_limit = 100          # points per minute
    tts_max_length = 1000       # characters of a TTS message
    token_lifetime_s = 3600     # login.user session key lifetime
    deprecated_version = "3.0"  # also serve /v3.0 with metadata.api_version (omit: only /v4.0)
    refuse_800_virtual_numbers = false  # true restores the 2017 rule (800 numbers refused)
    success_style = "examples"  # "examples" | "string" | "boolean": the success flag (SPEC 14 #1)
    start_time_format = "documented"  # "documented" (2016-10-19 12:26:48) | "example" (...T...418)
    blacklist = ["79990000000"]
    [weights]                   # method -> points (default 1 each)
    "list.calls" = 1
    [security_rules]            # "allowed" | "forbidden" per direction (SPEC section 6)
    mobile = "allowed"
    long_distance = "allowed"
    international = "forbidden"
    [timings]                   # seconds on the simulator clock (methods.json defaults_simulator)
    answer_delay_employee_s = 3
    answer_delay_contact_s = 4
    answer_delay_consult_target_s = 3
    answer_delay_coach_s = 3
    ring_timeout_s = 30
    tts_chars_per_s = 12
    media_duration_s = 5
    dtmf_symbol_s = 0.3
    dtmf_pause_s = 1
    talk_option_delay_outgoing_s = 30
    busy_delay_s = 1
    ended_linger_s = 0                      # >0: ended sessions stay listed, legs 'Разъединено'
    [[users]]
    login = "demo"
    password = "demo"
    employee_id = 3141
    virtual_phone_number = "74951112233"   # the user's default number (may be omitted)
    api_access = true                      # false -> forbidden on every method
    [[keys]]                                # permanent API keys
    key = "..."
    login = "demo"
    expires_at = "2030-01-01T00:00:00Z"     # ISO 8601; omit for no expiry
    blocked = false
    [[employees]]
    id = 3141
    full_name = "Иванов Пётр"
    coach_employee_id = 3144                # optional: coach add.coach calls without phone_number
    record_all_calls = false                # true: always recorded; record.call off -> forbidden
    behaviour = "answer"                    # answer | busy | no_answer | reject (all its numbers)
    phone_numbers = [{number = "0107", kind = "sip", active = true}]   # rung in this order
    [[virtual_numbers]]
    number = "74951112233"
    scenario_id = 501                       # optional: scenario attached to the number
    [[scenarios]]
    id = 501
    name = "Входящие: отдел продаж"
    employee_id = 3142                      # required: the employee the scenario reaches
    [[media_files]]
    id = 8001
    name = "Приветствие"
    duration_s = 5                          # optional (default: timings.media_duration_s)
    [[tags]]
    id = 771
    name = "Горячий клиент"
    [[talk_options]]
    button = "3"
    mnemonic = "tag_call"                   # list.talk_options mnemonic
    name = "Проставить тег"
    object_id = 771                         # tag / scenario id behind button_value (optional)
    [numbers."79161234567"]                 # how one dialled number behaves (any number)
    behaviour = "answer"                    # answer | busy | no_answer | reject
    answer_delay_s = 2                      # optional: overrides the timings for this number
    [numbers."*"]                           # every external (non-employee) number not listed

    [[incoming]]                            # calls that arrive by themselves (SPEC 13.1 J4)
    at_s = 20                               # seconds after the simulator (or a reset) starts
    contact = "79857771122"
    virtual_phone_number = "74951112233"
    employee_id = 3141                      # optional: else the number's scenario routes it
    every_s = 180                           # optional: and again every 180 s

A dialled number's behaviour: its `numbers` entry, else its employee's `behaviour`, else (external
numbers) the `numbers."*"` entry, else "answer". busy fails after timings.busy_delay_s, reject
after the answer delay, no_answer at ring_timeout_s.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

COMPONENTS: Final = ("basic", "call_management", "informer_call", "scenario_call")
BEHAVIOURS: Final = ("answer", "busy", "no_answer", "reject")
TALK_OPTION_MNEMONICS: Final = (
    "finish_conversation",
    "tag_call",
    "record_talk",
    "transfer_call",
    "run_scenario",
    "call_coach",
    "receive_fax",
    "save_numa",
)
DIRECTIONS: Final = ("mobile", "long_distance", "international")


class ScenarioError(ValueError):
    """A scenario file or name is invalid; the message is one line and names the bad key."""


@dataclass(slots=True)
class SimUser:
    """A web-account user who may call the API."""

    login: str
    password: str
    employee_id: int
    virtual_phone_number: str | None
    api_access: bool = True


@dataclass(slots=True)
class PermanentKey:
    """A permanent API key ("Доступ по ключу")."""

    key: str
    login: str
    expires_at: datetime | None = None
    blocked: bool = False


@dataclass(slots=True)
class PhoneNumber:
    """One of an employee's phone numbers."""

    number: str
    kind: str = "sip"  # sip | mobile | landline
    active: bool = True


@dataclass(slots=True)
class Employee:
    """An employee of the virtual PBX."""

    id: int
    full_name: str
    phone_numbers: list[PhoneNumber]
    coach_employee_id: int | None = None
    record_all_calls: bool = False
    behaviour: str = "answer"
    answer_delay_s: float | None = None

    def active_numbers(self) -> list[str]:
        return [p.number for p in self.phone_numbers if p.active]


@dataclass(slots=True)
class VirtualNumber:
    """One of the account's virtual numbers."""

    number: str
    scenario_id: int | None = None


@dataclass(slots=True)
class CallScenario:
    """A call-processing scenario of the virtual PBX (it sends calls to one employee)."""

    id: int
    name: str
    employee_id: int


@dataclass(slots=True)
class MediaFile:
    """A media file (greeting, music)."""

    id: int
    name: str
    duration_s: float | None = None


@dataclass(slots=True)
class Tag:
    """A call tag."""

    id: int
    name: str


@dataclass(slots=True)
class TalkOption:
    """A talk option: a key an operator presses during a talk."""

    button: str
    mnemonic: str
    name: str
    object_id: int | None = None


@dataclass(slots=True)
class IncomingCall:
    """A scripted call from a customer to the PBX, `at_s` seconds after the start."""

    at_s: float
    contact: str
    virtual_phone_number: str
    employee_id: int | None = None
    every_s: float | None = None


@dataclass(slots=True)
class ContactBehaviour:
    """How a dialled number behaves: answers, is busy, never answers, rejects."""

    behaviour: str = "answer"
    answer_delay_s: float | None = None


@dataclass(slots=True)
class Timings:
    """Delays on the simulator clock (methods.json defaults_simulator)."""

    answer_delay_employee_s: float = 3.0
    answer_delay_contact_s: float = 4.0
    answer_delay_consult_target_s: float = 3.0
    answer_delay_coach_s: float = 3.0
    ring_timeout_s: float = 30.0
    tts_chars_per_s: float = 12.0
    media_duration_s: float = 5.0
    dtmf_symbol_s: float = 0.3
    dtmf_pause_s: float = 1.0
    talk_option_delay_outgoing_s: float = 30.0
    busy_delay_s: float = 1.0
    ended_linger_s: float = 0.0  # methods.json ended_states_linger_seconds


def _default_security() -> dict[str, str]:
    return {"mobile": "allowed", "long_distance": "allowed", "international": "forbidden"}


@dataclass(slots=True)
class Scenario:
    """The whole account the simulator serves."""

    name: str
    users: list[SimUser]
    keys: list[PermanentKey]
    ip_whitelist: list[str]
    account_active: bool
    components: set[str]
    day_limit: int
    minute_limit: int
    tts_max_length: int
    weights: dict[str, int]
    token_lifetime_s: int = 3600
    deprecated_version: str | None = None
    employees: list[Employee] = field(default_factory=list)
    virtual_numbers: list[VirtualNumber] = field(default_factory=list)
    scenarios: list[CallScenario] = field(default_factory=list)
    media_files: list[MediaFile] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    talk_options: list[TalkOption] = field(default_factory=list)
    blacklist: list[str] = field(default_factory=list)
    security_rules: dict[str, str] = field(default_factory=_default_security)
    numbers: dict[str, ContactBehaviour] = field(default_factory=dict)
    timings: Timings = field(default_factory=Timings)
    incoming: list[IncomingCall] = field(default_factory=list)
    refuse_800_virtual_numbers: bool = False
    success_style: str = "examples"
    start_time_format: str = "documented"

    # -- look-ups used by the engine ------------------------------------------------------------
    def user(self, login: str) -> SimUser | None:
        return next((u for u in self.users if u.login == login), None)

    def employee(self, employee_id: int) -> Employee | None:
        return next((e for e in self.employees if e.id == employee_id), None)

    def virtual_number(self, number: str) -> VirtualNumber | None:
        return next((v for v in self.virtual_numbers if v.number == number), None)

    def call_scenario(self, scenario_id: int) -> CallScenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def media_file(self, media_id: int) -> MediaFile | None:
        return next((m for m in self.media_files if m.id == media_id), None)

    def tag(self, tag_id: int) -> Tag | None:
        return next((t for t in self.tags if t.id == tag_id), None)

    def talk_option(self, button: str) -> TalkOption | None:
        return next((t for t in self.talk_options if t.button == button), None)

    def route(self, virtual_phone_number: str, employee_id: int | None) -> Employee | None:
        """The employee an incoming call reaches: the given one, else the number's scenario's."""
        if employee_id is None:
            number = self.virtual_number(virtual_phone_number)
            scn = self.call_scenario(number.scenario_id) if number and number.scenario_id else None
            employee_id = scn.employee_id if scn else None
        return self.employee(employee_id) if employee_id is not None else None

    def employee_by_number(self, number: str) -> Employee | None:
        for e in self.employees:
            if any(p.number == number for p in e.phone_numbers):
                return e
        return None


# ---------------------------------------------------------------------------------------------
# Built-in scenarios: data files in callpad/sim/scenarios/<name>.toml (package data)


def builtin_names() -> list[str]:
    """Names of the built-in scenarios ("demo", "busy_callee", ...)."""
    folder = resources.files("callpad.sim").joinpath("scenarios")
    return sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def _builtin(name: str) -> Scenario:
    folder = resources.files("callpad.sim").joinpath("scenarios")
    entry = folder.joinpath(f"{name}.toml")
    if not name.replace("_", "").isalnum() or not entry.is_file():
        raise ScenarioError(
            f"unknown scenario {name!r}; built-in scenarios: {', '.join(builtin_names())}"
        )
    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    return scenario_from_mapping(data, default_name=name)


def scenario_by_name(name: str) -> Scenario:
    """A fresh copy of a built-in scenario; ScenarioError for an unknown name."""
    return copy.deepcopy(_builtin(name))


def demo_scenario() -> Scenario:
    """The built-in default account (SPEC section 4.1), with enough data for a good first demo."""
    return scenario_by_name("demo")


# ---------------------------------------------------------------------------------------------
# Loading


def load_scenario(path: Path) -> Scenario:
    """Read a TOML (`.toml`) or JSON (anything else) scenario file; ScenarioError if it is bad."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(f"cannot read scenario file {path}: {exc.strerror or exc}") from None
    try:
        if path.suffix.lower() == ".toml":
            data: Any = tomllib.loads(raw.decode("utf-8"))
        else:
            data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ScenarioError(f"scenario file {path} is not UTF-8") from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ScenarioError(f"scenario file {path}: syntax error: {msg}") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"scenario file {path}: the top level must be a table/object")
    return scenario_from_mapping(data, default_name=path.stem)


def scenario_from_mapping(data: dict[str, Any], *, default_name: str = "custom") -> Scenario:
    """Build a scenario from parsed data (the file format above)."""
    from callpad.sim.scenario_parse import parse  # local: keeps this module small

    return parse(data, default_name=default_name)


def describe(s: Scenario) -> dict[str, Any]:
    """The account as JSON-ready data (what `--describe` prints, SPEC section 4.1)."""
    return {
        "scenario": s.name,
        "users": [
            {
                "login": u.login,
                "password": u.password,
                "employee_id": u.employee_id,
                "virtual_phone_number": u.virtual_phone_number,
                "api_access": u.api_access,
            }
            for u in s.users
        ],
        "keys": [
            {
                "key": k.key,
                "login": k.login,
                "expires_at": k.expires_at.isoformat() if k.expires_at else None,
                "blocked": k.blocked,
            }
            for k in s.keys
        ],
        "employees": [
            {
                "id": e.id,
                "full_name": e.full_name,
                "phone_numbers": [
                    {"number": p.number, "kind": p.kind, "active": p.active}
                    for p in e.phone_numbers
                ],
                "coach_employee_id": e.coach_employee_id,
                "record_all_calls": e.record_all_calls,
                "behaviour": e.behaviour,
            }
            for e in s.employees
        ],
        "virtual_numbers": [
            {"number": v.number, "scenario_id": v.scenario_id} for v in s.virtual_numbers
        ],
        "scenarios": [
            {"id": c.id, "name": c.name, "employee_id": c.employee_id} for c in s.scenarios
        ],
        "media_files": [
            {"id": m.id, "name": m.name, "duration_s": m.duration_s} for m in s.media_files
        ],
        "tags": [{"id": t.id, "name": t.name} for t in s.tags],
        "talk_options": [
            {"button": t.button, "mnemonic": t.mnemonic, "name": t.name, "object_id": t.object_id}
            for t in s.talk_options
        ],
        "coaches": [
            {"employee_id": e.id, "coach_employee_id": e.coach_employee_id}
            for e in s.employees
            if e.coach_employee_id is not None
        ],
        "numbers": {
            n: {"behaviour": b.behaviour, "answer_delay_s": b.answer_delay_s}
            for n, b in s.numbers.items()
        },
        "incoming": [dataclasses.asdict(call) for call in s.incoming],
        "blacklist": list(s.blacklist),
        "ip_whitelist": list(s.ip_whitelist),
        "components": sorted(s.components),
        "limits": {
            "day_limit": s.day_limit,
            "minute_limit": s.minute_limit,
            "tts_max_length": s.tts_max_length,
        },
        "security_rules": dict(s.security_rules),
        "deprecated_version": s.deprecated_version,
        "refuse_800_virtual_numbers": s.refuse_800_virtual_numbers,
        "success_style": s.success_style,
        "start_time_format": s.start_time_format,
        "timings": dataclasses.asdict(s.timings),
    }


def clone(s: Scenario) -> Scenario:
    """A deep copy (the engine mutates its blacklist)."""
    return copy.deepcopy(s)
