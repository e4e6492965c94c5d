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


def test_screenshots_of_the_russian_ui_are_written_with_the_language_in_their_names(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "en_US.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "callpad", "--demo", "--lang", "ru", "--screenshots", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == ["callpad-ru-dark-1024x640.png", "callpad-ru-dark.png", "callpad-ru-light.png"]
    assert QImage(str(tmp_path / "callpad-ru-light.png")).width() >= 1200
