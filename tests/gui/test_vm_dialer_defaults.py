"""The dialer starts from, and resets to, the settings' default start method and its options.

Through the real DialerViewModel against the simulator: what Enter sends is read back from the
simulator's request log (method name and params).
"""

from typing import Any

import pytest

from callpad.config.schema import (
    DialSettings,
    Direction,
    FirstCall,
    Message,
    MessageType,
    StartMethod,
)
from callpad.viewmodels.dial_options import DialOptions, MessageKind, options_from_settings
from tests.gui.test_vm_dialer import make_dialer, started
from tests.qt_async import until

TTS = MessageType.TTS
MEDIA = MessageType.MEDIA


@pytest.mark.parametrize(
    ("dial", "employee_phone", "typed", "api_method", "expected"),
    [
        (
            DialSettings(
                first_call=FirstCall.CONTACT, switch_at_once=True,
                show_virtual_phone_number=False, direction=Direction.IN, media_file_id=4410,
                contact_message=Message(TTS, "Здравствуйте"),
                employee_message=Message(MEDIA, "2561"), dtmf_string="1.2",
            ),
            "0107",
            {},
            "start.employee_call",
            {"employee": {"id": 3141, "phone_number": "0107"}, "first_call": "contact",
             "switch_at_once": True, "show_virtual_phone_number": False, "direction": "in",
             "media_file_id": 4410, "dtmf_string": "1.2",
             "contact_message": {"type": "tts", "value": "Здравствуйте"},
             "employee_message": {"type": "media", "value": "2561"}},
        ),
        (
            DialSettings(start_method=StartMethod.SCENARIO, scenario_id=88012,
                         switch_at_once=True, early_switching=True),
            "",
            {},
            "start.scenario_call",
            {"scenario_id": 88012, "first_call": "employee", "switch_at_once": True,
             "early_switching": True, "direction": "out"},
        ),
        (
            DialSettings(start_method=StartMethod.VNUMBER, first_call=FirstCall.CONTACT,
                         contact_message=Message(MEDIA, "2561")),
            "",
            {},
            "start.vnumber_call",
            {"first_call": "contact", "contact_message": {"type": "media", "value": "2561"}},
        ),
        (
            DialSettings(start_method=StartMethod.INFORMER, dialing_timeout=45,
                         contact_message=Message(TTS, "Напоминаем о встрече")),
            "",
            {},
            "start.informer_call",
            {"dialing_timeout": 45,
             "contact_message": {"type": "tts", "value": "Напоминаем о встрече"}},
        ),
        (
            # Settings hold no operator: the agent types it; the rest comes from the defaults.
            DialSettings(start_method=StartMethod.SIMPLE, switch_at_once=True,
                         direction=Direction.IN, dtmf_string="55#"),
            "",
            {"operator": "+7 916 111-01-07"},
            "start.simple_call",
            {"operator": "79161110107", "first_call": "operator", "switch_at_once": True,
             "direction": "in", "dtmf_string": "55#"},
        ),
    ],
)  # fmt: skip
async def test_enter_uses_the_saved_default_method_and_options(
    service, runner, sim_server, dial, employee_phone, typed, api_method, expected
):
    defaults = options_from_settings(dial, employee_phone=employee_phone)
    dialer = make_dialer(service, runner, defaults=defaults)
    assert dialer.method == dial.start_method.value
    assert dialer.options == defaults
    for name, value in typed.items():
        dialer.set_option(name, value)
    assert dialer.option_errors == {}
    assert dialer.dial_number("+79161234567")
    await until(lambda: not dialer.dialing)
    [request] = started(sim_server)
    assert request["method"] == api_method
    for key, value in expected.items():
        assert request["params"][key] == value, key


def test_the_mapping_keeps_values_as_typed_and_unset_ones_empty():
    assert options_from_settings(DialSettings()) == DialOptions()
    options = options_from_settings(
        DialSettings(dialing_timeout=300, contact_message=Message(TTS, ""), direction=None)
    )
    assert options.dialing_timeout == "300"  # validate() says what the server would refuse
    assert options.contact_message.kind is MessageKind.TTS
    assert options.direction == "out"
    assert options.scenario_id == options.media_file_id == ""


async def test_reset_returns_to_the_settings_defaults(service, runner, sim_server):
    defaults = options_from_settings(
        DialSettings(start_method=StartMethod.SCENARIO, scenario_id=88012)
    )
    dialer = make_dialer(service, runner, defaults=defaults)
    methods: list[str] = []
    dialer.method_changed.connect(methods.append)
    dialer.set_method("employee")
    dialer.set_option("dtmf_string", "9")
    dialer.reset_options()
    assert dialer.options == defaults
    assert methods == ["employee", "scenario"]
    assert dialer.dial_number("+79161234567")
    await until(lambda: not dialer.dialing)
    assert [r["method"] for r in started(sim_server)] == ["start.scenario_call"]


def informer_defaults() -> DialOptions:
    message = Message(TTS, "Напоминаем о встрече")
    return options_from_settings(
        DialSettings(start_method=StartMethod.INFORMER, contact_message=message)
    )


async def test_new_defaults_apply_at_once_to_untouched_options(service, runner, sim_server):
    dialer = make_dialer(service, runner)
    seen: list[Any] = []
    dialer.method_changed.connect(seen.append)
    dialer.set_defaults(informer_defaults())
    assert seen == ["informer"]
    assert dialer.options == informer_defaults()
    dialer.set_defaults(informer_defaults())  # the same again: no signal
    assert seen == ["informer"]
    assert dialer.dial_number("+79161234567")
    await until(lambda: not dialer.dialing)
    [request] = started(sim_server)
    assert request["method"] == "start.informer_call"
    assert request["params"]["contact_message"]["value"] == "Напоминаем о встрече"


async def test_new_defaults_keep_options_the_agent_changed_until_reset(service, runner):
    dialer = make_dialer(service, runner)
    dialer.set_method("vnumber")
    dialer.set_option("external_id", "crm-7")
    dialer.set_defaults(informer_defaults())
    assert (dialer.method, dialer.options.external_id) == ("vnumber", "crm-7")  # nothing lost
    dialer.reset_options()
    assert dialer.options == informer_defaults()
