#!/usr/bin/env bash
# The test command: format, lint, types, layer contracts, then the test suite (benchmarks excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
V=.venv/bin
export QT_QPA_PLATFORM=offscreen
$V/ruff format --check callpad tests
$V/ruff check callpad tests
$V/mypy
$V/lint-imports
timeout -k 30 1800 $V/python -m pytest -q "$@"
