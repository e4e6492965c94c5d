# mypy: disable-error-code="unreachable"
# (viewmodel properties change while the test awaits; mypy narrows them as if they could not)
"""CallsModel: row-level diffs (never a reset), derived roles, my-calls filter, incoming flag."""

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from callpad.api.models import (
    ActiveCall,
    CallSessionId,
    Direction,
    EmployeeId,
    Leg,
    LegId,
    LegState,
    Tag,
    TagId,
)
from callpad.clock import ManualClock
from callpad.viewmodels.call_phase import CallPhase
from callpad.viewmodels.calls_model import CallColumn, CallRole, CallsFilterProxy, CallsModel
from tests.qt_async import until

ME = 3141
CLOCK = ManualClock()


def leg(
    leg_id: int,
    state: LegState = LegState.TALK,
    *,
    employee: int | None = None,
    operator: bool = False,
    number: str = "79161234567",
) -> Leg:
    return Leg(
        leg_id=LegId(leg_id),
        calling_phone_number="74951112233",
        called_phone_number=number,
        is_operator=operator,
        employee_id=None if employee is None else EmployeeId(employee),
        employee_full_name=None if employee is None else f"Employee {employee}",
        record_call_enabled=False,
        state=state,
    )


def call(
    sid: int,
    *legs: Leg,
    contact: str = "79161234567",
    direction: Direction = Direction.OUT,
    age: int = 30,
) -> ActiveCall:
    return ActiveCall(
        call_session_id=CallSessionId(sid),
        direction=direction,
        start_time=CLOCK.wall() - timedelta(seconds=age),
        virtual_phone_number="74951112233",
        contact_phone_number=contact,
        external_id=None,
        tags=(),
        legs=legs,
    )


def talking(sid: int, employee: int = ME, contact: str = "79161234567") -> ActiveCall:
    return call(
        sid,
        leg(sid * 10 + 1, employee=employee, operator=True, number="0107"),
        leg(sid * 10 + 2, number=contact),
        contact=contact,
    )


class Recorder:
    def __init__(self, model: CallsModel) -> None:
        self.events: list[tuple[object, ...]] = []
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.layoutChanged.connect(lambda *a: self.events.append(("layout",)))
        model.rowsInserted.connect(lambda p, a, b: self.events.append(("ins", p.isValid(), a, b)))
        model.rowsRemoved.connect(lambda p, a, b: self.events.append(("rem", p.isValid(), a, b)))
        model.dataChanged.connect(
            lambda tl, br, roles=(): self.events.append(("chg", tl.parent().isValid(), tl.row()))
        )


def test_apply_diffs_rows_and_never_resets():
    model = CallsModel(CLOCK, my_employee_id=ME, lang="en")
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rec = Recorder(model)
    a, b, c = talking(1), talking(2, employee=3142), talking(3)
    model.apply([a, b, c])
    assert rec.events == [("ins", False, 0, 2)]  # new calls arrive as one block
    selected = QPersistentModelIndex(model.index_of_call(3))
    expanded_leg = QPersistentModelIndex(model.index_of_leg(3, 32))

    rec.events.clear()
    model.apply([a, b, c])  # an identical poll changes nothing
    assert rec.events == []

    # b ends, c's contact goes on hold, a new call d arrives.
    held = replace(c, legs=(c.legs[0], replace(c.legs[1], state=LegState.ON_HOLD)))
    d = talking(4)
    model.apply([a, held, d])
    assert ("reset",) not in rec.events
    assert ("layout",) not in rec.events
    assert ("rem", False, 1, 1) in rec.events
    assert ("chg", True, 1) in rec.events  # c's leg row changed
    assert ("chg", False, 1) in rec.events  # c's call row (now row 1) changed
    assert ("ins", False, 2, 2) in rec.events
    assert model.session_ids() == [1, 3, 4]
    # The selection and the expanded leg follow their rows.
    assert selected.isValid()
    assert selected.row() == 1
    assert expanded_leg.data(CallRole.LEG_STATE) == "На удержании"
    assert model.phase(3) is CallPhase.ON_HOLD

    # A new leg (consult target) and a leg that leaves.
    consult = leg(33, LegState.DIALING, employee=3142, number="0215")
    dialing = replace(held, legs=(*held.legs, consult))
    rec.events.clear()
    model.apply([a, dialing, d])
    assert rec.events[0] == ("ins", True, 2, 2)
    assert model.phase(3) is CallPhase.DIALING
    assert model.index_of_leg(3, 33).data(CallRole.PARTY) == "C"
    back = replace(dialing, legs=(dialing.legs[0], replace(dialing.legs[1], state=LegState.TALK)))
    model.apply([a, back, d])
    assert model.rowCount(model.index_of_call(3)) == 2
    assert model.phase(3) is CallPhase.TALK
    model.apply([])
    assert model.rowCount() == 0
    assert not selected.isValid()
    del tester


