"""Start-up benchmark: callpad --demo against a bare PySide6 window, measured in the same run.

For each process (fresh interpreter, offscreen): the time from launch until the main window is
shown, until it shows the first list.calls result (callpad only), and the peak RSS. The floor is
QApplication + QMainWindow shown, quitting on the first loop turn. Printed as medians and ratios
(aims: first window within 1.5x the floor; ready within 3x).
Run: `pytest -s tests/benchmarks/bench_startup.py` or `python tests/benchmarks/bench_startup.py`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

RUNS = 5
FLOOR_CODE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("window-shown", flush=True), app.quit()))
app.exec()
"""
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CALLPAD_STARTUP_PROBE": "1"}


@dataclass
class Sample:
    window_s: float
    ready_s: float | None
    peak_rss_mb: float


def measure(argv: list[str]) -> Sample:
    """Launch, timestamp the milestone lines as they arrive, collect the child's peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV, text=True
    )
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - start
    proc.stdout.close()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}"
    return Sample(marks["window-shown"], marks.get("calls-shown"), usage.ru_maxrss / 1024)


def run_benchmark(runs: int = RUNS) -> dict[str, float]:
    floor: list[Sample] = []
    app: list[Sample] = []
    for _ in range(runs):  # interleaved, so both see the same machine state
        floor.append(measure([sys.executable, "-c", FLOOR_CODE]))
        app.append(measure([sys.executable, "-m", "callpad", "--demo"]))
    floor_window = statistics.median(s.window_s for s in floor)
    app_window = statistics.median(s.window_s for s in app)
    app_ready = statistics.median(s.ready_s or 0.0 for s in app)
    floor_rss = max(s.peak_rss_mb for s in floor)
    app_rss = max(s.peak_rss_mb for s in app)
    result = {
        "floor_window_s": floor_window,
        "app_window_s": app_window,
        "app_ready_s": app_ready,
        "window_ratio": app_window / floor_window,
        "ready_ratio": app_ready / floor_window,
        "floor_rss_mb": floor_rss,
        "app_rss_mb": app_rss,
        "rss_ratio": app_rss / floor_rss,
    }
    lines = [
        f"start-up, median of {runs} (offscreen):",
        f"  bare PySide6 window shown   {floor_window * 1000:7.0f} ms   "
        f"peak RSS {floor_rss:.1f} MB",
        f"  callpad --demo window shown {app_window * 1000:7.0f} ms   "
        f"ratio {result['window_ratio']:.2f}x (aim 1.5x)",
        f"  callpad first list shown    {app_ready * 1000:7.0f} ms   "
        f"ratio {result['ready_ratio']:.2f}x (aim 3x)",
        f"  callpad peak RSS            {app_rss:7.1f} MB   ratio {result['rss_ratio']:.2f}x",
    ]
    print("\n" + "\n".join(lines))  # noqa: T201 - the benchmark's report
    return result


def test_startup_benchmark() -> None:
    result = run_benchmark()
    assert result["app_ready_s"] >= result["app_window_s"] > 0


if __name__ == "__main__":
    run_benchmark()
