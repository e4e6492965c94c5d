"""Settings: a versioned tree of frozen dataclasses with defaults and per-field constraints.

Secrets never live here: only the login and which kind of credential is remembered. Per-field
limits sit in each field's metadata (`min`, `max`, `pattern`, `max_len`, `max_items`); the codec
enforces them when a file is read and the settings dialog uses the same checks while the agent
types. Cross-field rules are in `cross_field_problems` in `callpad.config.codec`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

SCHEMA_VERSION = 1
RECENT_NUMBERS_LIMIT = 50

DIGITS = r"[0-9]{1,15}"
DTMF = r"[0-9*#.]+"
REGION = r"[A-Z]{2}"
API_VERSION = r"v[0-9]+\.[0-9]+"


def limits(**kwargs: Any) -> Mapping[str, Any]:
    """Field metadata for the codec: min, max, pattern, max_len, max_items, phone_region."""
    return MappingProxyType(kwargs)


class Provider(StrEnum):
    """Call API hosts callpad knows by name (SPEC section 2); CUSTOM uses `custom_url`."""

    UIS = "uis"
    COMAGIC = "comagic"
    NOVOFON = "novofon"
    CALLGEAR = "callgear"
    CUSTOM = "custom"


PROVIDER_HOSTS: Mapping[Provider, str] = MappingProxyType(
    {
        Provider.UIS: "https://callapi.uiscom.ru",
        Provider.COMAGIC: "https://callapi.comagic.ru",
        Provider.NOVOFON: "https://callapi-jsonrpc.novofon.ru",
        Provider.CALLGEAR: "https://callapi.callgear.com",
    }
)


class AuthKind(StrEnum):
    """Login with login + password, or with a permanent API key."""

    PASSWORD = "password"  # noqa: S105 - a kind of credential, not one
    KEY = "key"


class StartMethod(StrEnum):
    """The start.* method the dialer uses by default."""

    EMPLOYEE = "employee"
    SIMPLE = "simple"
    SCENARIO = "scenario"
    VNUMBER = "vnumber"
    INFORMER = "informer"


class FirstCall(StrEnum):
    """Which side start.employee_call dials first."""

    EMPLOYEE = "employee"
    CONTACT = "contact"


class Direction(StrEnum):
    """Direction recorded for a started call."""

    IN = "in"
    OUT = "out"


class MessageType(StrEnum):
    """A media file id or text for speech synthesis."""

    MEDIA = "media"
    TTS = "tts"


class Language(StrEnum):
    """UI language: follow the system, or a fixed one."""

    SYSTEM = "system"
    RU = "ru"
    EN = "en"


class Theme(StrEnum):
    """Palette: follow the system color scheme, or a fixed one."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class NotificationKind(StrEnum):
    """Kinds of desktop notification, each switchable."""

    INCOMING_CALL = "incoming_call"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Message:
    """A message played to a party: a media file id (digits) or TTS text."""

    type: MessageType = MessageType.TTS
    value: str = field(default="", metadata=limits(max_len=1000))


@dataclass(frozen=True, slots=True)
class AccountSettings:
    """Which server and which account; the password or key lives in callpad.config.secrets."""

    provider: Provider = Provider.UIS
    custom_url: str = field(default="", metadata=limits(max_len=300))
    api_version: str = field(default="v4.0", metadata=limits(pattern=API_VERSION))
    login: str = field(default="", metadata=limits(max_len=200))
    auth_kind: AuthKind = AuthKind.PASSWORD
    remember: bool = False

    def base_url(self) -> str:
        """The Call API endpoint, e.g. https://callapi.uiscom.ru/v4.0."""
        host = (
            self.custom_url if self.provider is Provider.CUSTOM else PROVIDER_HOSTS[self.provider]
        )
        return f"{host.rstrip('/')}/{self.api_version}"


@dataclass(frozen=True, slots=True)
class AgentSettings:
    """Who the agent is: employee id and the phone to ring, the default caller id."""

    employee_id: int | None = field(default=None, metadata=limits(min=1))
    employee_phone: str = field(default="", metadata=limits(pattern=DIGITS))
    default_virtual_number: str = field(default="", metadata=limits(pattern=DIGITS))


