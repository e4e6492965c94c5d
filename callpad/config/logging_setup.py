"""The log file: rotating, private (0600), every record passed through RedactingFilter.

app.py calls `configure_logging(paths.log_file, level)` once at start and `handle.close()` at exit.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from callpad.config.paths import make_private_dir
from callpad.redaction import RedactingFilter

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
NOISY_LIBRARIES = ("httpx", "httpcore", "asyncio", "keyring")


def parse_log_level(text: str) -> int:
    """A --log-level value (case-insensitive name) as a logging level; ValueError if unknown."""
    name = text.strip().upper()
    if name not in LEVELS:
        raise ValueError(f"unknown log level {text!r}; use one of {', '.join(LEVELS)}")
    return logging.getLevelNamesMapping()[name]


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files (also after rotation) are created with mode 0600."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


@dataclass(frozen=True, slots=True)
class LoggingHandle:
    """What configure_logging installed: add secrets to mask, and remove it all at exit."""

    redactor: RedactingFilter
    handlers: tuple[logging.Handler, ...]
    log_file: Path
    previous_levels: tuple[tuple[str, int], ...] = ()

    def add_secret(self, secret: str) -> None:
        """Mask this exact value in every later record (e.g. the password just typed)."""
        self.redactor.add_secret(secret)

    def close(self) -> None:
        """Remove the handlers and give the loggers back the levels they had."""
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        for name, level in self.previous_levels:
            logging.getLogger(name or None).setLevel(level)


def configure_logging(
    log_file: Path,
    level: int = logging.INFO,
    *,
    to_stderr: bool = False,
    max_bytes: int = 1_000_000,
    backups: int = 5,
) -> LoggingHandle:
    """Install the rotating file handler (and optionally stderr) on the root logger."""
    make_private_dir(log_file.parent)
    redactor = RedactingFilter()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [
        PrivateRotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    ]
    if to_stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    root = logging.getLogger()
    previous = [("", root.level)]
    previous += [(name, logging.getLogger(name).level) for name in NOISY_LIBRARIES]
    root.setLevel(level)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        root.addHandler(handler)
    for name in NOISY_LIBRARIES:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    return LoggingHandle(redactor, tuple(handlers), log_file, tuple(previous))
