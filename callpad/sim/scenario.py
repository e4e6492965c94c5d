"""The simulator's account data (a "scenario") and its loading from TOML or JSON.

Scenario file format (TOML shown; JSON uses the same keys and nesting). Every key is optional; a
missing key keeps the value of the built-in `base` scenario named by `base` (default "demo"), and a
list given in the file replaces that list whole::

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
    refuse_800_virtual_numbers = false
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
    coach_employee_id = 3142                # optional: coach add.coach calls without phone_number
    phone_numbers = [{number = "0107", kind = "sip", active = true}]
    [[virtual_numbers]]
    number = "74951112233"
    scenario_id = 501                       # optional: scenario attached to the number
    [[scenarios]]
    id = 501
    name = "Входящие: отдел продаж"
    employee_id = 3142                      # the employee the scenario reaches
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
    [[coaches]]                             # numbers add.coach may dial as phone_number
    phone_number = "0110"
    employee_id = 3144
    [contacts."79161234567"]                # how a dialled external number behaves
    behaviour = "answer"                    # answer | busy | no_answer | reject
    answer_delay_s = 2

Employees answer unless the employee has `behaviour = "busy"` (or another value above).
A `contacts."*"` entry sets the behaviour of every external number not listed.
"""

from __future__ import annotations

import copy
import json
import tomllib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
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
    expires_at: datetime | None
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
    behaviour: str = "answer"
    answer_delay_s: float | None = None


@dataclass(slots=True)
class VirtualNumber:
    """One of the account's virtual numbers."""

    number: str
    scenario_id: int | None = None


@dataclass(slots=True)
class CallScenario:
    """A call-processing scenario of the virtual PBX."""

    id: int
    name: str
    employee_id: int | None = None


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
class Coach:
    """A number add.coach may dial."""

    phone_number: str
    employee_id: int | None = None


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
    coaches: list[Coach] = field(default_factory=list)
    blacklist: list[str] = field(default_factory=list)
    security_rules: dict[str, str] = field(default_factory=_default_security)
    contacts: dict[str, ContactBehaviour] = field(default_factory=dict)
    timings: Timings = field(default_factory=Timings)
    refuse_800_virtual_numbers: bool = False

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

    def employee_by_number(self, number: str) -> Employee | None:
        for e in self.employees:
            if any(p.number == number for p in e.phone_numbers):
                return e
        return None


# ---------------------------------------------------------------------------------------------
# Built-in scenarios

DEMO_KEY: Final = "demo-permanent-key-0001-valid"
DEMO_KEY_EXPIRED: Final = "demo-permanent-key-0002-expired"
DEMO_KEY_BLOCKED: Final = "demo-permanent-key-0003-blocked"

_EMPLOYEES: Final = [
    (3141, "Иванов Пётр", "0107", "79161110107"),
    (3142, "Смирнова Анна", "0108", "79161110108"),
    (3143, "Кузнецов Дмитрий", "0109", "79161110109"),
    (3144, "Попова Елена", "0110", "79161110110"),
    (3145, "Васильев Алексей", "0111", "79161110111"),
    (3146, "Соколова Мария", "0112", "79161110112"),
    (3147, "Михайлов Сергей", "0113", "79161110113"),
    (3148, "Новикова Ольга", "0114", "79161110114"),
    (3149, "Фёдоров Андрей", "0115", "79161110115"),
    (3150, "Морозова Татьяна", "0116", "79161110116"),
    (3151, "Волков Николай", "0117", "79161110117"),
    (3152, "Лебедева Ирина", "0118", "79161110118"),
]