def test_roles_and_columns_of_calls_and_legs():
    model = CallsModel(CLOCK, my_employee_id=ME, lang="ru")
    tagged = replace(talking(7), tags=(Tag(TagId(771), "Горячий клиент"),), external_id="crm-7")
    tagged = replace(
        tagged, legs=(tagged.legs[0], replace(tagged.legs[1], record_call_enabled=True))
    )
    model.apply([tagged])
    row = model.index_of_call(7)

    def cell(col: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(0, col).data(role)

    assert cell(CallColumn.DIRECTION) == "Исходящий"
    assert cell(CallColumn.CONTACT) == "79161234567"
    assert cell(CallColumn.STATE) == "Разговор"
    assert cell(CallColumn.DURATION) == "0:30"
    assert cell(CallColumn.TAGS) == "Горячий клиент"
    assert cell(CallColumn.RECORDING) == "Запись"
    assert cell(CallColumn.CONTACT, Qt.ItemDataRole.ToolTipRole) == "crm-7"
    assert row.data(CallRole.KIND) == "call"
    assert row.data(CallRole.SESSION_ID) == 7
    assert row.data(CallRole.DIRECTION) == "out"
    assert row.data(CallRole.TAGS) == ["Горячий клиент"]
    assert row.data(CallRole.TAG_IDS) == [771]
    assert row.data(CallRole.RECORDING) is True
    assert row.data(CallRole.PHASE) == "TALK"
    assert row.data(CallRole.IS_MINE) is True
    assert row.data(CallRole.INCOMING_FOR_ME) is False
    assert row.data(CallRole.EXTERNAL_ID) == "crm-7"
    assert row.data(CallRole.DURATION) == 30
    operator = model.index(0, CallColumn.DIRECTION, row)
    assert operator.data() == "Оператор · Employee 3141"
    assert operator.data(CallRole.PARTY) == "B"
    assert operator.data(CallRole.EMPLOYEE_NAME) == "Employee 3141"
    assert operator.data(CallRole.IS_OPERATOR) is True
    assert operator.data(CallRole.LEG_STATE_TEXT) == "Разговор"
    customer = model.index(1, CallColumn.CONTACT, row)
    assert customer.data() == "79161234567"
    assert customer.data(CallRole.PARTY) == "A"
    assert model.roleNames()[int(CallRole.INCOMING_FOR_ME)].data() == b"incoming_for_me"
    assert model.headerData(CallColumn.DURATION, Qt.Orientation.Horizontal) == "Длительность"


def test_every_header_holds_for_leg_rows_too():
    """Leg rows put nothing under a call-only header; the operator flag is a tooltip + role."""
    model = CallsModel(CLOCK, my_employee_id=ME, lang="en")
    model.apply([talking(7)])
    row = model.index_of_call(7)
    header = {c: model.headerData(c, Qt.Orientation.Horizontal) for c in CallColumn}
    assert header[CallColumn.DIRECTION] == "Call / participant"
    assert header[CallColumn.CONTACT] == "Number"
    operator, customer = (model.index(i, 0, row) for i in range(2))
    assert operator.data(CallRole.IS_OPERATOR) is True
    for leg in (operator, customer):
        for column in (CallColumn.VIRTUAL_NUMBER, CallColumn.DURATION, CallColumn.TAGS):
            assert model.index(leg.row(), column, row).data() == ""
    assert model.index(0, CallColumn.CONTACT, row).data() == "0107"
    assert operator.data(Qt.ItemDataRole.ToolTipRole) == "The call's operator"
    assert customer.data(Qt.ItemDataRole.ToolTipRole) is None
    assert customer.data() == "Customer"


def test_each_row_has_one_accessible_sentence():
    """Screen readers read a whole row from column 0 (AGENT-DESKTOPS section 4)."""
    model = CallsModel(CLOCK, my_employee_id=ME, lang="en")
    tagged = replace(talking(7), tags=(Tag(TagId(771), "Hot lead"),))
    tagged = replace(
        tagged, legs=(tagged.legs[0], replace(tagged.legs[1], record_call_enabled=True))
    )
    model.apply([tagged])
    row = model.index_of_call(7)
    sentence = row.data(Qt.ItemDataRole.AccessibleTextRole)
    assert sentence == (
        "Outgoing call, +7 916 123-45-67, line +7 495 111-22-33, Talking, duration 0:30,"
        " tags: Hot lead, recording."
    )
    assert model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole) == "+7 916 123-45-67"
    assert model.index(0, CallColumn.STATE).data(Qt.ItemDataRole.AccessibleTextRole) is None
    operator = model.index(0, 0, row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert operator == "Agent · Employee 3141, number 0107, Conversation, operator."
    customer = model.index(1, 0, row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert customer == "Customer, number +7 916 123-45-67, Conversation, recording."
    ru = CallsModel(CLOCK, my_employee_id=ME, lang="ru")
    ru.apply([tagged])
    assert (
        ru.index_of_call(7)
        .data(Qt.ItemDataRole.AccessibleTextRole)
        .startswith("Исходящий звонок, +7 916 123-45-67, линия ")
    )


def test_duration_ticks_locally():
    clock = ManualClock()
    model = CallsModel(clock, my_employee_id=ME)
    model.apply([replace(talking(1), start_time=clock.wall())])
    changes: list[int] = []
    model.dataChanged.connect(lambda tl, br, roles=(): changes.append(tl.column()))
    clock.advance(65)
    model.tick()
    assert changes == [CallColumn.DURATION]
    assert model.index(0, CallColumn.DURATION).data() == "1:05"
    clock.advance(3600)
    assert model.index(0, CallColumn.DURATION).data() == "1:01:05"


def test_my_calls_filter():
    model = CallsModel(CLOCK, my_employee_id=ME)
    proxy = CallsFilterProxy(model)
    model.apply([talking(1), talking(2, employee=3142), talking(3)])
    assert proxy.rowCount() == 3
    seen: list[bool] = []
    proxy.mine_only_changed.connect(seen.append)
    proxy.set_mine_only(True)
    assert [proxy.index(r, 0).data(CallRole.SESSION_ID) for r in range(proxy.rowCount())] == [1, 3]
    assert proxy.rowCount(proxy.index(0, 0)) == 2  # legs follow their call
    model.apply([talking(1), talking(2, employee=ME), talking(3)])  # call 2 becomes mine
    assert proxy.rowCount() == 3
    model.set_my_employee_id(3142)
    assert proxy.rowCount() == 0
    proxy.set_mine_only(False)
    assert seen == [True, False]
    assert proxy.rowCount() == 3


async def test_incoming_call_from_the_control_api_is_flagged(desk):
    await desk.login()
    announced: list[int] = []
    desk.model.incoming_call.connect(announced.append)
    sid = desk.sim.controller.create_incoming_call("79161234567", "74951112233", ME)
    await desk.poll()
    await until(lambda: desk.model.call(sid) is not None)
    index = desk.model.index_of_call(sid)
    assert index.data(CallRole.DIRECTION) == "in"
    assert desk.model.data(index, CallRole.IS_MINE) is True
    assert desk.model.data(index, CallRole.INCOMING_FOR_ME) is True
    assert announced == [sid]
    await desk.poll()  # still ringing: announced once only
    assert announced == [sid]
    await desk.advance(10)  # answered: no longer highlighted
    assert desk.model.data(desk.model.index_of_call(sid), CallRole.INCOMING_FOR_ME) is False
    assert desk.model.phase(sid) is CallPhase.TALK
    # The caller is the customer (A): shown with the number that called.
    customer = next(
        i for i in range(2) if desk.model.index(i, 0, index).data(CallRole.PARTY) == "A"
    )
    assert desk.model.index(customer, 1, index).data() == "79161234567"


async def test_an_incoming_call_for_someone_else_is_not_flagged(desk):
    await desk.login()
    sid = desk.sim.controller.create_incoming_call("79161234567", "74951112234", 3143)
    await desk.poll()
    index = desk.model.index_of_call(sid)
    assert desk.model.data(index, CallRole.INCOMING_FOR_ME) is False
    assert desk.model.data(index, CallRole.IS_MINE) is False
