"""The label of a prepared infusion bag: who it is for, what is in it, how to run it, and a code to scan.

Drawn with QPainter on any paint device: a PDF (QPdfWriter, one page the size of the label), a label printer
(QPrinter set up by the caller), or an image (for a preview, and for the tests, which read the code back
with an independent decoder). Only the saved document is read, never recomputed numbers.

The 2-D code is a QR code made with segno (pure Python, no compiled parts to package, well kept, and it
gives the module matrix itself, so the code is drawn here as vector squares aligned to whole device
pixels: crisp in a PDF and on a 203 or 300 dpi printer). Its text is `core.label_code` format version 1.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import segno
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
)

from mscdose.core import display
from mscdose.core.document import decimal_of
from mscdose.core.label_code import encode_label_code
from mscdose.worksheet.qt_setup import ensure_app, font_family

DASH = "—"
PDF_DPI = 600
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class LabelSize:
    key: str
    width_mm: float
    height_mm: float
    page_size: QPageSize


LABEL_SIZES: dict[str, LabelSize] = {
    "100x50mm": LabelSize("100x50mm", 100, 50, QPageSize(QSizeF(100, 50), QPageSize.Unit.Millimeter,
                                                         "Label 100 x 50 mm")),
    "4x2in": LabelSize("4x2in", 101.6, 50.8, QPageSize(QSizeF(4, 2), QPageSize.Unit.Inch, "Label 4 x 2 in")),
}


def label_size(name: str) -> LabelSize:
    """`100x50mm` or `4x2in` (any case, spaces and `×` allowed); anything else is refused with the choices."""
    key = (name or "").strip().lower().replace(" ", "").replace("×", "x")
    if key not in LABEL_SIZES:
        raise ValueError(f"Label size: “{name}” is not accepted. Accepted: {' or '.join(LABEL_SIZES)}.")
    return LABEL_SIZES[key]




def _moment(iso: Any) -> str:
    if not iso:
        return DASH
    try:
        return display.moment(datetime.fromisoformat(str(iso)))
    except ValueError:
        return str(iso)


def label_lines(document: Mapping[str, Any], record_id: int | str) -> list[tuple[str, bool]]:
    """The label's text, line by line (text, bold), from the saved document. Missing values print "—"."""
    patient = document.get("patient", {}) or {}
    inputs = document.get("inputs", {}) or {}
    protocol = document.get("protocol", {}) or {}

    def volume(key: str) -> str:
        value = decimal_of(document.get(key))
        return display.ml(value) if value is not None else DASH

    rate = decimal_of(document.get("infusion_rate_ml_per_h"))
    drip = decimal_of(document.get("drip_rate_gtt_per_min"))
    factor = decimal_of(inputs.get("drop_factor_gtt_per_ml"))
    dose = decimal_of(document.get("delivered_dose_cells"))
    product = " · ".join(part for part in (
        f"Product {document['product_code']}" if document.get("product_code") else "",
        f"lot {document['lot_number']}" if document.get("lot_number") else "",
        f"protocol {protocol.get('id', '')} v{protocol.get('version', '')}" if protocol.get("id") else "",
    ) if part) or DASH
    return [
        (f"Patient ID {patient.get('id') or DASH}", True),
        (f"{patient.get('name') or DASH} · born {patient.get('date_of_birth') or DASH}", True),
        (f"UC-MSC {display.cells(dose) if dose is not None else DASH}, intravenous", False),
        (product, False),
        (f"DIN {inputs.get('din') or DASH}", True),
        (f"Volume drawn {volume('volume_to_draw_ml')} · final volume {volume('final_volume_ml')}", True),
        (f"Rate {display.ml_per_h(rate) if rate is not None else DASH} · "
         f"{display.gtt_per_min(drip) if drip is not None else DASH}"
         + (f" ({display.plain(factor)} gtt/mL set)" if factor is not None else ""), True),
        (f"Start by {_moment(document.get('start_by'))}", False),
        (f"Finish by {_moment(document.get('finish_by'))}", False),
        (f"Prepared by {document.get('prepared_by') or DASH} · record {record_id}", False),
    ]


def label_code_text(document: Mapping[str, Any], record_id: int | str) -> str:
    """The text the label's 2-D code carries (core.label_code format 1)."""
    return encode_label_code(record_id, (document.get("patient", {}) or {}).get("id", ""),
                             (document.get("inputs", {}) or {}).get("din"))


