from pathlib import Path

from callpad.config.errors import ConfigError
from callpad.config.problems import ProblemKind
from callpad.config.schema import (
    AccountSettings,
    Message,
    MessageType,
    Provider,
    Settings,
    StartMethod,
    Theme,
)
from callpad.config.secret_stores import InMemorySecretStore
from callpad.config.secrets import CredentialVault, credential_key
from callpad.config.store import SettingsStore
from callpad.viewmodels.settings import SettingsViewModel
from callpad.viewmodels.settings_text import describe, load_notice


def _vm(
    tmp_path: Path, settings: Settings | None = None, vault: CredentialVault | None = None
) -> SettingsViewModel:
    store = SettingsStore(tmp_path / "settings.json")
    if settings is not None:
        store.save(settings)
    return SettingsViewModel(store, vault=vault)


def test_typing_validates_and_keeps_the_last_good_value(qapp, tmp_path):
    vm = _vm(tmp_path)
    assert vm.set_text("agent.employee_id", "3141") is None
    assert vm.draft.agent.employee_id == 3141
    problem = vm.set_text("agent.employee_id", "31a")
    assert problem is not None
    assert problem.kind is ProblemKind.WRONG_TYPE
    assert vm.draft.agent.employee_id == 3141  # the good value stays in the draft
    assert not vm.can_save
    assert describe(problem) == "Employee id: expected a whole number."
    assert vm.set_text("agent.employee_id", "") is None  # optional: empty means none
    assert vm.value("agent.employee_id") is None
    assert vm.can_save


def test_describes_format_and_range_problems_for_agents(qapp, tmp_path):
    vm = _vm(tmp_path)
    phone = vm.set_text("agent.employee_phone", "+7 926")
    assert phone is not None
    assert describe(phone) == "My phone: wrong format (digits only, up to 15, without +)."
    poll = vm.set_text("poll.active_s", "0,1")
    assert poll is not None
    assert describe(poll) == "Refresh during my calls, s: at least 0.5."
    assert vm.set_text("poll.active_s", "2,5") is None
    assert vm.draft.poll.active_s == 2.5


def test_signals_fire_on_change_only(qapp, tmp_path):
    vm = _vm(tmp_path)
    drafts, problems = [], []
    vm.draft_changed.connect(lambda: drafts.append(1))
    vm.problems_changed.connect(lambda: problems.append(1))
    vm.set_value("appearance.theme", Theme.DARK)
    vm.set_value("appearance.theme", Theme.DARK)
    assert len(drafts) == 1
    assert problems == []
    vm.set_text("dial.dtmf_string", "12x")
    vm.set_text("dial.dtmf_string", "12x")
    assert len(problems) == 1


def test_cross_field_problems_block_saving(qapp, tmp_path):
    vm = _vm(tmp_path)
    vm.set_value("dial.start_method", StartMethod.SCENARIO)
    problem = vm.problem("dial.scenario_id")
    assert problem is not None
    assert describe(problem) == "Scenario id: enter a scenario id for scenario calls."
    failures: list[str] = []
    vm.save_failed.connect(failures.append)
    assert not vm.save()
    assert failures == [describe(problem)]
    vm.set_text("dial.scenario_id", "12")
    assert vm.save()


def test_nested_optional_message_fields(qapp, tmp_path):
    vm = _vm(tmp_path)
    assert vm.value("dial.contact_message.value") is None
    vm.set_value("dial.contact_message.type", MessageType.MEDIA)
    assert vm.draft.dial.contact_message == Message(MessageType.MEDIA, "")
    assert vm.problem("dial.contact_message.value") is not None
    vm.set_text("dial.contact_message.value", "4410")
    assert vm.problem("dial.contact_message.value") is None
    vm.set_value("dial.contact_message", None)
    assert vm.draft.dial.contact_message is None


