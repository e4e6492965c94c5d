"""ActionTable: the QActions of one window, built from the action table in `ui.shortcuts`.

Qt matches shortcuts by character, so with the Russian layout active Ctrl+Shift+H arrives as
Ctrl+Shift+Р: every Ctrl/Alt+letter binding also registers the Cyrillic letter on the same key
(ЙЦУКЕН), and Ctrl+Shift+digit also the shifted symbol, so shortcuts are bound by key, not by
character (AGENT-DESKTOPS.md section 3).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from callpad.ui.icons import icon
from callpad.ui.shortcuts import (
    ACTIONS,
    LOCAL_ACTIONS,
    SPECS,
    action_text,
    native_keys,
    toggle_partner,
)

_LATIN_ROW = "QWERTYUIOP[]ASDFGHJKL;'ZXCVBNM,.`"
_CYRILLIC_ROW = "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
_QT_KEY_NAMES = {
    "[": "BracketLeft",
    "]": "BracketRight",
    ";": "Semicolon",
    "'": "Apostrophe",
    ",": "Comma",
    ".": "Period",
    "`": "QuoteLeft",
}
_SHIFTED_DIGITS = {
    "1": "!",
    "2": "@",
    "3": "#",
    "4": "$",
    "5": "%",
    "6": "^",
    "7": "&",
    "8": "*",
    "9": "(",
    "0": ")",
}


def layout_variants(portable: str) -> list[QKeySequence]:
    """The sequence itself plus the forms it takes on the Russian layout and with Shift+digit."""
    primary = QKeySequence(portable, QKeySequence.SequenceFormat.PortableText)
    out = [primary]
    if primary.isEmpty():
        return out
    combo = primary[0]  # type: ignore[index]  # PySide6 stubs lack QKeySequence.__getitem__
    mods, key = combo.keyboardModifiers(), combo.key()
    if not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return out
    name = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
    latin = next((char for char, qt in _QT_KEY_NAMES.items() if qt == name), name)
    if len(latin) == 1 and latin.upper() in _LATIN_ROW:
        cyrillic = _CYRILLIC_ROW[_LATIN_ROW.index(latin.upper())]
        out.append(QKeySequence(mods.value | ord(cyrillic)))
    if latin in _SHIFTED_DIGITS and mods & Qt.KeyboardModifier.ShiftModifier:
        out.append(QKeySequence(mods.value | ord(_SHIFTED_DIGITS[latin])))
    return out


def _bindings(overrides: Mapping[str, Sequence[str]] | None) -> dict[str, tuple[str, ...]]:
    """Every action's keys: the agent's remapping where there is one, else the default.

    A toggle pair shares its keys: a remapped hold also resumes (unhold) with the new key.
    """
    given = dict(overrides or {})
    for spec in ACTIONS:
        partner = toggle_partner(spec.id)
        if spec.id not in given and partner is not None and partner in given:
            given[spec.id] = given[partner]
    return {spec.id: tuple(given.get(spec.id, spec.keys)) for spec in ACTIONS}


class ActionTable(QObject):
    """The QActions of one window, built from ACTIONS with the agent's remappings applied."""

    def __init__(self, host: QWidget, overrides: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(host)
        self._host = host
        self._keys = _bindings(overrides)
        self.actions: dict[str, QAction] = {}
        self._last_fired: dict[str, float] = {}
        for spec in ACTIONS:
            action = QAction(self._host)
            action.setObjectName(f"action_{spec.id}")
            action.setAutoRepeat(False)  # a held key never sends a command twice
            action.setCheckable(spec.checkable)
            if spec.icon:
                action.setIcon(icon(spec.icon))
            if spec.id not in LOCAL_ACTIONS:
                action.setShortcuts(self._sequences(spec.id))
                host.addAction(action)
            self.actions[spec.id] = action
            self.set_text(spec.id, action_text(spec))

    def _sequences(self, action_id: str) -> list[QKeySequence]:
        return [v for k in self._keys[action_id] for v in layout_variants(k)]

    def set_overrides(self, overrides: Mapping[str, Sequence[str]] | None) -> bool:
        """Apply remapped keys at once (after a settings save); False if nothing changed.

        Shortcuts, tooltips and accessible descriptions follow; the buttons re-read them on
        their action's `changed` signal.
        """
        keys = _bindings(overrides)
        changed = [action_id for action_id, k in keys.items() if self._keys[action_id] != k]
        self._keys = keys
        for action_id in changed:
            action = self.actions[action_id]
            if action_id not in LOCAL_ACTIONS:
                action.setShortcuts(self._sequences(action_id))
            self.set_text(action_id, action.text())
        return bool(changed)

    def retint(self) -> None:
        """Re-create the icons in the current palette (after a light/dark switch)."""
        for spec in ACTIONS:
            if spec.icon:
                self.actions[spec.id].setIcon(icon(spec.icon))

    def keys(self, action_id: str) -> tuple[str, ...]:
        return self._keys[action_id]

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def set_text(self, action_id: str, text: str) -> None:
        """Set the label; tooltip and accessible description carry the keys."""
        action = self.actions[action_id]
        action.setText(text)
        keys = native_keys(self._keys[action_id])
        action.setToolTip(f"{text} ({keys})" if keys else text)

    def bind(self, action_id: str, command: Callable[[], object]) -> None:
        """Run `command` on trigger; destructive commands are throttled (1 s, as in Flex)."""
        spec = SPECS[action_id]

        def fire() -> None:
            if spec.throttle_s:
                now = time.monotonic()
                if now - self._last_fired.get(action_id, -1e9) < spec.throttle_s:
                    return
                self._last_fired[action_id] = now
            command()

        self.actions[action_id].triggered.connect(fire)

    def set_enabled(self, action_id: str, enabled: bool) -> None:
        self.actions[action_id].setEnabled(enabled)
