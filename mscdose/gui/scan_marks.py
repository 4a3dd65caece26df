"""The marks a scan leaves on the form (issue 13): barcode data in the lot or DIN field read or refused there,
and the DIN and expiry that came from the scans. Said in the form's own words (translation context
"PatientForm"), apart from the form because only a reading of the form needs them (`PatientForm.show_reading`
imports this after the window's first paint)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mscdose.gui.scan_field import SCANNABLE, looks_like_scan
from mscdose.gui.texts import translate

if TYPE_CHECKING:
    from mscdose.gui.patient_form import PatientForm


def mark_scanned(form: PatientForm) -> None:
    """Issue 13: a scan in the lot or DIN field that the core refuses is marked there with its reason;
    the DIN and expiry that came from a scan are marked as scanned (or as confirmed by the scan)."""
    from mscdose.core.errors import InputError
    from mscdose.core.scan import parse_scan

    read = []
    for key in SCANNABLE:
        text = form.rows[key].text()
        if looks_like_scan(text):
            try:
                read.append(parse_scan(text))
            except InputError as error:
                form.rows[key].set_error(error.message)
            else:
                form.rows[key].set_note(translate("PatientForm", "▣ Read as a scan of the product label; press "
                                                  "Enter to add it to the scans."))
        elif key == "lot":
            form.rows[key].set_note(None)
    for text in form.scan.scans():
        try:
            read.append(parse_scan(text))
        except InputError:
            continue
    din = next((scan.din for scan in read if scan.din is not None), None)
    expiry = min((scan.expiry for scan in read if scan.expiry is not None), default=None)
    for key, value in (("din", din.display if din else None),
                       ("expires_at", f"{expiry:%Y-%m-%d %H:%M}" if expiry else None)):
        row = form.rows[key]
        if key == "din" and looks_like_scan(row.text()):
            continue
        if value is None:
            row.set_note(None)
        elif not row.text().strip():
            row.set_note(translate("PatientForm", "▣ Scanned from the product label: {value}").format(value=value))
        elif not row.error_text():
            row.set_note(translate("PatientForm", "✔ Typed, and the scanned label agrees ({value}).")
                         .format(value=value))
        else:
            row.set_note(None)
