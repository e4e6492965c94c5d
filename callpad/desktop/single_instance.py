"""One callpad per user: a second launch forwards its arguments over a local socket and exits.

The socket's name is derived from the user and the config folder, so a portable or demo instance
with its own folder runs beside the normal one. `UserAccessOption` restricts the socket to the
same user; `removeServer()` clears the socket a crashed instance left behind.

Wiring (app.py), before the main window is built::

    instance = SingleInstance(instance_name(paths.config_dir))
    if instance.forward(sys.argv[1:]):
        return 0                                  # the running instance got the request
    instance.listen()
    instance.message_received.connect(on_forwarded_argv)   # list[str]
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 64 * 1024
_CONNECT_TIMEOUT_MS = 500


def instance_name(config_dir: Path, user: str | None = None) -> str:
    """A socket name unique to this user and config folder (short: Unix paths are limited)."""
    who = user if user is not None else getpass.getuser()
    digest = hashlib.sha256(f"{who}\0{config_dir.absolute()}".encode()).hexdigest()[:16]
    return f"callpad-{digest}"


def encode_argv(argv: Sequence[str]) -> bytes:
    return json.dumps({"argv": list(argv)}).encode("utf-8") + b"\n"


def decode_argv(payload: bytes) -> list[str] | None:
    """The forwarded arguments, or None for anything malformed (logged, ignored)."""
    try:
        data = json.loads(payload.decode("utf-8"))
    except ValueError:
        return None
    argv = data.get("argv") if isinstance(data, dict) else None
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        return None
    return argv


class SingleInstance(QObject):
    """Owns the local server of the running instance, or forwards to it."""

    message_received = Signal(list)  # the argv a second launch forwarded

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    @property
    def name(self) -> str:
        return self._name

    def forward(self, argv: Sequence[str], timeout_ms: int = _CONNECT_TIMEOUT_MS) -> bool:
        """Send argv to a running instance; False if none answers (then call `listen`)."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(QByteArray(encode_argv(argv)))
        sent = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return sent

    def listen(self) -> bool:
        """Become the running instance. False (logged) if the socket cannot be created."""
        QLocalServer.removeServer(self._name)  # a crashed instance's socket file
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            logger.warning("Single-instance socket unavailable: %s", server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def full_server_name(self) -> str:
        return self._server.fullServerName() if self._server is not None else ""

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _accept(self) -> None:
        server = self._server
        if server is None:
            return
        while (socket := server.nextPendingConnection()) is not None:
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._finish(s))
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            logger.warning("Forwarded request too large; dropped")
            self._buffers.pop(socket, None)
            socket.abort()
            socket.deleteLater()
            return
        if b"\n" in buffer:
            self._finish(socket)

    def _finish(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.pop(socket, None)
        if buffer is None:
            return
        buffer.extend(socket.readAll().data())
        socket.deleteLater()
        argv = decode_argv(bytes(buffer).split(b"\n", 1)[0])
        if argv is None:
            logger.warning("Ignored a malformed forwarded request")
            return
        self.message_received.emit(argv)
