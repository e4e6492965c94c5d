# mypy: disable-error-code="unreachable"
# (viewmodel properties change while the test awaits; mypy narrows them as if they could not)
"""DialerViewModel: preview, inline validation, dialing once, recent numbers, advanced starts."""

from typing import Any

import pytest

from callpad.api.models import Message
from callpad.api.service import CallService
from callpad.config.schema import StartMethod
from callpad.sim.server import SimServer
from callpad.viewmodels.dial_options import DialOptions, MessageKind, MessageOption
from callpad.viewmodels.dial_options import validate as validate_options
from callpad.viewmodels.dialer import DialerViewModel
from callpad.viewmodels.task_runner import TaskRunner
from tests.gui.vm_desk import DEMO_VIRTUAL_NUMBER, ListStore
from tests.qt_async import until


def make_dialer(service: CallService, runner: TaskRunner, **kwargs: Any) -> DialerViewModel:
    kwargs.setdefault("employee_id", 3141)
    kwargs.setdefault("default_virtual_number", DEMO_VIRTUAL_NUMBER)
    kwargs.setdefault("lang", "en")
    return DialerViewModel(service, runner, **kwargs)


def started(sim: SimServer) -> list[dict[str, Any]]:
    return [r for r in sim.controller.requests() if r["method"].startswith("start.")]


async def test_preview_and_inline_validation_keep_what_was_typed(service, runner):
    dialer = make_dialer(service, runner)
    previews: list[str] = []
    dialer.preview_changed.connect(previews.append)
    dialer.set_text("8 (916) 123-45-67")
    assert dialer.preview == "+7 916 123-45-67"
    assert dialer.validation_error == ""
    assert dialer.can_dial
    dialer.set_text("8 (916) 123-45-67 call me")
    assert dialer.preview == ""
    assert dialer.validation_error  # a sentence, in English here
    assert not dialer.can_dial
    assert dialer.text == "8 (916) 123-45-67 call me"  # nothing typed is lost
    dialer.set_text("8 (916) 123-45-67 call me")  # no change -> no signal
    assert previews == ["+7 916 123-45-67", ""]
    assert not dialer.dial()


async def test_double_dial_sends_one_request(service, runner, sim_server):
    dialer = make_dialer(service, runner)
    dialer.set_text("+79161234567")
    dialing: list[bool] = []
    dialer.dialing_changed.connect(dialing.append)
    assert dialer.dial()
    assert not dialer.dial()  # Enter pressed again while the first is in flight
    assert not dialer.dial_number("+79161234567")
    await until(lambda: not dialer.dialing)
    assert dialing == [True, False]
    [request] = started(sim_server)
    assert request["method"] == "start.employee_call"
    assert request["params"]["contact"] == "79161234567"
    assert request["params"]["employee"] == {"id": 3141}
    assert request["params"]["virtual_phone_number"] == DEMO_VIRTUAL_NUMBER


async def test_recent_numbers_are_remembered_newest_first(service, runner):
    store = ListStore(["79990001122"])
    dialer = make_dialer(service, runner, recent_store=store, max_recent=2)
    assert dialer.recent_numbers == ["79990001122"]
    for number in ("+79161234567", "+79161230000", "+79161234567"):
        assert dialer.dial_number(number)
        await until(lambda: not dialer.dialing)
    assert dialer.recent_numbers == ["79161234567", "79161230000"]
    assert store.numbers == dialer.recent_numbers
    assert dialer.recent_model.stringList() == dialer.recent_numbers
    assert dialer.redial()
    await until(lambda: not dialer.dialing)
    assert dialer.text == "79161234567"


async def test_dial_without_my_employee_says_what_to_set(service, runner, sim_server):
    dialer = make_dialer(service, runner, employee_id=None)
    dialer.set_text("+79161234567")
    assert not dialer.dial()
    assert "employee" in dialer.validation_error
    assert started(sim_server) == []


async def test_server_refusal_reaches_the_error_channel_and_keeps_the_text(
    service, runner, sim_server
):
    dialer = make_dialer(service, runner)
    failures: list[str] = []
    reports: list[object] = []
    dialer.dial_failed.connect(failures.append)
    runner.failed.connect(reports.append)
    assert dialer.dial_number("+7 999 000-06-66")  # on the demo blacklist
    await until(lambda: not dialer.dialing and reports)
    assert len(failures) == 1
    assert len(reports) == 1
    assert dialer.text == "+7 999 000-06-66"
    assert dialer.recent_numbers == []


