from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
)

from callpad.config.schema import AccountSettings, MessageType, Provider, Settings
from callpad.config.secret_stores import InMemorySecretStore
from callpad.config.secrets import CredentialVault
from callpad.config.store import SettingsStore
from callpad.ui.settings_dialog import SettingsDialog
from callpad.viewmodels.settings import SettingsViewModel
from tests.gui.pseudo_translation import pseudo_translated


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "settings.json")


@pytest.fixture
def dialog(qtbot, store):
    vm = SettingsViewModel(store)
    dlg = SettingsDialog(vm)
    qtbot.addWidget(dlg)
    return dlg  # not shown: the offscreen plugin warns about size hints of shown dialogs


def line(dlg: SettingsDialog, path: str) -> QLineEdit:
    widget = dlg.editors[path]
    assert isinstance(widget, QLineEdit)
    return widget


def combo(dlg: SettingsDialog, path: str) -> QComboBox:
    widget = dlg.editors[path]
    assert isinstance(widget, QComboBox)
    return widget


def test_validates_as_the_agent_types_and_keeps_the_text(qtbot, dialog):
    field = line(dialog, "agent.employee_id")
    qtbot.keyClicks(field, "31a")
    error = dialog.errors["agent.employee_id"]
    assert error.isHidden() is False
    assert error.text() == "Employee id: expected a whole number."
    assert field.text() == "31a"  # nothing typed is lost
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert error.isHidden()
    assert dialog.save_button.isEnabled()


def test_custom_server_needs_an_address(qtbot, dialog):
    url = line(dialog, "account.custom_url")
    assert not url.isEnabled()
    providers = combo(dialog, "account.provider")
    providers.setCurrentIndex(providers.findData(Provider.CUSTOM))
    assert url.isEnabled()
    assert dialog.errors["account.custom_url"].isHidden() is False
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(url, "https://pbx.example")
    assert dialog.errors["account.custom_url"].isHidden()
    assert dialog.save_button.isEnabled()


def test_hold_message_media_id_must_be_digits(qtbot, dialog):
    kind = combo(dialog, "calls.hold_message.type")
    kind.setCurrentIndex(kind.findData(MessageType.MEDIA))
    error = dialog.errors["calls.hold_message.value"]
    assert "media file id" in error.text()
    value = line(dialog, "calls.hold_message.value")
    value.clear()
    qtbot.keyClicks(value, "4410")
    assert error.isHidden()


def test_save_writes_every_edited_field(qtbot, dialog, store):
    qtbot.keyClicks(line(dialog, "agent.employee_id"), "3141")
    qtbot.keyClicks(line(dialog, "agent.employee_phone"), "79161234567")
    tray = dialog.editors["desktop.close_to_tray"]
    assert isinstance(tray, QCheckBox)
    tray.setChecked(False)
    dialog.save_button.click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = store.load().settings
    assert saved.agent.employee_id == 3141
    assert saved.agent.employee_phone == "79161234567"
    assert saved.desktop.close_to_tray is False


def test_cancel_drops_edits(qtbot, store):
    vm = SettingsViewModel(store)
    dlg = SettingsDialog(vm)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(line(dlg, "agent.employee_id"), "77")
    dlg.reject()
    assert vm.draft == Settings()
    again = SettingsDialog(vm)
    qtbot.addWidget(again)
    assert line(again, "agent.employee_id").text() == ""


def _editor(dlg: SettingsDialog, action: str) -> QKeySequenceEdit:
    return dlg.shortcuts.editors[action]


def test_remap_a_shortcut_with_the_keyboard_and_save(qtbot, dialog, store):
    editor = _editor(dialog, "hold")
    editor.setFocus()
    # A free key (F6 is not: it cycles panes for screen-reader users).
    qtbot.keyClick(
        editor,
        Qt.Key.Key_F4,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert dialog.shortcuts.keys("hold") == ("Ctrl+Shift+F4", "F4")
    assert dialog.shortcuts.message.text() == ""
    dialog.save_button.click()
    assert store.load().settings.shortcuts["hold"] == ("Ctrl+Shift+F4", "F4")


def test_clashing_shortcut_is_refused_with_a_message(dialog):
    page = dialog.shortcuts
    assert not page.remap("hold", "F6")  # kept for pane cycling
    assert page.message.text() == "F6 is already used by “Next pane”. Change that one first."
    assert not page.remap("transfer", "Ctrl+Shift+H")
    assert page.message.text() == "Ctrl+Shift+H is already used by “Hold”. Change that one first."
    assert page.keys("transfer") == ("Ctrl+Shift+X", "F8")
    assert page.editors["transfer"].keySequence().toString() == "Ctrl+Shift+X"
    assert not page.remap("transfer", "Ctrl+V")
    assert "copy, paste and undo" in page.message.text()
    assert page.remap("transfer", "Ctrl+Shift+U")
    assert page.message.text() == ""


def test_hold_and_unhold_may_share_keys_and_unbinding_frees_a_key(dialog):
    page = dialog.shortcuts
    assert page.remap("unhold", "Ctrl+Shift+H")  # a toggle pair
    assert page.remap("tag", "")
    assert page.keys("tag") == ()
    assert page.remap("coach", "Ctrl+Shift+G")  # tag's old key is free now
    page.restore_defaults()
    assert page.overrides() == {}
    assert dialog._vm.draft.shortcuts == {}


def test_forget_credentials_button(qtbot, store):
    account = AccountSettings(login="agent7", remember=True)
    memory = InMemorySecretStore()
    vault = CredentialVault(memory, secure=True)
    vault.save(account, "pw")
    store.save(Settings(account=account))
    vm = SettingsViewModel(store, vault=vault)
    dlg = SettingsDialog(vm)
    qtbot.addWidget(dlg)
    remember = dlg.editors["account.remember"]
    assert isinstance(remember, QCheckBox)
    assert remember.isChecked()
    button = dlg.findChild(type(dlg.save_button), "forgetCredentials")
    assert button is not None
    button.click()
    assert memory.data == {}
    assert not remember.isChecked()
    assert dlg.forget_result.text() == "Your saved password and key were removed."
    assert store.load().settings.account.remember is False
    texts = [label.text() for label in dlg.findChildren(QLabel)]
    assert "Remembered passwords and keys are kept in the system keyring." in texts


def test_every_field_has_an_accessible_name(dialog):
    for path, widget in dialog.editors.items():
        assert widget.accessibleName(), path


UNTRANSLATED = {"UIS", "CoMagic", "Novofon", "CallGear", "Русский", "English", ""}


def test_every_visible_string_goes_through_translation(qtbot, store, qapp):
    with pseudo_translated():
        dlg = SettingsDialog(SettingsViewModel(store))
        qtbot.addWidget(dlg)
        texts = [dlg.windowTitle()]
        texts += [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())]
        for widget in dlg.findChildren(QLabel):
            if widget.text() and widget.objectName() != "message":
                texts.append(widget.text())
        for button in dlg.findChildren(QAbstractButton):
            texts.append(button.text())
        for box in dlg.findChildren(QComboBox):
            texts += [box.itemText(i) for i in range(box.count())]
        header = dlg.shortcuts.table.horizontalHeaderItem(0)
        assert header is not None
        texts.append(header.text())
        plain = sorted({t for t in texts if not t.startswith("«") and t not in UNTRANSLATED})
        assert plain == []
