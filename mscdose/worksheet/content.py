"""What the worksheet says, as text and Qt rich-text HTML, built only from the saved calculation document.

Pure Python (no Qt) so the wording can be tested on its own; only a translated worksheet asks Qt's
QTranslator for its words (mscdose.i18n). Nothing here computes a dose: every number
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
from mscdose.core.overrides import override_problem
from mscdose.i18n import record_step_text, translate, units_for
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
from mscdose.worksheet.protocol_texts import protocol_text
from mscdose.worksheet.terms import step_label

# The running marks moved to marking.py; they stay importable from here for existing callers.
__all__ = [
    "PROGRAM",
    "TITLE",
    "WATERMARK",
    "Marking",
    "blocked_reason",
    "body_html",
    "check_line",
    "final_refusal",
    "footer_text",
    "moment_text",
    "number",
    "preview_note",
    "protocol_text",
    "short_hash",
    "times_text",
    "when",
]



def _words() -> dict[str, str]:
    """Headings and labels used inside f-strings, translated here (pyside6-lupdate reads no f-string)."""
    return {
        "VOLUME TO DRAW": translate("Worksheet", "VOLUME TO DRAW"),
        "cell suspension, from the bag(s)": translate("Worksheet", "cell suspension, from the bag(s)"),
    }

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
    """The reason printed under the watermark of a preview: the hard flags, or that it is only a preview. In the
    current language (`i18n.using`): a saved flag message in Chinese when its template is found again from the
    English (i18n.record_message_text), else in English; the English exactly as before."""
    from mscdose.i18n import record_message_text

    hard = [f"{f['code']}: {record_message_text(str(f['message']))}" for f in document.get("flags", [])
            if f.get("severity") == "hard"]
    return " ".join(hard) if hard else translate("Worksheet", "preview only")


def preview_note() -> str:
    """The reason under the watermark of a preview that is not blocked. One wording for the window and
    `mscdose worksheet --preview`, in the current language (the CLI joined the review's English problems
    before; they stay in its JSON outcome)."""
    return translate("Worksheet", "preview only – print the final worksheet after the record is saved")


# ---------------------------------------------------------------- HTML body
# Every heading, label and note is marked `translate("Worksheet", "...")` for pyside6-lupdate; values are
# filled into `{named}` placeholders after translating. Program-written numbers go through `_u`
# (i18n.units_for: one form of cell count per language); what a person typed is printed as typed.

def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _u(text: Any) -> str:
    """A program-written text (a display value, a core step or message) escaped, units as the language
    writes them (`149.96 × 10⁶ 个细胞` in Chinese)."""
    return _e(units_for(str(text)))


def _t(text: str) -> str:
    """A translated text that was looked up already (a variable, not a literal), escaped."""
    return _e(text)


def _heading(text: str, *, page_break: bool = False) -> str:
    brk = "page-break-before: always; " if page_break else ""
    return (f'<table width="100%" cellspacing="0" cellpadding="2" style="{brk}margin-top: 7pt; margin-bottom: 2pt">'
            f'<tr><td bgcolor="#000000"><span style="color: #ffffff; font-weight: bold; font-size: 9.5pt">'
            f'&nbsp;{_e(text.upper())}</span></td></tr></table>')


def _grid(rows: Sequence[Sequence[tuple[str, str]]], label_width: int = 17) -> str:
    """Label/value pairs, two pairs a row: labels in bold, values as given (already escaped HTML)."""
    value_width = 50 - label_width
    # cellpadding 1, like the steps: the product lot's identity row (issue 13) and a scan's info flag still
    # leave page 1 room on Letter
    out = ['<table width="100%" cellspacing="0" cellpadding="1" border="1" '
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
    if setting.get("source") == "site":
        return translate("Worksheet", "site value")
    return translate("Worksheet", "protocol value")


def not_entered() -> str:
    return translate("Worksheet", "not entered")


def weight_text(inputs: Mapping[str, Any]) -> str:
    """`62 kg`, or both units when the weight was entered in another unit: `150 lb = 68.039 kg` (issue 11:
    a weight in pounds read as kilograms more than doubles the dose, so paper shows what was typed and the kg
    the dose was worked out from, side by side)."""
    kg = show.kg(number(inputs["weight_kg"]))
    entered = str(inputs.get("weight_entered") or "").strip()
    if not entered or entered.replace(" ", "") == kg.replace(" ", ""):
        return kg
    if entered.lower().replace(" ", "").endswith("kg"):  # "62.0 kg", "62kg": same unit, only written otherwise
        return translate("Worksheet", "{kg} (entered as {entered})").format(kg=kg, entered=entered)
    return f"{entered} = {kg}"


def delivered_texts(document: Mapping[str, Any]) -> tuple[str, str]:
    """The dose delivered and per kg as the core wrote them beside the limits (`99.999 million cells`, never
    a rounding that reads as inside a limit it is outside of); documents saved before issue 10 lack them.
    In the units of the current language (the digits as the core wrote them)."""
    total = document.get("delivered_dose_text") or show.cells(number(document["delivered_dose_cells"]))
    per_kg = document.get("delivered_dose_per_kg_text") or show.cells_per_kg(
        number(document["delivered_dose_cells_per_kg"]))
    return units_for(str(total)), units_for(str(per_kg))


def start_finish(document: Mapping[str, Any]) -> tuple[str, str]:
    """(start by, finish by) as printed. Documents saved before issue 10 have only `administer_before`,
    which was the finish-by time: it is printed as such and start by as "—". No thaw time: both "—"."""
    finish = when(document.get("finish_by") or document.get("administer_before"))
    start = when(document.get("start_by"))
    if finish and not start and document.get("finish_by"):
        start = translate("Worksheet", "never: the infusion is longer than the post-thaw limit")
    return start or NONE, finish or NONE


def _order(document: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The order the dose is prepared against (issue 19): prescriber, order reference and the date written."""
    order = document.get("order") or {}
    reference = f"<b>{_e(order.get('reference') or NONE)}</b>"
    if order.get("date"):
        reference += translate("Worksheet", " of {date}").format(date=_e(order["date"]))
    return [(translate("Worksheet", "Prescriber"), _e(order.get("prescriber") or NONE)),
            (translate("Worksheet", "Order reference"), reference)]


