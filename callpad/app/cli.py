"""The command line: options, their checks, and the number a launch asks to dial."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from callpad import __version__
from callpad.config.logging_setup import parse_log_level

TEL_SCHEMES = ("tel:", "callto:")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="callpad",
        description="Keyboard-first remote control for calls on the UIS / CoMagic Call API.",
    )
    parser.add_argument("--version", action="version", version=f"callpad {__version__}")
    parser.add_argument("--demo", action="store_true", help="run against the built-in simulator")
    parser.add_argument("--demo-port", type=int, default=0, metavar="PORT",
                        help="simulator port in demo mode (default: a free one)")  # fmt: skip
    parser.add_argument("--self-test", action="store_true",
                        help="with --demo: headless check: log in, dial, hang up")  # fmt: skip
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="with --demo: save PNGs of the window with calls")  # fmt: skip
    parser.add_argument("--lang", choices=("en", "ru"),
                        help="interface language (default: the setting or the system)")  # fmt: skip
    parser.add_argument("--config-dir", metavar="DIR",
                        help="settings and logs folder (env CALLPAD_CONFIG_DIR)")  # fmt: skip
    parser.add_argument("--log-level", default="INFO", metavar="LEVEL",
                        help="DEBUG, INFO, WARNING, ERROR (default INFO)")  # fmt: skip
    parser.add_argument("--debug", action="store_true", help="also log to stderr")
    parser.add_argument("--dial", metavar="NUMBER", help="dial NUMBER once logged in")
    parser.add_argument("uri", nargs="?", help="a tel: or callto: link to dial")
    args = parser.parse_args(list(argv))
    if (args.self_test or args.screenshots or args.demo_port) and not args.demo:
        parser.error("--self-test, --screenshots and --demo-port need --demo")
    if not 0 <= args.demo_port <= 65535:
        parser.error("--demo-port must be between 0 and 65535")
    if args.uri is not None and not args.uri.lower().startswith(TEL_SCHEMES):
        parser.error(f"not a tel: or callto: link: {args.uri}")

    try:
        args.level = parse_log_level(args.log_level)
    except ValueError as exc:
        parser.error(str(exc))
    return args


def requested_number(args: argparse.Namespace) -> str | None:
    """The number asked for by --dial or a tel:/callto: link (the dialer parses it)."""
    if args.dial:
        return str(args.dial)
    if args.uri:
        return str(args.uri).split(":", 1)[1].lstrip("/")
    return None
