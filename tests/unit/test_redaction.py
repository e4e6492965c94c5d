import logging

from callpad.redaction import MASK, RedactingFilter, redact_params, redact_text


def test_redact_params_masks_secrets_and_shortens_phones_at_any_depth():
    out = redact_params(
        {
            "login": "agent",
            "password": "hunter2",
            "access_token": "abc",
            "contact": "79261234567",
            "employee": {"id": 1, "phone_number": "74951112233"},
        }
    )
    assert out["login"] == MASK
    assert out["password"] == MASK
    assert out["access_token"] == MASK
    assert out["contact"] == "…4567"
    assert out["employee"] == {"id": 1, "phone_number": "…2233"}


def test_redact_text_masks_json_members_tokens_and_digit_runs():
    text = '{"password": "s3cret", "x": "tok_abcdefghijklmnopqrstuvwxyz012345"} call 79261234567'
    out = redact_text(text, secrets=("s3cret",))
    assert "s3cret" not in out
    assert "abcdefghijklmnopqrstuvwxyz" not in out
    assert "79261234567" not in out
    assert "4567" in out


def test_filter_rewrites_records(caplog):
    flt = RedactingFilter()
    flt.add_secret("topsecret")
    logger = logging.getLogger("callpad.test.redaction")
    caplog.handler.addFilter(flt)
    with caplog.at_level(logging.INFO, logger="callpad.test.redaction"):
        logger.info("password is %s", "topsecret")
    assert "topsecret" not in caplog.text
    assert MASK in caplog.text