def demo_scenario() -> Scenario:
    """The built-in default account (SPEC section 4.1) with enough data for a good first demo."""
    employees = [
        Employee(
            id=eid,
            full_name=name,
            phone_numbers=[PhoneNumber(sip, "sip"), PhoneNumber(mobile, "mobile")],
            coach_employee_id=3144 if eid in (3141, 3142, 3143) else None,
        )
        for eid, name, sip, mobile in _EMPLOYEES
    ]
    # One employee with no active number, for no_active_phone_number.
    employees.append(
        Employee(
            id=3160,
            full_name="Зайцев Игорь",
            phone_numbers=[PhoneNumber("0130", "sip", active=False)],
        )
    )
    return Scenario(
        name="demo",
        users=[
            SimUser("demo", "demo", 3141, "74951112233"),
            SimUser("anna", "anna", 3142, "74951112234"),
            SimUser("noapi", "noapi", 3145, None, api_access=False),
        ],
        keys=[
            PermanentKey(DEMO_KEY, "demo", None),
            PermanentKey(DEMO_KEY_EXPIRED, "demo", datetime(2020, 1, 1, tzinfo=UTC)),
            PermanentKey(DEMO_KEY_BLOCKED, "demo", None, blocked=True),
        ],
        ip_whitelist=["127.0.0.1", "::1"],
        account_active=True,
        components=set(COMPONENTS),
        day_limit=10000,
        minute_limit=100,
        tts_max_length=1000,
        weights={},
        employees=employees,
        virtual_numbers=[
            VirtualNumber("74951112233", 501),
            VirtualNumber("74951112234", 502),
            VirtualNumber("78127654321", 503),
            VirtualNumber("78001234567", 501),
            VirtualNumber("74957770000", None),
        ],
        scenarios=[
            CallScenario(501, "Входящие: отдел продаж", 3142),
            CallScenario(502, "Поддержка клиентов", 3143),
            CallScenario(503, "Филиал Санкт-Петербург", 3146),
        ],
        media_files=[
            MediaFile(8001, "Приветствие компании", 6),
            MediaFile(8002, "Музыка ожидания", 30),
            MediaFile(8003, "Напоминание о встрече", 8),
        ],
        tags=[
            Tag(771, "Горячий клиент"),
            Tag(772, "Повторный звонок"),
            Tag(773, "Жалоба"),
            Tag(774, "Продажа"),
        ],
        talk_options=[
            TalkOption("1", "finish_conversation", "Завершить разговор"),
            TalkOption("2", "transfer_call", "Перевод"),
            TalkOption("3", "tag_call", "Проставить тег", 771),
            TalkOption("4", "run_scenario", "Запустить сценарий", 502),
            TalkOption("5", "record_talk", "Диктофон"),
            TalkOption("6", "call_coach", "Вызвать тренера"),
            TalkOption("7", "receive_fax", "Принять факс"),
            TalkOption("8", "save_numa", "Сохранить АОН в группу"),
        ],
        coaches=[Coach("0110", 3144), Coach("79161110110", 3144)],
        blacklist=["79990000666"],
        contacts={
            "79035550001": ContactBehaviour("busy"),
            "79035550002": ContactBehaviour("no_answer"),
            "79035550003": ContactBehaviour("reject", 2.0),
        },
    )


def _builtin(name: str) -> Scenario | None:
    demo = demo_scenario()
    if name == "demo":
        return demo
    if name == "busy_callee":
        # Every external contact is busy; employees answer.
        return replace(demo, name=name, contacts={"*": ContactBehaviour("busy")})
    if name == "no_answer":
        return replace(demo, name=name, contacts={"*": ContactBehaviour("no_answer")})
    if name == "employees_busy":
        emps = [replace(e, behaviour="busy") for e in demo.employees]
        return replace(demo, name=name, employees=emps)
    if name == "instant":
        # Everyone answers at once: handy for tests that do not care about ringing.
        t = Timings(0, 0, 0, 0)
        return replace(demo, name=name, timings=t)
    if name == "locked_down":
        return replace(demo, name=name, ip_whitelist=[])
    if name == "inactive":
        return replace(demo, name=name, account_active=False)
    if name == "basic_only":
        return replace(demo, name=name, components={"basic"})
    if name == "empty":
        return replace(
            demo,
            name=name,
            scenarios=[],
            media_files=[],
            tags=[],
            talk_options=[],
            coaches=[],
            blacklist=[],
            contacts={},
        )
    return None


BUILTIN_NAMES: Final = (
    "demo",
    "busy_callee",
    "no_answer",
    "employees_busy",
    "instant",
    "locked_down",
    "inactive",
    "basic_only",
    "empty",
)


def scenario_by_name(name: str) -> Scenario:
    """A built-in scenario by name; ScenarioError for an unknown name."""
    s = _builtin(name)
    if s is None:
        raise ScenarioError(
            f"unknown scenario {name!r}; built-in scenarios: {', '.join(BUILTIN_NAMES)}"
        )
    return s


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
            }
            for e in s.employees
        ],
        "virtual_numbers": [
            {"number": v.number, "scenario_id": v.scenario_id} for v in s.virtual_numbers
        ],
        "scenarios": [
            {"id": c.id, "name": c.name, "employee_id": c.employee_id} for c in s.scenarios
        ],
        "media_files": [{"id": m.id, "name": m.name} for m in s.media_files],
        "tags": [{"id": t.id, "name": t.name} for t in s.tags],
        "talk_options": [
            {"button": t.button, "mnemonic": t.mnemonic, "name": t.name, "object_id": t.object_id}
            for t in s.talk_options
        ],
        "coaches": [
            {"phone_number": c.phone_number, "employee_id": c.employee_id} for c in s.coaches
        ],
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
    }


def clone(s: Scenario) -> Scenario:
    """A deep copy (the engine mutates its blacklist)."""
    return copy.deepcopy(s)


__all__ = [
    "BEHAVIOURS",
    "COMPONENTS",
    "CallScenario",
    "Coach",
    "ContactBehaviour",
    "Employee",
    "MediaFile",
    "PermanentKey",
    "PhoneNumber",
    "Scenario",
    "ScenarioError",
    "SimUser",
    "Tag",
    "TalkOption",
    "Timings",
    "VirtualNumber",
    "clone",
    "demo_scenario",
    "describe",
    "load_scenario",
    "scenario_by_name",
]
