"""The menu bar, built from the action table (menus show each command's key)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMenu

from callpad.ui.action_table import ActionTable

_MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&callpad", ("settings", "logout", "", "quit")),
    ("&Dial", ("focus_dialer", "redial", "dial_clipboard", "", "toggle_advanced")),
    (
        "C&all",
        (
            "hold",
            "unhold",
            "consult",
            "transfer",
            "restore",
            "",
            "dtmf",
            "tag",
            "record",
            "coach",
            "disconnect_leg",
            "",
            "copy_number",
            "block",
            "",
            "release",
        ),
    ),
    (
        "&View",
        (
            "focus_calls",
            "next_pane",
            "previous_pane",
            "prev_call",
            "next_call",
            "",
            "my_calls",
            "all_calls",
            "",
            "refresh",
            "refresh_talk_options",
            "",
            "keep_on_top",
        ),
    ),
    ("&Help", ("cheat_sheet", "command_palette")),
)


def build_menus(window: QMainWindow, table: ActionTable) -> None:
    bar = window.menuBar()
    titles = {
        "&callpad": QCoreApplication.translate("Menus", "&callpad"),
        "&Dial": QCoreApplication.translate("Menus", "&Dial"),
        "C&all": QCoreApplication.translate("Menus", "C&all"),
        "&View": QCoreApplication.translate("Menus", "&View"),
        "&Help": QCoreApplication.translate("Menus", "&Help"),
    }
    for title, ids in _MENUS:
        menu = bar.addMenu(titles[title])
        menu.setToolTipsVisible(True)
        for action_id in ids:
            if action_id:
                menu.addAction(table[action_id])
            else:
                menu.addSeparator()
        if title == "C&all":
            options = menu.addMenu(QCoreApplication.translate("Menus", "Talk options"))
            for n in range(1, 10):
                options.addAction(table[f"talk_option_{n}"])


def add_log_folder_item(
    window: QMainWindow,
    folder: Path,
    opener: Callable[[QUrl], object] = QDesktopServices.openUrl,
) -> QAction:
    """Help → "Open log folder": shows the folder of callpad's log in the file manager (issue 5).

    ``opener`` is injectable so tests need not launch a file manager.
    """
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)  # noqa: S101 - build_menus made Help the last menu
    action = QAction(QCoreApplication.translate("Menus", "Open &log folder"), window)
    action.setObjectName("open_log_folder")
    action.setToolTip(QCoreApplication.translate("Menus", "Show the folder of callpad's log files"))
    action.triggered.connect(lambda: opener(QUrl.fromLocalFile(str(folder))))
    help_menu.addSeparator()
    help_menu.addAction(action)
    return action
