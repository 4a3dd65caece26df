"""Shrink ICU's data library (libicudata, 31 MB) to the few items Qt asks ICU for (about 3 MB).

Why: on Linux, PySide6's QtCore links ICU 73, and libicudata alone is 31 MB of locale data, converters and
dictionaries: a third of the whole frozen program. Windows and macOS builds of Qt do not ship ICU, so this
applies to Linux only.

What Qt needs from ICU (the ICU functions libQt6Core imports, `nm -D --undefined-only libQt6Core.so.6`):
- case mapping `u_strToUpper/Lower`: its tables are compiled into libicuuc, not in the data library;
- collation `ucol_*` (QCollator, e.g. sorting in file dialogs): the root collation and `ucadata.icu`;
- time zones `ucal_*` (QTimeZone ids and display names): zoneinfo64, metaZones, timezoneTypes and the
  root/English locale data;
- converters `ucnv_*`: only for legacy encodings asked for by name (QStringDecoder("Shift_JIS")); Qt
  handles UTF-8/16/32 and Latin-1 itself, and mscdose reads and writes UTF-8 only.
Qt never calls ICU's break iterators, number/currency/unit formatting, transliteration or language and
region display names, so those trees are dropped whole.

What a dropped item would change: ICU falls back along its locale chain to `root`, and Qt checks every
ICU status and falls back to its own code. On a machine set to, say, zh_CN, file names in a file dialog
would sort by code point instead of pinyin, and a time zone would be named by its offset. No number the
program shows passes through ICU (mscdose formats numbers itself, core/display.py).

How: libicudata exports one symbol, `icudtNN_dat`, holding an ICU "common data" package (a table of
contents of named items). This module reads it from the ELF file, keeps the items `keep_item` accepts,
writes a new package, and assembles it into a shared library of the same name with the system C compiler
(`.incbin`, no C source). `python packaging/icu_trim.py LIB --list` shows what is kept and dropped.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ALIGN = 16  # ICU requires 16-byte aligned items inside a common data package

# Locale-independent items kept at the top of the package (small; read by collation and time zones).
TOP_LEVEL_KEPT = {
    "pool.res",  # shared string pool of the main locale tree
    "res_index.res",  # list of installed locales
    "supplementalData.res",  # calendar preferences per region (ucal_open)
    "likelySubtags.res",  # locale fallback (zh_CN -> zh_Hans_CN)
    "metadata.res",  # locale aliases
    "keyTypeData.res",  # locale keyword aliases (ucal_open, ucol_open with @ keywords)
    "zoneinfo64.res",  # time zone rules and ids (ucal_getCanonicalTimeZoneID)
    "timezoneTypes.res",  # time zone id aliases
    "metaZones.res",  # time zone display names (ucal_getTimeZoneDisplayName)
    "windowsZones.res",  # Windows zone id mapping
    "cnvalias.icu",  # converter name aliases: ucnv_open/countAvailable answer cleanly, with no converters
}
# Locale trees Qt reaches, and the item kinds kept in each regardless of locale.
TREES_KEPT = {"": set(), "coll": {"ucadata.icu"}, "zone": {"tzdbNames.res"}}
KEPT_LOCALES = ("root", "en")  # English is the interface language; root is every locale's last fallback


@dataclass(frozen=True)
class Item:
    name: str  # e.g. "coll/root.res" (without the "icudt73l/" prefix)
    data: bytes


@dataclass(frozen=True)
class Package:
    prefix: str  # e.g. "icudt73l"
    header: bytes  # the package's own data header, copied unchanged
    items: list[Item]

    @property
    def symbol(self) -> str:
        """`icudt73l` -> `icudt73_dat`, the symbol ICU's common code links against."""
        return self.prefix.rstrip("lbe") + "_dat"


def keep_item(name: str) -> bool:
    """Whether `name` (an item path inside the package, without the `icudtNNl/` prefix) is kept."""
    tree, _, leaf = name.rpartition("/")
    # Top-level normalization, string-prep and spoof-check tables: small, generic ICU plumbing. Not the
    # Unicode character names (unames.icu, 0.3 MB), which only u_charName uses.
    generic = leaf.endswith((".nrm", ".spp", ".cfu", ".icu")) and leaf != "unames.icu"
    if tree == "" and (leaf in TOP_LEVEL_KEPT or generic):
        return True
    if tree not in TREES_KEPT:
        return False  # brkitr, curr, lang, rbnf, region, translit, unit: Qt never calls them
    if leaf in TREES_KEPT[tree] or leaf in ("pool.res", "res_index.res"):
        return True
    if not leaf.endswith(".res"):
        return False  # converters (.cnv) and unames.icu at the top level
    locale = leaf.removesuffix(".res")
    return locale in KEPT_LOCALES or locale.startswith(tuple(f"{kept}_" for kept in KEPT_LOCALES))


# ---------------------------------------------------------------------------------------------------------------
# ELF: find the data symbol (little-endian ELF64 only: x86-64 and aarch64 Linux, the platforms PySide6 ships).


