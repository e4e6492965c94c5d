"""The floor for bundle measurements: a bare PySide6 window, shown and quit on the first turn.

Bundled by bare_window.spec with the same filters and options as callpad.spec, so size and
startup ratios compare callpad with the least a PySide6 window costs. It prints "window shown" on
the event loop's first turn, as `callpad --demo --self-test` prints it once its window is shown:
tests/benchmarks/bench_bundle.py times both lines the same way.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: TID251 (not part of callpad)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare window")
    window.show()

    def first_turn() -> None:
        print("window shown", flush=True)  # noqa: T201 - the benchmark reads it
        app.quit()

    QTimer.singleShot(0, first_turn)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
