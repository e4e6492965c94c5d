"""Composition root: command line, QApplication, qasync loop, wiring and shutdown."""

from __future__ import annotations

import argparse
import sys

from callpad import __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="callpad", description="callpad softphone remote control")
    parser.add_argument("--version", action="version", version=f"callpad {__version__}")
    parser.add_argument("--demo", action="store_true", help="run against the built-in simulator")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("callpad")
    window.setCentralWidget(QLabel("callpad: the main window arrives with the GUI issue"))
    window.show()
    return app.exec()
