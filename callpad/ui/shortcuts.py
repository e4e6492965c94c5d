"""THE action table: every command with its id, default keys, text and icon, as QActions.

Defaults follow AGENT-DESKTOPS.md section 3: Twilio Flex's Ctrl+Shift+letter where the meaning
matches (Flex letters with another meaning stay unbound), desk-phone F-keys as layout-independent
alternatives, nothing on the Ctrl+C/V/X/Z/Y/A editing set. Qt matches shortcuts by character, so
with the Russian layout active Ctrl+Shift+H arrives as Ctrl+Shift+Р: every Ctrl/Alt+letter binding
also registers the Cyrillic letter on the same key (ЙЦУКЕН), and Ctrl+Shift+digit also the shifted
symbol, so shortcuts are bound by key, not by character.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from callpad.ui.icons import icon


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context`; translated where it is shown."""
    return text


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: stable id, default keys (PortableText, primary first), source text."""

    id: str
    keys: tuple[str, ...]
    text: str
    group: str
    icon: str | None = None
    throttle_s: float = 0.0
    checkable: bool = False
    short: str = ""  # the label on a button, when the menu text is too long for one


GROUP_DIALER = QT_TRANSLATE_NOOP("Shortcuts", "Dialer")
GROUP_CALL = QT_TRANSLATE_NOOP("Shortcuts", "Call")
GROUP_VIEW = QT_TRANSLATE_NOOP("Shortcuts", "View")
GROUP_APP = QT_TRANSLATE_NOOP("Shortcuts", "Application")

_TALK_OPTIONS = tuple(
    ActionSpec(f"talk_option_{n}", (f"Alt+{n}",), "", GROUP_CALL, "talk_option")
    for n in range(1, 10)
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "focus_dialer",
        ("Ctrl+Shift+D", "F2"),
        QT_TRANSLATE_NOOP("Shortcuts", "Focus the dialer"),
        GROUP_DIALER,
        "dial",
    ),
    ActionSpec(
        "dial", ("Return", "Enter"), QT_TRANSLATE_NOOP("Shortcuts", "Dial"), GROUP_DIALER, "dial"
    ),
    ActionSpec(
        "redial",
        ("Ctrl+Shift+L", "F3"),
        QT_TRANSLATE_NOOP("Shortcuts", "Redial the last number"),
        GROUP_DIALER,
        "redial",
    ),
    ActionSpec(
        "dial_clipboard",
        ("Ctrl+Shift+F3",),
        QT_TRANSLATE_NOOP("Shortcuts", "Dial the selected or copied number"),
        GROUP_DIALER,
        "dial",
    ),
    ActionSpec(
        "toggle_advanced",
        ("Alt+A",),
        QT_TRANSLATE_NOOP("Shortcuts", "Advanced dialing options"),
        GROUP_DIALER,
        "settings",
        checkable=True,
    ),
    ActionSpec(
        "hold", ("Ctrl+Shift+H", "F4"), QT_TRANSLATE_NOOP("Shortcuts", "Hold"), GROUP_CALL, "hold"
    ),
    ActionSpec(
        "unhold",
        ("Ctrl+Shift+H", "F4"),
        QT_TRANSLATE_NOOP("Shortcuts", "Resume"),
        GROUP_CALL,
        "unhold",
    ),
    ActionSpec(
        "consult",
        ("Ctrl+Shift+N", "F7"),
        QT_TRANSLATE_NOOP("Shortcuts", "Consult a colleague or number"),
        GROUP_CALL,
        "consult",
        short=QT_TRANSLATE_NOOP("Shortcuts", "Consult"),
    ),
    ActionSpec(
        "transfer",
        ("Ctrl+Shift+X", "F8"),
        QT_TRANSLATE_NOOP("Shortcuts", "Transfer"),
        GROUP_CALL,
        "transfer",
    ),
    ActionSpec(
        "restore",
        ("Ctrl+Shift+B", "F9"),
        QT_TRANSLATE_NOOP("Shortcuts", "Return to the customer"),
        GROUP_CALL,
        "restore",
        short=QT_TRANSLATE_NOOP("Shortcuts", "Return"),
    ),
    ActionSpec(
        "disconnect_leg",
        ("Ctrl+Shift+W",),
        QT_TRANSLATE_NOOP("Shortcuts", "Disconnect the selected leg"),
        GROUP_CALL,
        "disconnect_leg",
        short=QT_TRANSLATE_NOOP("Shortcuts", "Drop leg"),
        throttle_s=1.0,
    ),
    ActionSpec(
        "tag",
        ("Ctrl+Shift+G",),
        QT_TRANSLATE_NOOP("Shortcuts", "Tag the call…"),
        GROUP_CALL,
        "tag",
        short=QT_TRANSLATE_NOOP("Shortcuts", "Tag…"),
    ),
    ActionSpec(
        "record",
        ("Ctrl+Shift+O",),
        QT_TRANSLATE_NOOP("Shortcuts", "Recording on/off"),
        GROUP_CALL,
        "record",
    ),
    ActionSpec(
        "coach",
        ("Ctrl+Shift+J",),
        QT_TRANSLATE_NOOP("Shortcuts", "Add a coach…"),
        GROUP_CALL,
        "coach",
        short=QT_TRANSLATE_NOOP("Shortcuts", "Coach…"),
    ),
    ActionSpec(
        "dtmf",
        ("Ctrl+Shift+K", "F11"),
        QT_TRANSLATE_NOOP("Shortcuts", "DTMF keypad"),
        GROUP_CALL,
        "keypad",
        short=QT_TRANSLATE_NOOP("Shortcuts", "Keypad"),
    ),
    ActionSpec(
        "block",
        ("Ctrl+Shift+Del",),
        QT_TRANSLATE_NOOP("Shortcuts", "Block the contact…"),
        GROUP_CALL,
        "block",
        short=QT_TRANSLATE_NOOP("Shortcuts", "Block…"),
        throttle_s=1.0,
    ),
    ActionSpec(
        "release",
        ("Ctrl+Shift+1", "F12"),
        QT_TRANSLATE_NOOP("Shortcuts", "Hang up"),
        GROUP_CALL,
        "release",
        throttle_s=1.0,
    ),
    ActionSpec(
        "copy_number",
        ("Ctrl+C",),
        QT_TRANSLATE_NOOP("Shortcuts", "Copy the contact number"),
        GROUP_CALL,
    ),
    *_TALK_OPTIONS,
    ActionSpec(
        "focus_calls",
        ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP("Shortcuts", "Go to the call list"),
        GROUP_VIEW,
    ),
    ActionSpec(
        "prev_call", ("Ctrl+Shift+T",), QT_TRANSLATE_NOOP("Shortcuts", "Previous call"), GROUP_VIEW
    ),
    ActionSpec(
        "next_call", ("Ctrl+Shift+Y",), QT_TRANSLATE_NOOP("Shortcuts", "Next call"), GROUP_VIEW
    ),
    ActionSpec("next_pane", ("Ctrl+F6",), QT_TRANSLATE_NOOP("Shortcuts", "Next pane"), GROUP_VIEW),
    ActionSpec(
        "previous_pane",
        ("Ctrl+Shift+F6",),
        QT_TRANSLATE_NOOP("Shortcuts", "Previous pane"),
        GROUP_VIEW,
    ),
    ActionSpec("my_calls", ("Ctrl+1",), QT_TRANSLATE_NOOP("Shortcuts", "My calls"), GROUP_VIEW),
    ActionSpec("all_calls", ("Ctrl+2",), QT_TRANSLATE_NOOP("Shortcuts", "All calls"), GROUP_VIEW),
    ActionSpec(
        "refresh",
        ("Ctrl+R", "F5"),
        QT_TRANSLATE_NOOP("Shortcuts", "Refresh calls"),
        GROUP_VIEW,
        "refresh",
    ),
    ActionSpec(
        "refresh_talk_options",
        ("Shift+F5",),
        QT_TRANSLATE_NOOP("Shortcuts", "Reload talk options"),
        GROUP_VIEW,
        "refresh",
    ),
    ActionSpec(
        "keep_on_top",
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("Shortcuts", "Keep the window on top"),
        GROUP_VIEW,
        "pin",
        checkable=True,
    ),
    ActionSpec(
        "cheat_sheet",
        ("F1", "Ctrl+/"),
        QT_TRANSLATE_NOOP("Shortcuts", "Keyboard shortcuts"),
        GROUP_APP,
        "help",
    ),
    ActionSpec(
        "command_palette",
        ("Ctrl+K",),
        QT_TRANSLATE_NOOP("Shortcuts", "Find a command…"),
        GROUP_APP,
        "help",
    ),
    ActionSpec(
        "settings", ("Ctrl+,",), QT_TRANSLATE_NOOP("Shortcuts", "Settings…"), GROUP_APP, "settings"
    ),
    ActionSpec(
        "logout", ("Ctrl+Shift+0",), QT_TRANSLATE_NOOP("Shortcuts", "Sign out"), GROUP_APP, "logout"
    ),
    ActionSpec("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit"), GROUP_APP),
)

SPECS: Mapping[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}

# Pairs that share keys on purpose: only one of each pair is enabled at a time.
TOGGLE_PAIRS: frozenset[frozenset[str]] = frozenset({frozenset({"hold", "unhold"})})
# Bindings only active while the named part of the window has focus (never clash window-wide).
LOCAL_ACTIONS: frozenset[str] = frozenset({"dial", "copy_number"})
# The editing set no window-wide command may take (AGENT-DESKTOPS.md section 3).
RESERVED_KEYS: frozenset[str] = frozenset(
    {"Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z", "Ctrl+Y", "Ctrl+A", "Ctrl+Shift+Z", "Ctrl+Shift+V"}
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


def find_clashes(bindings: Mapping[str, Sequence[str]]) -> list[tuple[str, str, str]]:
    """(key, action, action) for every key bound to two window-wide commands, or to a reserved key.

    The settings dialog refuses a remapping for which this returns anything.
    """
    owner: dict[str, str] = {}
    clashes: list[tuple[str, str, str]] = []
    for action_id, keys in bindings.items():
        if action_id in LOCAL_ACTIONS:
            continue
        for key in keys:
            normal = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
            if normal in RESERVED_KEYS:
                clashes.append((normal, action_id, "reserved"))
            other = owner.get(normal)
            if other is not None and frozenset({other, action_id}) not in TOGGLE_PAIRS:
                clashes.append((normal, other, action_id))
            owner.setdefault(normal, action_id)
    return clashes


def short_text(spec: ActionSpec) -> str:
    """The button label: the short text if there is one, else the menu text without "…"."""
    text = spec.short or spec.text
    return QCoreApplication.translate("Shortcuts", text).rstrip("…") if text else spec.id


def action_text(spec: ActionSpec) -> str:
    return QCoreApplication.translate("Shortcuts", spec.text) if spec.text else spec.id


def native_keys(keys: Iterable[str]) -> str:
    """Keys as the agent reads them (NativeText), joined for menus, tooltips and the cheat sheet."""
    return ", ".join(
        QKeySequence(k, QKeySequence.SequenceFormat.PortableText).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        for k in keys
    )


class ActionTable(QObject):
    """The QActions of one window, built from ACTIONS with the agent's remappings applied."""

    def __init__(self, host: QWidget, overrides: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(host)
        self._host = host
        self._keys: dict[str, tuple[str, ...]] = {
            spec.id: tuple((overrides or {}).get(spec.id, spec.keys)) for spec in ACTIONS
        }
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
                action.setShortcuts([v for k in self._keys[spec.id] for v in layout_variants(k)])
                host.addAction(action)
            self.actions[spec.id] = action
            self.set_text(spec.id, action_text(spec))

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
