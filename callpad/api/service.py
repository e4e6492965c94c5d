"""CallService: the Call API client as viewmodels see it (no httpx behind this import).

`callpad.api.client.CallApiClient` implements it; tests and viewmodels may use any other
implementation. Every coroutine raises only `callpad.api.errors.CallApiError` subclasses. A start or
call-control coroutine that may have reached the server without a reply raises `OutcomeUnknownError`
and is never resent by the client.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from callpad.api.models import (
    ActiveCall,
    CallSessionId,
    Direction,
    EmployeeRef,
    FirstCall,
    LegId,
    LoginResult,
    MediaFileId,
    Message,
    PermanentKey,
    RecordAction,
    ReplyMetadata,
    ScenarioId,
    SimpleFirstCall,
    StartedCall,
    TagId,
    TalkOption,
    VirtualPhoneUsageRule,
)
from callpad.api.phone import PhoneNumber

MetadataListener = Callable[[ReplyMetadata], None]


class CallService(Protocol):
    """One coroutine per Call API method, keyword-only, typed; plus auth state and metadata."""

    # --- state ---------------------------------------------------------------------------

    @property
    def is_authenticated(self) -> bool:
        """True once a session key or a permanent key is in use."""
        ...

    @property
    def token_expires_at(self) -> datetime | None:
        """When the session key expires (None for a permanent key or when logged out)."""
        ...

    @property
    def metadata(self) -> ReplyMetadata | None:
        """The metadata of the latest reply that carried any (limits, api_version)."""
        ...

    def add_metadata_listener(self, listener: MetadataListener) -> Callable[[], None]:
        """Call `listener` with each reply's metadata; returns a function that unsubscribes."""
        ...

    # --- authentication ------------------------------------------------------------------

    async def login_user(self, *, login: str, password: str) -> LoginResult:
        """login.user; the client keeps the token (memory only) and renews it before expiry."""
        ...

    def use_permanent_key(self, key: PermanentKey) -> None:
        """Authenticate every later request with a permanent key (no login, no renewal)."""
        ...

    async def logout_user(self) -> None:
        """logout.user; forgets the token either way."""
        ...

    # --- starting calls --------------------------------------------------------------------

    async def start_employee_call(
        self,
        *,
        first_call: FirstCall,
        virtual_phone_number: PhoneNumber,
        contact: PhoneNumber,
        employee: EmployeeRef,
        direction: Direction = Direction.OUT,
        switch_at_once: bool | None = None,
        early_switching: bool | None = None,
        media_file_id: MediaFileId | None = None,
        virtual_phone_usage_rule: VirtualPhoneUsageRule | None = None,
        show_virtual_phone_number: bool | None = None,
        external_id: str | None = None,
        dtmf_string: str | None = None,
        contact_message: Message | None = None,
        employee_message: Message | None = None,
    ) -> StartedCall: ...

    async def start_scenario_call(
        self,
        *,
        first_call: FirstCall,
        virtual_phone_number: PhoneNumber,
        contact: PhoneNumber,
        scenario_id: ScenarioId,
        direction: Direction = Direction.OUT,
        switch_at_once: bool | None = None,
        early_switching: bool | None = None,
        virtual_phone_usage_rule: VirtualPhoneUsageRule | None = None,
        external_id: str | None = None,
        dtmf_string: str | None = None,
        contact_message: Message | None = None,
        employee_message: Message | None = None,
    ) -> StartedCall: ...

    async def start_vnumber_call(
        self,
        *,
        first_call: FirstCall,
        virtual_phone_number: PhoneNumber,
        contact: PhoneNumber,
        direction: Direction = Direction.OUT,
        switch_at_once: bool | None = None,
        early_switching: bool | None = None,
        virtual_phone_usage_rule: VirtualPhoneUsageRule | None = None,
        external_id: str | None = None,
        dtmf_string: str | None = None,
        contact_message: Message | None = None,
    ) -> StartedCall: ...

    async def start_informer_call(
        self,
        *,
        virtual_phone_number: PhoneNumber,
        contact: PhoneNumber,
        contact_message: Message,
        direction: Direction = Direction.OUT,
        dialing_timeout: int | None = None,
        virtual_phone_usage_rule: VirtualPhoneUsageRule | None = None,
        external_id: str | None = None,
        dtmf_string: str | None = None,
    ) -> StartedCall: ...

    async def start_simple_call(
        self,
        *,
        first_call: SimpleFirstCall,
        virtual_phone_number: PhoneNumber,
        contact: PhoneNumber,
        operator: PhoneNumber,
        direction: Direction = Direction.OUT,
        switch_at_once: bool | None = None,
        early_switching: bool | None = None,
        media_file_id: MediaFileId | None = None,
        virtual_phone_usage_rule: VirtualPhoneUsageRule | None = None,
        show_virtual_phone_number: bool | None = None,
        external_id: str | None = None,
        dtmf_string: str | None = None,
        operator_confirmation: str | None = None,
        contact_message: Message | None = None,
        operator_message: Message | None = None,
    ) -> StartedCall: ...

    # --- call control ----------------------------------------------------------------------

    async def make_call(
        self, *, call_session_id: CallSessionId, to: PhoneNumber, to_message: Message | None = None
    ) -> None: ...

    async def transfer_talk(self, *, call_session_id: CallSessionId) -> None: ...

    async def restore_talk(self, *, call_session_id: CallSessionId) -> None: ...

    async def hold_call(
        self, *, call_session_id: CallSessionId, contact_message: Message
    ) -> None: ...

    async def unhold_call(self, *, call_session_id: CallSessionId) -> None: ...

    async def tag_call(self, *, call_session_id: CallSessionId, tag_id: TagId) -> None: ...

    async def disconnect_leg(self, *, call_session_id: CallSessionId, leg_id: LegId) -> None: ...

    async def add_coach(
        self, *, call_session_id: CallSessionId, phone_number: PhoneNumber | None = None
    ) -> None: ...

    async def record_call(
        self, *, call_session_id: CallSessionId, action: RecordAction
    ) -> None: ...

    async def block_contact(self, *, call_session_id: CallSessionId) -> None: ...

    async def call_talk_option(self, *, call_session_id: CallSessionId, button: str) -> None: ...

    async def send_dtmf(self, *, call_session_id: CallSessionId, dtmf_string: str) -> None: ...

    async def release_call(self, *, call_session_id: CallSessionId) -> None: ...

    # --- reads -----------------------------------------------------------------------------

    async def list_talk_options(self) -> tuple[TalkOption, ...]: ...

    async def list_calls(
        self,
        *,
        direction: Direction | None = None,
        virtual_phone_number: PhoneNumber | None = None,
    ) -> tuple[ActiveCall, ...]: ...
