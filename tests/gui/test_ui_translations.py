"""The translation loader: English needs nothing; Russian loads Qt's own catalogue at least."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from callpad.ui.translations import compile_catalogue, install_translators, ui_language


def test_language_setting_wins_and_unknown_system_languages_fall_back_to_english():
    assert ui_language("ru") == "ru"
    assert ui_language("en") == "en"
    assert ui_language("system") in ("ru", "en")


def test_english_installs_no_translator(qapp: QApplication) -> None:
    assert install_translators(qapp, "en") == []


def test_russian_installs_qtbase(qapp: QApplication) -> None:
    translators = install_translators(qapp, "ru")
    try:
        assert translators
        assert any(t.language().startswith("ru") for t in translators)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


UI_CONTEXTS = {
    "AdvancedDialForm", "CallDialogs", "CallsView", "CheatSheet", "DialerPanel", "DtmfKeypad",
    "FirstRunDialog", "LoginDialog", "MainWindow", "Menus", "Shortcuts", "StatusBar",
    "TalkOptionsPanel", "_MessageEditor",
}  # fmt: skip
CATALOGUE = Path(__file__).parents[2] / "resources" / "translations" / "callpad_ru.ts"


def test_every_string_of_the_main_window_has_a_russian_translation():
    root = ET.parse(CATALOGUE).getroot()  # noqa: S314 - our own committed file
    missing = [
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        if context.findtext("name") in UI_CONTEXTS
        for message in context.iter("message")
        if not (message.findtext("translation") or "").strip()
        or (message.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert missing == []
    found = {context.findtext("name") for context in root.iter("context")}
    assert found >= UI_CONTEXTS


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_compiled_catalogue_turns_the_window_russian(
    qapp: QApplication, tmp_path: Path
) -> None:
    folder = compile_catalogue("ru", tmp_path)
    if folder is None:
        pytest.skip("pyside6-lrelease is not available")
    translators = install_translators(qapp, "ru", (folder,))
    try:
        assert QCoreApplication.translate("Shortcuts", "Hang up") == "Завершить"
        assert QCoreApplication.translate("MainWindow", "ACTIVE CALLS") == "АКТИВНЫЕ ЗВОНКИ"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
