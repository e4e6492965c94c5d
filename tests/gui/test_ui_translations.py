"""The translation loader: English needs nothing; Russian loads Qt's own catalogue at least."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from callpad.ui.translations import install_translators, ui_language


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
