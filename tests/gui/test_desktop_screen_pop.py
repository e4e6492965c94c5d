import pytest
from PySide6.QtCore import QUrl

from callpad.config.schema import ScreenPopSettings
from callpad.desktop.screen_pop import ScreenPop, build_url, template_is_valid

TEMPLATE = "https://crm.example/search?q={contact}&call={session}"


def test_contact_is_url_encoded_and_cannot_inject():
    url = build_url(TEMPLATE, contact="+7 926&x=1#frag", session=42)
    assert url is not None
    assert url.toString(QUrl.ComponentFormattingOption.FullyEncoded) == (
        "https://crm.example/search?q=%2B7%20926%26x%3D1%23frag&call=42"
    )
    assert url.fragment() == ""


@pytest.mark.parametrize(
    "template",
    ["", "crm.example/{contact}", "file:///etc/{contact}", "javascript:alert({contact})",
     "https:///{contact}", "ftp://crm/{contact}"],
)  # fmt: skip
def test_only_http_urls_are_accepted(template):
    assert build_url(template, contact="79261234567") is None
    assert not template_is_valid(template)


def test_template_check_for_the_dialog():
    assert template_is_valid(TEMPLATE)
    assert template_is_valid("http://localhost:8080/c/{contact}")


def _pop(enabled: bool = True, template: str = TEMPLATE) -> tuple[ScreenPop, list[QUrl]]:
    opened: list[QUrl] = []

    def opener(url: QUrl) -> bool:
        opened.append(url)
        return True

    pop = ScreenPop(ScreenPopSettings(enabled=enabled, url_template=template), opener=opener)
    return pop, opened


def test_off_by_default_opens_nothing():
    assert not ScreenPopSettings().enabled
    pop, opened = _pop(enabled=False)
    assert not pop.on_new_call(1, "79261234567")
    assert opened == []


def test_opens_once_per_call_session():
    pop, opened = _pop()
    assert pop.on_new_call(7, "79261234567")
    assert not pop.on_new_call(7, "79261234567")
    assert pop.on_new_call(8, "79260000000")
    assert [u.query() for u in opened] == ["q=79261234567&call=7", "q=79260000000&call=8"]


def test_bad_template_opens_nothing_and_configure_applies_new_settings():
    pop, opened = _pop(template="not a url {contact}")
    assert not pop.on_new_call(1, "79261234567")
    pop.configure(ScreenPopSettings(enabled=True, url_template=TEMPLATE))
    assert pop.on_new_call(2, "79261234567")
    assert len(opened) == 1
