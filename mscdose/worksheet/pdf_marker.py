"""The worksheet's audit marker in the PDF's metadata: written by render.py, read back by `audit verify --worksheet`.

Why in the metadata: the record id, record hash and chain head are printed on every page for people, but a
program reading them back from the page text would need OCR or a PDF library. The same values are put in the
PDF's document-information dictionary (the /Creator entry, the only free one every supported Qt version
writes: `QPdfWriter.setCreator`) in one fixed ASCII form:

    mscdose 0.1.0 · mscdose-worksheet v1 record=17 hash=0123456789ab head=abcdef012345

QPdfWriter writes that dictionary uncompressed, as a literal string in UTF-16BE with a byte-order mark, so a
small parser of the trailer's /Info object reads it back; pypdf is not needed at run time (it stays a test
dependency, used there to cross-check this parser on real PDFs). No Qt here: the command line imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MARKER_PREFIX = "mscdose-worksheet v1"
_MARKER = re.compile(r"mscdose-worksheet v1 record=(\d{1,19}) hash=([0-9a-f]{12,64}) head=([0-9a-f]{12,64})")
_HEX = re.compile(r"[0-9a-f]{12,64}")
MAX_PDF_BYTES = 200 * 1024 * 1024  # a two-page worksheet is about 100 kB; anything this big is not one


class NotAWorksheet(ValueError):
    """The file is not a final mscdose worksheet PDF (or carries no marker): str() says which and why."""


@dataclass(frozen=True)
class WorksheetMarker:
    record_id: int
    record_hash: str
    chain_head: str


def marker_text(record_id: int | str, record_hash: str, chain_head: str) -> str:
    """The fixed form; ValueError when a hash is not 12 to 64 lower-case hex digits (nothing else is printed)."""
    for name, value in (("record hash", record_hash), ("chain head", chain_head)):
        if not _HEX.fullmatch(value):
            raise ValueError(f"the {name} {value!r} is not 12 to 64 hexadecimal digits")
    return f"{MARKER_PREFIX} record={int(record_id)} hash={record_hash} head={chain_head}"


def read_marker(path: str | Path) -> WorksheetMarker:
    """The marker of a worksheet PDF written by mscdose; NotAWorksheet with the reason otherwise."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PDF_BYTES:
            raise NotAWorksheet(f"{path} is {size:,} bytes, far larger than a worksheet PDF")
        data = path.read_bytes()
    except OSError as error:
        raise NotAWorksheet(f"{path} cannot be read ({error.strerror or error})") from None
    if not data.startswith(b"%PDF-"):
        raise NotAWorksheet(f"{path} is not a PDF file")
    info = _info_dictionary(data)
    if info is None:
        raise NotAWorksheet(f"{path} has no readable document information (it was not written by mscdose, "
                            "or it was re-saved by another program)")
    creator = _string_entry(info, b"/Creator")
    match = _MARKER.search(creator or "")
    if not match:
        raise NotAWorksheet(f"{path} carries no mscdose record marker: it is a preview (NOT FOR ADMINISTRATION), "
                            "a worksheet from an older mscdose, or not a mscdose worksheet")
    return WorksheetMarker(int(match.group(1)), match.group(2), match.group(3))


def _info_dictionary(data: bytes) -> bytes | None:
    """The bytes of the /Info object named by the last trailer (QPdfWriter writes one, uncompressed)."""
    refs = re.findall(rb"/Info\s+(\d+)\s+(\d+)\s+R", data[-4096:])
    if not refs:
        return None
    number, generation = refs[-1]
    start = re.search(rb"(?<!\d)" + number + rb"\s+" + generation + rb"\s+obj\s*<<", data)
    if start is None:
        return None
    end = data.find(b"endobj", start.end())
    return data[start.end(): end if end >= 0 else len(data)]


def _string_entry(info: bytes, key: bytes) -> str | None:
    """A literal-string entry of a dictionary: escapes undone, UTF-16BE (with BOM) or PDFDocEncoding-ish."""
    found = re.search(re.escape(key) + rb"\s*\(", info)
    if found is None:
        return None
    raw, depth, i = bytearray(), 1, found.end()
    escapes = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}
    while i < len(info):
        byte = info[i]
        if byte == 0x5C and i + 1 < len(info):  # backslash
            nxt = info[i + 1]
            octal = re.match(rb"[0-7]{1,3}", info[i + 1: i + 4])
            if octal:
                raw.append(int(octal.group(), 8) & 0xFF)
                i += 1 + len(octal.group())
                continue
            if nxt in (0x0A, 0x0D):  # a line continuation
                i += 2
                continue
            raw += escapes.get(nxt, bytes([nxt]))
            i += 2
            continue
        if byte == 0x28:
            depth += 1
        elif byte == 0x29:
            depth -= 1
            if depth == 0:
                break
        raw.append(byte)
        i += 1
    else:
        return None  # the string never ends: a damaged file
    if raw.startswith(b"\xfe\xff"):
        return bytes(raw[2:]).decode("utf-16-be", "replace")
    return bytes(raw).decode("latin-1")
