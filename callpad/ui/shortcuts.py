"""THE action table: every command with its id, default keys, text and icon (as data).

Defaults follow AGENT-DESKTOPS.md section 3: Twilio Flex's Ctrl+Shift+letter where the meaning
matches (Flex letters with another meaning stay unbound), desk-phone F-keys as layout-independent
alternatives, nothing on the Ctrl+C/V/X/Z/Y/A editing set. `ui.action_table.ActionTable` turns
it into QActions (bound by key on the Russian layout too); the settings dialog remaps keys with
`find_clashes` refusing clashes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


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

TALK_OPTION_TEXT = QT_TRANSLATE_NOOP("Shortcuts", "Talk option %1")  # %1: its number, 1…9

_TALK_OPTIONS = tuple(
    ActionSpec(f"talk_option_{n}", (f"Alt+{n}",), TALK_OPTION_TEXT, GROUP_CALL, "talk_option")
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
    # F6 cycles panes, as screen-reader users expect (AGENT-DESKTOPS.md sections 3 and 4).
    ActionSpec(
        "next_pane", ("F6", "Ctrl+F6"), QT_TRANSLATE_NOOP("Shortcuts", "Next pane"), GROUP_VIEW
    ),
    ActionSpec(
        "previous_pane",
        ("Shift+F6", "Ctrl+Shift+F6"),
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


def toggle_partner(action_id: str) -> str | None:
    """The other command of a toggle pair (hold <-> unhold): remapping one remaps both."""
    pair = next((p for p in TOGGLE_PAIRS if action_id in p), None)
    return None if pair is None else next(a for a in pair if a != action_id)


# Bindings only active while the named part of the window has focus (never clash window-wide).
LOCAL_ACTIONS: frozenset[str] = frozenset({"dial", "copy_number"})
# The editing set no window-wide command may take (AGENT-DESKTOPS.md section 3).
RESERVED_KEYS: frozenset[str] = frozenset(
    {"Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z", "Ctrl+Y", "Ctrl+A", "Ctrl+Shift+Z", "Ctrl+Shift+V"}
)


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
    return (
        _numbered(spec, QCoreApplication.translate("Shortcuts", text).rstrip("…"))
        if text
        else spec.id
    )


def action_text(spec: ActionSpec) -> str:
    return (
        _numbered(spec, QCoreApplication.translate("Shortcuts", spec.text))
        if spec.text
        else spec.id
    )


def _numbered(spec: ActionSpec, text: str) -> str:
    """Fill "%1" of a numbered command ("Talk option %1") with the number its id ends in."""
    return text.replace("%1", spec.id.rsplit("_", 1)[-1]) if "%1" in text else text


def native_keys(keys: Iterable[str]) -> str:
    """Keys as the agent reads them (NativeText), joined for menus, tooltips and the cheat sheet."""
    return ", ".join(
        QKeySequence(k, QKeySequence.SequenceFormat.PortableText).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        for k in keys
    )
