"""Base URLs: provider presets and the HTTPS-except-loopback rule."""

import pytest

from callpad.api.client import CallApiClient
from callpad.api.errors import EndpointError
from callpad.api.providers import Provider, check_base_url
from callpad.sim.spec import spec


def test_presets_match_the_spec_table():
    urls = {name: row["url"] for name, row in spec()["base_urls"].items()}
    assert {p.value: p.base_url() for p in Provider} == urls


@pytest.mark.parametrize(
    "url",
    [
        "https://callapi.uiscom.ru/v4.0",
        "https://callapi.uiscom.ru/v4.0/",
        "http://127.0.0.1:8080/v4.0",
        "http://127.3.4.5/v4.0",
        "http://localhost:1/v4.0",
        "http://[::1]:9000/v4.0",
    ],
)
def test_https_or_loopback_http_is_accepted(url):
    assert check_base_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://callapi.uiscom.ru/v4.0",
        "http://10.0.0.5/v4.0",
        "ftp://x/v4.0",
        "callapi.uiscom.ru",
        "",
        "https:///v4.0",
    ],
)
def test_anything_else_is_refused_with_a_message(url):
    with pytest.raises(EndpointError) as info:
        check_base_url(url)
    assert "https://" in info.value.user_message("en")
    assert info.value.url == url


async def test_client_accepts_a_provider_or_refuses_a_bad_url():
    async with CallApiClient(Provider.NOVOFON) as api:
        assert api.base_url == "https://callapi-jsonrpc.novofon.ru/v4.0"
    with pytest.raises(EndpointError):
        CallApiClient("http://example.com/v4.0")
