"""Workarounds for defects of the pinned PySide6 (6.12.0) that the whole app must apply once.

WORKAROUND (no upstream report found yet; reproduced on CPython 3.11.7 with PySide6 6.12.0):
PySide6 returns `None`, `True` and `False` to Python without taking a reference to them (as if they
were immortal, which they are only from Python 3.12 on, PEP 683). `SignalInstance.emit()` drops one
reference to True per call, `beginInsertRows()` / `QTimer.start()` and every other void method one
to None. After some thousands of calls (minutes of polling) CPython 3.11 aborts with "Fatal Python
error: bool_dealloc" or "none_dealloc". Reproduce:

    r0 = sys.getrefcount(True); obj.some_signal.emit(); assert sys.getrefcount(True) == r0 - 1

`pin_singletons()` gives None, True and False a reference count so large that no run can use it
up, which is what Python 3.12+ does for them anyway. It does nothing on 3.12+ or on interpreters
other than CPython. The app calls it at start-up, before the first Qt call; GUI tests call it in
their conftest. Moving the project to Python >= 3.12 makes it unnecessary.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_PIN = 1 << 40  # references added; at one lost reference per call, never used up


def pin_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12; True if it did."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object header (Include/object.h).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _PIN
    return True
