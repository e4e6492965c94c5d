"""`callpad` with a real-account config: the login dialog opens; one instance per user."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM, local socket path")


def launch(config: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "callpad",
            "--config-dir",
            str(config),
            "--log-level",
            "DEBUG",
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def wait_for_log(config: Path, text: str, limit_s: float = 30) -> str:
    log = config / "logs" / "callpad.log"
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        content = log.read_text(encoding="utf-8") if log.exists() else ""
        if text in content:
            return content
        time.sleep(0.1)
    pytest.fail(f"{text!r} never appeared in the log")


def test_without_an_account_the_login_dialog_opens_and_a_second_launch_is_forwarded(
    tmp_path: Path,
) -> None:
    first = launch(tmp_path)
    try:
        wait_for_log(tmp_path, "callpad 0.1.0 starting")
        wait_for_log(tmp_path, "start-up over: garbage collector on")  # not left off for good
        time.sleep(1.0)  # the single-instance socket is up before the dialog shows
        assert first.poll() is None  # waiting in the login dialog, not exited
        second = subprocess.run(
            [sys.executable, "-m", "callpad", "--config-dir", str(tmp_path), "tel:+79161234567"],
            capture_output=True, text=True, timeout=60, env=ENV, check=False,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        wait_for_log(tmp_path, "request forwarded")
        first.send_signal(signal.SIGTERM)
        _out, err = first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0, err
    assert "Traceback" not in err
