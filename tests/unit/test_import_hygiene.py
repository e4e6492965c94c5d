"""Run-time layer checks that import-linter (static) cannot see."""

import pkgutil
import subprocess
import sys

import pytest

import callpad

CORE = ("callpad.api", "callpad.sim", "callpad.config", "callpad.clock", "callpad.redaction")


def _modules(prefix: str) -> list[str]:
    pkg = __import__(prefix, fromlist=["_"])
    if not hasattr(pkg, "__path__"):
        return [prefix]
    return [prefix] + [
        m.name
        for m in pkgutil.walk_packages(pkg.__path__, prefix + ".")
        if not m.name.endswith("__main__")
    ]


@pytest.mark.parametrize("module", [m for c in CORE for m in _modules(c)])
def test_core_modules_do_not_load_qt(module):
    code = f"import sys, {module}; assert 'PySide6' not in sys.modules, 'Qt loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("module", _modules("callpad.viewmodels"))
def test_viewmodels_do_not_load_httpx(module):
    code = f"import sys, {module}; assert 'httpx' not in sys.modules, 'httpx loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_package_has_a_version():
    assert callpad.__version__.count(".") == 2
