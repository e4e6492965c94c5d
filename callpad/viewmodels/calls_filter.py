"""CallsFilterProxy: the "my calls" / "all calls" switch over a `CallsModel`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)

from callpad.viewmodels.call_rows import CallRole

if TYPE_CHECKING:
    from callpad.viewmodels.calls_model import CallsModel

AnyIndex = QModelIndex | QPersistentModelIndex


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
