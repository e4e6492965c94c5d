"""Call flows through the viewmodels against the simulator over HTTP (dial, hold, consult, ...)."""

from callpad.viewmodels.call_phase import CallPhase
from callpad.viewmodels.calls_model import CallRole
from tests.gui.vm_desk import Desk
from tests.qt_async import until

CONTACT = "+7 (916) 123-45-67"
COLLEAGUE = "0215"  # Смирнова Анна's SIP number in the demo account


async def talking_call(desk: Desk) -> int:
    """Log in, dial CONTACT through the dialer and wait until both sides talk."""
    await desk.login()
    desk.dialer.set_text(CONTACT)
    assert desk.dialer.preview == "+7 916 123-45-67"
    assert desk.dialer.dial()
    await until(lambda: not desk.dialer.dialing)
    await desk.poll()
    sid = desk.only_call()
    assert desk.model.phase(sid) is CallPhase.SESSION
    await desk.advance(10)  # employee answers at 3 s, the contact 4 s later
    assert desk.model.phase(sid) is CallPhase.TALK
    desk.actions.select_call(sid)
    return sid


async def test_dial_hold_consult_transfer(desk):
    sid = await talking_call(desk)
    assert desk.actions.can_hold
    assert not desk.actions.can_transfer

    assert desk.actions.hold()
    await desk.idle()
    assert desk.model.phase(sid) is CallPhase.ON_HOLD
    assert desk.actions.can_consult
    assert desk.actions.can_unhold
    assert not desk.actions.can_hold

    assert desk.actions.consult(COLLEAGUE)
    await desk.idle()
    assert desk.model.phase(sid) is CallPhase.DIALING
    assert desk.actions.can_transfer
    assert desk.actions.can_restore
    await desk.advance(5)  # the colleague answers
    assert desk.model.phase(sid) is CallPhase.OPERATOR_TALK

    assert desk.actions.transfer()
    await desk.idle()
    assert desk.model.phase(sid) is CallPhase.TALK
    legs = desk.model.call(sid).legs
    assert [leg.employee_id for leg in legs if leg.is_operator] == [3142]
    assert desk.actions.result.startswith("Done")
    assert desk.errors == []


async def test_consult_then_return_to_customer(desk):
    sid = await talking_call(desk)
    desk.actions.hold()
    await desk.idle()
    desk.actions.consult(COLLEAGUE)
    await desk.idle()
    # A warm transfer can be abandoned while the consult is still ringing...
    assert desk.model.phase(sid) is CallPhase.DIALING
    assert desk.actions.can_restore
    assert desk.actions.restore()
    await desk.idle()
    assert desk.model.phase(sid) is CallPhase.TALK
    # ... and while consulting.
    desk.actions.hold()
    await desk.idle()
    desk.actions.consult(COLLEAGUE)
    await desk.idle()
    await desk.advance(5)
    assert desk.model.phase(sid) is CallPhase.OPERATOR_TALK
    assert desk.actions.restore()
    await desk.idle()
    assert desk.model.phase(sid) is CallPhase.TALK
    assert len(desk.requests("restore.talk")) == 2
    assert desk.errors == []


async def test_release_ends_the_call(desk):
    sid = await talking_call(desk)
    assert desk.actions.release()
    await desk.idle()
    await until(lambda: desk.model.rowCount() == 0)
    assert desk.actions.selected_session_id == -1
    assert not desk.actions.can_release
    assert [r["params"]["call_session_id"] for r in desk.requests("release.call")] == [sid]


async def test_disconnect_selected_leg(desk):
    sid = await talking_call(desk)
    assert not desk.actions.can_disconnect_leg  # no leg selected yet
    customer = next(
        leg.leg_id for leg in desk.model.call(sid).legs if desk.model.party(sid, leg.leg_id) == "A"
    )
    desk.actions.select_leg(customer)
    assert desk.actions.can_disconnect_leg
    assert desk.actions.disconnect_leg()
    await desk.idle()
    await until(lambda: desk.model.rowCount() == 0)  # disconnecting (A) ends the session
    assert desk.requests("disconnect.leg")[0]["params"]["leg_id"] == customer


async def test_tag_recording_and_coach(desk):
    sid = await talking_call(desk)
    index = desk.model.index_of_call(sid)
    assert desk.actions.tag(771)
    await desk.idle()
    assert desk.model.data(index, CallRole.TAG_IDS) == [771]
    assert (771, "Горячий клиент") in desk.actions.known_tags

    assert desk.actions.can_record_on
    assert not desk.actions.can_record_off
    assert desk.actions.set_recording(True)
    await desk.idle()
    assert desk.model.data(index, CallRole.RECORDING) is True
    assert desk.actions.recording
    assert desk.actions.can_record_off
    assert desk.actions.toggle_recording()
    await desk.idle()
    assert desk.model.data(index, CallRole.RECORDING) is False

    assert desk.actions.add_coach()
    await desk.idle()
    assert desk.model.phase(sid) is CallPhase.CALL_COACH
    assert not desk.actions.can_hold  # no hold while the coach is dialled (SPEC 13.0 point 5)
    await desk.advance(5)
    assert desk.model.phase(sid) is CallPhase.TALK
    assert len(desk.model.call(sid).legs) == 3
    assert desk.errors == []


async def test_dtmf_symbols_are_sent_one_by_one_in_order(desk):
    await talking_call(desk)
    for symbol in "12#":
        assert desk.actions.send_dtmf(symbol)
    assert not desk.actions.send_dtmf("12")  # one symbol at a time
    assert not desk.actions.send_dtmf("a")
    await desk.idle()
    assert [r["params"]["dtmf_string"] for r in desk.requests("send.dtmf")] == ["1", "2", "#"]
    assert desk.errors == []


async def test_block_contact_needs_confirmation(desk):
    await talking_call(desk)
    asked: list[str] = []
    desk.actions.confirmation_needed.connect(asked.append)
    assert not desk.actions.block_contact()
    assert asked == ["block"]
    assert desk.requests("block.contact") == []
    assert desk.actions.block_contact(confirmed=True)
    await desk.idle()
    assert len(desk.requests("block.contact")) == 1
    assert desk.errors == []
