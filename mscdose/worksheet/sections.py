"""The worksheet's second half: flags and overrides, the eligibility checklist, the independent check and the
signatures (split from content.py, which keeps patient, product, steps and results, and the shared helpers).

The same rules hold: every word is translated through `translate("Worksheet", ...)`, program-written
numbers go through `_u` (one form of cell count per language), what a person typed is printed as typed.
In Chinese a flag row gives the code's Chinese title, then the core's detailed message in Chinese (from
its template, i18n.record_message_text) or, for a record of another session, in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mscdose.core import display as show
from mscdose.core.flags import CATALOGUE
from mscdose.i18n import record_message_text, translate, units_for
from mscdose.worksheet.content import (
    _e,
    _grid,
    _heading,
    _u,
    count_basis_text,
    dose_basis_text,
    not_entered,
    prescription_text,
    weight_text,
)
from mscdose.worksheet.marking import number, when
from mscdose.worksheet.protocol_texts import protocol_text
from mscdose.worksheet.signing import SignatureBlock, manifestation_rows, paper_cells
from mscdose.worksheet.terms import flag_title


def _words() -> dict[str, str]:
    """Headings and labels used inside f-strings, translated here (pyside6-lupdate reads no f-string)."""
    return {
        "No flags.": translate("Worksheet", "No flags."),
        "Severity": translate("Worksheet", "Severity"),
        "Flag": translate("Worksheet", "Flag"),
        "Message; override (reason, initials)": translate("Worksheet", "Message; override (reason, initials)"),
        "Overridden:": translate("Worksheet", "Overridden:"),
        "Not overridden.": translate("Worksheet", "Not overridden."),
        "NOT MET": translate("Worksheet", "NOT MET"),
        "PRESENT": translate("Worksheet", "PRESENT"),
        "The protocol lists no criteria.": translate("Worksheet", "The protocol lists no criteria."),
        "Inclusion criterion": translate("Worksheet", "Inclusion criterion"),
        "Met?": translate("Worksheet", "Met?"),
        "Exclusion criterion": translate("Worksheet", "Exclusion criterion"),
        "Absent?": translate("Worksheet", "Absent?"),
        "Your volume to draw": translate("Worksheet", "Your volume to draw"),
        "Your dose delivered": translate("Worksheet", "Your dose delivered"),
        "Your infusion rate": translate("Worksheet", "Your infusion rate"),
        "Your drip rate": translate("Worksheet", "Your drip rate"),
        "Role": translate("Worksheet", "Role"),
        "Name": translate("Worksheet", "Name"),
        "Signature": translate("Worksheet", "Signature"),
        "Date / time": translate("Worksheet", "Date / time"),
        "Meaning": translate("Worksheet", "Meaning"),
        "Signed by (user id)": translate("Worksheet", "Signed by (user id)"),
        "Note": translate("Worksheet", "Note"),
    }

def severity_word(severity: str) -> str:
    words = {"hard": translate("Worksheet", "HARD"), "soft": translate("Worksheet", "SOFT"),
             "info": translate("Worksheet", "INFO")}
    return words.get(severity, str(severity).upper())


def severity_key() -> str:
    return translate("Worksheet", "HARD: a protocol limit, cannot be overridden. SOFT: allowed only with a "
                                  "recorded reason and initials. INFO: for information.")


def _table(header: str, extra_style: str = "") -> str:
    return ('<table width="100%" cellspacing="0" cellpadding="2" border="1" '
            f'style="border-collapse: collapse; border-color: #808080{extra_style}">{header}')


def flags(document: Mapping[str, Any]) -> str:
    items, overrides = list(document.get("flags", [])), {o["code"]: o for o in document.get("overrides", [])}
    # Overrides of flags raised only at finalising (eligibility unconfirmed, same lot the same day) have no
    # flag in the engine's list: they are printed as their own soft rows so no override goes unseen.
    shown = {f.get("code") for f in items}
    items += [{"code": code, "severity": CATALOGUE.get(code, ("soft", ""))[0],
               "message": CATALOGUE.get(code, ("", "raised when the calculation was finalised"))[1].capitalize()
               + "."} for code in overrides if code not in shown]
    heading = _heading(translate("Worksheet", "5  Flags and overrides"))
    if not items:
        return heading + f'<p>{_e(_words()["No flags."])}</p>'
    out = [heading, _table(
        f'<tr bgcolor="#eeeeee"><td width="9%"><b>{_e(_words()["Severity"])}</b></td>'
        f'<td width="27%"><b>{_e(_words()["Flag"])}</b></td><td width="64%"><b>'
        f'{_e(_words()["Message; override (reason, initials)"])}</b></td></tr>')]
    for flag in items:
        title = flag_title(str(flag.get("code", "")))
        # the core's message in the worksheet's language when raised from a template in this session (a
        # preview, a worksheet printed at finalising); else the record's English, units converted
        text = (f"<b>{_e(title)}</b><br/>" if title else "") + _e(record_message_text(str(flag.get("message", ""))))
        override = overrides.get(flag.get("code"))
        if override:
            reason = str(override.get("reason", ""))
            translated = protocol_text(document, reason)  # a standard reason: its translation beside it
            shown_reason = _e(reason) + (f" ({_e(translated)})" if translated != reason else "")
            text += (f"<br/><b>{_e(_words()['Overridden:'])}</b> “{shown_reason}” – "
                     f"{_e(override.get('initials', ''))}")
        elif flag.get("severity") == "soft":
            text += f"<br/><b>{_e(_words()['Not overridden.'])}</b>"
        weight = "bold" if flag.get("severity") in ("hard", "soft") else "normal"
        out.append(f'<tr><td style="font-weight: {weight}">{_e(severity_word(flag.get("severity", "")))}</td>'
                   f'<td style="font-size: 8pt">{_e(flag.get("code", ""))}</td><td>{text}</td></tr>')
    out.append(f'</table><p style="font-size: 7.5pt">{_e(severity_key())}</p>')
    return "".join(out)


def _state(kind: str, confirmed: bool | None) -> str:
    if confirmed is None:
        return "☐ " + _e(translate("Worksheet", "not confirmed"))
    if kind == "inclusion":
        return ("☑ " + _e(translate("Worksheet", "met")) if confirmed
                else f"☒ <b>{_e(_words()['NOT MET'])}</b>")
    return ("☑ " + _e(translate("Worksheet", "absent")) if confirmed
            else f"☒ <b>{_e(_words()['PRESENT'])}</b>")


def eligibility(document: Mapping[str, Any]) -> str:
    items = document.get("eligibility", [])
    inclusion = [i for i in items if i.get("kind") == "inclusion"]
    exclusion = [i for i in items if i.get("kind") == "exclusion"]
    heading = _heading(translate("Worksheet", "6  Eligibility checklist"), page_break=True)
    if not items:
        return heading + f'<p>{_e(_words()["The protocol lists no criteria."])}</p>'
    out = [heading, _table(
        f'<tr bgcolor="#eeeeee"><td width="36%"><b>{_e(_words()["Inclusion criterion"])}</b></td>'
        f'<td width="14%"><b>{_e(_words()["Met?"])}</b></td>'
        f'<td width="36%"><b>{_e(_words()["Exclusion criterion"])}</b></td>'
        f'<td width="14%"><b>{_e(_words()["Absent?"])}</b></td></tr>', "; font-size: 8pt")]
    for row in range(max(len(inclusion), len(exclusion))):
        cells = []
        for column in (inclusion, exclusion):
            if row < len(column):
                item = column[row]
                english = str(item.get("criterion", ""))
                translated = protocol_text(document, english)
                text = _e(translated) + (f'<br/><span style="font-size: 7pt">{_e(english)}</span>'
                                         if translated != english else "")
                cells.append(f"<td>{text}</td><td>{_state(item.get('kind', ''), item.get('confirmed'))}</td>")
            else:
                cells.append("<td></td><td></td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</table>")
    return "".join(out)


_BOX = ('<td width="20%" height="28" style="border-width: 2px; border-style: solid; border-color: #000000">'
        '<span style="font-size: 16pt">&nbsp;</span></td>')


def independent_check(document: Mapping[str, Any]) -> str:
    inputs, patient = document["inputs"], document.get("patient") or {}
    cells_unit = units_for("1 million cells").removeprefix("1 ").replace(" ", "&nbsp;")
    born = (f"<b>{_e(patient['date_of_birth'])}</b>" if patient.get("date_of_birth")
            else _e(translate("Worksheet", "not recorded")))
    out = [_heading(translate("Worksheet", "7  Independent check (second person)")),
           '<p style="margin-bottom: 3pt">'
           + translate("Worksheet", "Work out the volume and the dose yourself from the prescription and the "
                                    "product label, <b>without looking at sections 3 and 4</b>. Write your own "
                                    "figures in the boxes, then compare. Any difference: stop and resolve it "
                                    "before the product is released.") + "</p>",
           _grid([
               [(translate("Worksheet", "Patient ID"), f"<b>{_e(patient.get('id', ''))}</b>"),
                (translate("Worksheet", "Date of birth"), born)],
               [(translate("Worksheet", "Weight"), _e(weight_text(inputs))),
                (translate("Worksheet", "Prescription"), _e(prescription_text(inputs)))],
               [(translate("Worksheet", "Concentration"),
                 f"{_u(show.concentration(number(inputs['concentration_cells_per_ml']), 4))} "
                 f"({_e(count_basis_text(inputs))})"),
                (translate("Worksheet", "Viability"), _e(show.percent(number(inputs["viability_percent"]))))],
               [(translate("Worksheet", "Protocol doses"), _e(dose_basis_text(document))),
                (translate("Worksheet", "Volume step"),
                 translate("Worksheet", "{step} (round to nearest, ties up)").format(
                     step=_e(show.ml(number(inputs["increment_ml"])))))],
               [(translate("Worksheet", "Bags"),
                 f"{inputs['bags_available']} × {_e(show.ml(number(inputs['bag_volume_ml'])))}"),
                (translate("Worksheet", "Thawed at"), _e(when(inputs.get("thawed_at"))) or _e(not_entered()))],
               [(translate("Worksheet", "Final volume"), _e(show.ml(number(inputs["final_volume_ml"])))),
                (translate("Worksheet", "Duration, drop factor"),
                 f"{_e(show.minutes(number(inputs['duration_min'])))}, "
                 f"{_u(show.plain(number(inputs['drop_factor_gtt_per_ml'])) + ' gtt/mL')}")],
           ]),
           '<table width="100%" cellspacing="4" cellpadding="3" style="margin-top: 4pt">',
           f'<tr><td width="20%"><b>{_e(_words()["Your volume to draw"])}</b></td>{_BOX}'
           f'<td width="6%">mL</td><td width="20%"><b>{_e(_words()["Your dose delivered"])}</b></td>'
           f'{_BOX}<td width="12%">{cells_unit}</td></tr>',
           f'<tr><td><b>{_e(_words()["Your infusion rate"])}</b></td>{_BOX}<td>mL/h</td>'
           f'<td><b>{_e(_words()["Your drip rate"])}</b></td>{_BOX}<td>{_u("gtt/min")}</td></tr>',
           "</table>",
           '<p style="margin-top: 6pt; margin-bottom: 4pt">'
           + translate("Worksheet", "Difference from the worksheet: ______________________________________ "
                                    "&nbsp;&nbsp; Figures agree: ☐ yes &nbsp; ☐ no") + "</p>"]
    return "".join(out)


def signatures(document: Mapping[str, Any], block: SignatureBlock | None = None) -> str:
    """Section 8: the record's electronic signatures when the copy was made (issue 14; `block` None for a
    preview or a caller that does not know them), then the paper table. The paper boxes stay: a site without
    accounts signs there, and the administration is always signed by hand."""
    rows = (("prepared", translate("Worksheet", "Prepared by"), document.get("prepared_by", "")),
            ("checked", translate("Worksheet", "Independently checked by"), document.get("checked_by", "")),
            ("", translate("Worksheet", "Administered by"), ""))
    out = [_heading(translate("Worksheet", "8  Signatures"))]
    if block is not None:
        out.append(_electronic(block))
    out.append('<table width="100%" cellspacing="0" cellpadding="4" border="1" '
               'style="border-collapse: collapse; border-color: #000000">'
               f'<tr bgcolor="#eeeeee"><td width="27%"><b>{_e(_words()["Role"])}</b></td>'
               f'<td width="25%"><b>{_e(_words()["Name"])}</b></td>'
               f'<td width="27%"><b>{_e(_words()["Signature"])}</b></td>'
               f'<td width="21%"><b>{_e(_words()["Date / time"])}</b></td></tr>')
    for meaning, role, name in rows:
        signed = paper_cells(block, meaning) if meaning else None
        mark = block.signed(meaning) if block is not None and signed else None
        if signed and mark is not None:
            name = mark.printed_name
        sign_cell = (f'<td valign="middle">{_e(signed[0])}</td><td valign="middle">{_e(signed[1])}</td>' if signed
                     else '<td><span style="font-size: 20pt">&nbsp;</span></td><td></td>')
        out.append(f'<tr><td valign="middle"><b>{_e(role)}</b></td><td valign="middle">{_e(name)}</td>'
                   f'{sign_cell}</tr>')
    out.append("</table>")
    return "".join(out)


def _electronic(block: SignatureBlock) -> str:
    """The manifestation of every signature (21 CFR Part 11 §11.50): meaning, printed name and user id, date
    and time, and the note of a check; "no electronic signature" where there is none."""
    intro = (translate("Worksheet", "Electronic signatures in the record (21 CFR Part 11 §11.50), as they were "
                                    "when this copy was made:") if block.accounts
             else translate("Worksheet", "No electronic signature: this record store has no user accounts. "
                                         "Sign the boxes below by hand."))
    out = [f'<p style="margin-top: 2pt; margin-bottom: 2pt; font-size: 8pt">{_e(intro)}</p>',
           _table(f'<tr bgcolor="#eeeeee"><td width="14%"><b>{_e(_words()["Meaning"])}</b></td>'
                  f'<td width="34%"><b>{_e(_words()["Signed by (user id)"])}</b></td>'
                  f'<td width="22%"><b>{_e(_words()["Date / time"])}</b></td>'
                  f'<td width="30%"><b>{_e(_words()["Note"])}</b></td></tr>', "; font-size: 8pt")]
    for meaning, signer, at, note in manifestation_rows(block):
        out.append(f"<tr><td><b>{_e(meaning)}</b></td><td>{_e(signer)}</td><td>{_e(at)}</td><td>{_e(note)}</td></tr>")
    out.append('</table><p style="margin-top: 0pt; margin-bottom: 2pt"></p>')
    return "".join(out)
