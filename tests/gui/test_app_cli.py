"""The `callpad` command as an agent or a script runs it: --version, demo, --self-test, errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from callpad import __version__
from callpad.app.cli import parse_args, requested_number

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "callpad", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=ENV,
        check=False,
    )


def test_version():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"callpad {__version__}"


def test_self_test_passes_against_the_built_in_simulator():
    done = run("--demo", "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    for step in ("logged in as demo", "dialled: call session", "call listed", "call gone"):
        assert step in done.stdout
    assert done.stdout.strip().endswith("SELF-TEST PASSED")
    assert "Traceback" not in done.stderr
    assert "Warning" not in done.stderr


def test_self_test_needs_demo():
    done = run("--self-test")
    assert done.returncode == 2
    assert "--demo" in done.stderr


def test_bad_log_level_and_bad_link_are_refused():
    assert run("--log-level", "LOUD").returncode == 2
    assert run("mailto:x@example.com").returncode == 2


def test_tel_link_and_dial_option_give_the_number():
    assert requested_number(parse_args(["tel:+79261234567"])) == "+79261234567"
    assert requested_number(parse_args(["callto://79261234567"])) == "79261234567"
    assert requested_number(parse_args(["--dial", "8 926 123-45-67"])) == "8 926 123-45-67"
    assert requested_number(parse_args([])) is None


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_demo_dials_a_tel_link_and_quits_cleanly_on_sigterm(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "callpad",
            "--demo",
            "--config-dir",
            str(tmp_path),
            "--log-level",
            "DEBUG",
            "tel:+79161234567",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        log = tmp_path / "logs" / "callpad.log"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if log.exists() and "start.employee_call" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        else:
            pytest.fail("the demo never dialled the tel: link")
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "simulator on http://127.0.0.1:" in err
    assert "Traceback" not in err
    text = log.read_text(encoding="utf-8")
    assert "logout.user" in text  # the session was closed on the way out
    assert "start-up over: garbage collector on" in text
    assert "demo" not in [line.split()[-1] for line in text.splitlines() if "password" in line]
