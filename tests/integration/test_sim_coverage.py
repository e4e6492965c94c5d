"""Proof that the simulator tests cover the whole spec: every method and every documented error.

Convention (read from the sources of tests/integration/test_sim_*.py, not by running them):
- a method is covered by a happy path when some test calls
  `call_ok(http, url, "<method>", params)` (sim_harness.call_ok asserts a result with limits);
- a common error or simulator placeholder (`methods.json` `common_errors`,
  `undocumented_errors_simulator_placeholders`) is covered by any
  `expect_error(http, url, <method>, params, "<mnemonic>")` or
  `check_error(reply, "<mnemonic>")` call;
- a method-specific error row (`methods[m].errors`) is covered only by such a call naming both that
  method and that mnemonic (`check_error(..., method="<method>")` for raw requests), since codes and
  messages differ per method.
Arguments count when they are string literals, module-level string constants, names bound by
`@pytest.mark.parametrize` rows of literals, or `for` loop names over literal sequences.
"""

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callpad.sim.spec import spec

TEST_DIR = Path(__file__).parent
CALLS = {"call_ok", "expect_error", "check_error"}
Env = dict[str, list[Any]]


@dataclass
class Found:
    """What the test sources prove."""

    happy: set[str] = field(default_factory=set)
    errors: set[tuple[str | None, str]] = field(default_factory=set)


def _literal(node: ast.AST) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _module_constants(tree: ast.Module) -> Env:
    env: Env = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            value = _literal(stmt.value)
            if isinstance(target, ast.Name) and value is not None:
                env[target.id] = list(value) if isinstance(value, list | tuple) else [value]
    return env


def _parametrize_rows(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[dict[str, Any]]:
    """The cross product of the function's parametrize decorators, as name -> value rows."""
    tables: list[list[dict[str, Any]]] = []
    for deco in func.decorator_list:
        if not (
            isinstance(deco, ast.Call)
            and isinstance(deco.func, ast.Attribute)
            and deco.func.attr == "parametrize"
            and len(deco.args) >= 2
        ):
            continue
        names = _literal(deco.args[0])
        if isinstance(names, str):
            names = [n.strip() for n in names.split(",") if n.strip()]
        if not isinstance(names, list | tuple) or not isinstance(
            deco.args[1], ast.List | ast.Tuple
        ):
            continue
        rows = []
        for item in deco.args[1].elts:
            elt = item
            if isinstance(item, ast.Call) and getattr(item.func, "attr", "") == "param":
                elt = ast.Tuple(elts=list(item.args)) if len(item.args) > 1 else item.args[0]
            parts = elt.elts if len(names) > 1 and isinstance(elt, ast.Tuple) else [elt]
            rows.append({n: _literal(p) for n, p in zip(names, parts, strict=False)})
        tables.append(rows)
    return [{k: v for row in combo for k, v in row.items()} for combo in itertools.product(*tables)]


def _loop_bindings(func: ast.AST, constants: Env) -> Env:
    env: Env = {}
    for node in ast.walk(func):
        if isinstance(node, ast.For | ast.AsyncFor) and isinstance(node.target, ast.Name):
            if isinstance(node.iter, ast.Name) and node.iter.id in constants:
                env[node.target.id] = constants[node.iter.id]
            elif isinstance(value := _literal(node.iter), list | tuple):
                env[node.target.id] = list(value)
    return env


def _resolve(node: ast.AST | None, row: dict[str, Any], env: Env) -> list[Any]:
    if node is None:
        return [None]
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, ast.Name):
        if node.id in row:
            return [row[node.id]]
        return env.get(node.id, [])
    return []


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return call.args[index] if len(call.args) > index else None


def _calls(func: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    for node in ast.walk(func):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in CALLS:
                yield name, node


def scan(source: str, found: Found) -> None:
    """Add what one test module proves to `found`."""
    tree = ast.parse(source)
    constants = _module_constants(tree)
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        env = {**constants, **_loop_bindings(func, constants)}
        for row in _parametrize_rows(func) or [{}]:
            for name, call in _calls(func):
                if name == "call_ok":
                    found.happy.update(m for m in _resolve(_arg(call, 2, "method"), row, env) if m)
                    continue
                if name == "expect_error":
                    method_node, mnemonic_node = _arg(call, 2, "method"), _arg(call, 4, "mnemonic")
                else:
                    method_node, mnemonic_node = _arg(call, 99, "method"), _arg(call, 1, "mnemonic")
                methods = _resolve(method_node, row, env)
                for method, mnemonic in itertools.product(
                    methods, _resolve(mnemonic_node, row, env)
                ):
                    if isinstance(mnemonic, str):
                        found.errors.add((method if isinstance(method, str) else None, mnemonic))


def found_in_tests() -> Found:
    found = Found()
    for path in sorted(TEST_DIR.glob("test_sim_*.py")):
        scan(path.read_text(encoding="utf-8"), found)
    return found


def missing(found: Found) -> list[str]:
    table = spec()
    gaps = [f"happy path of {m}" for m in table["method_order"] if m not in found.happy]
    any_method = {mnemonic for _, mnemonic in found.errors}
    for row in (*table["common_errors"], *table["undocumented_errors_simulator_placeholders"]):
        if row["mnemonic"] not in any_method:
            gaps.append(f"common error {row['mnemonic']}")
    for method in table["method_order"]:
        for row in table["methods"][method]["errors"]:
            if (method, row["mnemonic"]) not in found.errors:
                gaps.append(f"{method}: {row['mnemonic']} ({row['code']})")
    return sorted(set(gaps), key=gaps.index)


def test_scanner_reads_literals_constants_parametrize_and_loops():
    source = """
import pytest
M = "tag.call"
NAMES = ("a.b", "c.d")
@pytest.mark.parametrize(("method", "mn"), [("x.y", "e1"), pytest.param("z.w", "e2")])
async def test_a(method, mn):
    await expect_error(http, url, method, {}, mn)
    await call_ok(http, url, M, {})
    check_error(reply, "e3", method="q.r")
    for name in NAMES:
        await call_ok(http, url, name, {})
async def test_b():
    await expect_error(http, url, params={}, method="k.l", mnemonic="e4", url=url, http=http)
    check_error(reply, "e5")
    await expect_error(http, url, unknown_variable, {}, "e6")
"""
    found = Found()
    scan(source, found)
    assert found.happy == {"tag.call", "a.b", "c.d"}
    assert found.errors == {
        ("x.y", "e1"),
        ("z.w", "e2"),
        ("q.r", "e3"),
        ("k.l", "e4"),
        (None, "e5"),
    }


def test_missing_lists_what_no_test_proves():
    gaps = missing(Found())
    assert "happy path of login.user" in gaps
    assert "common error parse_error" in gaps
    assert "common error call_direction_forbidden" in gaps
    assert "start.scenario_call: contact_in_blacklist (-32602)" in gaps
    assert len([g for g in gaps if g.startswith("happy path")]) == 22


def test_every_method_and_documented_error_has_a_test():
    gaps = missing(found_in_tests())
    assert not gaps, f"{len(gaps)} spec items without a test:\n" + "\n".join(gaps)
