"""TalkOptionsViewModel: the account's talk options (list.talk_options) and firing them.

The options are loaded on demand (`refresh()`) and after each login, into `TalkOptionsModel`, a
list model with one row per option (name, button, kind, the tag or scenario it uses). `invoke()`
fires call.talk_option on the call selected in `CallActionsViewModel`, which also decides whether
that is allowed (only while the call is in TALK) and keeps a repeated press from sending twice.
Tag options also feed the tag picker.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from callpad.api.errors import CallApiError
from callpad.api.models import TalkOption, TalkOptionMnemonic
from callpad.api.service import CallService
from callpad.viewmodels import wording
from callpad.viewmodels.call_actions import CallActionsViewModel
from callpad.viewmodels.task_runner import TaskRunner

REFRESH_KEY = "talk_options.refresh"

_USER = int(Qt.ItemDataRole.UserRole)


class TalkOptionRole(enum.IntEnum):
    """Data roles of `TalkOptionsModel` (DisplayRole: "name (button)")."""

    BUTTON = _USER + 1  # the key that fires it, e.g. "3"
    MNEMONIC = _USER + 2  # e.g. "tag_call"
    NAME = _USER + 3  # the account's name for it, e.g. "Проставить тег"
    VALUE = _USER + 4  # the name of the object it uses (tag, scenario), or ""
    VALUE_ID = _USER + 5  # that object's id, or None
    KIND_TEXT = _USER + 6  # the kind in the agent's language
    OPTION = _USER + 7  # the TalkOption value


class TalkOptionsModel(QAbstractListModel):
    """One row per talk option, in the server's order; replaced row-wise on refresh."""

    def __init__(self, *, lang: str = "ru", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._options: list[TalkOption] = []

    def set_options(self, options: Sequence[TalkOption]) -> None:
        new = list(options)
        if new == self._options:
            return
        old_n, new_n = len(self._options), len(new)
        common = min(old_n, new_n)
        if old_n > new_n:
            self.beginRemoveRows(QModelIndex(), new_n, old_n - 1)
            del self._options[new_n:]
            self.endRemoveRows()
        for i in range(common):
            if self._options[i] != new[i]:
                self._options[i] = new[i]
                self.dataChanged.emit(self.index(i), self.index(i))
        if new_n > old_n:
            self.beginInsertRows(QModelIndex(), old_n, new_n - 1)
            self._options.extend(new[old_n:])
            self.endInsertRows()

    def options(self) -> list[TalkOption]:
        return list(self._options)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._options)

    def roleNames(self) -> dict[int, QByteArray]:
        names = {int(k): QByteArray(v) for k, v in super().roleNames().items()}
        names.update({r.value: QByteArray(r.name.lower().encode()) for r in TalkOptionRole})
        return names

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._options):
            return None
        opt = self._options[index.row()]
        value = opt.button_value
        if role == Qt.ItemDataRole.DisplayRole:
            extra = f": {value.value}" if value is not None else ""
            return f"{opt.name}{extra} ({opt.button})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.talk_option_text(opt.mnemonic, self._lang)
        values: dict[int, Any] = {
            TalkOptionRole.BUTTON: opt.button,
            TalkOptionRole.MNEMONIC: opt.mnemonic.value,
            TalkOptionRole.NAME: opt.name,
            TalkOptionRole.VALUE: "" if value is None else value.value,
            TalkOptionRole.VALUE_ID: None if value is None else value.id,
            TalkOptionRole.KIND_TEXT: wording.talk_option_text(opt.mnemonic, self._lang),
            TalkOptionRole.OPTION: opt,
        }
        return values.get(role)


class TalkOptionsViewModel(QObject):
    """The talk options panel: its model, loading state, and firing an option on the selected call.

    Signals (change-only):
        loading_changed(bool), can_invoke_changed(bool), count_changed(int),
        error_changed(str): why the last refresh failed ("" after a success).
    """

    loading_changed = Signal(bool)
    can_invoke_changed = Signal(bool)
    count_changed = Signal(int)
    error_changed = Signal(str)

    def __init__(
        self,
        service: CallService,
        runner: TaskRunner,
        actions: CallActionsViewModel,
        *,
        lang: str = "ru",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._actions = actions
        self._lang = lang
        self._model = TalkOptionsModel(lang=lang, parent=self)
        self._loading = False
        self._error = ""
        self._can_invoke = actions.can_talk_option
        actions.can_talk_option_changed.connect(self._on_can_changed)

    # -- properties -----------------------------------------------------------------------------

    @property
    def model(self) -> TalkOptionsModel:
        return self._model

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def can_invoke(self) -> bool:
        return self._can_invoke

    @property
    def count(self) -> int:
        return self._model.rowCount()

    @property
    def error(self) -> str:
        return self._error

    # -- commands -------------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Load the options again (merged with a refresh already in flight)."""
        task = self._runner.submit(self._refresh(), name="list.talk_options", key=REFRESH_KEY)
        if task is not None:
            self._set_loading(True)
        return task is not None

    def on_logged_in_changed(self, logged_in: bool) -> None:
        """Follow `SessionViewModel.logged_in_changed`: refresh on login, clear on logout."""
        if logged_in:
            self.refresh()
        else:
            self._set_options([])

    def invoke(self, button: str) -> bool:
        """Fire the option with this button on the selected call (False if not allowed now)."""
        return self._actions.talk_option(button)

    def invoke_row(self, row: int) -> bool:
        options = self._model.options()
        if not 0 <= row < len(options):
            return False
        return self.invoke(options[row].button)

    # -- internals ------------------------------------------------------------------------------

    async def _refresh(self) -> None:
        try:
            options = await self._service.list_talk_options()
        except CallApiError as exc:
            self._set_error(exc.user_message(self._lang))
            raise
        else:
            self._set_error("")
            self._set_options(options)
        finally:
            self._set_loading(False)

    def _set_options(self, options: Sequence[TalkOption]) -> None:
        before = self._model.rowCount()
        self._model.set_options(options)
        self._actions.add_known_tags(
            [
                (o.button_value.id, o.button_value.value)
                for o in options
                if o.mnemonic is TalkOptionMnemonic.TAG_CALL and o.button_value is not None
            ]
        )
        if self._model.rowCount() != before:
            self.count_changed.emit(self._model.rowCount())

    def _on_can_changed(self, value: bool) -> None:
        if value != self._can_invoke:
            self._can_invoke = value
            self.can_invoke_changed.emit(value)

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.error_changed.emit(message)
