"""Test-wide setup: offscreen Qt, and a qasync loop for GUI tests (STACK.md section 4)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from callpad.viewmodels.pyside_workarounds import pin_singletons

# PySide6 6.12.0 on CPython 3.11 leaks references to None/True/False (see that module): pin them
# before any Qt call, for every test that touches Qt, not only those under tests/gui.
pin_singletons()

_GUI_DIR = Path(__file__).parent / "gui"


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    return loop


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    """GUI tests run on a fresh qasync loop; core tests on a plain asyncio loop."""
    if _GUI_DIR in Path(item.path).parents:
        return {"qasync": _qasync_loop}
    return {"asyncio": asyncio.new_event_loop}
