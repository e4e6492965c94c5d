"""A full demo session (the app's own --self-test) leaves no password or token in the log file."""

import os
import re
import subprocess
import sys

# The simulator's session keys: secrets.token_urlsafe(32), 43 characters of base64url.
TOKEN_SHAPE = re.compile(r"(?<![\w-])[A-Za-z0-9_-]{43}(?![\w-])")


def looks_like_token(text: str) -> bool:
    return all(re.search(cls, text) for cls in ("[a-z]", "[A-Z]", "[0-9]"))


def test_demo_session_log_has_no_password_or_token(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CALLPAD_CONFIG_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "callpad", "--demo", "--self-test", "--config-dir", str(tmp_path),
         "--log-level", "DEBUG"],
        env=env, capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    log = (tmp_path / "logs" / "callpad.log").read_text(encoding="utf-8")
    assert "login.user" in log  # the session really was logged, at DEBUG
    assert "'password': '***'" in log
    assert not re.search(r"""["']password["']\s*:\s*["'](?!\*\*\*)""", log)
    assert not re.search(r"""["']access_token["']\s*:\s*["'](?!\*\*\*)""", log)
    assert [t for t in TOKEN_SHAPE.findall(log) if looks_like_token(t)] == []
