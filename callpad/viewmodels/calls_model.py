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

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from callpad.api.models import ActiveCall, Leg
from callpad.clock import Clock
from callpad.viewmodels.call_phase import CallPhase, infer_phase, is_mine, party_of, rings_for_me

# Re-exported: the views import the model's vocabulary and its filter from here.
from callpad.viewmodels.call_rows import (
    ANSWERED,
    FLAGS,
    LAST_COL,
    NCOLS,
    NO_FLAGS,
    ROLE_NAMES,
    USER,
    CallRow,
    LegRow,
    call_data,
    header_text,
    leg_data,
)
from callpad.viewmodels.call_rows import CallColumn as CallColumn
from callpad.viewmodels.call_rows import CallRole as CallRole
from callpad.viewmodels.calls_filter import CallsFilterProxy as CallsFilterProxy
from callpad.viewmodels.ticker import Ticker

AnyIndex = QModelIndex | QPersistentModelIndex


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
        self._rows: list[CallRow] = []
        self._pos: dict[int, int] = {}  # session id -> row
        self._announced: set[int] = set()
        self._mine_flipped = False
        self._ticker = Ticker(self, self.tick)

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
        self._ticker.start(interval_ms)

    def stop_ticking(self) -> None:
        self._ticker.stop()

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
            item = CallRow(call=call, phase=CallPhase.SESSION, mine=False, incoming_for_me=False)
            self._derive(item, call, None)
            item.legs = [LegRow(leg, self._party_of(call, leg)) for leg in call.legs]
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

    def _diff_legs(self, row: int, item: CallRow, call: ActiveCall) -> None:
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
                item.legs.append(LegRow(leg, party))
                self.endInsertRows()
            elif item.legs[pos].leg != leg or item.legs[pos].party != party:
                item.legs[pos] = LegRow(leg, party)
                self.dataChanged.emit(
                    self.createIndex(pos, 0, sid), self.createIndex(pos, LAST_COL, sid)
                )

    def _derive(self, item: CallRow, call: ActiveCall, previous: CallPhase | None) -> None:
        item.phase = infer_phase(call, previous)
        item.mine = is_mine(call, self._my_ids)
        item.incoming_for_me = rings_for_me(call, self._my_ids)

    def _announce(self, item: CallRow) -> None:
        sid = item.call.call_session_id
        if item.incoming_for_me and sid not in self._announced:
            self._announced.add(sid)
            self.incoming_call.emit(sid)

    def _party_of(self, call: ActiveCall, leg: Leg) -> str:
        return party_of(call, leg, self.phase(call.call_session_id))

    def _reindex(self) -> None:
        self._pos = {r.call.call_session_id: i for i, r in enumerate(self._rows)}

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.createIndex(row, 0, 0), self.createIndex(row, LAST_COL, 0))

    # -- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= NCOLS or row < 0:
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
        return NCOLS

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if not parent.isValid():
            return bool(self._rows)
        row = parent.row()
        return parent.internalId() == 0 and row < len(self._rows) and bool(self._rows[row].legs)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return FLAGS if index.isValid() else NO_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < NCOLS:
            return header_text(CallColumn(section), self._lang)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = {int(k): QByteArray(v) for k, v in super().roleNames().items()}
        names.update({k: QByteArray(v) for k, v in ROLE_NAMES.items()})
        return names

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen standard roles per cell and repaint; answer the unused ones first.
        if role not in ANSWERED and role < USER:
            return None
        if not index.isValid():
            return None
        sid = index.internalId()
        if sid == 0:
            if index.row() >= len(self._rows):
                return None
            item = self._rows[index.row()]
            return call_data(item, index.column(), role, self._lang, self._duration(item.call))
        row = self._pos.get(sid)
        if row is None:
            return None
        item = self._rows[row]
        if index.row() >= len(item.legs):
            return None
        return leg_data(
            item, item.legs[index.row()], index.column(), role, self._lang, self._my_ids
        )

    def _duration(self, call: ActiveCall) -> int:
        return max(0, int((self._clock.wall() - call.start_time).total_seconds()))
