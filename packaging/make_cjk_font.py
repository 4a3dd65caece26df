"""Make resources/fonts/NotoSansSC-mscdose.otf: the subset of Noto Sans CJK SC the worksheet embeds.

Why a subset: the whole Noto Sans CJK collection is 19 MB and holds Japanese, Korean and traditional
glyph variants mscdose never prints. Why these characters: a patient's name on a Chinese worksheet may
hold any character of GB 18030 (implementation level 1 of GB 18030-2022 at least: every character of
GBK, the CJK Unified Ideographs block and Extension A), so the subset keeps

- every character the GBK code page (Python's `gbk` codec) can encode: GB 2312 and GBK, with their
  punctuation, full-width forms, kana, Cyrillic, Greek, Bopomofo and box drawing;
- the whole CJK Unified Ideographs block U+4E00–U+9FFF and Extension A U+3400–U+4DBF (GB 18030 level 1
  adds U+9FA6–U+9FEF and Extension A to GBK);
- CJK symbols and punctuation, half- and full-width forms, and the superscripts of `× 10⁶`,

each only when the font has a glyph for it (the check `tests/i18n/test_font.py` lists any it lacks).
Latin text keeps coming from DejaVu Sans Condensed; this font is Qt's fallback for what DejaVu lacks.

Reproducible: the same input font and fontTools version give the same bytes (no timestamps are changed
beyond what fontTools writes from the source). Run from the repository root:

    apt-get install -y fonts-noto-cjk      # or download NotoSansCJK-Regular.ttc (OFL) from notofonts
    pip install fonttools
    python packaging/make_cjk_font.py [path/to/NotoSansCJK-Regular.ttc]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = ROOT / "resources" / "fonts" / "NotoSansSC-mscdose.otf"
FACE = "Noto Sans CJK SC"  # the simplified-Chinese glyph forms (the TTC holds JP, KR, SC, TC, HK)


def wanted_code_points() -> set[int]:
    """GBK-encodable characters, the URO block, Extension A, CJK punctuation, full-width forms."""
    points: set[int] = set()
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            encoded = chr(cp).encode("gbk")
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2:
            points.add(cp)
    for low, high in ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x3000, 0x303F), (0xFF00, 0xFFEF),
                      (0x2070, 0x209F), (0x20, 0x7E)):
        points.update(range(low, high + 1))
    points.update((0xB2, 0xB3, 0xB9, 0xD7))  # ² ³ ¹ ×
    return points


FAMILY = "Noto Sans SC mscdose"  # its own family name: a system Noto Sans CJK SC can never stand in for it


def rename(font) -> None:  # type: ignore[no-untyped-def]
    """Give the subset its own family name (the OFL allows it; Noto has no reserved font name). Qt would
    otherwise pick a system-installed "Noto Sans CJK SC" of the same name, with other glyphs and mappings."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(f"{FAMILY} Regular", 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("NotoSansSC-mscdose-Regular", 6, record.platformID, record.platEncID, record.langID)
    font["CFF "].cff.fontNames = ["NotoSansSC-mscdose-Regular"]


def make(source: Path = SOURCE, target: Path = TARGET) -> tuple[int, int]:
    """Write the subset; return (characters kept, bytes)."""
    collection = TTCollection(str(source))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FACE)
    cmap = font.getBestCmap()
    available = set(cmap)
    # A radical (U+2E80-U+2FDF) drawn with the same glyph as its ideograph (⽅ U+2F45 and 方 U+65B9) would make
    # Qt write the radical into the PDF's text layer (it maps each glyph back to its lowest code point), so a
    # search or copy of "方案" would fail: such radicals are left out; the ideograph keeps the glyph.
    unified = {cmap[cp] for cp in available if 0x3400 <= cp <= 0x9FFF}
    shared = {cp for cp in available if 0x2E80 <= cp <= 0x2FDF and cmap[cp] in unified}
    keep = sorted((wanted_code_points() & available) - shared)
    options = subset.Options()
    # No OpenType layout tables: the worksheet is set horizontally and this face's default glyphs are already
    # the simplified-Chinese forms, so vertical forms, locl and proportional widths are not needed; leaving
    # GSUB/GPOS out halves the file (6.7 MB instead of 11.1 MB).
    options.layout_features = []
    options.name_IDs = ["*"]  # keep the licence and copyright records (OFL requires them)
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # CFF hints are large and printing at 600 dpi does not need them
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    rename(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    return len(keep), target.stat().st_size


if __name__ == "__main__":
    kept, size = make(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
    print(f"{TARGET.relative_to(ROOT)}: {kept} characters, {size / 1_000_000:.2f} MB")
