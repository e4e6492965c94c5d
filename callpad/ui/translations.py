"""Installs Qt translators: callpad_<lang>.qm from the resources and Qt's own qtbase_<lang>.qm."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from callpad.ui.resources import resource_dir

SUPPORTED = ("ru", "en")


def ui_language(setting: str) -> str:
    """The two-letter language to use: the setting unless "system", else the system locale's."""
    if setting in SUPPORTED:
        return setting
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def lrelease_tool() -> Path | None:
    """pyside6-lrelease beside this interpreter (a dev checkout's venv), if there is one."""
    for folder in (Path(sys.executable).parent, *map(Path, os.get_exec_path())):
        tool = folder / "pyside6-lrelease"
        if tool.is_file() and os.access(tool, os.X_OK):
            return tool
    return None


def compile_catalogue(lang: str, out_dir: Path) -> Path | None:
    """Compile resources/translations/callpad_<lang>.ts into out_dir (a checkout with no build).

    Installed builds ship the .qm; this only helps when running from source. Returns the folder
    holding the fresh .qm, or None when there is no .ts or no lrelease.
    """
    source_dir, tool = resource_dir("translations"), lrelease_tool()
    if source_dir is None or tool is None:
        return None
    source = source_dir / f"callpad_{lang}.ts"
    if not source.is_file():
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"callpad_{lang}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return out_dir
    done = subprocess.run(  # noqa: S603 - fixed tool path and arguments, no shell
        [str(tool), "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        check=False,
        timeout=30,
    )
    return out_dir if done.returncode == 0 and target.is_file() else None


def install_translators(
    app: QCoreApplication, lang: str, extra_dirs: tuple[Path, ...] = ()
) -> list[QTranslator]:
    """Load and install the translators for `lang`; returns them (keep them alive).

    English is the source language, so "en" installs nothing of ours. A missing .qm (a checkout
    where the build has not compiled the .ts files yet) is not an error: the UI stays in English.
    """
    installed: list[QTranslator] = []
    if lang == "en":
        return installed
    locale = QLocale(lang)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    own_dirs = [d for d in (*extra_dirs, resource_dir("translations")) if d is not None]
    candidates = [("qtbase", qt_dir)] + [("callpad", str(d)) for d in own_dirs]
    loaded_own = False
    for name, folder in candidates:
        if name == "callpad" and loaded_own:
            continue
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
            loaded_own = loaded_own or name == "callpad"
    return installed
