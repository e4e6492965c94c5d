"""Help → "Open log folder" (issue 5): the item is in the Help menu and opens the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from callpad.ui.action_table import ActionTable
from callpad.ui.menus import add_log_folder_item, build_menus


def test_open_log_folder_is_in_the_help_menu_and_opens_the_log_dir(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    build_menus(window, ActionTable(window))
    opened: list[QUrl] = []
    logs = tmp_path / "logs"
    action = add_log_folder_item(window, logs, opener=opened.append)

    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    assert window.menuBar().actions()[-1].text() == "&Help"
    assert action in help_menu.actions()
    assert action.text().replace("&", "") == "Open log folder"

    action.trigger()
    assert opened == [QUrl.fromLocalFile(str(logs))]
    assert Path(opened[0].toLocalFile()) == logs
