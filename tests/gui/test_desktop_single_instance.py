import os
import socket as pysocket
import stat
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from callpad.desktop.single_instance import (
    SingleInstance,
    decode_argv,
    encode_argv,
    instance_name,
)
from tests.qt_async import until, wait_signal


@pytest.fixture
def name():
    return f"callpad-test-{uuid.uuid4().hex[:12]}"


def test_names_differ_per_user_and_config_folder(tmp_path):
    a = instance_name(tmp_path / "a", user="anna")
    assert a == instance_name(tmp_path / "a", user="anna")
    assert a != instance_name(tmp_path / "a", user="boris")
    assert a != instance_name(tmp_path / "b", user="anna")
    assert len(a) < 40


def test_argv_codec_rejects_malformed_payloads():
    assert decode_argv(encode_argv(["tel:+7926", "--dial", "8 926"]).strip()) == [
        "tel:+7926",
        "--dial",
        "8 926",
    ]
    for bad in (b"{", b"[]", b'{"argv": [1]}', b'{"argv": "x"}', b"\xff"):
        assert decode_argv(bad) is None


async def test_second_launch_forwards_argv_to_the_running_instance(name):
    first = SingleInstance(name)
    assert not first.forward(["nobody listens"])
    assert first.listen()
    try:
        second = SingleInstance(name)
        pending = wait_signal(first.message_received)
        assert second.forward(["tel:+79261234567"])
        (argv,) = await pending
        assert argv == ["tel:+79261234567"]
        # And again: the server keeps serving later launches.
        pending = wait_signal(first.message_received)
        assert SingleInstance(name).forward(["--dial", "8 926 123-45-67"])
        assert (await pending)[0] == ["--dial", "8 926 123-45-67"]
    finally:
        first.close()


async def test_malformed_and_oversized_requests_are_dropped(name):
    from PySide6.QtCore import QByteArray
    from PySide6.QtNetwork import QLocalSocket

    server = SingleInstance(name)
    assert server.listen()
    got: list[list[str]] = []
    server.message_received.connect(got.append)
    try:
        for payload in (b"garbage\n", b"x" * (70 * 1024)):
            sock = QLocalSocket()
            sock.connectToServer(name)
            assert sock.waitForConnected(500)
            sock.write(QByteArray(payload))
            sock.waitForBytesWritten(500)
            sock.disconnectFromServer()
        pending = wait_signal(server.message_received)
        assert SingleInstance(name).forward(["ok"])
        await pending
        await until(lambda: got == [["ok"]])
    finally:
        server.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes, not socket files")
def test_stale_socket_of_a_crashed_instance_is_replaced(name):
    probe = QLocalServer()
    assert probe.listen(name)
    path = probe.fullServerName()
    probe.close()
    # Leave a socket file behind, as a crashed process would.
    stale = pysocket.socket(pysocket.AF_UNIX, pysocket.SOCK_STREAM)
    stale.bind(path)
    stale.close()
    assert Path(path).exists()
    instance = SingleInstance(name)
    assert not instance.forward(["tel:+79261234567"], timeout_ms=200)  # nobody behind it
    try:
        assert instance.listen()
    finally:
        instance.close()


@pytest.mark.skipif(os.name != "posix", reason="socket file modes are POSIX")
def test_socket_is_reachable_only_by_the_same_user(name):
    instance = SingleInstance(name)
    assert instance.listen()
    try:
        mode = stat.S_IMODE(Path(instance.full_server_name()).stat().st_mode)
        assert mode & 0o077 == 0
    finally:
        instance.close()
