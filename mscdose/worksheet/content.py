"""What the worksheet says, as text and Qt rich-text HTML, built only from the saved calculation document.

Pure Python (no Qt) so the wording can be tested on its own. Nothing here computes a dose: every number
comes out of the document (the saved one, for a reprint) and is shown through `mscdose.core.display`, so
the ISMP rules (leading zero, no trailing zero, "million" written out) hold on paper as on screen.

Colour never carries meaning: severities and eligibility states are written out as words, and shading
is decoration only, so a black-and-white copy or a fax reads the same.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from mscdose.core import display as show
from mscdose.core.flags import CATALOGUE
from mscdose.core.overrides import override_problem
from mscdose.worksheet.marking import (
    NONE,
    PROGRAM,
    TITLE,
    WATERMARK,
    Marking,
    age_text,
    check_line,
    footer_text,
    moment_text,
    number,
    short_hash,
    times_text,
    when,
)

# The running marks moved to marking.py; they stay importable from here for existing callers.
__all__ = ["PROGRAM", "TITLE", "WATERMARK", "Marking", "blocked_reason", "body_html", "check_line",
           "final_refusal", "footer_text", "moment_text", "number", "short_hash", "times_text", "when"]

SEVERITY_WORDS = {"hard": "HARD", "soft": "SOFT", "info": "INFO"}
SEVERITY_KEY = ("HARD: a protocol limit, cannot be overridden. SOFT: allowed only with a recorded reason and "
                "initials. INFO: for information.")

# Keys of `inputs.defaults_changed` -> what they are called on paper.
_PREPARATION_VALUES = (
    ("final_volume_ml", "Final volume", "final_volume", show.ml),
    ("duration_min", "Infusion duration", "duration", show.minutes),
    ("drop_factor_gtt_per_ml", "Drop factor", "drop_factor", lambda v: f"{show.plain(v)} gtt/mL"),
    ("increment_ml", "Smallest volume step", "volume_increment", show.ml),
)


def final_refusal(document: Mapping[str, Any]) -> str | None:
    """Why this document may not become a final (non-preview) worksheet, or None when it may.

    The rule (no hard flag; each soft flag overridden with a valid reason and initials) is decided by
    the core when the document is made; this re-reads it from the document so that no code path can print
    a final worksheet of a blocked or unresolved calculation.
    """
    flags = document.get("flags", [])
    if document.get("status") == "blocked" or any(f.get("severity") == "hard" for f in flags):
        hard = "; ".join(f"{f['code']}: {f['message']}" for f in flags if f.get("severity") == "hard")
        return (f"This calculation is blocked by a hard limit ({hard or 'status blocked'}). A final worksheet "
                "cannot be produced; only a preview marked NOT FOR ADMINISTRATION.")
    overridden = {o.get("code") for o in document.get("overrides", [])
                  if override_problem(o.get("reason", ""), o.get("initials", "")) is None}
    missing = [f["code"] for f in flags if f.get("severity") == "soft" and f["code"] not in overridden]
    if missing:
        return (f"Soft flag(s) {', '.join(missing)} need an override with a reason and initials before a final "
                "worksheet can be produced.")
    return None


def blocked_reason(document: Mapping[str, Any]) -> str:
    """The reason printed under the watermark of a preview: the hard flags, or that it is only a preview."""
    hard = [f"{f['code']}: {f['message']}" for f in document.get("flags", []) if f.get("severity") == "hard"]
    return " ".join(hard) if hard else "preview only"


# ---------------------------------------------------------------- HTML body

def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _heading(text: str, *, page_break: bool = False) -> str:
    brk = "page-break-before: always; " if page_break else ""
    return (f'<table width="100%" cellspacing="0" cellpadding="2" style="{brk}margin-top: 7pt; margin-bottom: 2pt">'
            f'<tr><td bgcolor="#000000"><span style="color: #ffffff; font-weight: bold; font-size: 9.5pt">'
            f'&nbsp;{_e(text.upper())}</span></td></tr></table>')


def _grid(rows: Sequence[Sequence[tuple[str, str]]], label_width: int = 17) -> str:
    """Label/value pairs, two pairs a row: labels in bold, values as given (already escaped HTML)."""
    value_width = 50 - label_width
    out = ['<table width="100%" cellspacing="0" cellpadding="2" border="1" '
           'style="border-collapse: collapse; border-color: #808080">']
    for row in rows:
        out.append("<tr>")
        for label, value in row:
            wide = len(row) == 1
            span = ' colspan="3"' if wide else ""
            out.append(f'<td width="{label_width}%" bgcolor="#eeeeee"><b>{_e(label)}</b></td>'
                       f'<td width="{100 - label_width if wide else value_width}%"{span}>{value}</td>')
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _setting_source(document: Mapping[str, Any], key: str) -> str:
    setting = document.get("protocol_settings", {}).get(key, {})
    return "site value" if setting.get("source") == "site" else "protocol value"


def weight_text(inputs: Mapping[str, Any]) -> str:
    """`62 kg`, or both units when the weight was entered in another unit: `150 lb = 68.039 kg` (issue 11:
    a weight in pounds read as kilograms more than doubles the dose, so paper shows what was typed and the kg
    the dose was worked out from, side by side)."""
    kg = show.kg(number(inputs["weight_kg"]))
    entered = str(inputs.get("weight_entered") or "").strip()
    if not entered or entered.replace(" ", "") == kg.replace(" ", ""):
        return kg
    if entered.lower().replace(" ", "").endswith("kg"):  # "62.0 kg", "62kg": same unit, only written otherwise
        return f"{kg} (entered as {entered})"
    return f"{entered} = {kg}"


def delivered_texts(document: Mapping[str, Any]) -> tuple[str, str]:
    """The dose delivered and per kg as the core wrote them beside the limits (`99.999 million cells`, never
    a rounding that reads as inside a limit it is outside of); documents saved before issue 10 lack them."""
    total = document.get("delivered_dose_text") or show.cells(number(document["delivered_dose_cells"]))
    per_kg = document.get("delivered_dose_per_kg_text") or show.cells_per_kg(
        number(document["delivered_dose_cells_per_kg"]))
    return str(total), str(per_kg)


def start_finish(document: Mapping[str, Any]) -> tuple[str, str]:
    """(start by, finish by) as printed. Documents saved before issue 10 have only `administer_before`,
    which was the finish-by time: it is printed as such and start by as "—". No thaw time: both "—"."""
    finish = when(document.get("finish_by") or document.get("administer_before"))
    start = when(document.get("start_by"))
    if finish and not start and document.get("finish_by"):
        start = "never: the infusion is longer than the post-thaw limit"
    return start or NONE, finish or NONE


def _order(document: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The order the dose is prepared against (issue 19): prescriber, order reference and the date written."""
    order = document.get("order") or {}
    reference = f"<b>{_e(order.get('reference') or NONE)}</b>"
    if order.get("date"):
        reference += f" of {_e(order['date'])}"
    return [("Prescriber", _e(order.get("prescriber") or NONE)), ("Order reference", reference)]


