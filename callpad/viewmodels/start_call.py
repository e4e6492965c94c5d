"""start_call(): one dial of the dialer as the start.* request its options choose.

The default is start.employee_call for my employee (my phone rings first, then the contact); the
other start methods take the options that apply to them (`dial_options.FIELDS`). Options were
validated by `dial_options.validate()` before; numbers are parsed again here into PhoneNumber.
"""

from __future__ import annotations

from callpad.api.models import (
    Direction,
    EmployeeId,
    EmployeeRef,
    FirstCall,
    MediaFileId,
    ScenarioId,
    SimpleFirstCall,
    StartedCall,
)
from callpad.api.phone import PhoneNumber, parse_phone
from callpad.api.service import CallService
from callpad.config.schema import StartMethod
from callpad.viewmodels.dial_options import DialOptions, parse_optional_phone


async def start_call(
    svc: CallService,
    contact: PhoneNumber,
    o: DialOptions,
    *,
    employee_id: int | None,
    default_virtual_number: str,
    region: str,
) -> StartedCall:
    """Start a call to `contact` with the start method and options of `o`."""
    vn = parse_phone(o.virtual_phone_number or default_virtual_number, region=region)
    direction = Direction(o.direction)
    external_id = o.external_id or None
    dtmf = o.dtmf_string or None
    contact_message = o.contact_message.to_message()
    switch = o.switch_at_once or None
    early = o.early_switching or None
    media = MediaFileId(int(o.media_file_id)) if o.media_file_id.strip() else None
    show = None if o.show_virtual_phone_number else False
    match o.method:
        case StartMethod.EMPLOYEE:
            assert employee_id is not None  # noqa: S101  # checked by the dialer
            phone = parse_optional_phone(o.employee_phone_number, region=region, allow_short=True)
            return await svc.start_employee_call(
                first_call=FirstCall(o.first_call),
                virtual_phone_number=vn,
                contact=contact,
                employee=EmployeeRef(EmployeeId(employee_id), phone),
                direction=direction,
                switch_at_once=switch,
                early_switching=early,
                media_file_id=media,
                show_virtual_phone_number=show,
                external_id=external_id,
                dtmf_string=dtmf,
                contact_message=contact_message,
                employee_message=o.employee_message.to_message(),
            )
        case StartMethod.SCENARIO:
            return await svc.start_scenario_call(
                first_call=FirstCall(o.first_call),
                virtual_phone_number=vn,
                contact=contact,
                scenario_id=ScenarioId(int(o.scenario_id)),
                direction=direction,
                switch_at_once=switch,
                early_switching=early,
                external_id=external_id,
                dtmf_string=dtmf,
                contact_message=contact_message,
                employee_message=o.employee_message.to_message(),
            )
        case StartMethod.VNUMBER:
            return await svc.start_vnumber_call(
                first_call=FirstCall(o.first_call),
                virtual_phone_number=vn,
                contact=contact,
                direction=direction,
                switch_at_once=switch,
                early_switching=early,
                external_id=external_id,
                dtmf_string=dtmf,
                contact_message=contact_message,
            )
        case StartMethod.INFORMER:
            assert contact_message is not None  # noqa: S101  # checked by validate()
            timeout = int(o.dialing_timeout) if o.dialing_timeout.strip() else None
            return await svc.start_informer_call(
                virtual_phone_number=vn,
                contact=contact,
                contact_message=contact_message,
                direction=direction,
                dialing_timeout=timeout,
                external_id=external_id,
                dtmf_string=dtmf,
            )
        case StartMethod.SIMPLE:
            first = (
                SimpleFirstCall.OPERATOR if o.first_call == "employee" else SimpleFirstCall.CONTACT
            )
            return await svc.start_simple_call(
                first_call=first,
                virtual_phone_number=vn,
                contact=contact,
                operator=parse_phone(o.operator, region=region, allow_short=False),
                direction=direction,
                switch_at_once=switch,
                early_switching=early,
                media_file_id=media,
                show_virtual_phone_number=show,
                external_id=external_id,
                dtmf_string=dtmf,
                operator_confirmation=o.operator_confirmation or None,
                contact_message=contact_message,
                operator_message=o.operator_message.to_message(),
            )
