"""Installs Qt translators: callpad_<lang>.qm from the resources and Qt's own qtbase_<lang>.qm."""

from __future__ import annotations

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
