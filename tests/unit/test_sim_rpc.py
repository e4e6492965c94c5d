"""Pure parts of the JSON-RPC side: body reading, ids, client addresses."""

import ipaddress

import pytest

from callpad.sim.rpc import client_address, read_body, usable_id


@pytest.mark.parametrize(
    ("peer", "expected"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("::1", "::1"),
        ("::ffff:10.1.2.3", "10.1.2.3"),
        ("fe80::1%eth0", "fe80::1"),
    ],
)
def test_client_address_normalises_the_peer(peer: str, expected: str) -> None:
    assert client_address(peer) == ipaddress.ip_address(expected)


def test_client_address_of_garbage_is_none() -> None:
    assert client_address("") is None
    assert client_address("localhost") is None


@pytest.mark.parametrize(
    ("obj", "rid"),
    [({"id": "a"}, "a"), ({"id": 0}, 0), ({"id": 1.5}, 1.5), ({"id": True}, None), ([], None)],
)
def test_usable_id(obj: object, rid: object) -> None:
    assert usable_id(obj) == rid


def test_read_body_orders_parse_before_encoding() -> None:
    broken = read_body(b"\xff{", None)
    assert broken.fault is not None
    assert broken.fault.mnemonic == "parse_error"
    not_utf8 = read_body('{"a": "Пётр"}'.encode("cp1251"), None)
    assert not_utf8.fault is not None
    assert not_utf8.fault.mnemonic == "character_encoding_not_allowed"
    assert not_utf8.obj is not None
    assert read_body(b"{}", 'application/json; charset="UTF-8"').fault is None
    assert read_body(b"{}", "application/json; CHARSET=cp1251").fault is not None


def test_incoming_method_is_read_only_from_objects() -> None:
    assert read_body(b'{"method": "list.calls"}', None).method == "list.calls"
    assert read_body(b'{"method": 5}', None).method is None
    assert read_body(b'[{"method": "list.calls"}]', None).method is None
