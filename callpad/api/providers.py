"""Base URLs of the Call API per provider (SPEC §2) and the rule for custom URLs."""

from __future__ import annotations

import ipaddress
import urllib.parse
from enum import StrEnum

from callpad.api.errors import EndpointError

API_VERSION = "v4.0"


class Provider(StrEnum):
    """The four vendors that run the same Call API platform."""

    UIS = "uis"
    COMAGIC = "comagic"
    NOVOFON = "novofon"
    CALLGEAR = "callgear"

    @property
    def host(self) -> str:
        return _HOSTS[self]

    def base_url(self, version: str = API_VERSION) -> str:
        """E.g. `https://callapi.uiscom.ru/v4.0`."""
        return f"https://{self.host}/{version}"


_HOSTS = {
    Provider.UIS: "callapi.uiscom.ru",
    Provider.COMAGIC: "callapi.comagic.ru",
    Provider.NOVOFON: "callapi-jsonrpc.novofon.ru",
    Provider.CALLGEAR: "callapi.callgear.com",
}


def is_loopback_host(host: str) -> bool:
    """True for `localhost`, 127.0.0.0/8 and ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """Return the URL without a trailing slash if it is HTTPS, or plain HTTP on loopback.

    Raises:
        EndpointError: anything else (no host, another scheme, HTTP to a remote host).
    """
    text = url.strip().rstrip("/")
    parts = urllib.parse.urlsplit(text)
    host = parts.hostname or ""
    if not host:
        raise EndpointError(f"base URL has no host: {url!r}", url=url)
    if parts.scheme == "https":
        return text
    if parts.scheme == "http" and is_loopback_host(host):
        return text
    raise EndpointError(f"base URL must be https:// (http:// only on loopback): {url!r}", url=url)
