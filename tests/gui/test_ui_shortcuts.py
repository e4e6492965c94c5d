"""The action table: defaults without clashes, keys shown, RU-layout variants, the cheat sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from callpad.ui.action_table import ActionTable, layout_variants
from callpad.ui.cheat_sheet import CheatSheet
from callpad.ui.shortcuts import ACTIONS, LOCAL_ACTIONS, RESERVED_KEYS, SPECS, find_clashes
from tests.gui.test_ui_desk import OFFSCREEN_NOISE


def test_default_bindings_have_no_clashes_and_leave_editing_keys_alone():
    bindings = {spec.id: spec.keys for spec in ACTIONS}
    assert find_clashes(bindings) == []
    for spec in ACTIONS:
        if spec.id not in LOCAL_ACTIONS:
            assert not set(spec.keys) & RESERVED_KEYS, spec.id


def test_every_action_has_a_key():
    assert [spec.id for spec in ACTIONS if not spec.keys] == []


def test_flex_letters_keep_their_meaning():
    assert SPECS["hold"].keys[0] == "Ctrl+Shift+H"
    assert SPECS["release"].keys[0] == "Ctrl+Shift+1"
    assert SPECS["focus_calls"].keys[0] == "Ctrl+Shift+C"
    flex_other_meaning = {"Ctrl+Shift+A", "Ctrl+Shift+R", "Ctrl+Shift+M", "Ctrl+Shift+S"}
    assert not {k for spec in ACTIONS for k in spec.keys} & flex_other_meaning


def test_a_remapping_onto_a_taken_key_is_reported():
    bindings = {spec.id: spec.keys for spec in ACTIONS} | {"tag": ("Ctrl+Shift+H",)}
    clashes = find_clashes(bindings)
    assert ("Ctrl+Shift+H", "hold", "tag") in clashes or (
        "Ctrl+Shift+H",
        "unhold",
        "tag",
    ) in clashes
    assert find_clashes({"tag": ("Ctrl+V",)}) == [("Ctrl+V", "tag", "reserved")]


def test_letter_shortcuts_also_bind_the_russian_letter_on_the_same_key():
    variants = [
        v.toString(QKeySequence.SequenceFormat.PortableText)
        for v in layout_variants("Ctrl+Shift+H")
    ]
    assert variants == ["Ctrl+Shift+H", "Ctrl+Shift+Р"]
    digit = [v.toString() for v in layout_variants("Ctrl+Shift+1")]
    assert "Ctrl+Shift+!" in digit
    assert len(layout_variants("F4")) == 1


def test_tooltips_and_menus_show_the_keys(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    table = ActionTable(window)
    assert table["hold"].toolTip() == "Hold (Ctrl+Shift+H, F4)"
    assert table["hold"].shortcut().toString() == "Ctrl+Shift+H"
    assert table["hold"].autoRepeat() is False


def test_remapped_keys_replace_the_defaults(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    table = ActionTable(window, {"tag": ("Ctrl+Shift+U",)})
    assert table.keys("tag") == ("Ctrl+Shift+U",)
    assert table["tag"].shortcut().toString() == "Ctrl+Shift+U"


def test_destructive_commands_are_throttled(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    table = ActionTable(window)
    fired: list[int] = []
    table.bind("release", lambda: fired.append(1))
    table["release"].trigger()
    table["release"].trigger()
    assert fired == [1]


@OFFSCREEN_NOISE
def test_cheat_sheet_lists_every_command_and_runs_the_chosen_one(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    table = ActionTable(window)
    fired: list[str] = []
    table.bind("refresh", lambda: fired.append("refresh"))
    sheet = CheatSheet(table, window)
    qtbot.addWidget(sheet)
    names = [
        sheet.model.item(g).child(r).text()
        for g in range(sheet.model.rowCount())
        for r in range(sheet.model.item(g).rowCount())
    ]
    assert len(names) == len(ACTIONS)
    assert "Talk option 1" in names  # a command with no talk option loaded yet: never its raw id
    assert not [n for n in names if n.startswith("talk_option_")]
    sheet.open_palette()
    QTest.keyClicks(sheet.filter, "refresh calls")
    QTest.keyClick(sheet.filter, Qt.Key.Key_Return)
    assert fired == ["refresh"]
    assert not sheet.isVisible()
