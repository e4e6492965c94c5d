import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callpad.config.errors import ConfigError
from callpad.config.schema import (
    AgentSettings,
    Message,
    MessageType,
    Settings,
    Theme,
)
from callpad.config.store import SettingsStore, write_atomic

FIXED = datetime(2026, 11, 30, 10, 15, 0, tzinfo=UTC)


def _store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "cfg" / "settings.json", now=lambda: FIXED)


def test_missing_file_gives_defaults_without_notice(tmp_path):
    result = _store(tmp_path).load()
    assert result.settings == Settings()
    assert result.created
    assert not result.notice_needed


def test_save_then_load_round_trips_every_section(tmp_path):
    store = _store(tmp_path)
    settings = Settings(
        agent=AgentSettings(employee_id=3141, employee_phone="79161234567"),
    ).with_recent_number("79260000001")
    settings = settings.with_shortcuts({"hold": ["Ctrl+Shift+H"], "tag": ()})
    store.save(settings)
    loaded = store.load()
    assert loaded.settings == settings
    assert loaded.settings.shortcuts["hold"] == ("Ctrl+Shift+H",)
    assert loaded.settings.shortcuts["tag"] == ()
    assert not loaded.notice_needed


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_saved_file_is_private_and_no_temp_file_remains(tmp_path):
    store = _store(tmp_path)
    store.save(Settings())
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert [p.name for p in store.path.parent.iterdir()] == ["settings.json"]


def test_file_is_human_readable_json_with_version(tmp_path):
    store = _store(tmp_path)
    store.save(Settings())
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["appearance"]["theme"] == "system"
    assert "Пожалуйста" in store.path.read_text(encoding="utf-8")  # not \u-escaped


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"schema_version": "x"}', "\udcff"])
def test_corrupt_file_is_moved_aside_with_timestamp_and_defaults_used(tmp_path, content):
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content.encode("utf-8", "surrogateescape"))
    result = store.load()
    assert result.settings == Settings()
    assert result.notice_needed
    assert result.moved_aside == store.path.with_name("settings.json.corrupt-20261130T101500")
    assert result.moved_aside.read_bytes() == content.encode("utf-8", "surrogateescape")
    assert not store.path.exists()
    # The notice is one-time: the next start finds no file and says nothing.
    assert not store.load().notice_needed


def test_second_corruption_in_the_same_second_keeps_both_copies(tmp_path):
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{", encoding="utf-8")
    first = store.load().moved_aside
    store.path.write_text("[", encoding="utf-8")
    second = store.load().moved_aside
    assert first != second
    assert first is not None
    assert second is not None
    assert first.read_text(encoding="utf-8") == "{"
    assert second.read_text(encoding="utf-8") == "["


def test_bad_values_keep_everything_else_and_keep_a_copy(tmp_path):
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True)
    raw = {
        "schema_version": 1,
        "agent": {"employee_id": "abc", "employee_phone": "79161234567"},
        "appearance": {"theme": "dark", "language": "de"},
        "poll": {"active_s": 0.01},
        "dial": {"recent_numbers": ["79160000001", "+7 916", "79160000002"]},
        "calls": {"hold_message": {"type": "media", "value": "4410"}},
    }
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    result = store.load()
    s = result.settings
    assert s.agent.employee_id is None
    assert s.agent.employee_phone == "79161234567"
    assert s.appearance.theme is Theme.DARK
    assert s.poll.active_s == Settings().poll.active_s
    assert s.dial.recent_numbers == ("79160000001", "79160000002")
    assert s.calls.hold_message == Message(MessageType.MEDIA, "4410")
    paths = sorted(p.path for p in result.problems)
    assert paths == [
        "agent.employee_id",
        "appearance.language",
        "dial.recent_numbers[1]",
        "poll.active_s",
    ]
    assert result.kept_copy is not None
    assert json.loads(result.kept_copy.read_text(encoding="utf-8")) == raw
    assert result.notice_needed
    # The repaired file was written back: the next start is quiet and keeps the good values.
    again = store.load()
    assert not again.notice_needed
    assert again.settings == s
    assert len(list(store.path.parent.glob("settings.json.invalid-*"))) == 1


def test_newer_file_is_read_and_flagged(tmp_path):
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"schema_version": 99, "agent": {"employee_id": 7}}', encoding="utf-8")
    result = store.load()
    assert result.newer_version
    assert result.settings.agent.employee_id == 7
    assert "99" in store.path.read_text(encoding="utf-8")  # not rewritten behind the agent


def test_failed_write_leaves_old_file_intact(tmp_path, monkeypatch):
    store = _store(tmp_path)
    store.save(Settings(agent=AgentSettings(employee_id=1)))

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ConfigError, match="No space left"):
        store.save(Settings(agent=AgentSettings(employee_id=2)))
    monkeypatch.undo()
    assert store.load().settings.agent.employee_id == 1
    assert [p.name for p in store.path.parent.iterdir()] == ["settings.json"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_write_atomic_sets_mode_before_writing(tmp_path, monkeypatch):
    seen: list[int] = []
    real_fdopen = os.fdopen

    def spy_fdopen(fd, *args, **kwargs):
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", spy_fdopen)
    old_umask = os.umask(0)
    try:
        write_atomic(tmp_path / "x.json", b"{}")
    finally:
        os.umask(old_umask)
    assert seen == [0o600]
    assert stat.S_IMODE((tmp_path / "x.json").stat().st_mode) == 0o600


def test_unreadable_file_raises_config_error(tmp_path):
    store = _store(tmp_path)
    store.path.mkdir(parents=True)  # a folder where the file should be: reading fails
    with pytest.raises(ConfigError, match=r"cannot read settings\.json"):
        store.load()
    assert store.path.is_dir()  # nothing was moved or overwritten