def _patient(document: Mapping[str, Any]) -> str:
    patient, inputs = document.get("patient", {}), document["inputs"]
    weight = f"<b>{_e(weight_text(inputs))}</b>"
    age = _e(age_text(document) or "not entered")
    born = patient.get("date_of_birth")
    if inputs["dose_mode"] == "per_kg":
        written = (f"{_e(show.cells_per_kg(number(inputs['dose_cells_per_kg']), 4))} (per kg)")
    else:
        written = f"{_e(show.cells(number(inputs['dose_cells']), 4))} (a total)"
    entered = str(inputs.get("dose_entered") or "")
    if entered and entered.split() != html.unescape(written).split(" (")[0].split():
        written += f" – written “{_e(entered)}”"
    if inputs["dose_mode"] == "per_kg":  # the total it comes to; a total prescription is its own target
        written += f" = <b>{_e(show.cells(number(document['target_dose_cells'])))}</b>"
    return _heading("1  Patient, prescription and order") + _grid([
        [("Patient ID", f"<b>{_e(patient.get('id', ''))}</b>"), ("Name", _e(patient.get("name", "")) or NONE)],
        [("Date of birth", f"<b>{_e(born)}</b>" if born else "not recorded"), ("Age", age)],
        [("Weight", weight), ("Prescription", written)],
        _order(document),
    ])


