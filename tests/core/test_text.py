"""Issue 11 "text that cannot spoof": free text is refused when it hides something, and shown safely when stored."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mscdose.core.errors import InputError
from mscdose.core.text import TEXT_FIELDS, check_text, safe_for_terminal


def refused(field: str, text: str, max_length: int | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        check_text(field, text, max_length)
    assert caught.value.field == field and "Accepted:" in caught.value.message
    return caught.value


@pytest.mark.parametrize(("text", "code"), [
    ("MRN\u202e987654", "U+202E"),  # printed as MRN456789 before issue 11
    ("MRN\u2067123\u2069", "U+2067"),
    ("MRN123\n", "U+000A"),
    ("MRN\r123", "U+000D"),
    ("\x1b[2JMRN123", "U+001B"),
    ("MRN\u200b123", "U+200B"),
    ("\ufeffMRN123", "U+FEFF"),
    ("MRN\u00a0123", "U+00A0"),
    ("MRN\u3164123", "U+3164"),
])
def test_hidden_and_control_characters_are_refused_in_a_patient_id(text: str, code: str) -> None:
    error = refused("patient_id", text)
    assert code in error.message
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in error.message)


@pytest.mark.parametrize("field", sorted(TEXT_FIELDS))
def test_every_free_text_field_refuses_a_bidi_override_and_an_ansi_escape(field: str) -> None:
    refused(field, "AB\u202eCD")
    refused(field, "AB\x1b[31mCD")


def test_a_10_kb_id_is_refused_by_its_length() -> None:
    error = refused("patient_id", "1" * 10_240)
    assert "10,240 characters long" in error.message and "at most 32" in error.message
    assert len(error.given) <= 200


def test_full_width_identifiers_are_refused_with_an_input_method_hint() -> None:
    assert "half-width" in refused("patient_id", "ＭＲＮ１２３").message
    assert "half-width" in refused("lot", "LOT-٣").message


def test_identifiers_have_identifier_characters() -> None:
    assert check_text("patient_id", "  MRN-0012/3  ") == "MRN-0012/3"
    assert check_text("lot", "UC.2026_07") == "UC.2026_07"
    refused("patient_id", "MRN;DROP")
    refused("order_reference", "-")


def test_names_keep_their_letters_in_one_normal_form() -> None:
    assert check_text("patient_name", "Zoë O'Brien-Müller") == "Zoë O'Brien-Müller"
    assert check_text("patient_name", "Zoe\u0301") == "Zo\u00e9"  # decomposed é is stored composed
    assert check_text("prescriber", "Dr 王小明") == "Dr 王小明"


def test_initials_and_reasons() -> None:
    assert check_text("initials", "A.B.") == "A.B."
    refused("initials", "A")
    refused("initials", "AB CD")
    assert check_text("reason", "Prescriber confirmed the lower dose by phone") .startswith("Prescriber")
    refused("reason", "x" * 501)
    refused("reason", "")
    assert check_text("reason", "  ", required=False) == ""


def test_other_fields_get_the_general_rules_and_the_given_length() -> None:
    assert check_text("ward", "Haematology 3") == "Haematology 3"
    assert "at most 5 characters" in refused("ward", "Haematology", max_length=5).message


def test_safe_for_terminal_makes_stored_control_characters_visible() -> None:
    assert safe_for_terminal("MRN\u202e987654") == "MRN\\u202e987654"
    assert safe_for_terminal("\x1b[31mred\n") == "\\x1b[31mred\\x0a"
    assert safe_for_terminal("a\\u202e") == "a\\\\u202e"  # a typed backslash cannot imitate an escape
    assert safe_for_terminal("Zoë 王") == "Zoë 王"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_safe_for_terminal_never_lets_a_control_or_format_character_through(text: str) -> None:
    shown = safe_for_terminal(text)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn") for c in shown)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(TEXT_FIELDS)), st.text(max_size=80))
def test_check_text_returns_clean_text_or_raises_an_input_error(field: str, text: str) -> None:
    try:
        value = check_text(field, text)
    except InputError as error:
        assert error.field == field and error.message
        return
    assert value == value.strip() and len(value) <= TEXT_FIELDS[field].max_length
    assert safe_for_terminal(value) == value.replace("\\", "\\\\")


def test_the_ignorable_class_is_compiled_only_for_text_that_is_not_ascii() -> None:
    """Issue 18: about 1 ms of every start; ASCII text never needs it."""
    from mscdose.core import text

    text._ignorable_search.cache_clear()
    assert safe_for_terminal("MRN-001 Jane Doe") == "MRN-001 Jane Doe"
    assert text._ignorable_search.cache_info().currsize == 0
    assert safe_for_terminal("Zoë") == "Zoë"
    assert safe_for_terminal("Zo\u034fë") == "Zo\\u034fë"  # a combining grapheme joiner (ignorable) written out
    assert text._ignorable_search.cache_info().currsize == 1
