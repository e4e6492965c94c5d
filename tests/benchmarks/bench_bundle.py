"""Bundle size, .deb size and bundled startup of callpad beside a bare PySide6 window.

Run by name (Linux, as for packaging/linux/build-deb.sh; slow: two PyInstaller builds and two
.debs, 3-6 minutes): `pytest -s tests/benchmarks/bench_bundle.py`. BENCH_DEB_COMPRESS=zstd
measures the fast compressor instead of xz (the released one).

The floor is packaging/pyinstaller/bare_window.py (QApplication + QMainWindow shown, quit on the
first turn of the loop), bundled by bare_window.spec with the same filters and options as
callpad.spec and packed into a .deb by the same dpkg-deb call. Startup is timed from spawn to the
"window shown" line on stdout (callpad prints it in `--demo --self-test` right after showing its
window; the floor on its first loop turn), offscreen, median of ROUNDS after one warm-up run,
alternating the two so drift hits both. The whole self-test run (simulator, log-in, a dialled and
released call) is reported too.
"""

from __future__ import annotations

import os
import select
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / "build" / "venv-pkg"
ROUNDS = 7
MIB = 1024 * 1024
DPKG_DEB = shutil.which("dpkg-deb") or "dpkg-deb"


def _tree_bytes(folder: Path) -> int:
    """Bytes of the regular files under `folder` (links not followed): what the bundle holds."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as fh:
        version: str = tomllib.load(fh)["project"]["version"]
    return version


def _pack_deb(tree: Path, name: str, stage: Path, compress: str) -> Path:
    """The bare bundle under /opt/<name> in a minimal .deb, packed like build-deb.sh packs."""
    root = stage / "root"
    (root / "DEBIAN").mkdir(parents=True)
    shutil.copytree(tree, root / "opt" / name, symlinks=True)
    (root / "DEBIAN" / "control").write_text(
        f"Package: {name}\nVersion: 1.0\nArchitecture: amd64\n"
        "Maintainer: bench <bench@example.invalid>\nDescription: floor\n",
        encoding="utf-8",
    )
    deb = stage / f"{name}.deb"
    subprocess.run(
        [DPKG_DEB, "--root-owner-group", f"-Z{compress}", "--build", str(root), str(deb)],
        check=True,
        capture_output=True,
    )
    return deb


def _time_run(argv: list[str], home: Path, marker: str = "window shown") -> tuple[float, float]:
    """Seconds from spawn to the `marker` line on stdout, and to the process's exit (rc 0)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    start = time.perf_counter()
    shown = None
    buffer = b""
    with subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=home
    ) as proc:
        assert proc.stdout is not None
        while True:
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, f"{argv[0]}: no output for 60 s"
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            if shown is None and marker.encode() in buffer:
                shown = time.perf_counter() - start
        rc = proc.wait(timeout=120)
    total = time.perf_counter() - start
    assert rc == 0, f"{argv} exited {rc}: {buffer.decode(errors='replace')[-2000:]}"
    assert shown is not None, f"{argv} never printed {marker!r}"
    return shown, total


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if shutil.which(DPKG_DEB) is None:
        pytest.skip("needs dpkg-deb (Debian/Ubuntu)")
    compress = os.environ.get("BENCH_DEB_COMPRESS", "xz")
    work = tmp_path_factory.mktemp("bundle-bench")
    subprocess.run(
        [str(ROOT / "packaging" / "linux" / "build-deb.sh")],
        check=True,
        cwd=ROOT,
        env={**os.environ, "DEB_COMPRESS": compress},
    )
    subprocess.run(
        [
            str(VENV / "bin" / "pyinstaller"),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "packaging" / "pyinstaller" / "bare_window.spec"),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    bare = work / "dist" / "bare-window"
    return {
        "callpad": ROOT / "dist" / "pyinstaller" / "callpad",
        "callpad_deb": ROOT / "dist" / f"callpad_{_version()}_amd64.deb",
        "bare": bare,
        "bare_deb": _pack_deb(bare, "bare-window", work / "deb", compress),
        "homes": work / "homes",
    }


@pytest.mark.timeout(1800)  # the fixture builds two bundles; the project default is 120 s
def test_bundle_size_deb_size_and_startup_against_a_bare_window(builds: dict[str, Path]) -> None:
    callpad, bare = builds["callpad"], builds["bare"]
    for tree in (callpad, bare):
        leftovers = [
            p.name
            for p in tree.rglob("*")
            if p.name.startswith(("libqgtk3", "libgtk-3", "libqwayland", "libwayland-"))
        ]
        assert not leftovers, f"{tree.name} bundles what the spec leaves out: {leftovers}"

    sizes = {
        "bundle": (_tree_bytes(callpad), _tree_bytes(bare)),
        ".deb": (builds["callpad_deb"].stat().st_size, builds["bare_deb"].stat().st_size),
    }

    shown: dict[str, list[float]] = {"callpad": [], "bare": []}
    totals: dict[str, list[float]] = {"callpad": [], "bare": []}
    argv = {
        "callpad": [str(callpad / "callpad"), "--demo", "--self-test"],
        "bare": [str(bare / "bare-window")],
    }
    for n in range(ROUNDS + 1):
        for name in ("callpad", "bare"):
            home = builds["homes"] / f"{name}-{n}"
            home.mkdir(parents=True)
            first, total = _time_run(argv[name], home)
            if n:  # the first round warms the page cache
                shown[name].append(first)
                totals[name].append(total)

    med = {k: statistics.median(v) for k, v in shown.items()}
    med_total = {k: statistics.median(v) for k, v in totals.items()}
    lines = [
        "",
        f"{'':28} {'callpad':>10} {'bare window':>12} {'ratio':>7}",
        *(
            f"{what:28} {a / MIB:8.1f} MB {b / MIB:10.1f} MB {a / b:7.2f}"
            for what, (a, b) in sizes.items()
        ),
        f"{'startup to window shown':28} {med['callpad']:8.2f} s {med['bare']:10.2f} s "
        f"{med['callpad'] / med['bare']:7.2f}",
        f"{'whole run (self-test / quit)':28} {med_total['callpad']:8.2f} s "
        f"{med_total['bare']:10.2f} s {med_total['callpad'] / med_total['bare']:7.2f}",
        f"(medians of {ROUNDS} offscreen runs after a warm-up; .deb "
        f"-Z{os.environ.get('BENCH_DEB_COMPRESS', 'xz')}; MB = MiB)",
    ]
    print("\n".join(lines))  # noqa: T201 - the benchmark's report

    # The floor is the least a PySide6 window costs; callpad adds Python packages (httpx,
    # cryptography via keyring, phonenumbers' tables) and its own code, not another Qt.
    assert sizes["bundle"][0] < 2 * sizes["bundle"][1]
    assert med["callpad"] < 5.0