@dataclass(frozen=True, slots=True)
class DialSettings:
    """How the dialer starts calls, parses numbers and remembers them."""

    start_method: StartMethod = StartMethod.EMPLOYEE
    first_call: FirstCall = FirstCall.EMPLOYEE
    switch_at_once: bool = False
    early_switching: bool = False
    show_virtual_phone_number: bool = True
    direction: Direction | None = None
    dialing_timeout: int | None = field(default=None, metadata=limits(min=1, max=120))
    scenario_id: int | None = field(default=None, metadata=limits(min=1))
    media_file_id: int | None = field(default=None, metadata=limits(min=1))
    contact_message: Message | None = None
    employee_message: Message | None = None
    dtmf_string: str = field(default="", metadata=limits(pattern=DTMF, max_len=100))
    default_region: str = field(default="RU", metadata=limits(pattern=REGION, phone_region=True))
    dial_links_at_once: bool = True
    recent_numbers: tuple[str, ...] = field(
        default=(), metadata=limits(pattern=DIGITS, max_items=RECENT_NUMBERS_LIMIT)
    )

    def with_recent(self, number: str) -> DialSettings:
        """Put `number` first in the recent list, without duplicates, bounded."""
        rest = tuple(n for n in self.recent_numbers if n != number)
        return replace(self, recent_numbers=(number, *rest)[:RECENT_NUMBERS_LIMIT])


@dataclass(frozen=True, slots=True)
class CallSettings:
    """Call-control defaults."""

    hold_message: Message = Message(MessageType.TTS, "Пожалуйста, оставайтесь на линии.")


@dataclass(frozen=True, slots=True)
class PollSettings:
    """list.calls intervals in seconds: a call of mine active, window focused, idle."""

    active_s: float = field(default=1.0, metadata=limits(min=0.5, max=60.0))
    focused_s: float = field(default=3.0, metadata=limits(min=0.5, max=300.0))
    idle_s: float = field(default=15.0, metadata=limits(min=1.0, max=600.0))


@dataclass(frozen=True, slots=True)
class AppearanceSettings:
    """Language and palette."""

    language: Language = Language.SYSTEM
    theme: Theme = Theme.SYSTEM


@dataclass(frozen=True, slots=True)
class NotificationSettings:
    """Which desktop notifications are shown."""

    incoming_call: bool = True
    error: bool = True

    def enabled(self, kind: NotificationKind) -> bool:
        return bool(getattr(self, kind.value))


@dataclass(frozen=True, slots=True)
class ScreenPopSettings:
    """Open a URL (e.g. a CRM search) when a new call of mine appears; `{contact}` is replaced."""

    enabled: bool = False
    url_template: str = field(default="", metadata=limits(max_len=2000))


@dataclass(frozen=True, slots=True)
class DesktopSettings:
    """Being a good citizen of the desktop."""

    autostart: bool = False
    close_to_tray: bool = True
    start_minimized: bool = False


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything callpad remembers except secrets.

    `shortcuts` maps action id -> its key sequences (QKeySequence PortableText, primary first; an
    empty tuple = unbound) and holds only the agent's overrides of callpad.ui.shortcuts' defaults
    (the shape `ActionTable(overrides=...)` takes).
    """

    schema_version: int = SCHEMA_VERSION
    account: AccountSettings = AccountSettings()
    agent: AgentSettings = AgentSettings()
    dial: DialSettings = DialSettings()
    calls: CallSettings = CallSettings()
    poll: PollSettings = PollSettings()
    shortcuts: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    appearance: AppearanceSettings = AppearanceSettings()
    notifications: NotificationSettings = NotificationSettings()
    screen_pop: ScreenPopSettings = ScreenPopSettings()
    desktop: DesktopSettings = DesktopSettings()

    def with_recent_number(self, number: str) -> Settings:
        return replace(self, dial=self.dial.with_recent(number))

    def with_shortcuts(self, shortcuts: Mapping[str, Sequence[str]]) -> Settings:
        frozen = {action: tuple(keys) for action, keys in shortcuts.items()}
        return replace(self, shortcuts=MappingProxyType(frozen))
