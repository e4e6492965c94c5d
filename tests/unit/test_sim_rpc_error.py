import json
from pathlib import Path

import pytest

from callpad.sim.rpc_error import RpcFault, UnknownMnemonicError, lookup
from callpad.sim.spec import method_names, spec


def test_contact_in_blacklist_code_depends_on_the_method():
    codes = {m: lookup("contact_in_blacklist", m)[0] for m in method_names()}
    assert {codes["start.employee_call"], codes["start.simple_call"]} <= {-32602, -32002}
    assert len(set(codes.values())) == 2


def test_fault_fills_the_template_from_params():
    fault = RpcFault("limit_exceeded", params={"limit_type": "minute", "limit_max_value": 100})
    assert fault.code == -32029
    assert fault.message == (
        "Limit per minute has been exceeded. Value of current limit per minute is 100"
    )
    assert fault.error_data()["params"] == {"limit_type": "minute", "limit_max_value": 100}
    assert "value" not in fault.error_data()


def test_unknown_mnemonic_is_a_simulator_bug():
    with pytest.raises(UnknownMnemonicError):
        RpcFault("no_such_error")


def test_packaged_table_matches_the_shared_reference_when_present():
    shared = Path(__file__).resolve().parents[3] / "shared" / "callapi" / "methods.json"
    if not shared.exists():
        pytest.skip("the shared reference folder is not next to this checkout")
    assert json.loads(shared.read_text(encoding="utf-8")) == spec()
