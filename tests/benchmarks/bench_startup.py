"""Start-up benchmark: callpad --demo against a bare PySide6 window, measured in the same run.

For each process (fresh interpreter, offscreen): the time from launch until the main window is
shown, until it shows the first list.calls result (callpad only), and the peak RSS. The floor is
QApplication + QMainWindow shown, reporting on the first loop turn (callpad reports its window the
same way: a zero timer after `show()`). Printed as medians and ratios to the floor (aims: first
window within 1.5x the floor; ready within 3x).

Two callpad variants run interleaved with the floor:
- "dev venv": this virtualenv as it is. import-linter pulls in rich, click and pygments, and httpx
  imports all three at start-up for its command-line tool when they are installed.
- "as bundled": the same with rich, click and pygments made unimportable, as in the PyInstaller
  bundle (its build reports all three missing). This is the figure users see.

Before/after: with BENCH_BASELINE=DIR (a source tree of an older commit, e.g. made with
`git archive COMMIT callpad | tar -x -C DIR`), a third variant runs "as bundled" from DIR
(PYTHONPATH, launched outside the checkout), interleaved with the others.

Every process runs with compiled bytecode in a throwaway cache folder (PYTHONPYCACHEPREFIX), as an
installed package or the bundle does, even where PYTHONDONTWRITEBYTECODE is set; one unmeasured
warm-up run per command fills it.
Run: `pytest -s tests/benchmarks/bench_startup.py` or `python tests/benchmarks/bench_startup.py`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

RUNS = 7
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
NOT_BUNDLED = ("rich", "click", "pygments")
AS_BUNDLED_CODE = f"""
import runpy, sys
for name in {NOT_BUNDLED!r}:
    sys.modules[name] = None  # import fails: httpx skips its command-line tool, as in the bundle
sys.argv = ["callpad", "--demo"]
runpy.run_module("callpad", run_name="__main__", alter_sys=True)
"""
FLOOR = "bare PySide6 window"
DEV = "callpad --demo, dev venv"
BUNDLED = "callpad --demo, as bundled"
BASELINE = "baseline, as bundled"
BASELINE_ENV = "BENCH_BASELINE"
COMMANDS = {
    FLOOR: [sys.executable, "-c", FLOOR_CODE],
    DEV: [sys.executable, "-m", "callpad", "--demo"],
    BUNDLED: [sys.executable, "-c", AS_BUNDLED_CODE],
}


@dataclass
class Sample:
    window_s: float
    ready_s: float | None
    peak_rss_mb: float


def child_env(pycache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", CALLPAD_STARTUP_PROBE="1", PYTHONPYCACHEPREFIX=pycache)
    return env


def measure(argv: list[str], env: dict[str, str], cwd: str | None = None) -> Sample:
    """Launch, timestamp the milestone lines as they arrive, collect the child's peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, cwd=cwd
    )
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - start)
    proc.stdout.close()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}"
    return Sample(marks["window-shown"], marks.get("calls-shown"), usage.ru_maxrss / 1024)


def _median(values: list[float]) -> float:
    return statistics.median(values)


def run_benchmark(runs: int = RUNS) -> dict[str, float]:
    baseline = os.environ.get(BASELINE_ENV)
    commands = dict(COMMANDS) | ({BASELINE: COMMANDS[BUNDLED]} if baseline else {})
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    with (
        tempfile.TemporaryDirectory(prefix="bench-startup-pyc-") as pycache,
        tempfile.TemporaryDirectory(prefix="bench-startup-cwd-") as outside,
    ):
        env = child_env(pycache)
        envs = dict.fromkeys(commands, env)
        cwds: dict[str, str | None] = dict.fromkeys(commands)
        if baseline:  # the cache prefix keeps each source's absolute path: no clash
            envs[BASELINE] = env | {"PYTHONPATH": baseline}
            cwds[BASELINE] = outside  # not the checkout: "-c" puts the current folder first
        for name, argv in commands.items():  # warm-up: compiles the bytecode into the cache
            measure(argv, envs[name], cwds[name])
        for _ in range(runs):  # interleaved, so all see the same machine state
            for name, argv in commands.items():
                samples[name].append(measure(argv, envs[name], cwds[name]))

    floor = samples[FLOOR]
    floor_window = _median([s.window_s for s in floor])
    floor_rss = _median([s.peak_rss_mb for s in floor])
    result = {"floor_window_s": floor_window, "floor_rss_mb": floor_rss}
    lines = [
        f"start-up, median of {runs} runs (offscreen, bytecode cached), ratio to the floor:",
        f"  {'':27s}  {'window shown':>18s}  {'first list shown':>18s}  {'peak RSS':>18s}",
        f"  {FLOOR + ' (floor)':27s}  {floor_window * 1000:6.0f} ms {'':8s}  {'':18s}  "
        f"{floor_rss:6.1f} MB",
    ]
    rows = ((DEV, "dev"), (BUNDLED, "bundled")) + (((BASELINE, "baseline"),) if baseline else ())
    for name, key in rows:
        window = _median([s.window_s for s in samples[name]])
        ready = _median([s.ready_s or 0.0 for s in samples[name]])
        rss = _median([s.peak_rss_mb for s in samples[name]])
        result |= {
            f"{key}_window_s": window,
            f"{key}_ready_s": ready,
            f"{key}_rss_mb": rss,
            f"{key}_window_ratio": window / floor_window,
            f"{key}_ready_ratio": ready / floor_window,
            f"{key}_rss_ratio": rss / floor_rss,
        }
        lines.append(
            f"  {name:27s}  {window * 1000:6.0f} ms {window / floor_window:6.2f}x  "
            f"{ready * 1000:6.0f} ms {ready / floor_window:6.2f}x  "
            f"{rss:6.1f} MB {rss / floor_rss:6.2f}x"
        )
    lines += [
        "  aims: window 1.5x, first list 3x.",
        f"  rich/click/pygments (dev venv only) add "
        f"{(result['dev_ready_s'] - result['bundled_ready_s']) * 1000:.0f} ms to the first list "
        f"and {result['dev_rss_mb'] - result['bundled_rss_mb']:.1f} MB",
    ]
    print("\n" + "\n".join(lines))  # noqa: T201 - the benchmark's report
    return result


def test_startup_benchmark() -> None:
    result = run_benchmark()
    for key in ("dev", "bundled"):
        assert result[f"{key}_ready_s"] >= result[f"{key}_window_s"] > 0


if __name__ == "__main__":
    run_benchmark(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