def _product(document: Mapping[str, Any]) -> str:
    inputs = document["inputs"]
    din = inputs.get("din")
    din_text = (f"<b>{_e(din)}</b> (check character {_e(din.split()[-1])})" if din else "not entered")
    basis = "count of viable cells" if inputs.get("count_basis") == "viable" else "count of all cells"
    dose_basis = "viable cells" if document["protocol"].get("dose_basis") == "viable" else "all cells"
    settings = document.get("protocol_settings", {})
    minimum = settings.get("min_viability", {}).get("text", "")
    viability = _e(show.percent(number(inputs["viability_percent"])))
    if minimum:
        viability += f" (minimum {_e(minimum)}, {_setting_source(document, 'min_viability')})"
    bag = number(inputs["bag_volume_ml"])
    limit = settings.get("post_thaw_limit", {}).get("text", "")
    thawed = _e(when(inputs.get("thawed_at"))) or "not entered"
    if limit:
        thawed += f"; limit {_e(limit)} ({_setting_source(document, 'post_thaw_limit')})"
    return _heading("2  Product lot") + _grid([
        [("Lot number", _e(document.get("lot_number") or "not entered")), ("DIN (ISBT 128)", din_text)],
        [("Concentration", f"{_e(show.concentration(number(inputs['concentration_cells_per_ml']), 4))} ({basis})"),
         ("Viability", viability)],
        [("Viable concentration", _e(show.concentration(number(document['viable_concentration_cells_per_ml']), 4))),
         ("Protocol doses", dose_basis)],
        [("Bags available", f"{inputs['bags_available']} × {_e(show.ml(bag))}"),
         ("Thawed at", thawed)],
    ])


def _steps(document: Mapping[str, Any]) -> str:
    # cellpadding 1: fourteen steps (weight in lb, start/finish by, DMSO) still leave page 1 room on Letter
    out = [_heading("3  Calculation, step by step"),
           '<table width="100%" cellspacing="0" cellpadding="1" border="1" '
           'style="border-collapse: collapse; border-color: #808080">']
    for i, step in enumerate(document.get("steps", []), start=1):
        label, _, working = str(step).partition(": ")
        out.append(f'<tr><td width="3%" align="right">{i}</td><td width="22%"><b>{_e(label)}</b></td>'
                   f'<td width="75%">{_e(working)}</td></tr>')
    out.append("</table>")
    inputs, used = document["inputs"], []
    changed = set(inputs.get("defaults_changed", []))
    for key, label, setting, fmt in _PREPARATION_VALUES:
        if inputs.get(key) is None:
            continue
        source = "entered" if key in changed else _setting_source(document, setting)
        used.append(f"{label} {_e(fmt(number(inputs[key])))} ({source})")
    if used:
        out.append(f'<p style="margin-top: 2pt; font-size: 8pt">Preparation values used: {"; ".join(used)}.</p>')
    return "".join(out)


def _results(document: Mapping[str, Any]) -> str:
    inputs, settings = document["inputs"], document.get("protocol_settings", {})
    volume, exact = number(document["volume_to_draw_ml"]), number(document["volume_exact_ml"])
    rounding = (f"exact {_e(show.ml(exact))}, rounded to the nearest {_e(show.ml(number(inputs['increment_ml'])))}"
                if volume != exact else "exact: no rounding")
    diluent_note = settings.get("final_volume", {}).get("note", "")
    note = f" {_e(diluent_note)}" if diluent_note else ""
    diluent = (f"<b>{_e(show.ml(number(document['diluent_volume_ml'])))}</b>{note}"
               f" to a final volume of <b>{_e(show.ml(number(document['final_volume_ml'])))}</b>")
    start, finish = start_finish(document)
    total, per_kg = delivered_texts(document)
    rows = [
        ("Dose delivered", f"<b>{_e(total)}</b> ({_e(per_kg)}) · target "
                           f"{_e(show.cells(number(document['target_dose_cells'])))}"),
        ("Bags to use", f"<b>{document['bags_needed']}</b> of {inputs['bags_available']} "
                        f"(each {_e(show.ml(number(inputs['bag_volume_ml'])))})"),
        ("Diluent", diluent),
        ("Infusion rate", f"<b>{_e(show.ml_per_h(number(document['infusion_rate_ml_per_h'])))}</b> over "
                          f"{_e(show.minutes(number(inputs['duration_min'])))}"),
        ("Drip rate", f"<b>{_e(show.gtt_per_min(number(document['drip_rate_gtt_per_min'])))}</b> with a drop factor "
                      f"of {_e(show.plain(number(inputs['drop_factor_gtt_per_ml'])))} gtt/mL"),
        ("Time of use", f"start by <b>{_e(start)}</b> · finish by <b>{_e(finish)}</b>" if finish != NONE
                        else "not checked: no thaw time entered"),
    ]
    out = [_heading("4  Results"),
           '<table width="100%" cellspacing="0" cellpadding="3" border="3" '
           'style="border-collapse: collapse; border-color: #000000; border-style: solid">',
           '<tr><td width="26%" valign="middle"><b>VOLUME TO DRAW</b><br/>'
           '<span style="font-size: 7.5pt">cell suspension, from the bag(s)</span></td>'
           f'<td width="74%"><span style="font-size: 24pt; font-weight: bold">{_e(show.ml(volume))}</span>'
           f'&nbsp;&nbsp;<span style="font-size: 8.5pt">({rounding})</span></td></tr>']
    out += [f'<tr><td><b>{_e(label)}</b></td><td>{value}</td></tr>' for label, value in rows]
    out.append("</table>")
    return "".join(out)


