from dataclasses import replace

from callpad.config.merge import merge_changes
from callpad.config.schema import AgentSettings, Settings, Theme
from callpad.config.store import SettingsStore


def test_only_changed_fields_are_applied_to_current():
    base = Settings()
    mine = replace(base, agent=AgentSettings(employee_id=7))
    current = base.with_recent_number("79260000001")
    merged = merge_changes(base, mine, current)
    assert merged.agent.employee_id == 7
    assert merged.dial.recent_numbers == ("79260000001",)


def test_nested_fields_merge_one_by_one():
    base = Settings()
    mine = replace(base, agent=replace(base.agent, employee_phone="7900"))
    current = replace(base, agent=replace(base.agent, employee_id=5))
    assert merge_changes(base, mine, current).agent == AgentSettings(5, "7900", "")


def test_no_change_keeps_current_and_mine_wins_on_conflict():
    base = Settings()
    current = replace(base, appearance=replace(base.appearance, theme=Theme.DARK))
    assert merge_changes(base, base, current) is current
    mine = replace(base, appearance=replace(base.appearance, theme=Theme.LIGHT))
    assert merge_changes(base, mine, current).appearance.theme is Theme.LIGHT


def test_store_update_applies_to_the_latest_and_saves(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    assert store.current == Settings()
    store.update(lambda s: s.with_recent_number("79260000001"))
    store.update(lambda s: replace(s, agent=replace(s.agent, employee_id=9)))
    on_disk = SettingsStore(tmp_path / "settings.json").load().settings
    assert on_disk.dial.recent_numbers == ("79260000001",)
    assert on_disk.agent.employee_id == 9
    assert store.current == on_disk
