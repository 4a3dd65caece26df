"""Fixtures of the user-account tests: a store, fast scrypt, and a site with an admin, a preparer and a checker.

scrypt at the shipped cost (128 MiB, about 0.45 s a hash) would make these tests slow on a shared machine,
so they lower N to 2**10 here; the stored hash carries its parameters, so verification is the same code.
`test_accounts.py::test_shipped_scrypt_parameters_are_owasp_minimum` checks the shipped values once.
"""

from __future__ import annotations

import pytest

from mscdose.records.store import RecordStore

ADMIN = ("ada", "admin-password-1")
PREPARER = ("pat", "prep-password-2")
CHECKER = ("chris", "check-password-3")






@pytest.fixture
def site(store: RecordStore) -> RecordStore:
    """A store with accounts on: admin ada (AA), preparer pat (PP), checker chris (CC)."""
    from mscdose.service import accounts

    accounts.add_user(store, "ada", "Ada Admin", "AA", "admin", ADMIN[1])
    accounts.add_user(store, "pat", "Pat Preparer", "PP", "preparer", PREPARER[1], by_admin=ADMIN)
    accounts.add_user(store, "chris", "Chris Checker", "CC", "checker", CHECKER[1], by_admin=ADMIN)
    return store


def prepared_record(store: RecordStore, *, prepared_by: str = "PP", signer: tuple[str, str] | None = PREPARER,
                    patient_id: str = "P1") -> int:
    """The worked example saved and, with accounts on, signed "prepared" by `signer`."""
    from mscdose.service import accounts
    from tests.records.helpers import document

    record = store.save(document(patient_id, prepared_by=prepared_by))
    if accounts.accounts_enabled(store) and signer is not None:
        accounts.sign(store, record.id, accounts.authenticate(store, *signer), "prepared")
    return record.id


@pytest.fixture(autouse=True)
def _fast_scrypt(fast_scrypt: None) -> None:
    """Every users test hashes with the cheap scrypt cost (test_accounts checks the shipped one)."""