def _flags(document: Mapping[str, Any]) -> str:
    flags, overrides = list(document.get("flags", [])), {o["code"]: o for o in document.get("overrides", [])}
    # Overrides of flags raised only at finalising (eligibility unconfirmed, same lot the same day) have no
    # flag in the engine's list: they are printed as their own soft rows so no override goes unseen.
    shown = {f.get("code") for f in flags}
    flags += [{"code": code, "severity": CATALOGUE.get(code, ("soft", ""))[0],
               "message": CATALOGUE.get(code, ("", "raised when the calculation was finalised"))[1].capitalize() + "."}
              for code in overrides if code not in shown]
    out = [_heading("5  Flags and overrides")]
    if not flags:
        return out[0] + "<p>No flags.</p>"
    out.append('<table width="100%" cellspacing="0" cellpadding="2" border="1" '
               'style="border-collapse: collapse; border-color: #808080">'
               '<tr bgcolor="#eeeeee"><td width="9%"><b>Severity</b></td><td width="27%"><b>Flag</b></td>'
               '<td width="64%"><b>Message; override (reason, initials)</b></td></tr>')
    for flag in flags:
        severity = SEVERITY_WORDS.get(flag.get("severity", ""), str(flag.get("severity", "")).upper())
        text = _e(flag.get("message", ""))
        override = overrides.get(flag.get("code"))
        if override:
            text += (f"<br/><b>Overridden:</b> “{_e(override.get('reason', ''))}” – "
                     f"{_e(override.get('initials', ''))}")
        elif flag.get("severity") == "soft":
            text += "<br/><b>Not overridden.</b>"
        weight = "bold" if flag.get("severity") in ("hard", "soft") else "normal"
        out.append(f'<tr><td style="font-weight: {weight}">{_e(severity)}</td>'
                   f'<td style="font-size: 8pt">{_e(flag.get("code", ""))}</td><td>{text}</td></tr>')
    out.append(f'</table><p style="font-size: 7.5pt">{_e(SEVERITY_KEY)}</p>')
    return "".join(out)


def _state(kind: str, confirmed: bool | None) -> str:
    if confirmed is None:
        return "☐ not confirmed"
    if kind == "inclusion":
        return "☑ met" if confirmed else "☒ <b>NOT MET</b>"
    return "☑ absent" if confirmed else "☒ <b>PRESENT</b>"


def _eligibility(document: Mapping[str, Any]) -> str:
    items = document.get("eligibility", [])
    inclusion = [i for i in items if i.get("kind") == "inclusion"]
    exclusion = [i for i in items if i.get("kind") == "exclusion"]
    out = [_heading("6  Eligibility checklist", page_break=True)]
    if not items:
        return out[0] + "<p>The protocol lists no criteria.</p>"
    out.append('<table width="100%" cellspacing="0" cellpadding="2" border="1" '
               'style="border-collapse: collapse; border-color: #808080; font-size: 8pt">'
               '<tr bgcolor="#eeeeee"><td width="36%"><b>Inclusion criterion</b></td><td width="14%"><b>Met?</b></td>'
               '<td width="36%"><b>Exclusion criterion</b></td><td width="14%"><b>Absent?</b></td></tr>')
    for row in range(max(len(inclusion), len(exclusion))):
        cells = []
        for column in (inclusion, exclusion):
            if row < len(column):
                item = column[row]
                cells.append(f"<td>{_e(item.get('criterion', ''))}</td>"
                             f"<td>{_state(item.get('kind', ''), item.get('confirmed'))}</td>")
            else:
                cells.append("<td></td><td></td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</table>")
    return "".join(out)


_BOX = ('<td width="20%" height="28" style="border-width: 2px; border-style: solid; border-color: #000000">'
        '<span style="font-size: 16pt">&nbsp;</span></td>')


