"""Receipt codes: short, unambiguous, drawn securely, and off by default."""

import pytest

from pareconapp.core.decisions import (
    RECEIPTS_BY_DEFAULT,
    format_receipt_code,
    new_receipt_code,
    parse_receipt_code,
)
from pareconapp.core.decisions.receipts import RECEIPT_ALPHABET
from pareconapp.core.i18n import UserError


def test_receipts_are_off_by_default() -> None:
    assert RECEIPTS_BY_DEFAULT is False


def test_codes_use_only_unambiguous_characters() -> None:
    assert not set("01OIL") & set(RECEIPT_ALPHABET)
    codes = {new_receipt_code() for _ in range(200)}
    assert all(len(code) == 8 and set(code) <= set(RECEIPT_ALPHABET) for code in codes)
    assert len(codes) == 200  # 31^8 codes: repeats in 200 draws would mean a broken source


def test_a_new_code_avoids_codes_already_issued() -> None:
    taken = {new_receipt_code(length=1) for _ in range(400)}
    assert len(taken) == len(RECEIPT_ALPHABET)  # every one-letter code has turned up
    leftover = set(RECEIPT_ALPHABET) - {"Z"}
    assert new_receipt_code(taken=leftover, length=1) == "Z"


def test_codes_are_shown_in_groups_and_read_back_forgivingly() -> None:
    assert format_receipt_code("K7QM3XTP") == "K7QM-3XTP"
    assert parse_receipt_code(" k7qm-3xtp ") == "K7QM3XTP"
    with pytest.raises(UserError, match="not a receipt code"):
        parse_receipt_code("K7QM-3XT0")
    with pytest.raises(UserError, match="not a receipt code"):
        parse_receipt_code("K7QM")
