"""`python -m callpad.sim` / `callpad-sim`: the simulator as its own process.

Prints exactly one line, `callpad-sim listening on http://HOST:PORT/v4.0`, once it accepts
connections, and serves until interrupted (Ctrl+C, SIGTERM). `--describe` prints the scenario's
account as JSON and exits. Bad options or a bad scenario: one line on stderr, exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import re
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from callpad.sim.runtime import LATEST_VERSION
from callpad.sim.scenario import (
    Scenario,
    ScenarioError,
    builtin_names,
    demo_scenario,
    describe,
    load_scenario,
    scenario_by_name,
)
from callpad.sim.server import SimServer

PROG = "callpad-sim"
_VERSION_RE = re.compile(r"[0-9]+\.[0-9]+")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line (no usage block), exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=PROG,
        description="Call API v4.0 simulator (JSON-RPC over HTTP) for callpad demos and tests.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="TCP port; 0 picks a free one (default)")
    p.add_argument(
        "--scenario",
        metavar="FILE|NAME",
        help=f"scenario file (TOML or JSON) or built-in name ({', '.join(builtin_names())}); "
        "default: demo",
    )
    p.add_argument(
        "--describe", action="store_true", help="print the scenario's account as JSON and exit"
    )
    p.add_argument(
        "--deprecated-version",
        metavar="X.Y",
        help="also serve /vX.Y as a deprecated version (replies carry metadata.api_version)",
    )
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return p


def _scenario(value: str | None) -> Scenario:
    if value is None:
        return demo_scenario()
    path = Path(value)
    if path.is_file():
        return load_scenario(path)
    if value in builtin_names():
        return scenario_by_name(value)
    raise ScenarioError(f"scenario file not found: {value}")


def _check(args: argparse.Namespace) -> None:
    if not 0 <= args.port <= 65535:
        raise _UsageError(f"--port must be 0..65535, not {args.port}")
    old = args.deprecated_version
    if old is not None and (not _VERSION_RE.fullmatch(old) or old == LATEST_VERSION):
        raise _UsageError(
            f"--deprecated-version must look like 3.0 and differ from {LATEST_VERSION}"
        )


async def _serve(server: SimServer) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: no signal handlers
            loop.add_signal_handler(sig, stop.set)
    async with server:
        sys.stdout.write(f"{PROG} listening on {server.url}\n")
        sys.stdout.flush()
        await stop.wait()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the simulator; returns the exit status (0, or 2 for bad options or scenario)."""
    try:
        args = _parser().parse_args(argv)
        _check(args)
        scenario = _scenario(args.scenario)
    except (_UsageError, ScenarioError) as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 2
    if args.describe:
        sys.stdout.write(json.dumps(describe(scenario), ensure_ascii=False, indent=2) + "\n")
        return 0
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    server = SimServer(
        scenario, host=args.host, port=args.port, deprecated_version=args.deprecated_version
    )
    try:
        asyncio.run(_serve(server))
    except OSError as exc:
        sys.stderr.write(f"{PROG}: error: cannot listen on {args.host}:{args.port}: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