def test_save_writes_the_file_and_emits_saved(qapp, tmp_path):
    vm = _vm(tmp_path)
    saved: list[Settings] = []
    vm.saved.connect(saved.append)
    vm.set_text("agent.employee_id", "7")
    vm.set_shortcuts({"hold": ["Ctrl+Shift+F4"]})
    dirty_before = vm.dirty
    assert vm.save()
    assert (dirty_before, vm.dirty) == (True, False)
    assert saved[0].agent.employee_id == 7
    loaded = SettingsStore(tmp_path / "settings.json").load().settings
    assert loaded == saved[0]
    assert loaded.shortcuts["hold"] == ("Ctrl+Shift+F4",)


def test_write_failure_is_reported_and_draft_kept(qapp, tmp_path):
    class BrokenStore(SettingsStore):
        def save(self, settings: Settings) -> None:
            raise ConfigError("cannot write settings.json: Read-only file system")

    vm = SettingsViewModel(BrokenStore(tmp_path / "s.json"))
    failures: list[str] = []
    vm.save_failed.connect(failures.append)
    vm.set_text("agent.employee_id", "7")
    assert not vm.save()
    assert "Read-only file system" in failures[0]
    assert vm.draft.agent.employee_id == 7


def test_reset_drops_unsaved_edits(qapp, tmp_path):
    vm = _vm(tmp_path)
    vm.set_text("agent.employee_id", "x")
    vm.set_text("agent.employee_phone", "7926")
    vm.reset()
    assert vm.draft == vm.settings
    assert vm.problems() == []


def test_forget_credentials_everywhere_and_stop_remembering(qapp, tmp_path):
    account = AccountSettings(provider=Provider.UIS, login="agent7", remember=True)
    primary, fallback = InMemorySecretStore(), InMemorySecretStore()
    vault = CredentialVault(primary, secure=True, fallback=fallback)
    vault.save(account, "pw")
    fallback.set(credential_key(account), "old copy")
    vm = _vm(tmp_path, Settings(account=account), vault)
    forgotten: list[list[str]] = []
    vm.credentials_forgotten.connect(forgotten.append)
    assert vm.forget_credentials() == []
    assert primary.data == {}
    assert fallback.data == {}
    assert forgotten == [[]]
    assert not vm.settings.account.remember
    assert not SettingsStore(tmp_path / "settings.json").load().settings.account.remember


def test_load_notice_says_what_happened(qapp, tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"agent": {"employee_id": "abc"}, "appearance": {"theme": "dark"}}')
    result = SettingsStore(path).load()
    text = load_notice(result)
    assert "Employee id: expected a whole number." in text
    assert result.kept_copy is not None
    assert result.kept_copy.name in text
    path.write_text("{broken")
    text = load_notice(SettingsStore(path).load())
    assert "could not be read" in text
    assert load_notice(SettingsStore(tmp_path / "none.json").load()) == ""


def test_saving_the_dialog_keeps_numbers_dialled_meanwhile(qapp, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    vm = SettingsViewModel(store)
    vm.set_text("agent.employee_id", "3141")  # the dialog is open...
    store.update(lambda s: s.with_recent_number("79260000001"))  # ...and the agent dials
    assert vm.save()
    saved = SettingsStore(tmp_path / "settings.json").load().settings
    assert saved.agent.employee_id == 3141
    assert saved.dial.recent_numbers == ("79260000001",)
    assert vm.draft == saved


def test_clearing_recent_numbers_in_the_dialog_wins(qapp, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings().with_recent_number("79260000001"))
    vm = SettingsViewModel(store)
    vm.set_value("dial.recent_numbers", ())
    assert vm.save()
    assert store.current.dial.recent_numbers == ()


def test_reopening_starts_from_the_latest_saved_settings(qapp, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    vm = SettingsViewModel(store)
    store.update(lambda s: s.with_recent_number("79260000002"))
    vm.reset()
    assert vm.draft.dial.recent_numbers == ("79260000002",)