def prescription_text(inputs: Mapping[str, Any]) -> str:
    """The prescription as written, unescaped: `150 million cells` (or `150 × 10⁶ 个细胞`)."""
    if inputs["dose_mode"] == "per_kg":
        return units_for(show.cells_per_kg(number(inputs["dose_cells_per_kg"]), 4))
    return units_for(show.cells(number(inputs["dose_cells"]), 4))


def _patient(document: Mapping[str, Any]) -> str:
    patient, inputs = document.get("patient", {}), document["inputs"]
    weight = f"<b>{_e(weight_text(inputs))}</b>"
    age = _e(age_text(document) or not_entered())
    born = patient.get("date_of_birth")
    prescribed = prescription_text(inputs)
    if inputs["dose_mode"] == "per_kg":
        written = translate("Worksheet", "{dose} (per kg)").format(dose=_e(prescribed))
    else:
        written = translate("Worksheet", "{dose} (a total)").format(dose=_e(prescribed))
    entered = str(inputs.get("dose_entered") or "")
    english = (show.cells_per_kg(number(inputs["dose_cells_per_kg"]), 4) if inputs["dose_mode"] == "per_kg"
               else show.cells(number(inputs["dose_cells"]), 4))
    if entered and entered.split() != english.split() and entered.split() != prescribed.split():
        written += translate("Worksheet", " – written “{entered}”").format(entered=_e(entered))
    if inputs["dose_mode"] == "per_kg":  # the total it comes to; a total prescription is its own target
        written += f" = <b>{_u(show.cells(number(document['target_dose_cells'])))}</b>"
    return _heading(translate("Worksheet", "1  Patient, prescription and order")) + _grid([
        [(translate("Worksheet", "Patient ID"), f"<b>{_e(patient.get('id', ''))}</b>"),
         (translate("Worksheet", "Name"), _e(patient.get("name", "")) or NONE)],
        [(translate("Worksheet", "Date of birth"),
          f"<b>{_e(born)}</b>" if born else _e(translate("Worksheet", "not recorded"))),
         (translate("Worksheet", "Age"), age)],
        [(translate("Worksheet", "Weight"), weight), (translate("Worksheet", "Prescription"), written)],
        _order(document),
    ])