def _independent_check(document: Mapping[str, Any]) -> str:
    inputs, patient = document["inputs"], document.get("patient") or {}
    if inputs["dose_mode"] == "per_kg":
        prescription = _e(show.cells_per_kg(number(inputs["dose_cells_per_kg"]), 4))
    else:
        prescription = _e(show.cells(number(inputs["dose_cells"]), 4))
    basis = "viable cells" if inputs.get("count_basis") == "viable" else "all cells"
    dose_basis = "viable cells" if document["protocol"].get("dose_basis") == "viable" else "all cells"
    out = [_heading("7  Independent check (second person)"),
           '<p style="margin-bottom: 3pt">Work out the volume and the dose yourself from the prescription and the '
           'product label, <b>without looking at sections 3 and 4</b>. Write your own figures in the boxes, then '
           'compare. Any difference: stop and resolve it before the product is released.</p>',
           _grid([
               [("Patient ID", f"<b>{_e(patient.get('id', ''))}</b>"),
                ("Date of birth", f"<b>{_e(patient['date_of_birth'])}</b>" if patient.get("date_of_birth")
                 else "not recorded")],
               [("Weight", _e(weight_text(inputs))), ("Prescription", prescription)],
               [("Concentration", f"{_e(show.concentration(number(inputs['concentration_cells_per_ml']), 4))} "
                                  f"({basis})"),
                ("Viability", _e(show.percent(number(inputs["viability_percent"]))))],
               [("Protocol doses", dose_basis),
                ("Volume step", f"{_e(show.ml(number(inputs['increment_ml'])))} (round to nearest, ties up)")],
               [("Bags", f"{inputs['bags_available']} × {_e(show.ml(number(inputs['bag_volume_ml'])))}"),
                ("Thawed at", _e(when(inputs.get("thawed_at"))) or "not entered")],
               [("Final volume", _e(show.ml(number(inputs["final_volume_ml"])))),
                ("Duration, drop factor", f"{_e(show.minutes(number(inputs['duration_min'])))}, "
                                          f"{_e(show.plain(number(inputs['drop_factor_gtt_per_ml'])))} gtt/mL")],
           ]),
           '<table width="100%" cellspacing="4" cellpadding="3" style="margin-top: 4pt">',
           f'<tr><td width="20%"><b>Your volume to draw</b></td>{_BOX}<td width="6%">mL</td>'
           f'<td width="20%"><b>Your dose delivered</b></td>{_BOX}<td width="12%">million&nbsp;cells</td></tr>',
           f'<tr><td><b>Your infusion rate</b></td>{_BOX}<td>mL/h</td>'
           f'<td><b>Your drip rate</b></td>{_BOX}<td>gtt/min</td></tr>',
           "</table>",
           '<p style="margin-top: 6pt; margin-bottom: 4pt">Difference from the worksheet: '
           '______________________________________ &nbsp;&nbsp; Figures agree: ☐ yes &nbsp; ☐ no</p>']
    return "".join(out)


def _signatures(document: Mapping[str, Any]) -> str:
    rows = (("Prepared by", document.get("prepared_by", "")),
            ("Independently checked by", document.get("checked_by", "")),
            ("Administered by", ""))
    out = [_heading("8  Signatures"),
           '<table width="100%" cellspacing="0" cellpadding="4" border="1" '
           'style="border-collapse: collapse; border-color: #000000">'
           '<tr bgcolor="#eeeeee"><td width="27%"><b>Role</b></td><td width="25%"><b>Name</b></td>'
           '<td width="27%"><b>Signature</b></td><td width="21%"><b>Date / time</b></td></tr>']
    for role, name in rows:
        out.append(f'<tr><td valign="middle"><b>{_e(role)}</b></td><td valign="middle">{_e(name)}</td>'
                   '<td><span style="font-size: 20pt">&nbsp;</span></td><td></td></tr>')
    out.append("</table>")
    return "".join(out)


def body_html(document: Mapping[str, Any], family: str = "DejaVu Sans Condensed") -> str:
    """The worksheet body (everything but the running header and footer), in Qt's rich-text HTML."""
    sections = (_patient, _product, _steps, _results, _flags, _eligibility, _independent_check, _signatures)
    return (f'<html><body style="font-family: \'{_e(family)}\'; font-size: 9pt">'
            + "".join(section(document) for section in sections) + "</body></html>")
