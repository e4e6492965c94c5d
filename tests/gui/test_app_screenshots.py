"""`callpad --demo --screenshots DIR` renders the live demo desk in light and dark palettes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def test_screenshots_are_written_in_both_palettes(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "callpad", "--demo", "--screenshots", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    light, dark = (
        QImage(str(tmp_path / "callpad-light.png")),
        QImage(str(tmp_path / "callpad-dark.png")),
    )
    assert light.width() >= 1200
    assert dark.size() == light.size()
    # the dark palette really is dark: the window background's corner pixel
    assert light.pixelColor(5, 40).lightness() > 200
    assert dark.pixelColor(5, 40).lightness() < 80
