"""The Russian catalogue is complete for today's sources, and the loader installs it (and Qt's)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from callpad.config.problems import TEMPLATES
from callpad.config.store import SettingsStore
from callpad.desktop.tray import TrayIcon, TrayState
from callpad.ui.settings_dialog import SettingsDialog
from callpad.ui.translations import compile_catalogue, install_translators, ui_language
from callpad.viewmodels.settings import SettingsViewModel


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


CHECKOUT = Path(__file__).parents[2]
CATALOGUE = CHECKOUT / "resources" / "translations" / "callpad_ru.ts"
PLACEHOLDER = re.compile(r"%(?:n|[1-9])|\{[a-z_]+\}")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)

Key = tuple[str, str]  # (context, source)


def qt_tool(name: str) -> Path:
    """A Qt tool that ships with PySide6 (a dependency): beside this interpreter, or on PATH."""
    beside = Path(sys.executable).parent / name
    found = beside if beside.is_file() else Path(shutil.which(name) or "")
    assert found.is_file(), f"{name} comes with PySide6; it is missing from this environment"
    return found


def read_catalogue(path: Path) -> dict[Key, list[str] | None]:
    """Each message: its translation (numerus forms as a list), or None when unfinished/empty."""
    root = ET.parse(path).getroot()  # noqa: S314 - our own file or lupdate's output
    out: dict[Key, list[str] | None] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            finished = translation.get("type") is None and all(f.strip() for f in forms)
            out[(name, message.findtext("source") or "")] = forms if finished else None
    return out


@pytest.fixture(scope="module")
def committed() -> dict[Key, list[str] | None]:
    return read_catalogue(CATALOGUE)


def test_every_marked_string_of_the_sources_has_a_finished_russian_translation(
    tmp_path: Path, committed: dict[Key, list[str] | None]
) -> None:
    """lupdate over today's sources: a new or changed visible string without Russian fails here.

    Fix: `pyside6-lupdate -extensions py callpad -ts resources/translations/callpad_ru.ts
    -no-obsolete`, translate the new entries (Qt Linguist or the XML), commit the .ts.
    """
    fresh = tmp_path / "fresh_ru.ts"
    done = subprocess.run(  # fixed tool and arguments, no shell
        [str(qt_tool("pyside6-lupdate")), "-silent", "-extensions", "py",
         str(CHECKOUT / "callpad"), "-ts", str(fresh), "-target-language", "ru_RU"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    extracted = read_catalogue(fresh)
    assert len(extracted) > 300  # the scan really read the sources
    missing = sorted(key for key in extracted if committed.get(key) is None)
    assert missing == [], f"{len(missing)} strings have no finished Russian translation"


def test_the_committed_catalogue_has_no_unfinished_entries(
    committed: dict[Key, list[str] | None],
) -> None:
    assert [key for key, forms in committed.items() if forms is None] == []


def test_translations_keep_placeholders_accelerators_and_russian_plural_forms(
    committed: dict[Key, list[str] | None],
) -> None:
    bad: list[tuple[Key, str]] = []
    for key, forms in committed.items():
        source = key[1]
        for form in forms or []:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                bad.append((key, f"placeholders differ: {form!r}"))
            if ("&" in source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                bad.append((key, f"keyboard accelerator lost or added: {form!r}"))
        if "%n" in source and (forms is None or len(forms) != 3):
            bad.append((key, "a %n string needs the three Russian forms (1, 2-4, 5+)"))
    assert bad == []


def test_translations_are_russian_text(committed: dict[Key, list[str] | None]) -> None:
    """Guards against a source string pasted as its own translation (names excepted)."""
    latin_only = {
        key for key, forms in committed.items() if forms and not CYRILLIC.search(forms[0])
    }
    allowed = {("Menus", "&callpad"), ("SettingsProblem", "{field}: {detail}.")}
    assert latin_only <= allowed, sorted(latin_only - allowed)


def test_settings_problem_templates_are_extracted_from_their_own_module(tmp_path: Path) -> None:
    """problems.py writes the context as a literal, so lupdate reads the templates there."""
    fresh = tmp_path / "problems_ru.ts"
    done = subprocess.run(  # fixed tool and arguments, no shell
        [str(qt_tool("pyside6-lupdate")), "-silent", "-extensions", "py",
         str(CHECKOUT / "callpad" / "config" / "problems.py"), "-ts", str(fresh)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    extracted = read_catalogue(fresh)
    assert {("SettingsProblem", text) for text in TEMPLATES.values()} <= set(extracted)


@pytest.fixture
def russian(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The committed catalogue compiled the way a checkout compiles it, installed, then removed."""
    folder = compile_catalogue("ru", tmp_path)
    assert folder is not None, "pyside6-lrelease (part of PySide6) could not compile the .ts"
    translators = install_translators(qapp, "ru", (folder,))
    assert len(translators) == 2  # Qt's own and ours
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_compiled_catalogue_turns_the_window_strings_russian(russian: None) -> None:
    assert QCoreApplication.translate("Shortcuts", "Hang up") == "Завершить"
    assert QCoreApplication.translate("MainWindow", "ACTIVE CALLS") == "АКТИВНЫЕ ЗВОНКИ"
    assert QCoreApplication.translate("DialerPanel", "Call") == "Позвонить"


def test_the_tray_menu_and_tooltip_come_out_in_russian(russian: None) -> None:
    tray = TrayIcon(QIcon(QPixmap(16, 16)))
    try:
        menu = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert menu == ["Показать callpad", "Позвонить на скопированный номер", "Закрыть callpad"]
        tray.set_connection(TrayState.CONNECTED)
        tooltips = {}
        for count in (1, 3, 5, 21):
            tray.set_active_calls(count)
            tooltips[count] = tray.tooltip()
        assert tooltips == {
            1: "callpad: на связи, 1 активный звонок",
            3: "callpad: на связи, 3 активных звонка",
            5: "callpad: на связи, 5 активных звонков",
            21: "callpad: на связи, 21 активный звонок",
        }
    finally:
        tray.close()


def test_the_settings_dialog_and_its_problems_come_out_in_russian(
    russian: None, qtbot: QtBot, tmp_path: Path
) -> None:
    vm = SettingsViewModel(SettingsStore(tmp_path / "settings.json"))
    dialog = SettingsDialog(vm)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Настройки"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Аккаунт", "Набор номера", "Звонки", "Клавиши", "Рабочий стол"]
    assert dialog.save_button.text() == "Сохранить"  # Qt's own catalogue
    autostart = dialog.editors["desktop.autostart"]
    assert isinstance(autostart, QCheckBox)
    assert autostart.text() == "Запускать при входе в систему"
    vm.set_text("agent.employee_id", "31a")
    assert dialog.errors["agent.employee_id"].text() == "Id сотрудника: ожидается целое число."
