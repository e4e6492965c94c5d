"""CallsModel: the active calls as a two-level item model (calls, their legs as children).

`apply(calls)` takes one list.calls result and diffs it against what the model holds, by session
id and leg id: new calls are inserted, ended ones removed, changed ones report `dataChanged` for
their row, and legs are inserted, removed and changed under their call the same way. The model is
never reset on a poll, so selection, expansion and scroll position survive every refresh
(ARCHITECTURE.md section 3, point 6). Calls keep the order in which they were first seen.

Duration ticks locally: `tick()` (driven by a 1 s QTimer once `start_ticking()` is called, or by a
test) reports `dataChanged` for the duration column only, computed from `start_time` and the clock.
`CallsFilterProxy` offers the "my calls" view (calls with a leg of my employee).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)

from callpad.api.models import ActiveCall, Direction, Leg, LegState
from callpad.clock import Clock
from callpad.viewmodels import wording
from callpad.viewmodels.call_phase import CallPhase, contact_leg, infer_phase, is_mine

AnyIndex = QModelIndex | QPersistentModelIndex

_USER = int(Qt.ItemDataRole.UserRole)


class CallRole(enum.IntEnum):
    """Custom data roles. Call rows and leg rows answer the roles that apply to them."""

    KIND = _USER + 1  # "call" or "leg"
    SESSION_ID = _USER + 2  # int (legs: their call's id)
    DIRECTION = _USER + 3  # "in" / "out"
    CONTACT = _USER + 4  # contact number (digits)
    VIRTUAL_NUMBER = _USER + 5  # virtual number (digits)
    START_TIME = _USER + 6  # aware datetime
    DURATION = _USER + 7  # whole seconds since start_time (int)
    TAGS = _USER + 8  # list[str] of tag names
    RECORDING = _USER + 9  # bool: any leg records (legs: this leg records)
    PHASE = _USER + 10  # CallPhase value string, e.g. "TALK"
    IS_MINE = _USER + 11  # bool: a leg of my employee takes part
    INCOMING_FOR_ME = _USER + 12  # bool: incoming, my leg is ringing -> highlight
    EXTERNAL_ID = _USER + 13  # str | None
    LEG_ID = _USER + 14  # int (leg rows)
    PARTY = _USER + 15  # "A" | "B" | "C" | "coach" | "other" (leg rows)
    PARTICIPANT = _USER + 16  # the leg's number (leg rows)
    EMPLOYEE_NAME = _USER + 17  # str | None (leg rows)
    EMPLOYEE_ID = _USER + 18  # int | None (leg rows)
    IS_OPERATOR = _USER + 19  # bool (leg rows)
    LEG_STATE = _USER + 20  # the API's Russian literal (leg rows)
    LEG_STATE_TEXT = _USER + 21  # the leg state in the agent's language (leg rows)
    TAG_IDS = _USER + 22  # list[int] (call rows)
    CALL = _USER + 23  # the ActiveCall value (call rows) / the Leg value (leg rows)


class CallColumn(enum.IntEnum):
    """Columns. Leg rows reuse them: party, number, employee, leg state, -, operator, recording."""

    DIRECTION = 0
    CONTACT = 1
    VIRTUAL_NUMBER = 2
    STATE = 3
    DURATION = 4
    TAGS = 5
    RECORDING = 6


_HEADERS: dict[CallColumn, tuple[str, str]] = {
    CallColumn.DIRECTION: ("Направление", "Direction"),
    CallColumn.CONTACT: ("Номер", "Number"),
    CallColumn.VIRTUAL_NUMBER: ("Виртуальный номер", "Virtual number"),
    CallColumn.STATE: ("Состояние", "State"),
    CallColumn.DURATION: ("Длительность", "Duration"),
    CallColumn.TAGS: ("Теги", "Tags"),
    CallColumn.RECORDING: ("Запись", "Recording"),
}

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP})
_NCOLS = len(CallColumn)
_LAST_COL = _NCOLS - 1

_ROLE_NAMES: dict[int, bytes] = {role.value: role.name.lower().encode() for role in CallRole}


@dataclass(slots=True)
class _LegRow:
    leg: Leg
    party: str


@dataclass(slots=True)
class _CallRow:
    call: ActiveCall
    phase: CallPhase
    mine: bool
    incoming_for_me: bool
    legs: list[_LegRow] = field(default_factory=list)


def leg_number(call: ActiveCall, leg: Leg, party: str) -> str:
    """The participant's own number: the caller for an incoming (A), else the dialled number."""
    raw = leg.calling_phone_number if (party == "A" and call.direction is Direction.IN) else ""
    raw = raw or leg.called_phone_number
    return raw.split(".", 1)[0]  # drop the dialled DTMF suffix (SPEC section 14)


