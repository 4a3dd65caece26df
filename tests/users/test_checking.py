"""Issue 14, the blind independent double check. Values worked by hand from domain.md's worked example:
62 kg, 150 million cells, 5 million cells/mL at 92 %, 20 mL bags -> Cv 4.6 million/mL, V = 32.6 mL."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from mscdose.records import users
from mscdose.records.store import RecordStore
from mscdose.service import accounts, checking
from mscdose.service.accounts import AccessRefused
from mscdose.service.errors import InvalidInput, ServiceError
from tests.records.helpers import raw
from tests.users.conftest import ADMIN, CHECKER, PREPARER, prepared_record

TYPED = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
         "viability": "92 %", "bag_volume": "20 mL"}


def test_a_preparer_cannot_check_their_own_record_by_user_id(site: RecordStore) -> None:
    record_id = prepared_record(site, prepared_by="CC", signer=CHECKER)  # a checker may also prepare
    chris = accounts.authenticate(site, *CHECKER)
    with pytest.raises(AccessRefused, match="preparer cannot check their own record"):
        checking.start_check(site, record_id, chris)
    # and the store refuses it whatever the caller did
    with pytest.raises(ServiceError, match="prepared by the same person"):
        accounts.sign(site, record_id, chris, "checked", detail=checking.MATCHED)
    assert [s.meaning for s in accounts.signatures(site, record_id)] == ["prepared"]


def test_without_accounts_the_preparer_is_recognised_by_canonical_initials(store: RecordStore) -> None:
    record_id = prepared_record(store, prepared_by="A.B.")
    for same in ("ab", "AB", "A.B."):
        with pytest.raises(AccessRefused, match="preparer cannot check"):
            checking.start_check(store, record_id, None, initials=same)
    outcome = checking.finish_check(store, checking.start_check(store, record_id, None, initials="CD"), TYPED)
    assert outcome.matched
    assert outcome.signature.user_id == "" and not outcome.signature.electronic
    assert "CD (initials only: no electronic signature)" in outcome.signature.manifestation()


def test_a_preparer_role_may_not_check(site: RecordStore) -> None:
    record_id = prepared_record(site, prepared_by="AA", signer=ADMIN)
    with pytest.raises(AccessRefused, match="only a checker or admin"):
        checking.start_check(site, record_id, accounts.authenticate(site, *PREPARER))


def test_the_session_shows_which_record_but_not_its_numbers(site: RecordStore) -> None:
    session = checking.start_check(site, prepared_record(site), accounts.authenticate(site, *CHECKER))
    visible = " ".join((session.patient_id, session.patient_name, session.protocol, session.product))
    assert "P1" in visible and "NCT03055078 version 1.0" in visible
    for preparer_value in ("62", "150", "92", "32.6", "4.6"):
        assert preparer_value not in visible


def test_a_blind_check_with_one_different_input_stops_and_names_the_field(site: RecordStore, store_path: Path
                                                                          ) -> None:
    record_id = prepared_record(site)
    session = checking.start_check(site, record_id, accounts.authenticate(site, *CHECKER))
    outcome = checking.finish_check(site, session, {**TYPED, "weight": "26 kg"})
    assert not outcome.matched
    # a total dose: the weight does not change the volume, so only the weight differs
    assert [(d.field, d.entered, d.recorded) for d in outcome.differences] == [
        ("weight", "26 kg (26 kg)", "62 kg (62 kg)")]
    assert outcome.signature.meaning == "mismatch"
    assert outcome.signature.detail == "blind re-entry differed: weight"
    assert [s.meaning for s in accounts.signatures(site, record_id)] == ["prepared", "mismatch"]
    assert accounts.signature_lines(site, record_id)["checked"] == accounts.NO_SIGNATURE


def test_a_concentration_off_by_ten_shows_both_values_and_the_volume(site: RecordStore) -> None:
    session = checking.start_check(site, prepared_record(site), accounts.authenticate(site, *CHECKER))
    differences = checking.finish_check(site, session, {**TYPED, "concentration": "50 million cells/mL"}).differences
    # by hand: 150 million / (50 million x 0.92) = 3.2609 mL -> 3.3 mL; the record's is 32.6 mL
    assert [(d.field, d.entered, d.recorded) for d in differences] == [
        ("concentration", "50 million cells/mL", "5 million cells/mL"), ("volume_to_draw", "3.3 mL", "32.6 mL")]
    assert differences[1].line() == "Volume to draw: entered 3.3 mL, record says 32.6 mL"


def test_a_matching_check_is_in_the_chain_and_verify_passes(site: RecordStore, store_path: Path) -> None:
    record_id = prepared_record(site)
    session = checking.start_check(site, record_id, accounts.authenticate(site, *CHECKER))
    outcome = checking.finish_check(site, session, TYPED)
    assert outcome.matched and outcome.signature.meaning == "checked"
    assert outcome.signature.detail == "blind re-entry matched"
    assert (outcome.signature.user_id, outcome.signature.printed_name) == ("chris", "Chris Checker")
    with closing(raw(store_path)) as conn:
        last = conn.execute("SELECT kind, ref FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    assert last == ("signature", outcome.signature.id)
    report = site.verify()
    assert report.ok, report.problem
    lines = accounts.signature_lines(site, record_id)
    assert lines["prepared"].startswith("Prepared by Pat Preparer (pat) at ")
    assert lines["checked"].startswith("Checked by Chris Checker (chris) at ")
    assert lines["checked"].endswith(": blind re-entry matched")
    with pytest.raises(InvalidInput, match="already checked"):
        checking.start_check(site, record_id, accounts.authenticate(site, *ADMIN))


def test_a_match_after_a_mismatch_says_so(site: RecordStore) -> None:
    record_id = prepared_record(site)
    chris = accounts.authenticate(site, *CHECKER)
    checking.finish_check(site, checking.start_check(site, record_id, chris), {**TYPED, "viability": "29 %"})
    outcome = checking.finish_check(site, checking.start_check(site, record_id, chris), TYPED)
    assert outcome.signature.detail.startswith("blind re-entry matched (after 1 earlier mismatch")


def test_the_same_values_in_other_units_match(site: RecordStore) -> None:
    session = checking.start_check(site, prepared_record(site), accounts.authenticate(site, *CHECKER))
    same = {"weight": "62000 g", "dose": "150000000 cells", "concentration": "5 x 10^6 cells/mL",
            "viability": "92 %", "bag_volume": "0.02 L"}
    outcome = checking.finish_check(site, session, same)
    assert outcome.matched, outcome.differences


def test_a_viability_typed_as_a_fraction_is_refused_not_compared(site: RecordStore) -> None:
    session = checking.start_check(site, prepared_record(site), accounts.authenticate(site, *CHECKER))
    with pytest.raises(InvalidInput, match="looks like a fraction") as refused:
        checking.finish_check(site, session, {**TYPED, "viability": "0.92"})
    assert refused.value.field == "viability"


def test_unreadable_re_entry_names_the_field_and_signs_nothing(site: RecordStore) -> None:
    record_id = prepared_record(site)
    session = checking.start_check(site, record_id, accounts.authenticate(site, *CHECKER))
    with pytest.raises(InvalidInput) as refused:
        checking.finish_check(site, session, {**TYPED, "bag_volume": "twenty"})
    assert refused.value.field == "bag_volume"
    with pytest.raises(InvalidInput, match="Viability: nothing was entered"):
        checking.finish_check(site, session, {**TYPED, "viability": " "})
    assert [s.meaning for s in accounts.signatures(site, record_id)] == ["prepared"]


def test_with_accounts_on_a_check_needs_a_user(site: RecordStore) -> None:
    with pytest.raises(AccessRefused, match="needs your user id and password"):
        checking.start_check(site, prepared_record(site), None, initials="CC")


def test_a_locked_or_disabled_checker_cannot_sign(site: RecordStore) -> None:
    record_id = prepared_record(site)
    chris = accounts.authenticate(site, *CHECKER)
    session = checking.start_check(site, record_id, chris)
    accounts.disable_user(site, "chris", by_admin=ADMIN)  # between opening and finishing the check
    with pytest.raises(ServiceError, match="chris is disabled"):
        checking.finish_check(site, session, TYPED)
    assert users.signatures(site, record_id)[-1].meaning == "prepared"


def test_an_edited_signature_is_caught_by_verify(site: RecordStore, store_path: Path) -> None:
    record_id = prepared_record(site)
    checking.finish_check(site, checking.start_check(site, record_id, accounts.authenticate(site, *CHECKER)),
                          {**TYPED, "weight": "26 kg"})
    with closing(raw(store_path)) as conn:
        conn.execute("DROP TRIGGER signatures_no_update")
        conn.execute("UPDATE signatures SET meaning = 'checked', detail = 'blind re-entry matched' WHERE id = 2")
    report = RecordStore.open_read_only(store_path).verify()
    assert not report.ok and "signature 2 of record 1 was changed" in report.problem


def test_a_protocol_other_than_the_records_is_refused(site: RecordStore) -> None:
    from mscdose.core.protocol import load_protocol_file

    other = load_protocol_file(str(Path(__file__).parents[1] / "core" / "protocols" / "stemirac_like.toml"))
    session = checking.start_check(site, prepared_record(site), accounts.authenticate(site, *CHECKER))
    with pytest.raises(InvalidInput, match="SHA-256") as refused:
        checking.finish_check(site, session, TYPED, protocol=other)
    assert refused.value.field == "protocol"