@pytest.mark.parametrize(
    ("method", "options", "api_method", "expected"),
    [
        (
            "employee",
            {
                "employee_phone_number": "0107",
                "first_call": "contact",
                "switch_at_once": True,
                "early_switching": False,
                "show_virtual_phone_number": False,
                "contact_message": ("tts", "Здравствуйте"),
                "employee_message": ("media", "2561"),
                "media_file_id": "4410",
                "dtmf_string": "1.2",
                "external_id": "crm-1",
                "direction": "in",
            },
            "start.employee_call",
            {
                "employee": {"id": 3141, "phone_number": "0107"},
                "first_call": "contact",
                "switch_at_once": True,
                "show_virtual_phone_number": False,
                "contact_message": {"type": "tts", "value": "Здравствуйте"},
                "employee_message": {"type": "media", "value": "2561"},
                "media_file_id": 4410,
                "dtmf_string": "1.2",
                "external_id": "crm-1",
                "direction": "in",
            },
        ),
        (
            "scenario",
            {"scenario_id": "88012", "first_call": "employee", "switch_at_once": True,
             "early_switching": True},
            "start.scenario_call",
            {"scenario_id": 88012, "first_call": "employee", "early_switching": True},
        ),
        (
            "vnumber",
            {"first_call": "contact", "contact_message": ("media", "2561")},
            "start.vnumber_call",
            {"first_call": "contact", "contact_message": {"type": "media", "value": "2561"}},
        ),
        (
            "informer",
            {"contact_message": ("tts", "Напоминаем о встрече"), "dialing_timeout": "45"},
            "start.informer_call",
            {"dialing_timeout": 45,
             "contact_message": {"type": "tts", "value": "Напоминаем о встрече"}},
        ),
        (
            "simple",
            {"operator": "+7 916 111-01-07", "operator_confirmation": "any",
             "operator_message": ("tts", "Клиент ждёт")},
            "start.simple_call",
            {"operator": "79161110107", "first_call": "operator", "operator_confirmation": "any"},
        ),
    ],
)  # fmt: skip
async def test_advanced_start_methods_send_their_options(
    service, runner, sim_server, method, options, api_method, expected
):
    dialer = make_dialer(service, runner)
    dialer.set_method(method)
    for name, value in options.items():
        dialer.set_option(name, value)
    assert dialer.option_errors == {}
    assert dialer.dial_number("+79161234567")
    await until(lambda: not dialer.dialing)
    [request] = started(sim_server)
    assert request["method"] == api_method
    params = request["params"]
    for key, value in expected.items():
        assert params[key] == value, key
    assert sim_server.controller.state()["sessions"], "the simulator started the call"


def test_local_validation_mirrors_the_spec_rules():
    def check(lang: str = "en", **changes: object) -> dict[str, str]:
        options = DialOptions()
        for name, value in changes.items():
            options = options.with_value(name, value)
        return validate_options(options, default_virtual_number="74951112233", lang=lang)

    assert check() == {}
    assert set(check(early_switching=True)) == {"early_switching"}  # needs employee + at once
    assert check(early_switching=True, switch_at_once=True) == {}
    assert set(check(dtmf_string="12a")) == {"dtmf_string"}
    assert set(check(media_file_id="0")) == {"media_file_id"}
    assert set(check(contact_message=("tts", ""))) == {"contact_message"}
    assert set(check(contact_message=("tts", "x" * 1001))) == {"contact_message"}
    assert set(check(method="scenario")) == {"scenario_id"}
    assert set(check(method="informer")) == {"contact_message"}
    assert set(check(method="informer", contact_message=("media", "1"), dialing_timeout="121")) == {
        "dialing_timeout"
    }
    assert set(check(method="simple")) == {"operator"}
    assert set(check(method="simple", operator="0107")) == {"operator"}  # no internal numbers
    assert set(check(method="simple", operator="79161110107", operator_confirmation="12")) == {
        "operator_confirmation"
    }
    assert set(check(virtual_phone_number="12 not a number")) == {"virtual_phone_number"}
    # Options of other methods are ignored: scenario_id does not matter for an employee call.
    assert check(scenario_id="abc") == {}
    assert "Обязательное" in check(lang="ru", method="scenario")["scenario_id"]
    assert MessageOption(MessageKind.MEDIA, " 12 ").to_message() == Message.media(12)
    assert StartMethod("vnumber") is StartMethod.VNUMBER


async def test_option_errors_block_dialing_and_are_signalled(service, runner, sim_server):
    dialer = make_dialer(service, runner)
    seen: list[dict[str, str]] = []
    dialer.option_errors_changed.connect(seen.append)
    dialer.set_text("+79161234567")
    assert dialer.can_dial
    dialer.set_option("dtmf_string", "12a")
    assert not dialer.can_dial
    assert list(seen[-1]) == ["dtmf_string"]
    assert not dialer.dial()
    dialer.reset_options()
    assert dialer.can_dial
    assert started(sim_server) == []
