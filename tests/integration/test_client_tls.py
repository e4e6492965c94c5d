"""Certificate verification is always on: a self-signed HTTPS server on loopback is refused.

The certificate is made with the openssl command line in pytest's tmp_path; the server is plain
asyncio with TLS, so the refusal can only come from the client's verification.
"""

import asyncio
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from callpad.api import errors as e
from callpad.api.client import CallApiClient
from callpad.api.models import PermanentKey

OPENSSL = shutil.which("openssl")
pytestmark = pytest.mark.skipif(OPENSSL is None, reason="needs the openssl command")


def _self_signed(folder: Path) -> ssl.SSLContext:
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            str(OPENSSL), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def test_a_self_signed_server_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    received: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            received.append(await reader.read(100))
        except (ssl.SSLError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=_self_signed(tmp_path))
    port = server.sockets[0].getsockname()[1]
    try:
        url = f"https://127.0.0.1:{port}/v4.0"
        async with CallApiClient(url, credentials=PermanentKey("k" * 30)) as api:
            with pytest.raises(e.ConnectionFailedError) as info:
                await api.list_calls()
        assert "CERTIFICATE_VERIFY_FAILED" in str(info.value)
        assert not info.value.may_have_reached_server
        assert not any(received)  # no request bytes reached the server
    finally:
        server.close()
        await server.wait_closed()