def count_basis_text(inputs: Mapping[str, Any]) -> str:
    if inputs.get("count_basis") == "viable":
        return translate("Worksheet", "count of viable cells")
    return translate("Worksheet", "count of all cells")


def dose_basis_text(document: Mapping[str, Any]) -> str:
    if document["protocol"].get("dose_basis") == "viable":
        return translate("Worksheet", "viable cells")
    return translate("Worksheet", "all cells")


def _product(document: Mapping[str, Any]) -> str:
    inputs = document["inputs"]
    din = inputs.get("din")
    din_text = (f"<b>{_e(din)}</b> " + translate("Worksheet", "(check character {char})").format(
        char=_e(din.split()[-1])) + _source(inputs, "din") if din else _e(not_entered()))
    settings = document.get("protocol_settings", {})
    minimum = settings.get("min_viability", {}).get("text", "")
    viability = _e(show.percent(number(inputs["viability_percent"])))
    if minimum:
        viability += translate("Worksheet", " (minimum {minimum}, {source})").format(
            minimum=_u(minimum), source=_e(_setting_source(document, "min_viability")))
    bag = number(inputs["bag_volume_ml"])
    limit = settings.get("post_thaw_limit", {}).get("text", "")
    thawed = _e(when(inputs.get("thawed_at"))) or _e(not_entered())
    if limit:
        thawed += translate("Worksheet", "; limit {limit} ({source})").format(
            limit=_u(limit), source=_e(_setting_source(document, "post_thaw_limit")))
    concentration = _u(show.concentration(number(inputs["concentration_cells_per_ml"]), 4))
    return _heading(translate("Worksheet", "2  Product lot")) + _grid([
        [(translate("Worksheet", "Lot number"), _e(document.get("lot_number") or not_entered())),
         (translate("Worksheet", "DIN (ISBT 128)"), din_text)],
        [(translate("Worksheet", "Concentration"), f"{concentration} ({_e(count_basis_text(inputs))})"),
         (translate("Worksheet", "Viability"), viability)],
        [(translate("Worksheet", "Viable concentration"),
          _u(show.concentration(number(document["viable_concentration_cells_per_ml"]), 4))),
         (translate("Worksheet", "Protocol doses"), _e(dose_basis_text(document)))],
        [(translate("Worksheet", "Bags available"), f"{inputs['bags_available']} × {_e(show.ml(bag))}"),
         (translate("Worksheet", "Thawed at"), thawed)],
        _identity(document),
    ])


def source_word(source: str | None) -> str:
    """Where a product value came from (issue 13, `inputs.sources`): scanned, typed, or typed and scanned."""
    words = {"scan": translate("Worksheet", "scanned"), "typed": translate("Worksheet", "typed"),
             "typed+scan": translate("Worksheet", "typed and scanned")}
    return words.get(source or "", "")


def _source(inputs: Mapping[str, Any], key: str) -> str:
    word = source_word((inputs.get("sources") or {}).get(key))
    return f" ({_e(word)})" if word else ""


