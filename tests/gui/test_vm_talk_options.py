# mypy: disable-error-code="unreachable"
# (viewmodel properties change while the test awaits; mypy narrows them as if they could not)
"""TalkOptionsViewModel and the state rules of the actions: each option kind, wrong states."""

import pytest

from callpad.api.models import LegState
from callpad.viewmodels.call_phase import CallAction, CallPhase
from callpad.viewmodels.talk_options import TalkOptionRole
from tests.gui.test_vm_call_flow import COLLEAGUE, talking_call
from tests.qt_async import until


async def test_options_load_after_login_with_their_roles(desk):
    await desk.login()
    await until(lambda: desk.talk.count == 8)
    model = desk.talk.model
    first = model.index(2)
    assert model.data(first, TalkOptionRole.MNEMONIC) == "tag_call"
    assert model.data(first, TalkOptionRole.BUTTON) == "3"
    assert model.data(first, TalkOptionRole.VALUE) == "Горячий клиент"
    assert model.data(first, TalkOptionRole.VALUE_ID) == 771
    assert model.data(first) == "Проставить тег: Горячий клиент (3)"
    assert model.data(first, TalkOptionRole.KIND_TEXT) == "Set tag"
    # Tag options feed the tag picker.
    assert (771, "Горячий клиент") in desk.actions.known_tags
    # A refresh with the same options changes no rows.
    inserted: list[int] = []
    model.rowsInserted.connect(lambda *_: inserted.append(1))
    assert desk.talk.refresh()
    await until(lambda: not desk.talk.loading)
    assert inserted == []
    # Logging out empties the panel.
    desk.session.logout()
    await until(lambda: desk.talk.count == 0)


@pytest.mark.parametrize(
    "mnemonic",
    ["finish_conversation", "transfer_call", "tag_call", "run_scenario", "record_talk",
     "call_coach", "receive_fax", "save_numa"],
)  # fmt: skip
async def test_each_talk_option_kind(desk, mnemonic):
    sid = await talking_call(desk)
    await until(lambda: desk.talk.count == 8)
    option = next(o for o in desk.talk.model.options() if o.mnemonic.value == mnemonic)
    assert desk.talk.can_invoke
    assert desk.talk.invoke(option.button)
    await desk.idle()
    requests = desk.requests("call.talk_option")
    assert [r["params"]["button"] for r in requests] == [option.button]
    assert requests[0]["outcome"] == "ok"
    call = desk.model.call(sid)
    match mnemonic:
        case "finish_conversation":
            assert call is None
        case "transfer_call":
            assert desk.model.phase(sid) is CallPhase.ON_HOLD
            assert desk.actions.can_consult
        case "tag_call":
            assert [t.tag_id for t in call.tags] == [771]
        case "record_talk":
            assert desk.actions.recording
        case "call_coach":
            assert desk.model.phase(sid) is CallPhase.CALL_COACH
        case "receive_fax":
            assert LegState.RECEIVING_FAX in {leg.state for leg in call.legs}
        case _:
            assert desk.model.phase(sid) is CallPhase.TALK
    assert desk.errors == []


async def test_actions_are_disabled_in_the_wrong_state(desk):
    await desk.login()
    assert not any(desk.actions.can(a) for a in CallAction)  # no call selected
    desk.dialer.dial_number("+79161234567")
    await desk.idle()
    await desk.poll()
    sid = desk.only_call()
    desk.actions.select_call(sid)
    assert desk.model.phase(sid) is CallPhase.SESSION  # still ringing
    for action in (CallAction.HOLD, CallAction.UNHOLD, CallAction.CONSULT, CallAction.TRANSFER,
                   CallAction.RESTORE, CallAction.TALK_OPTION):  # fmt: skip
        assert not desk.actions.can(action), action
    assert desk.actions.can_release
    assert not desk.talk.can_invoke
    # A refused command sends nothing and says why.
    assert not desk.actions.hold()
    assert not desk.talk.invoke("3")
    assert "Not possible now" in desk.actions.result
    assert desk.requests("hold.call") == []
    assert desk.requests("call.talk_option") == []

    await desk.advance(10)
    assert desk.model.phase(sid) is CallPhase.TALK
    assert desk.actions.can_hold
    assert not desk.actions.can_unhold
    assert not desk.actions.can_transfer
    desk.actions.hold()
    await desk.idle()
    assert not desk.actions.can_hold
    assert not desk.actions.can_talk_option
    assert not desk.actions.can_transfer  # consult first
    desk.actions.consult(COLLEAGUE)
    await desk.idle()
    assert not desk.actions.can_consult  # one consultation at a time
    assert not desk.actions.can_unhold  # during a consultation: restore, not unhold


async def test_a_command_in_flight_disables_its_button_and_is_not_resent(desk):
    sid = await talking_call(desk)
    busy: list[bool] = []
    desk.actions.busy_changed.connect(busy.append)
    assert desk.actions.hold()
    assert desk.actions.busy
    assert desk.actions.busy_action == "hold"
    assert not desk.actions.can_hold
    assert not desk.actions.hold()  # the repeated press
    assert not desk.actions.release()  # another move of the same call waits too
    await desk.idle()
    assert busy == [True, False]
    assert len(desk.requests("hold.call")) == 1
    assert desk.requests("release.call") == []
    assert desk.model.phase(sid) is CallPhase.ON_HOLD
