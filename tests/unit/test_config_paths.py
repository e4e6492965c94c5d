import os
import stat
import sys
from pathlib import Path

import pytest

from callpad.config.paths import CONFIG_DIR_ENV, AppPaths


def test_cli_option_wins_over_environment(tmp_path):
    paths = AppPaths.resolve(str(tmp_path / "cli"), {CONFIG_DIR_ENV: str(tmp_path / "env")})
    assert paths.config_dir == tmp_path / "cli"
    assert paths.settings_file == tmp_path / "cli" / "settings.json"
    assert paths.log_dir == tmp_path / "cli" / "logs"
    assert paths.secrets_dir == tmp_path / "cli" / "data" / "secrets"


def test_environment_variable_points_everything_at_one_folder(tmp_path):
    paths = AppPaths.resolve(None, {CONFIG_DIR_ENV: str(tmp_path)})
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir):
        assert tmp_path in (folder, *folder.parents)


def test_without_override_uses_platform_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xc"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xs"))
    if sys.platform != "linux":
        pytest.skip("XDG layout is Linux")
    paths = AppPaths.resolve(None, {})
    assert paths.config_dir == tmp_path / "xc" / "callpad"
    assert paths.data_dir == tmp_path / "xd" / "callpad"
    assert Path(tmp_path / "xs") in paths.log_dir.parents


def test_relative_override_is_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert AppPaths.resolve("portable", {}).config_dir == tmp_path / "portable"


@pytest.mark.skipif(os.name != "posix", reason="modes are POSIX")
def test_ensure_creates_private_folders(tmp_path):
    paths = AppPaths.in_folder(tmp_path / "root")
    paths.ensure()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
