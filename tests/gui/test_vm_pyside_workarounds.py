"""The PySide6 6.12.0 reference leak on None/True/False, and the pin that neutralises it."""

import subprocess
import sys

import pytest

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
from callpad.viewmodels.pyside_workarounds import pin_singletons
if sys.argv[1] == "pin":
    pin_singletons()
app = QCoreApplication([])
class Probe(QObject):
    ping = Signal(int)
probe = Probe()
for i in range(200_000):
    probe.ping.emit(i)
print("survived")
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None/True/False are immortal on 3.12+")
def test_emit_loses_references_to_true_without_the_pin():
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, "nopin"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0
    assert "bool_dealloc" in run.stderr


def test_pinned_singletons_survive_many_emits():
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, "pin"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr[-500:]
    assert "survived" in run.stdout
