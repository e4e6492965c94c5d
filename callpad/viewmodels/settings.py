"""SettingsViewModel: the settings dialog's draft, checked field by field as the agent types.

A bad value never replaces the last good one in the draft, and the widget keeps what was typed;
the problem is shown beside the field until it is fixed, and saving waits for that. Texts go
through Qt's translation (contexts "SettingsFields" and "SettingsProblem").

Wiring (app.py)::

    settings_vm = SettingsViewModel(store, load_result.settings, vault=vault)
    settings_vm.saved.connect(apply_everywhere)            # Settings
    notice = load_notice(load_result)                      # show once if not empty
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from callpad.config.codec import (
    PROBLEM_CONTEXT,
    QT_TRANSLATE_NOOP,
    TEMPLATES,
    Problem,
    cross_field_problems,
    decode_field,
    encode,
)
from callpad.config.errors import ConfigError
from callpad.config.schema import AccountSettings, Settings
from callpad.config.secrets import CredentialVault
from callpad.config.store import LoadResult, SettingsStore

_F = "SettingsFields"
FIELD_LABELS: Mapping[str, str] = {
    "account.provider": QT_TRANSLATE_NOOP("SettingsFields", "Provider"),
    "account.custom_url": QT_TRANSLATE_NOOP("SettingsFields", "Server address"),
    "account.api_version": QT_TRANSLATE_NOOP("SettingsFields", "API version"),
    "account.login": QT_TRANSLATE_NOOP("SettingsFields", "Login"),
    "account.auth_kind": QT_TRANSLATE_NOOP("SettingsFields", "Sign in with"),
    "account.remember": QT_TRANSLATE_NOOP("SettingsFields", "Remember me"),
    "agent.employee_id": QT_TRANSLATE_NOOP("SettingsFields", "Employee id"),
    "agent.employee_phone": QT_TRANSLATE_NOOP("SettingsFields", "My phone"),
    "agent.default_virtual_number": QT_TRANSLATE_NOOP("SettingsFields", "Caller id number"),
    "dial.start_method": QT_TRANSLATE_NOOP("SettingsFields", "Start calls with"),
    "dial.first_call": QT_TRANSLATE_NOOP("SettingsFields", "Dial first"),
    "dial.switch_at_once": QT_TRANSLATE_NOOP("SettingsFields", "Switch at once"),
    "dial.early_switching": QT_TRANSLATE_NOOP("SettingsFields", "Early switching"),
    "dial.show_virtual_phone_number": QT_TRANSLATE_NOOP(
        "SettingsFields", "Show the caller id number to me"
    ),
    "dial.direction": QT_TRANSLATE_NOOP("SettingsFields", "Record the call as"),
    "dial.dialing_timeout": QT_TRANSLATE_NOOP("SettingsFields", "Dialing timeout, s"),
    "dial.scenario_id": QT_TRANSLATE_NOOP("SettingsFields", "Scenario id"),
    "dial.media_file_id": QT_TRANSLATE_NOOP("SettingsFields", "Dialing music (media file id)"),
    "dial.contact_message": QT_TRANSLATE_NOOP("SettingsFields", "Message to the customer"),
    "dial.employee_message": QT_TRANSLATE_NOOP("SettingsFields", "Message to me"),
    "dial.dtmf_string": QT_TRANSLATE_NOOP("SettingsFields", "DTMF after answer"),
    "dial.default_region": QT_TRANSLATE_NOOP("SettingsFields", "Default country"),
    "dial.dial_links_at_once": QT_TRANSLATE_NOOP("SettingsFields", "Dial tel: links at once"),
    "dial.recent_numbers": QT_TRANSLATE_NOOP("SettingsFields", "Recent numbers"),
    "calls.hold_message": QT_TRANSLATE_NOOP("SettingsFields", "Hold message"),
    "poll.active_s": QT_TRANSLATE_NOOP("SettingsFields", "Refresh during my calls, s"),
    "poll.focused_s": QT_TRANSLATE_NOOP("SettingsFields", "Refresh while the window is active, s"),
    "poll.idle_s": QT_TRANSLATE_NOOP("SettingsFields", "Refresh when idle, s"),
    "shortcuts": QT_TRANSLATE_NOOP("SettingsFields", "Shortcuts"),
    "appearance.language": QT_TRANSLATE_NOOP("SettingsFields", "Language"),
    "appearance.theme": QT_TRANSLATE_NOOP("SettingsFields", "Theme"),
    "notifications.incoming_call": QT_TRANSLATE_NOOP("SettingsFields", "Incoming calls"),
    "notifications.error": QT_TRANSLATE_NOOP("SettingsFields", "Errors that need me"),
    "screen_pop.enabled": QT_TRANSLATE_NOOP("SettingsFields", "Open a page for new calls"),
    "screen_pop.url_template": QT_TRANSLATE_NOOP("SettingsFields", "Page address"),
    "desktop.autostart": QT_TRANSLATE_NOOP("SettingsFields", "Start at login"),
    "desktop.close_to_tray": QT_TRANSLATE_NOOP(
        "SettingsFields", "Closing the window keeps callpad in the tray"
    ),
    "desktop.start_minimized": QT_TRANSLATE_NOOP("SettingsFields", "Start minimized"),
}
_MESSAGE_PARTS = {"type", "value"}


def field_label(path: str) -> str:
    """The translated name of a settings field ("agent.employee_id" -> "Employee id")."""
    base = path.split("[", 1)[0]
    parts = base.split(".")
    if parts[-1] in _MESSAGE_PARTS:
        base = ".".join(parts[:-1])
    source = FIELD_LABELS.get(base)
    if source is None and base.startswith("shortcuts."):
        source = FIELD_LABELS["shortcuts"]
    return QCoreApplication.translate(_F, source) if source else path


def describe(problem: Problem) -> str:
    """The problem as a sentence in the current UI language."""
    template = QCoreApplication.translate(PROBLEM_CONTEXT, TEMPLATES[problem.kind])
    detail = QCoreApplication.translate(PROBLEM_CONTEXT, problem.detail) if problem.detail else ""
    return template.format(field=field_label(problem.path), detail=detail)


def load_notice(result: LoadResult) -> str:
    """The one-time notice about the settings file, or "" when there is nothing to say."""
    lines: list[str] = []
    if result.moved_aside is not None:
        lines.append(
            QCoreApplication.translate(
                "SettingsNotice",
                "The settings file could not be read, so callpad started with default "
                "settings. The old file was kept as %1.",
            ).replace("%1", result.moved_aside.name)
        )
    if result.problems:
        lines.append(
            QCoreApplication.translate(
                "SettingsNotice",
                "Some settings had values callpad cannot use; they were reset and everything "
                "else was kept:",
            )
        )
        lines.extend(f"• {describe(p)}" for p in result.problems)
        if result.kept_copy is not None:
            lines.append(
                QCoreApplication.translate(
                    "SettingsNotice", "A copy of the file as it was is kept as %1."
                ).replace("%1", result.kept_copy.name)
            )
    if result.newer_version:
        lines.append(
            QCoreApplication.translate(
                "SettingsNotice",
                "The settings were written by a newer callpad; settings it does not know "
                "will be dropped when you save.",
            )
        )
    return "\n".join(lines)


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
        settings: Settings,
        *,
        vault: CredentialVault | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._vault = vault
        self._settings = settings
        self._draft = settings
        self._field_problems: dict[str, Problem] = {}

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def draft(self) -> Settings:
        return self._draft

    def reset(self) -> None:
        """Forget unsaved edits (the dialog was cancelled or reopened)."""
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

    def set_draft(self, draft: Settings) -> None:
        """Replace the whole draft (e.g. "restore defaults" for a section)."""
        before = self.problems()
        if draft != self._draft:
            self._draft = draft
            self.draft_changed.emit()
        if self.problems() != before:
            self.problems_changed.emit()

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
        try:
            self._store.save(self._draft)
        except ConfigError as exc:
            self.save_failed.emit(
                self.tr("The settings could not be saved: %1").replace("%1", str(exc))
            )
            return False
        self._settings = self._draft
        self.saved.emit(self._settings)
        return True

    def forget_credentials(self, account: AccountSettings | None = None) -> list[str]:
        """Remove the remembered password and key everywhere, and stop remembering."""
        failed = self._vault.forget(account or self._settings.account) if self._vault else []
        if self._settings.account.remember or self._draft.account.remember:
            self._settings = replace(
                self._settings, account=replace(self._settings.account, remember=False)
            )
            self._draft = replace(self._draft, account=replace(self._draft.account, remember=False))
            try:
                self._store.save(self._settings)
            except ConfigError as exc:
                self.save_failed.emit(
                    self.tr("The settings could not be saved: %1").replace("%1", str(exc))
                )
            self.draft_changed.emit()
            self.saved.emit(self._settings)
        self.credentials_forgotten.emit(failed)
        return failed