def format_duration(seconds: int) -> str:
    """0:07, 12:34, 1:02:03."""
    h, rest = divmod(max(0, seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class CallsModel(QAbstractItemModel):
    """Active calls (top level) with their legs (children), updated incrementally by `apply()`.

    Signals:
        incoming_call(int): a new incoming call rings for me (once per session id).
        calls_changed(): after each `apply()` that changed anything (count, phases, legs).
        mine_flags_changed(): an existing call became mine or stopped being mine.
        count_changed(int): number of calls.
    """

    incoming_call = Signal(int)
    calls_changed = Signal()
    mine_flags_changed = Signal()
    count_changed = Signal(int)

    def __init__(
        self,
        clock: Clock,
        *,
        my_employee_id: int | None = None,
        lang: str = "ru",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._lang = lang
        self._my_ids: frozenset[int] = (
            frozenset() if my_employee_id is None else frozenset({my_employee_id})
        )
        self._rows: list[_CallRow] = []
        self._pos: dict[int, int] = {}  # session id -> row
        self._announced: set[int] = set()
        self._mine_flipped = False
        self._timer: QTimer | None = None

    # -- public API -----------------------------------------------------------------------------

    def apply(self, calls: Sequence[ActiveCall]) -> None:
        """Bring the model in line with one list.calls result (row-level diff, never a reset)."""
        fresh: dict[int, ActiveCall] = {c.call_session_id: c for c in calls}
        changed = self._remove_missing(fresh)
        new: list[ActiveCall] = []
        pos, rows = self._pos, self._rows
        for sid, call in fresh.items():
            row = pos.get(sid)
            if row is None:
                new.append(call)
            elif rows[row].call != call:
                self._update(row, call)
                changed = True
        if new:
            self._insert(new)
            changed = True
        self._announced.intersection_update(fresh)
        if self._mine_flipped:
            self._mine_flipped = False
            self.mine_flags_changed.emit()
        if changed:
            self.calls_changed.emit()

    def set_my_employee_id(self, employee_id: int | None) -> None:
        """Whose calls count as mine (re-derives the 'mine' flags of every row)."""
        ids = frozenset() if employee_id is None else frozenset({employee_id})
        if ids == self._my_ids:
            return
        self._my_ids = ids
        for row, item in enumerate(self._rows):
            self._derive(item, item.call, item.phase)
            self._emit_row_changed(row)
        self.mine_flags_changed.emit()
        self.calls_changed.emit()

    def call(self, session_id: int) -> ActiveCall | None:
        row = self._pos.get(session_id)
        return None if row is None else self._rows[row].call

    def phase(self, session_id: int) -> CallPhase | None:
        row = self._pos.get(session_id)
        return None if row is None else self._rows[row].phase

    def party(self, session_id: int, leg_id: int) -> str | None:
        """The party of a leg: "A", "B", "C", "coach" or "other" (None: unknown leg)."""
        row = self._pos.get(session_id)
        if row is None:
            return None
        for leg_row in self._rows[row].legs:
            if leg_row.leg.leg_id == leg_id:
                return leg_row.party
        return None

    def calls(self) -> list[ActiveCall]:
        return [r.call for r in self._rows]

    def session_ids(self) -> list[int]:
        return [r.call.call_session_id for r in self._rows]

    def has_active_call_of_mine(self) -> bool:
        return any(r.mine for r in self._rows)

    def index_of_call(self, session_id: int, column: int = 0) -> QModelIndex:
        row = self._pos.get(session_id)
        return QModelIndex() if row is None else self.createIndex(row, column, 0)

    def index_of_leg(self, session_id: int, leg_id: int, column: int = 0) -> QModelIndex:
        row = self._pos.get(session_id)
        if row is None:
            return QModelIndex()
        for i, leg_row in enumerate(self._rows[row].legs):
            if leg_row.leg.leg_id == leg_id:
                return self.createIndex(i, column, session_id)
        return QModelIndex()

    def tick(self) -> None:
        """Report the duration column of every call as changed (the clock moved)."""
        if self._rows:
            col = int(CallColumn.DURATION)
            self.dataChanged.emit(
                self.createIndex(0, col, 0),
                self.createIndex(len(self._rows) - 1, col, 0),
                [int(Qt.ItemDataRole.DisplayRole), int(CallRole.DURATION)],
            )

    def start_ticking(self, interval_ms: int = 1000) -> None:
        """Tick every `interval_ms` on a Qt timer (the app does this; tests call `tick()`)."""
        if self._timer is None:
            self._timer = QTimer(self)
            self._timer.timeout.connect(self.tick)
        self._timer.start(interval_ms)

    def stop_ticking(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    # -- diff internals -------------------------------------------------------------------------

    def _remove_missing(self, fresh: dict[int, ActiveCall]) -> bool:
        gone = [i for i, r in enumerate(self._rows) if r.call.call_session_id not in fresh]
        if not gone:
            return False
        # Remove contiguous runs from the bottom so earlier row numbers stay valid.
        runs: list[tuple[int, int]] = []
        for i in gone:
            if runs and runs[-1][1] == i - 1:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self._reindex()  # before endRemoveRows: Qt maps persistent indexes through parent()
            self.endRemoveRows()
        self.count_changed.emit(len(self._rows))
        return True

    def _insert(self, calls: list[ActiveCall]) -> None:
        """Append new calls as one block of rows (one insert signal for the view)."""
        first = len(self._rows)
        items = []
        for call in calls:
            item = _CallRow(call=call, phase=CallPhase.SESSION, mine=False, incoming_for_me=False)
            self._derive(item, call, None)
            item.legs = [_LegRow(leg, self._party_of(call, leg)) for leg in call.legs]
            items.append(item)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        for i, item in enumerate(items):
            self._rows.append(item)
            self._pos[item.call.call_session_id] = first + i
        self.endInsertRows()
        self.count_changed.emit(len(self._rows))
        for item in items:
            self._announce(item)

    def _update(self, row: int, call: ActiveCall) -> None:
        item = self._rows[row]
        old, was_mine = item.call, item.mine
        self._derive(item, call, item.phase)
        if item.mine != was_mine:
            self._mine_flipped = True
        if old.legs != call.legs:
            self._diff_legs(row, item, call)
        item.call = call
        self._emit_row_changed(row)
        self._announce(item)

    def _diff_legs(self, row: int, item: _CallRow, call: ActiveCall) -> None:
        sid = call.call_session_id
        parent = self.createIndex(row, 0, 0)
        wanted = {leg.leg_id for leg in call.legs}
        for i in range(len(item.legs) - 1, -1, -1):
            if item.legs[i].leg.leg_id not in wanted:
                self.beginRemoveRows(parent, i, i)
                del item.legs[i]
                self.endRemoveRows()
        have = {lr.leg.leg_id: i for i, lr in enumerate(item.legs)}
        for leg in call.legs:
            party = self._party_of(call, leg)
            pos = have.get(leg.leg_id)
            if pos is None:
                n = len(item.legs)
                self.beginInsertRows(parent, n, n)
                item.legs.append(_LegRow(leg, party))
                self.endInsertRows()
            elif item.legs[pos].leg != leg or item.legs[pos].party != party:
                item.legs[pos] = _LegRow(leg, party)
                self.dataChanged.emit(
                    self.createIndex(pos, 0, sid), self.createIndex(pos, _LAST_COL, sid)
                )

    def _derive(self, item: _CallRow, call: ActiveCall, previous: CallPhase | None) -> None:
        item.phase = infer_phase(call, previous)
        item.mine = is_mine(call, self._my_ids)
        item.incoming_for_me = call.direction is Direction.IN and any(
            leg.employee_id in self._my_ids and leg.state is LegState.DIALING
            for leg in call.legs
            if leg.employee_id is not None
        )

    def _announce(self, item: _CallRow) -> None:
        sid = item.call.call_session_id
        if item.incoming_for_me and sid not in self._announced:
            self._announced.add(sid)
            self.incoming_call.emit(sid)

    def _party_of(self, call: ActiveCall, leg: Leg) -> str:
        a = contact_leg(call)
        if a is not None and leg.leg_id == a.leg_id:
            return "A"
        if leg.is_operator:
            return "B"
        operators_before = any(
            other.is_operator for other in call.legs if other.leg_id < leg.leg_id
        )
        if leg.employee_id is not None and not operators_before:
            return "B"
        phase = self.phase(call.call_session_id) or infer_phase(call)
        if phase in (CallPhase.DIALING, CallPhase.OPERATOR_TALK, CallPhase.TRANSFER_PENDING):
            return "C"
        return "coach" if phase is not CallPhase.SESSION else "other"

    def _reindex(self) -> None:
        self._pos = {r.call.call_session_id: i for i, r in enumerate(self._rows)}

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.createIndex(row, 0, 0), self.createIndex(row, _LAST_COL, 0))

    # -- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= _NCOLS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._rows) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._rows):
            return QModelIndex()  # legs have no children
        item = self._rows[parent.row()]
        if row >= len(item.legs):
            return QModelIndex()
        return self.createIndex(row, column, item.call.call_session_id)

    def parent(  # type: ignore[override]  # QObject.parent() and the model's parent(index) share a name
        self,
        index: AnyIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        sid = index.internalId()
        if sid == 0:
            return QModelIndex()
        row = self._pos.get(sid)
        return QModelIndex() if row is None else self.createIndex(row, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._rows[parent.row()].legs) if parent.row() < len(self._rows) else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return _NCOLS

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if not parent.isValid():
            return bool(self._rows)
        row = parent.row()
        return parent.internalId() == 0 and row < len(self._rows) and bool(self._rows[row].legs)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < _NCOLS:
            ru, en = _HEADERS[CallColumn(section)]
            return ru if self._lang == "ru" else en
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = {int(k): QByteArray(v) for k, v in super().roleNames().items()}
        names.update({k: QByteArray(v) for k, v in _ROLE_NAMES.items()})
        return names

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen standard roles per cell and repaint; answer the unused ones first.
        if role not in _ANSWERED and role < _USER:
            return None
        if not index.isValid():
            return None
        sid = index.internalId()
        if sid == 0:
            if index.row() >= len(self._rows):
                return None
            return self._call_data(self._rows[index.row()], index.column(), role)
        row = self._pos.get(sid)
        if row is None:
            return None
        item = self._rows[row]
        if index.row() >= len(item.legs):
            return None
        return self._leg_data(item, item.legs[index.row()], index.column(), role)

    # -- data helpers ---------------------------------------------------------------------------

    def _duration(self, call: ActiveCall) -> int:
        return max(0, int((self._clock.wall() - call.start_time).total_seconds()))

    def _call_data(self, item: _CallRow, column: int, role: int) -> Any:
        call = item.call
        if role == _DISPLAY:
            return self._call_display(item, CallColumn(column))
        if role >= _USER:
            return self._call_role(item, role)
        if role == _TOOLTIP and column == CallColumn.CONTACT:
            return call.external_id
        return None

    def _call_display(self, item: _CallRow, column: CallColumn) -> str:
        call = item.call
        lang = self._lang
        match column:
            case CallColumn.DIRECTION:
                return wording.direction_text(call.direction, lang)
            case CallColumn.CONTACT:
                return call.contact_phone_number
            case CallColumn.VIRTUAL_NUMBER:
                return call.virtual_phone_number
            case CallColumn.STATE:
                return wording.phase_text(item.phase, lang)
            case CallColumn.DURATION:
                return format_duration(self._duration(call))
            case CallColumn.TAGS:
                return ", ".join(t.tag_name for t in call.tags)
            case CallColumn.RECORDING:
                recording = any(leg.record_call_enabled for leg in call.legs)
                return wording.text("recording", lang) if recording else ""

    def _call_role(self, item: _CallRow, role: int) -> Any:
        call = item.call
        values: dict[int, Any] = {
            CallRole.KIND: "call",
            CallRole.SESSION_ID: int(call.call_session_id),
            CallRole.DIRECTION: call.direction.value,
            CallRole.CONTACT: call.contact_phone_number,
            CallRole.VIRTUAL_NUMBER: call.virtual_phone_number,
            CallRole.START_TIME: call.start_time,
            CallRole.TAGS: [t.tag_name for t in call.tags],
            CallRole.TAG_IDS: [int(t.tag_id) for t in call.tags],
            CallRole.RECORDING: any(leg.record_call_enabled for leg in call.legs),
            CallRole.PHASE: item.phase.value,
            CallRole.IS_MINE: item.mine,
            CallRole.INCOMING_FOR_ME: item.incoming_for_me,
            CallRole.EXTERNAL_ID: call.external_id,
            CallRole.CALL: call,
        }
        if role == CallRole.DURATION:
            return self._duration(call)
        return values.get(role)

    def _leg_data(self, item: _CallRow, leg_row: _LegRow, column: int, role: int) -> Any:
        leg, call, lang = leg_row.leg, item.call, self._lang
        if role == _DISPLAY:
            match CallColumn(column):
                case CallColumn.DIRECTION:
                    return wording.party_text(leg_row.party, lang)
                case CallColumn.CONTACT:
                    return leg_number(call, leg, leg_row.party)
                case CallColumn.VIRTUAL_NUMBER:
                    return leg.employee_full_name or ""
                case CallColumn.STATE:
                    return wording.leg_state_text(leg.state, lang)
                case CallColumn.TAGS:
                    return wording.text("operator", lang) if leg.is_operator else ""
                case CallColumn.RECORDING:
                    return wording.text("recording", lang) if leg.record_call_enabled else ""
                case _:
                    return ""
        if role < _USER:
            return None
        values: dict[int, Any] = {
            CallRole.KIND: "leg",
            CallRole.SESSION_ID: int(call.call_session_id),
            CallRole.LEG_ID: int(leg.leg_id),
            CallRole.PARTY: leg_row.party,
            CallRole.PARTICIPANT: leg_number(call, leg, leg_row.party),
            CallRole.EMPLOYEE_NAME: leg.employee_full_name,
            CallRole.EMPLOYEE_ID: None if leg.employee_id is None else int(leg.employee_id),
            CallRole.IS_OPERATOR: leg.is_operator,
            CallRole.LEG_STATE: leg.state.value,
            CallRole.LEG_STATE_TEXT: wording.leg_state_text(leg.state, lang),
            CallRole.RECORDING: leg.record_call_enabled,
            CallRole.IS_MINE: leg.employee_id is not None and leg.employee_id in self._my_ids,
            CallRole.CALL: leg,
        }
        return values.get(role)


class CallsFilterProxy(QSortFilterProxyModel):
    """The "my calls" / "all calls" switch over a `CallsModel` (legs always follow their call).

    Signals:
        mine_only_changed(bool)
    """

    mine_only_changed = Signal(bool)

    def __init__(
        self, source: CallsModel, *, mine_only: bool = False, parent: QObject | None = None
    ) -> None:
        # Not parented to `source`: a proxy owned by its source model crashed the garbage
        # collector (segfault) when both were collected together.
        super().__init__(parent)
        self._mine_only = mine_only
        self.setSourceModel(source)
        self.setRecursiveFilteringEnabled(False)
        # Re-filtering on every dataChanged made each poll several times dearer; "mine" flips
        # are rare, so the model says when they happen (new rows are filtered on insert anyway).
        self.setDynamicSortFilter(False)
        source.mine_flags_changed.connect(self._on_mine_flags_changed)

    @property
    def mine_only(self) -> bool:
        return self._mine_only

    def set_mine_only(self, value: bool) -> None:
        if value == self._mine_only:
            return
        self._mine_only = value
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.mine_only_changed.emit(value)

    def _on_mine_flags_changed(self) -> None:
        if self._mine_only:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        if source_parent.isValid() or not self._mine_only:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(CallRole.IS_MINE))


def mine(calls: Iterable[ActiveCall], employee_id: int | None) -> list[ActiveCall]:
    """The calls with a leg of `employee_id` (for callers without a model)."""
    if employee_id is None:
        return []
    return [c for c in calls if is_mine(c, {employee_id})]