def accepted_codes_text(document: Mapping[str, Any]) -> str:
    """`accepted: S1234, S1235 (site value)`; that the protocol lists none; "" for documents before issue 13."""
    if "product_codes_accepted" not in document:
        return ""
    accepted = document.get("product_codes_accepted")
    if not accepted:
        return translate("Worksheet", "the protocol lists no accepted codes")
    source = (translate("Worksheet", "site value") if accepted.get("source") == "site"
              else translate("Worksheet", "protocol value"))
    return translate("Worksheet", "accepted: {codes} ({source})").format(
        codes=", ".join(str(code) for code in accepted.get("codes", [])), source=source)


def _identity(document: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The product code with the codes the protocol accepts, and the expiry, each with where it came from: a
    scanned value is marked scanned (issue 13), so the checker knows what was read from the label itself."""
    inputs = document["inputs"]
    code = inputs.get("product_code") or document.get("product_code")
    code_text = (f"<b>{_e(code)}</b>{_source(inputs, 'product_code')}" if code else _e(not_entered()))
    accepted = accepted_codes_text(document)
    if accepted:
        code_text += f" · {_e(accepted)}"
    expires = inputs.get("expires_at")
    expiry = f"<b>{_e(when(expires))}</b>{_source(inputs, 'expires_at')}" if expires else _e(not_entered())
    return [(translate("Worksheet", "Product code"), code_text), (translate("Worksheet", "Expiry"), expiry)]


def _preparation_values() -> tuple[tuple[str, str, str, Any], ...]:
    """Keys of `inputs.defaults_changed` -> what they are called on paper."""
    return (
        ("final_volume_ml", translate("Worksheet", "Final volume"), "final_volume", show.ml),
        ("duration_min", translate("Worksheet", "Infusion duration"), "duration", show.minutes),
        ("drop_factor_gtt_per_ml", translate("Worksheet", "Drop factor"), "drop_factor",
         lambda v: units_for(f"{show.plain(v)} gtt/mL")),
        ("increment_ml", translate("Worksheet", "Smallest volume step"), "volume_increment", show.ml),
    )


def _steps(document: Mapping[str, Any]) -> str:
    # cellpadding 1: fourteen steps (weight in lb, start/finish by, DMSO) still leave page 1 room on Letter
    out = [_heading(translate("Worksheet", "3  Calculation, step by step")),
           '<table width="100%" cellspacing="0" cellpadding="1" border="1" '
           'style="border-collapse: collapse; border-color: #808080">']
    for i, step in enumerate(document.get("steps", []), start=1):
        label, _, working = str(step).partition(": ")  # the working read back by its label (i18n.record_step_text)
        out.append(f'<tr><td width="3%" align="right">{i}</td><td width="22%"><b>{_e(step_label(label))}</b></td>'
                   f'<td width="75%">{_e(record_step_text(label, working))}</td></tr>')
    out.append("</table>")
    inputs, used = document["inputs"], []
    changed = set(inputs.get("defaults_changed", []))
    for key, label, setting, fmt in _preparation_values():
        if inputs.get(key) is None:
            continue
        source = translate("Worksheet", "entered") if key in changed else _setting_source(document, setting)
        used.append(f"{_e(label)} {_e(fmt(number(inputs[key])))} ({_e(source)})")
    if used:
        out.append('<p style="margin-top: 2pt; font-size: 8pt">'
                   + translate("Worksheet", "Preparation values used: {values}.").format(values="; ".join(used))
                   + "</p>")
    return "".join(out)


def _results(document: Mapping[str, Any]) -> str:
    inputs, settings = document["inputs"], document.get("protocol_settings", {})
    volume, exact = number(document["volume_to_draw_ml"]), number(document["volume_exact_ml"])
    rounding = (translate("Worksheet", "exact {exact}, rounded to the nearest {step}").format(
        exact=_e(show.ml(exact)), step=_e(show.ml(number(inputs["increment_ml"]))))
        if volume != exact else _e(translate("Worksheet", "exact: no rounding")))
    diluent_note = settings.get("final_volume", {}).get("note", "")
    note = f" {_e(protocol_text(document, diluent_note))}" if diluent_note else ""
    diluent = translate("Worksheet", "<b>{diluent}</b>{note} to a final volume of <b>{final}</b>").format(
        diluent=_e(show.ml(number(document["diluent_volume_ml"]))), note=note,
        final=_e(show.ml(number(document["final_volume_ml"]))))
    start, finish = start_finish(document)
    total, per_kg = delivered_texts(document)
    rows = [
        (translate("Worksheet", "Dose delivered"),
         translate("Worksheet", "<b>{total}</b> ({per_kg}) · target {target}").format(
             total=_e(total), per_kg=_e(per_kg), target=_u(show.cells(number(document["target_dose_cells"]))))),
        (translate("Worksheet", "Bags to use"),
         translate("Worksheet", "<b>{needed}</b> of {available} (each {volume})").format(
             needed=document["bags_needed"], available=inputs["bags_available"],
             volume=_e(show.ml(number(inputs["bag_volume_ml"]))))),
        (translate("Worksheet", "Diluent"), diluent),
        (translate("Worksheet", "Infusion rate"), translate("Worksheet", "<b>{rate}</b> over {duration}").format(
            rate=_e(show.ml_per_h(number(document["infusion_rate_ml_per_h"]))),
            duration=_e(show.minutes(number(inputs["duration_min"]))))),
        (translate("Worksheet", "Drip rate"),
         translate("Worksheet", "<b>{rate}</b> with a drop factor of {factor}").format(
             rate=_u(show.gtt_per_min(number(document["drip_rate_gtt_per_min"]))),
             factor=_u(f"{show.plain(number(inputs['drop_factor_gtt_per_ml']))} gtt/mL"))),
        (translate("Worksheet", "Time of use"),
         translate("Worksheet", "start by <b>{start}</b> · finish by <b>{finish}</b>").format(
             start=_e(start), finish=_e(finish)) if finish != NONE
         else _e(translate("Worksheet", "not checked: no thaw time entered"))),
    ]
    out = [_heading(translate("Worksheet", "4  Results")),
           '<table width="100%" cellspacing="0" cellpadding="3" border="3" '
           'style="border-collapse: collapse; border-color: #000000; border-style: solid">',
           f'<tr><td width="26%" valign="middle"><b>{_e(_words()["VOLUME TO DRAW"])}</b><br/>'
           f'<span style="font-size: 7.5pt">{_e(_words()["cell suspension, from the bag(s)"])}</span>'
           f'</td><td width="74%"><span style="font-size: 24pt; font-weight: bold">{_e(show.ml(volume))}</span>'
           f'&nbsp;&nbsp;<span style="font-size: 8.5pt">({rounding})</span></td></tr>']
    out += [f'<tr><td><b>{_e(label)}</b></td><td>{value}</td></tr>' for label, value in rows]
    out.append("</table>")
    return "".join(out)


def body_html(document: Mapping[str, Any], family: str = "DejaVu Sans Condensed", *,
              signatures: Any = None) -> str:
    """The worksheet body (everything but the running header and footer), in Qt's rich-text HTML, in the
    current language (`i18n.using`). `signatures`: the record's `signing.SignatureBlock` when the copy is
    made (issue 14), None to print the paper boxes only (a preview)."""
    from mscdose.worksheet.sections import eligibility, flags, independent_check
    from mscdose.worksheet.sections import signatures as signature_section
    from mscdose.worksheet.signing import block_from

    block = block_from(signatures)
    parts = (_patient, _product, _steps, _results, flags, eligibility, independent_check)
    return (f'<html><body style="font-family: \'{_e(family)}\'; font-size: 9pt">'
            + "".join(section(document) for section in parts) + signature_section(document, block)
            + "</body></html>")
