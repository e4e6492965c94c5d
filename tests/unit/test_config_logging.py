import logging
import os
import stat

import pytest

from callpad.config.logging_setup import configure_logging, parse_log_level

TOKEN = "7bq3m0y1u2x9k5e8w4r6t0p2n1v3c7z5a9s8d4f6g2h1j3k5l7"


@pytest.fixture
def restore_root():
    root = logging.getLogger()
    level = root.level
    yield
    root.setLevel(level)


def test_secrets_never_reach_the_log_file(tmp_path, restore_root):
    handle = configure_logging(tmp_path / "logs" / "callpad.log", logging.DEBUG)
    try:
        handle.add_secret("hunter2-pass")
        log = logging.getLogger("callpad.test")
        log.info("login with %s", "hunter2-pass")
        log.info('reply {"access_token": "%s"}', TOKEN)
        log.warning("dialing %s", "79161234567")
    finally:
        handle.close()
    text = (tmp_path / "logs" / "callpad.log").read_text(encoding="utf-8")
    assert "login with ***" in text
    for secret in ("hunter2-pass", TOKEN, "79161234567"):
        assert secret not in text
    assert "…4567" in text


@pytest.mark.skipif(os.name != "posix", reason="modes are POSIX")
def test_log_files_are_private_also_after_rotation(tmp_path, restore_root):
    handle = configure_logging(tmp_path / "callpad.log", max_bytes=200, backups=2)
    try:
        for n in range(20):
            logging.getLogger("callpad.test").warning("line %d %s", n, "x" * 40)
    finally:
        handle.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["callpad.log", "callpad.log.1", "callpad.log.2"]
    for name in files:
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def test_close_removes_the_handlers_and_restores_levels(tmp_path, restore_root):
    before = list(logging.getLogger().handlers)
    levels = (logging.getLogger().level, logging.getLogger("httpx").level)
    handle = configure_logging(tmp_path / "callpad.log", logging.DEBUG, to_stderr=True)
    assert len(logging.getLogger().handlers) == len(before) + 2
    handle.close()
    assert logging.getLogger().handlers == before
    assert (logging.getLogger().level, logging.getLogger("httpx").level) == levels


def test_noisy_libraries_stay_at_warning(tmp_path, restore_root):
    handle = configure_logging(tmp_path / "callpad.log", logging.DEBUG)
    try:
        assert logging.getLogger("httpx").level == logging.WARNING
    finally:
        handle.close()


def test_parse_log_level():
    assert parse_log_level("debug") == logging.DEBUG
    assert parse_log_level(" Warning ") == logging.WARNING
    with pytest.raises(ValueError, match="unknown log level"):
        parse_log_level("loud")
