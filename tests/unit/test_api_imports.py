"""What viewmodels import from callpad.api never drags httpx in (checked in a fresh interpreter)."""

import subprocess
import sys

import pytest

VIEW_FACING = [
    "callpad.api.service",
    "callpad.api.models",
    "callpad.api.errors",
    "callpad.api.phone",
    "callpad.api.messages",
    "callpad.api.providers",
]


@pytest.mark.parametrize("module", VIEW_FACING)
def test_view_facing_modules_do_not_load_httpx(module):
    code = f"import sys, {module}; assert 'httpx' not in sys.modules, 'httpx loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_client_module_is_where_httpx_comes_in():
    code = "import sys, callpad.api.client; assert 'httpx' in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
