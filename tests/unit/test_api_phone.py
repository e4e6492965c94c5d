"""PhoneNumber parsing: what agents paste becomes the API's digits, or a clear PhoneNumberError."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from callpad.api.errors import PhoneNumberError
from callpad.api.phone import PhoneKind, PhoneNumber, parse_phone


@pytest.mark.parametrize(
    "text",
    [
        "+7 (926) 123-45-67",
        "8 926 123 45 67",
        "79261234567",
        "9261234567",
        "+79261234567",
        "8(926)1234567",
        "  +7 926 123 45 67\t",
        "tel:+7-926-123-45-67",
        "TEL:+79261234567",
        "callto:+79261234567",
        "callto://+79261234567",
        "tel:%2B79261234567",
        "sip:+79261234567@pbx.example.ru",
        "+7\u00a0926\u00a0123\u201045\u201067",
    ],
)
def test_russian_mobile_in_every_pasted_form_gives_the_same_digits(text):
    number = PhoneNumber.parse(text)
    assert number.digits == "79261234567"
    assert number.kind is PhoneKind.E164
    assert str(number) == "+79261234567"
    assert number.display() == "+7 926 123-45-67"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("+49 (0)30 123456", "4930123456"),
        ("0049 30 1234567", "49301234567"),
        ("+81 3-1234-5678", "81312345678"),
        ("81312345678", "81312345678"),  # not a valid Russian number, so read as international
        ("+1 212 555 0100", "12125550100"),
        ("8 495 111-22-33", "74951112233"),
    ],
)
def test_international_and_landline_numbers(text, digits):
    assert PhoneNumber.parse(text).digits == digits


def test_default_region_decides_national_input():
    assert PhoneNumber.parse("030 1234567", region="DE").digits == "49301234567"
    assert parse_phone("(212) 555-0100", region="US").digits == "12125550100"


def test_unknown_region_is_a_programming_error_not_a_phone_error():
    with pytest.raises(ValueError, match="region") as info:
        PhoneNumber.parse("79261234567", region="XX")
    assert not isinstance(info.value, PhoneNumberError)


@pytest.mark.parametrize("text", ["0107", "107", "sip:0107@pbx.example.ru", "sips:0107@pbx"])
def test_short_internal_and_sip_numbers_are_kept_where_allowed(text):
    number = PhoneNumber.parse(text)
    assert number.kind is PhoneKind.SHORT
    assert number.digits == text.split(":")[-1].split("@")[0]
    assert number.is_short


def test_short_numbers_refused_when_not_allowed():
    with pytest.raises(PhoneNumberError) as info:
        PhoneNumber.parse("0107", allow_short=False)
    assert info.value.reason == "short_not_allowed"


@pytest.mark.parametrize(
    ("text", "ext"),
    [
        ("tel:+79261234567;ext=123", "123"),
        ("+7 926 123-45-67 доб. 45", "45"),
        ("+7 926 123-45-67 ext. 9", "9"),
    ],
)
def test_extension_is_kept_apart_from_the_number(text, ext):
    number = PhoneNumber.parse(text)
    assert number.digits == "79261234567"
    assert number.extension == ext
    assert PhoneNumber.parse(str(number)) == number


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "not_a_number"),
        ("8 926 CALL ME", "not_a_number"),
        ("1-800-FLOWERS", "not_a_number"),
        ("+7 926 123 45 67 +", "not_a_number"),
        ("sip:ivanov@pbx.example.ru", "sip_name"),
        ("1234567", "too_short"),
        ("+7 926", "too_short"),
        ("1" * 40, "too_long"),
        ("+999 123456789", "invalid_country"),
        ("tel:", "not_a_number"),
    ],
)
def test_bad_input_is_refused_with_a_reason(text, reason):
    with pytest.raises(PhoneNumberError) as info:
        PhoneNumber.parse(text)
    assert info.value.reason == reason
    assert info.value.text == text


def test_phone_errors_speak_russian_and_english_with_a_next_step():
    with pytest.raises(PhoneNumberError) as info:
        PhoneNumber.parse("позвони Пете")
    ru = info.value.user_message("ru")
    en = info.value.user_message("en")
    assert "позвони Пете" in ru
    assert "Введите" in ru
    assert "Enter digits" in en
    assert ru != en


_PHONEISH = st.lists(
    st.sampled_from([*"0123456789 +-().#;=/x@:%", "tel:", "sip:", "callto:", "доб", "ext", "00"]),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_PHONEISH, st.text(max_size=60)))
@example("+")
@example("tel:;ext=1")
@example("00")
@example("0" * 18)
def test_parse_raises_only_the_documented_error_and_is_idempotent(text):
    try:
        number = PhoneNumber.parse(text)
    except PhoneNumberError as exc:
        messages = (exc.user_message("ru"), exc.user_message("en"))
        assert all(messages)
        return
    assert number.digits.isascii()
    assert number.digits.isdigit()
    assert 1 <= len(number.digits) <= 15
    again = PhoneNumber.parse(str(number))
    assert again == number
    assert PhoneNumber.parse(str(again)) == again


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"9[0-9]{9}", fullmatch=True), st.sampled_from(["+7 ", "8 ", "7", ""]))
def test_russian_mobiles_round_trip_through_their_digits(national, prefix):
    number = PhoneNumber.parse(prefix + national)
    assert number.digits == "7" + national
    assert PhoneNumber.parse(number.digits) == number