class _LabelPainter:
    """Draws one label filling the paint device, in millimetres converted to device pixels."""

    def __init__(self, device: QPaintDevice, document: Mapping[str, Any], record_id: int | str,
                 reprint: int) -> None:
        self.device, self.document, self.record_id, self.reprint = device, document, record_id, reprint
        self.family = font_family()
        self.px_per_mm = device.logicalDpiX() / MM_PER_INCH
        self.width, self.height = float(device.width()), float(device.height())

    def mm(self, value: float) -> float:
        return value * self.px_per_mm

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setFeature(QFont.Tag("liga"), 0)
        return font

    def draw_code(self, painter: QPainter, text: str, left: float, top: float, side: float) -> float:
        """The QR code, quiet zone of 4 modules included, as filled squares on whole device pixels; returns
        the side drawn (at most `side`)."""
        qr = segno.make_qr(text, error="m")
        rows = list(qr.matrix_iter(border=4))
        module = max(1, int(side // len(rows)))
        x0, y0 = round(left), round(top)
        painter.fillRect(QRectF(x0, y0, module * len(rows), module * len(rows)), QColor("white"))
        for y, row in enumerate(rows):
            x = 0
            while x < len(row):
                if row[x]:
                    run = x
                    while run < len(row) and row[run]:
                        run += 1
                    painter.fillRect(QRectF(x0 + x * module, y0 + y * module, (run - x) * module, module),
                                     QColor("black"))
                    x = run
                else:
                    x += 1
        return float(module * len(rows))

    def run(self, painter: QPainter) -> None:
        margin = self.mm(2.5)
        painter.fillRect(QRectF(0, 0, self.width, self.height), QColor("white"))
        painter.setPen(QColor("black"))
        side = min(self.height - 2 * margin - self.mm(3.5), self.mm(30))
        code_left = self.width - margin - side
        drawn = self.draw_code(painter, label_code_text(self.document, self.record_id), code_left, margin, side)
        caption = QRectF(code_left - self.mm(2), margin + drawn, side + self.mm(2), self.mm(3.5))
        painter.setFont(self.font(5.5))
        painter.drawText(caption, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         f"Scan at the bedside · record {self.record_id}")
        text_width = code_left - 2 * margin
        top = margin
        if self.reprint > 0:
            band = QRectF(margin, top, text_width, self.mm(4.2))
            painter.fillRect(band, QColor("black"))
            painter.setPen(QColor("white"))
            painter.setFont(self.font(8, True))
            painter.drawText(band, int(Qt.AlignmentFlag.AlignCenter), f"REPRINT {self.reprint} – not the first copy")
            painter.setPen(QColor("black"))
            top += band.height() + self.mm(0.8)
        lines = label_lines(self.document, self.record_id)
        sizes = [9.5, 8.5] + [7.2] * (len(lines) - 2)
        sizes[3] = 6.5  # product, lot and protocol: read by the pharmacist, less often at the bedside
        for (text, bold), size in zip(lines, sizes, strict=True):
            font = self.font(size, bold)
            metrics = QFontMetricsF(font, self.device)
            painter.setFont(font)
            rect = QRectF(margin, top, text_width, metrics.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_width))
            top += metrics.height() + self.mm(0.35)


def draw_label(device: QPaintDevice, document: Mapping[str, Any], record_id: int | str, reprint: int = 0) -> None:
    """Draw the label on a device already sized to the label (a QPrinter, a QImage, a QPdfWriter page)."""
    ensure_app()
    if reprint < 0:
        raise ValueError("reprint must be 0 (the first copy) or a copy number 1, 2, ...")
    label_code_text(document, record_id)  # refuses before anything is drawn
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the label could not be opened for drawing (is the file or printer writable?)")
    try:
        _LabelPainter(device, document, record_id, reprint).run(painter)
    finally:
        painter.end()


def label_image(document: Mapping[str, Any], record_id: int | str, *, size: str = "100x50mm", dpi: int = 300,
                reprint: int = 0) -> QImage:
    """The label as an image at `dpi` (a preview on screen; what the tests decode)."""
    ensure_app()
    chosen = label_size(size)
    image = QImage(round(chosen.width_mm / MM_PER_INCH * dpi), round(chosen.height_mm / MM_PER_INCH * dpi),
                   QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    draw_label(image, document, record_id, reprint)
    return image


def write_label_pdf(document: Mapping[str, Any], record_id: int | str, path: str | os.PathLike[str],
                    size: str = "100x50mm", reprint: int = 0) -> None:
    """Write the label as a one-page PDF the size of the label (fonts embedded, code as vector squares).

    Refuses (ValueError) a blocked or unresolved document, as a final worksheet is refused: a label is what
    goes on the bag. The file appears whole or not at all (written beside the target, then renamed)."""
    from mscdose.worksheet.content import final_refusal

    ensure_app()
    chosen = label_size(size)
    refusal = final_refusal(document)
    if refusal:
        raise ValueError(refusal.replace("final worksheet", "bag label"))
    label_code_text(document, record_id)
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setPageSize(chosen.page_size)
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    patient = (document.get("patient", {}) or {}).get("id", "")
    writer.setTitle(f"mscdose bag label – patient {patient} – record {record_id}"
                    + (f" – REPRINT {reprint}" if reprint else ""))
    writer.setCreator(f"mscdose {document.get('app_version', '')}")
    try:
        draw_label(writer, document, record_id, reprint)
        del writer  # flushes and closes the file
        if partial.stat().st_size == 0:
            raise OSError(f"the label PDF {target} came out empty (is the disk full?)")
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