def read_data_symbol(library: Path) -> tuple[str, bytes]:
    blob = library.read_bytes()
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        raise ValueError(f"{library} is not a little-endian ELF64 library")
    (shoff,) = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize) for i in range(shnum)]
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    for section in sections:
        if section[1] != 11:  # SHT_DYNSYM
            continue
        strtab = sections[section[6]]
        for k in range(section[5] // section[9]):
            st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", blob, section[4] + k * 24)
            start = strtab[4] + st_name
            name = blob[start : blob.index(b"\0", start)].decode()
            if name.startswith("icudt") and name.endswith("_dat") and size:
                home = sections[shndx]
                offset = home[4] + (value - home[3])
                return name, blob[offset : offset + size]
    raise ValueError(f"{library} exports no icudtNN_dat symbol")


# ---------------------------------------------------------------------------------------------------------------
# ICU common data package: header, then a table of contents {count, (name offset, data offset) * count},
# offsets counted from the start of the table of contents; names, then 16-byte aligned items.


def parse_package(data: bytes) -> Package:
    (header_size,) = struct.unpack_from("<H", data, 0)
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * k) for k in range(count)]
    items = []
    for k, (name_offset, data_offset) in enumerate(entries):
        full_name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[k + 1][1] if k + 1 < count else len(toc)
        items.append((full_name, toc[data_offset:end]))
    prefix = items[0][0].split("/", 1)[0] if items else "icudt"
    return Package(prefix, data[:header_size], [Item(name.split("/", 1)[1], blob) for name, blob in items])


def _pad(size: int) -> int:
    return -size % ALIGN


def write_package(package: Package) -> bytes:
    items = sorted(package.items, key=lambda item: item.name)  # ICU binary-searches the names
    names = [f"{package.prefix}/{item.name}".encode("ascii") + b"\0" for item in items]
    table_size = 4 + 8 * len(items)
    name_offsets, position = [], table_size
    for name in names:
        name_offsets.append(position)
        position += len(name)
    position += _pad(len(package.header) + position)
    data_offsets = []
    for item in items:
        data_offsets.append(position)
        position += len(item.data) + _pad(len(item.data))
    out = bytearray(package.header)
    out += struct.pack("<I", len(items))
    for name_offset, data_offset in zip(name_offsets, data_offsets, strict=True):
        out += struct.pack("<II", name_offset, data_offset)
    for name in names:
        out += name
    out += b"\0" * _pad(len(out))
    for item in items:
        out += item.data + b"\0" * _pad(len(item.data))
    return bytes(out)


def trim(package: Package) -> Package:
    return Package(package.prefix, package.header, [item for item in package.items if keep_item(item.name)])


# ---------------------------------------------------------------------------------------------------------------


def find_compiler() -> str | None:
    for name in ("cc", "gcc", "clang"):
        if path := shutil.which(name):
            return path
    return None


def build_trimmed_library(library: Path, out_dir: Path, compiler: str) -> Path:
    """Write a trimmed copy of `library` (same file name and soname) into out_dir and return its path."""
    symbol, data = read_data_symbol(library)
    package = trim(parse_package(data))
    out_dir.mkdir(parents=True, exist_ok=True)
    dat = out_dir / f"{package.prefix}.dat"
    dat.write_bytes(write_package(package))
    assembly = out_dir / f"{package.prefix}.S"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        f"\t.balign {ALIGN}\n"
        f"{symbol}:\n"
        f'\t.incbin "{dat.name}"\n'
        f"\t.size {symbol}, .-{symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    target = out_dir / library.name
    subprocess.run(
        [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(target), assembly.name],
        cwd=out_dir,
        check=True,
    )
    if read_data_symbol(target)[1] != dat.read_bytes():
        raise RuntimeError(f"{target}: the assembled data differs from {dat}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Show or build a trimmed ICU data library.")
    parser.add_argument("library", type=Path, help="libicudata.so.NN")
    parser.add_argument("--list", action="store_true", help="list kept and dropped items with sizes")
    parser.add_argument("--out", type=Path, help="build the trimmed library into this folder")
    args = parser.parse_args(argv)
    package = parse_package(read_data_symbol(args.library)[1])
    kept = trim(package)
    if args.list:
        for item in package.items:
            print(f"{'keep' if keep_item(item.name) else 'drop'} {len(item.data):>9} {item.name}")
    total = sum(len(item.data) for item in package.items)
    size = len(write_package(kept)) / 1e6
    print(f"{len(kept.items)} of {len(package.items)} items, {size:.1f} MB of {total / 1e6:.1f} MB")
    if args.out:
        compiler = find_compiler()
        if compiler is None:
            print("no C compiler (cc, gcc or clang) found", file=sys.stderr)
            return 1
        print(build_trimmed_library(args.library, args.out, compiler))
    return 0


if __name__ == "__main__":
    sys.exit(main())
