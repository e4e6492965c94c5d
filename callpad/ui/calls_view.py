"""The active-call list: calls with their legs as a tree, "my calls" / "all calls", live durations.

The view keeps no state of its own: the model diffs each poll, so the selection, the expanded rows
and the scroll position survive refreshes. New calls are expanded once, when they first appear.
A new incoming call to me is painted with a highlight band until it is answered.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from callpad.ui.icons import TintedSvgEngine, icon
from callpad.ui.numbers import display_number
from callpad.ui.theme import Colors
from callpad.viewmodels.calls_model import CallColumn, CallRole

AnyIndex = QModelIndex | QPersistentModelIndex

_PHASE_ACCENT = {
    "TALK": "ok",
    "ON_HOLD": "warn",
    "DIALING": "consult",
    "OPERATOR_TALK": "consult",
    "TRANSFER_PENDING": "consult",
    "CALL_COACH": "consult",
    "SESSION": "accent",
}
_DTMF_KEYS = "0123456789*#"


def phase_color(colors: Colors, phase: str | None) -> QColor:
    return QColor(getattr(colors, _PHASE_ACCENT.get(phase or "", "muted")))


# The operator marker on a leg row: a small person, tinted like the other icons.
_OPERATOR_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor"'
    ' stroke-width="2" stroke-linecap="round"><circle cx="12" cy="8" r="4"/>'
    '<path d="M4 21c0-4 3.6-7 8-7s8 3 8 7"/></svg>'
)


def operator_icon(colors: Colors) -> QIcon:
    return QIcon(TintedSvgEngine(_OPERATOR_SVG, QColor(colors.accent), QColor(colors.muted)))


class CallDelegate(QStyledItemDelegate):
    """Paints states as coloured chips, direction arrows, legs' operator marker, highlights."""

    def __init__(self, colors: Colors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_colors(colors)

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self._arrows = {"in": icon("incoming"), "out": icon("outgoing")}
        self._operator = operator_icon(colors)
        self._record = icon("record", QColor(colors.danger))

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        is_call = index.data(CallRole.KIND) == "call"
        if index.column() == CallColumn.DIRECTION:
            if is_call:
                option.icon = self._arrows.get(str(index.data(CallRole.DIRECTION)), option.icon)
                option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            else:  # the space is kept on every leg, so roles line up with or without the marker
                option.icon = self._operator if index.data(CallRole.IS_OPERATOR) else QIcon()
                option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        if index.column() == CallColumn.CONTACT or (
            is_call and index.column() == CallColumn.VIRTUAL_NUMBER
        ):
            option.text = display_number(option.text)
        if is_call and index.column() == CallColumn.CONTACT:
            option.font.setBold(True)
        if not is_call:
            option.palette.setColor(
                option.palette.ColorRole.Text,
                QColor(self.colors.muted),
            )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        is_call = index.data(CallRole.KIND) == "call"
        rect: QRect = option.rect
        if is_call and index.data(CallRole.INCOMING_FOR_ME):
            painter.fillRect(rect, QColor(self.colors.incoming_bg))
            if index.column() == 0:
                painter.fillRect(
                    QRect(rect.left(), rect.top(), 4, rect.height()), QColor(self.colors.warn)
                )
        if index.column() != CallColumn.STATE:
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        phase = index.data(CallRole.PHASE) if is_call else None
        color = phase_color(self.colors, phase) if is_call else QColor(self.colors.muted)
        metrics = option.fontMetrics
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if is_call:
            width = metrics.horizontalAdvance(text) + 18
            chip = QRect(rect.left() + 4, rect.center().y() - 10, width, 20)
            fill = QColor(color)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(chip, 10, 10)
            painter.setBrush(color)
            painter.drawEllipse(chip.left() + 7, chip.center().y() - 3, 6, 6)
            painter.setPen(color)
            painter.drawText(chip.adjusted(16, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
            end = chip.right()
        else:
            painter.setPen(color)
            painter.drawText(rect.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
            end = rect.left() + 6 + metrics.horizontalAdvance(text)
        if index.data(CallRole.RECORDING):  # shape and colour, with a tooltip and spoken text
            size = 14
            self._record.paint(painter, QRect(end + 8, rect.center().y() - size // 2, size, size))
        painter.restore()


class CallsView(QTreeView):
    """Tree of calls and legs; reports the selected call and leg; digits typed here send DTMF."""

    selection_changed = Signal(object, object)  # session id | None, leg id | None
    dtmf_typed = Signal(str)

    def __init__(self, colors: Colors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callsView")
        self.setAccessibleName(self.tr("Active calls"))
        self.setAccessibleDescription(
            self.tr("Calls with their participants. Arrows move, digits send DTMF to the call.")
        )
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(18)
        self.delegate = CallDelegate(colors, self)
        self.setItemDelegate(self.delegate)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        old = self.model()
        if old is not None:
            old.rowsInserted.disconnect(self._on_rows_inserted)
        super().setModel(model)
        if model is None:
            return
        model.rowsInserted.connect(self._on_rows_inserted)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The virtual number (mostly the same line for every call) goes last on screen and takes
        # what is left, so a narrow window (or longer Russian headers) cuts it off, never the
        # state, the duration or the tags.
        header.moveSection(header.visualIndex(CallColumn.VIRTUAL_NUMBER), header.count() - 1)
        header.setStretchLastSection(True)
        # Recording is a red record mark in the state cell (its tooltip and the row's spoken
        # sentence say it), which leaves the width to the tags.
        self.setColumnHidden(CallColumn.RECORDING, True)
        metrics = header.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        number = QFontMetrics(bold).horizontalAdvance("+7 000 000-00-00") + 32
        for column, width in (
            (CallColumn.DIRECTION, 264),
            (CallColumn.CONTACT, number),
            (CallColumn.STATE, 166),
            (CallColumn.DURATION, 64),
            (CallColumn.TAGS, 110),
            (CallColumn.VIRTUAL_NUMBER, 130),
        ):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            self.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + 28))
        self.selectionModel().selectionChanged.connect(self._on_selection)
        self.expandAll()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        model = self.model()
        if parent.isValid():
            self.expand(parent)
            return
        for row in range(first, last + 1):
            self.expand(model.index(row, 0))
        if not self.currentIndex().isValid():
            self.select_call_row(first)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit(self.selected_session_id(), self.selected_leg_id())

    def select_call_row(self, row: int) -> None:
        model = self.model()
        if not 0 <= row < model.rowCount():
            return
        self.setCurrentIndex(model.index(row, 0))

    def selected_session_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        value = index.data(CallRole.SESSION_ID)
        return int(value) if value is not None else None

    def selected_leg_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or index.data(CallRole.KIND) != "leg":
            return None
        value = index.data(CallRole.LEG_ID)
        return int(value) if value is not None else None

    def selected_contact(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        call_index = index.parent() if index.parent().isValid() else index
        value = call_index.data(CallRole.CONTACT)
        return str(value) if value else None

    def move_call(self, step: int) -> None:
        """Select the previous/next call (wrapping), as Flex's Ctrl+Shift+T / Y do."""
        model = self.model()
        if model.rowCount() == 0:
            return
        index = self.currentIndex()
        if index.parent().isValid():
            index = index.parent()
        row = index.row() if index.isValid() else -1
        self.select_call_row((row + step) % model.rowCount())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(self.delegate.colors.muted))
            painter.drawText(
                self.viewport().rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No active calls.\nType a number on the left and press Enter."),
            )
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and len(text) == 1 and text in _DTMF_KEYS:
            self.dtmf_typed.emit(text)
            return
        super().keyPressEvent(event)


class NumberDelegate(QStyledItemDelegate):
    """Shows API digits as written numbers (recent numbers list)."""

    def displayText(self, value: object, locale: object) -> str:  # noqa: N802 - Qt override
        return display_number(str(value))
