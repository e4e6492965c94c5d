"""SettingsViewModel: the settings dialog's draft, checked field by field as the agent types.

A bad value never replaces the last good one in the draft, and the widget keeps what was typed;
the problem is shown beside the field until it is fixed, and saving waits for that. Field names
and problem sentences are in callpad.viewmodels.settings_text.

Wiring (app.py)::

    settings_vm = SettingsViewModel(store, vault=vault)      # store already loaded
    settings_vm.saved.connect(apply_everywhere)            # Settings
    notice = settings_text.load_notice(load_result)        # show once if not empty
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from callpad.config.codec import decode_field, encode
from callpad.config.errors import ConfigError
from callpad.config.merge import merge_changes
from callpad.config.problems import Problem, cross_field_problems
from callpad.config.schema import AccountSettings, Settings
from callpad.config.secrets import CredentialVault
from callpad.config.store import SettingsStore
from callpad.viewmodels.settings_text import describe


def _field_type(path: str) -> tuple[type, str, Any]:
    """(owning dataclass, field name, type hint without None) for a dotted settings path."""
    owner: type = Settings
    parts = path.split(".")
    for part in parts[:-1]:
        owner = _strip_optional(typing.get_type_hints(owner)[part])
    hint = typing.get_type_hints(owner)[parts[-1]]
    return owner, parts[-1], hint


def _strip_optional(hint: Any) -> Any:
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return hint
    return next(a for a in typing.get_args(hint) if a is not type(None))


def _get(obj: Any, parts: Sequence[str]) -> Any:
    for part in parts:
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


def _with(obj: Any, parts: Sequence[str], value: Any, owner: type) -> Any:
    if len(parts) == 1:
        return replace(obj, **{parts[0]: value})
    child_type = _strip_optional(typing.get_type_hints(owner)[parts[0]])
    child = getattr(obj, parts[0])
    if child is None:
        child = child_type()
    return replace(obj, **{parts[0]: _with(child, parts[1:], value, child_type)})


def _from_text(hint: Any, text: str) -> Any:
    """What typed text means for a field of this type (invalid text stays text -> a Problem)."""
    optional = type(None) in typing.get_args(hint)
    base = _strip_optional(hint)
    stripped = text.strip()
    if base is int or base is float:
        if not stripped:
            return None if optional else text
        try:
            return int(stripped) if base is int else float(stripped.replace(",", "."))
        except ValueError:
            return text
    return text


class SettingsViewModel(QObject):
    """Holds the saved settings and the dialog's draft; validates, saves, forgets credentials."""

    draft_changed = Signal()
    problems_changed = Signal()
    saved = Signal(object)  # Settings, after a successful save
    save_failed = Signal(str)  # translated reason
    credentials_forgotten = Signal(list)  # labels of stores that could not be cleaned

    def __init__(
        self,
        store: SettingsStore,
        *,
        vault: CredentialVault | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._vault = vault
        self._settings = store.current
        self._draft = self._settings
        self._field_problems: dict[str, Problem] = {}

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def draft(self) -> Settings:
        return self._draft

    def reset(self) -> None:
        """Start over from the latest saved settings (the dialog was cancelled or reopened)."""
        self._settings = self._store.current
        self._draft = self._settings
        self._field_problems.clear()
        self.draft_changed.emit()
        self.problems_changed.emit()

    def value(self, path: str) -> Any:
        return _get(self._draft, path.split("."))

    def text(self, path: str) -> str:
        value = self.value(path)
        return "" if value is None else str(value)

    def set_text(self, path: str, text: str) -> Problem | None:
        """A line edit changed: convert to the field's type, then `set_value`."""
        _owner, _name, hint = _field_type(path)
        return self.set_value(path, _from_text(hint, text))

    def set_value(self, path: str, value: Any) -> Problem | None:
        """Check and apply one field; a bad value is kept out of the draft and reported."""
        owner, name, _hint = _field_type(path)
        decoded, problem = decode_field(owner, name, encode(value))
        before = self.problems()
        self._field_problems.pop(path, None)
        if problem is not None:
            problem = replace(problem, path=path)
            self._field_problems[path] = problem
        else:
            draft = _with(self._draft, path.split("."), decoded, Settings)
            if draft != self._draft:
                self._draft = draft
                self.draft_changed.emit()
        if self.problems() != before:
            self.problems_changed.emit()
        return problem

    def set_shortcuts(self, overrides: Mapping[str, Sequence[str]]) -> None:
        """The agent's remappings (already checked for clashes by the dialog)."""
        draft = self._draft.with_shortcuts(overrides)
        if draft != self._draft:
            self._draft = draft
            self.draft_changed.emit()

    def problems(self) -> list[Problem]:
        return [*self._field_problems.values(), *cross_field_problems(self._draft)]

    def problem(self, path: str) -> Problem | None:
        return next((p for p in self.problems() if p.path == path), None)

    @property
    def credentials_in_keyring(self) -> bool | None:
        """Where remembered secrets go: True keyring, False private file, None no vault."""
        return None if self._vault is None else self._vault.secure

    @property
    def can_save(self) -> bool:
        return not self.problems()

    @property
    def dirty(self) -> bool:
        return self._draft != self._settings

    def save(self) -> bool:
        """Write the draft; False (and `save_failed`) if it has problems or cannot be written."""
        if not self.can_save:
            self.save_failed.emit(describe(self.problems()[0]))
            return False
        base, mine = self._settings, self._draft
        try:
            # Only what the agent changed here: e.g. recent numbers dialled meanwhile survive.
            saved = self._store.update(lambda current: merge_changes(base, mine, current))
        except ConfigError as exc:
            self._report_save_error(exc)
            return False
        self._settings = saved
        if saved != self._draft:
            self._draft = saved
            self.draft_changed.emit()
        self.saved.emit(saved)
        return True

    def _report_save_error(self, exc: ConfigError) -> None:
        self.save_failed.emit(
            self.tr("The settings could not be saved: %1").replace("%1", str(exc))
        )

    def forget_credentials(self, account: AccountSettings | None = None) -> list[str]:
        """Remove the remembered password and key everywhere, and stop remembering."""
        failed = self._vault.forget(account or self._settings.account) if self._vault else []

        def not_remembering(s: Settings) -> Settings:
            return replace(s, account=replace(s.account, remember=False))

        if self._settings.account.remember or self._draft.account.remember:
            self._draft = not_remembering(self._draft)
            try:
                self._settings = self._store.update(not_remembering)
            except ConfigError as exc:
                self._settings = not_remembering(self._settings)
                self._report_save_error(exc)
            self.draft_changed.emit()
            self.saved.emit(self._settings)
        self.credentials_forgotten.emit(failed)
        return failed
