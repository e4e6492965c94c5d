"""`python -m callpad.sim` as a separate process: listening line, --describe, errors, exit codes."""

import asyncio
import json
import re
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from tests.integration.sim_harness import call_ok, expect_error

LISTENING = re.compile(r"^callpad-sim listening on (http://127\.0\.0\.1:(\d+)/v4\.0)\n$")
CREDS = {"login": "demo", "password": "demo"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "callpad.sim", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@asynccontextmanager
async def serving(*args: str) -> AsyncIterator[str]:
    """Start the CLI, wait for its listening line, yield the URL, then SIGTERM it (exit 0)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "callpad.sim",
        "--port",
        "0",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert proc.stdout is not None
    try:
        line = (await asyncio.wait_for(proc.stdout.readline(), 30)).decode()
        match = LISTENING.match(line)
        assert match, f"unexpected first line {line!r}"
        yield match.group(1)
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(proc.wait(), 30)
    assert code == 0
    assert proc.stdout is not None
    assert await proc.stdout.read() == b""


async def test_cli_prints_one_listening_line_and_serves_the_api() -> None:
    async with serving() as url, httpx.AsyncClient(timeout=10) as http:
        data = await call_ok(http, url, "login.user", CREDS)
        assert data["access_token"]
        await expect_error(http, url, "list.calls", {"access_token": "x"}, "access_token_invalid")
        r = await http.get(url.removesuffix("/v4.0") + "/_sim/state")
        assert r.json()["tokens"] == 1


async def test_cli_scenario_file_and_deprecated_version(tmp_path: Path) -> None:
    scenario = tmp_path / "tight.toml"
    scenario.write_text('name = "tight"\nminute_limit = 1\n', encoding="utf-8")
    async with (
        serving("--scenario", str(scenario), "--deprecated-version", "3.0") as url,
        httpx.AsyncClient(timeout=10) as http,
    ):
        old = url.removesuffix("/v4.0") + "/v3.0"
        reply = await http.post(
            old, json={"jsonrpc": "2.0", "id": 1, "method": "login.user", "params": CREDS}
        )
        meta = reply.json()["result"]["metadata"]
        assert meta["api_version"]["current_version"] == "3.0"
        assert meta["limits"]["minute_limit"] == 1
        await expect_error(http, url, "login.user", CREDS, "limit_exceeded")


async def test_cli_serves_a_built_in_scenario_by_name() -> None:
    async with serving("--scenario", "inactive") as url, httpx.AsyncClient(timeout=10) as http:
        await expect_error(http, url, "login.user", CREDS, "account_inactive")


def test_describe_prints_the_account_as_json_and_exits() -> None:
    done = run_cli("--describe")
    assert done.returncode == 0, done.stderr
    described = json.loads(done.stdout)
    demo = next(u for u in described["users"] if u["login"] == "demo")
    assert demo["password"] == "demo"
    assert demo["employee_id"] == 3141
    assert demo["virtual_phone_number"] == "74951112233"
    assert described["employees"]
    assert described["tags"]
    assert described["talk_options"]


def test_describe_shows_a_scenario_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"name": "from-json", "day_limit": 77}), encoding="utf-8")
    done = run_cli("--scenario", str(path), "--describe")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scenario"] == "from-json"


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("callpad-sim: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        ("minute_limit = [1, 2", "tight.toml"),
        ('minute_limit = "many"', "minute_limit"),
        ("no_such_key = 1", "no_such_key"),
    ],
)
def test_bad_scenario_file_is_one_line_and_exit_2(tmp_path: Path, content: str, hint: str) -> None:
    path = tmp_path / "tight.toml"
    path.write_text(content, encoding="utf-8")
    line = one_line_error(run_cli("--scenario", str(path)))
    assert hint in line


def test_missing_scenario_file_is_exit_2(tmp_path: Path) -> None:
    line = one_line_error(run_cli("--scenario", str(tmp_path / "absent.toml")))
    assert "absent.toml" in line


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus"],
        ["--port", "http"],
        ["--port", "70000"],
        ["--deprecated-version", "4.0"],
        ["--deprecated-version", "three"],
        ["extra"],
    ],
)
def test_bad_options_are_one_line_and_exit_2(args: list[str]) -> None:
    one_line_error(run_cli(*args))


def test_port_in_use_is_one_line_and_exit_2() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        line = one_line_error(run_cli("--port", str(port)))
    assert str(port) in line


def test_help_exits_0() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    assert "--scenario" in done.stdout
