"""CallApiClient: one typed coroutine per Call API method over one keep-alive httpx client.

```python
async with CallApiClient(Provider.UIS, credentials=PasswordCredentials("agent", "secret")) as api:
    calls = await api.list_calls()
```

Arguments are keyword-only and named as the API's parameters; optional ones left as None are not
sent, except `direction`, which start methods always send (SPEC §14 #5). The retry policy of each
method is in `retry.py`; the request path (authentication, retries, metadata) in `caller.py`.
"""

from __future__ import annotations

from callpad.api.call_list import parse_calls
from callpad.api.caller import RpcCaller
from callpad.api.errors import (
    PhoneNumberError,
)
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
    PasswordCredentials,
    RecordAction,
    ScenarioId,
    SimpleFirstCall,
    StartedCall,
    TagId,
    TalkOption,
    VirtualPhoneUsageRule,
)
from callpad.api.phone import PhoneNumber
from callpad.api.replies import (
    parse_started,
    parse_talk_options,
)


def _full_number(number: PhoneNumber) -> PhoneNumber:
    """Parameters typed `phone` without the SIP/extension allowance must be full numbers."""
    if number.is_short:
        raise PhoneNumberError("short_not_allowed", number.digits)
    return number


class CallApiClient(RpcCaller):
    """The Call API client (implements `callpad.api.service.CallService`)."""

    # --- authentication ----------------------------------------------------------------------

    async def login_user(self, *, login: str, password: str) -> LoginResult:
        return await self._login(PasswordCredentials(login, password))

    async def logout_user(self) -> None:
        await self._logout()

    # --- starting calls ----------------------------------------------------------------------

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
    ) -> StartedCall:
        return await self._request(
            "start.employee_call",
            parse_started,
            first_call=first_call,
            virtual_phone_number=_full_number(virtual_phone_number),
            contact=contact,
            employee=employee,
            direction=direction,
            switch_at_once=switch_at_once,
            early_switching=early_switching,
            media_file_id=media_file_id,
            virtual_phone_usage_rule=virtual_phone_usage_rule,
            show_virtual_phone_number=show_virtual_phone_number,
            external_id=external_id,
            dtmf_string=dtmf_string,
            contact_message=contact_message,
            employee_message=employee_message,
        )

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
    ) -> StartedCall:
        return await self._request(
            "start.scenario_call",
            parse_started,
            first_call=first_call,
            virtual_phone_number=_full_number(virtual_phone_number),
            contact=contact,
            scenario_id=scenario_id,
            direction=direction,
            switch_at_once=switch_at_once,
            early_switching=early_switching,
            virtual_phone_usage_rule=virtual_phone_usage_rule,
            external_id=external_id,
            dtmf_string=dtmf_string,
            contact_message=contact_message,
            employee_message=employee_message,
        )

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
    ) -> StartedCall:
        return await self._request(
            "start.vnumber_call",
            parse_started,
            first_call=first_call,
            virtual_phone_number=_full_number(virtual_phone_number),
            contact=contact,
            direction=direction,
            switch_at_once=switch_at_once,
            early_switching=early_switching,
            virtual_phone_usage_rule=virtual_phone_usage_rule,
            external_id=external_id,
            dtmf_string=dtmf_string,
            contact_message=contact_message,
        )

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
    ) -> StartedCall:
        return await self._request(
            "start.informer_call",
            parse_started,
            virtual_phone_number=_full_number(virtual_phone_number),
            contact=contact,
            contact_message=contact_message,
            direction=direction,
            dialing_timeout=dialing_timeout,
            virtual_phone_usage_rule=virtual_phone_usage_rule,
            external_id=external_id,
            dtmf_string=dtmf_string,
        )

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
    ) -> StartedCall:
        return await self._request(
            "start.simple_call",
            parse_started,
            first_call=first_call,
            virtual_phone_number=_full_number(virtual_phone_number),
            contact=contact,
            operator=_full_number(operator),
            direction=direction,
            switch_at_once=switch_at_once,
            early_switching=early_switching,
            media_file_id=media_file_id,
            virtual_phone_usage_rule=virtual_phone_usage_rule,
            show_virtual_phone_number=show_virtual_phone_number,
            external_id=external_id,
            dtmf_string=dtmf_string,
            operator_confirmation=operator_confirmation,
            contact_message=contact_message,
            operator_message=operator_message,
        )

    # --- call control ----------------------------------------------------------------------

    async def make_call(
        self, *, call_session_id: CallSessionId, to: PhoneNumber, to_message: Message | None = None
    ) -> None:
        await self._control(
            "make.call", call_session_id=call_session_id, to=to, to_message=to_message
        )

    async def transfer_talk(self, *, call_session_id: CallSessionId) -> None:
        await self._control("transfer.talk", call_session_id=call_session_id)

    async def restore_talk(self, *, call_session_id: CallSessionId) -> None:
        await self._control("restore.talk", call_session_id=call_session_id)

    async def hold_call(self, *, call_session_id: CallSessionId, contact_message: Message) -> None:
        await self._control(
            "hold.call", call_session_id=call_session_id, contact_message=contact_message
        )

    async def unhold_call(self, *, call_session_id: CallSessionId) -> None:
        await self._control("unhold.call", call_session_id=call_session_id)

    async def tag_call(self, *, call_session_id: CallSessionId, tag_id: TagId) -> None:
        await self._control("tag.call", call_session_id=call_session_id, tag_id=tag_id)

    async def disconnect_leg(self, *, call_session_id: CallSessionId, leg_id: LegId) -> None:
        await self._control("disconnect.leg", call_session_id=call_session_id, leg_id=leg_id)

    async def add_coach(
        self, *, call_session_id: CallSessionId, phone_number: PhoneNumber | None = None
    ) -> None:
        await self._control("add.coach", call_session_id=call_session_id, phone_number=phone_number)

    async def record_call(self, *, call_session_id: CallSessionId, action: RecordAction) -> None:
        await self._control("record.call", call_session_id=call_session_id, action=action)

    async def block_contact(self, *, call_session_id: CallSessionId) -> None:
        await self._control("block.contact", call_session_id=call_session_id)

    async def call_talk_option(self, *, call_session_id: CallSessionId, button: str) -> None:
        await self._control("call.talk_option", call_session_id=call_session_id, button=button)

    async def send_dtmf(self, *, call_session_id: CallSessionId, dtmf_string: str) -> None:
        await self._control("send.dtmf", call_session_id=call_session_id, dtmf_string=dtmf_string)

    async def release_call(self, *, call_session_id: CallSessionId) -> None:
        await self._control("release.call", call_session_id=call_session_id)

    # --- reads -----------------------------------------------------------------------------

    async def list_talk_options(self) -> tuple[TalkOption, ...]:
        return await self._request("list.talk_options", parse_talk_options)

    async def list_calls(
        self,
        *,
        direction: Direction | None = None,
        virtual_phone_number: PhoneNumber | None = None,
    ) -> tuple[ActiveCall, ...]:
        return await self._request(
            "list.calls",
            parse_calls,
            direction=direction,
            virtual_phone_number=(
                None if virtual_phone_number is None else _full_number(virtual_phone_number)
            ),
        )
