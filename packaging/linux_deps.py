"""Which bundled Linux libraries are needed only by the ones build.spec leaves to the system.

PyInstaller's own dependency lists come from `ldd`, which prints the whole transitive closure; deciding
what else can go with libcups needs each library's *direct* dependencies (its DT_NEEDED entries), read
here straight from the ELF file.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

DT_NEEDED, DT_STRTAB, PT_DYNAMIC, PT_LOAD = 1, 5, 2, 1


def direct_needs(library: Path) -> list[str]:
    """The DT_NEEDED sonames of a little-endian ELF64 file (x86-64, aarch64); [] for anything else."""
    blob = library.read_bytes()
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        return []
    (phoff,) = struct.unpack_from("<Q", blob, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", blob, 0x36)
    headers = [struct.unpack_from("<IIQQQQQQ", blob, phoff + i * phentsize) for i in range(phnum)]
    # (type, flags, offset, vaddr, paddr, filesz, memsz, align)
    dynamic = next((h for h in headers if h[0] == PT_DYNAMIC), None)
    if dynamic is None:
        return []
    entries = [struct.unpack_from("<qQ", blob, dynamic[2] + k * 16) for k in range(dynamic[5] // 16)]
    strtab_addr = next(value for tag, value in entries if tag == DT_STRTAB)
    segment = next(h for h in headers if h[0] == PT_LOAD and h[3] <= strtab_addr < h[3] + h[5])
    strtab = segment[2] + (strtab_addr - segment[3])
    names = []
    for tag, value in entries:
        if tag == DT_NEEDED:
            start = strtab + value
            names.append(blob[start : blob.index(b"\0", start)].decode())
    return names


def only_needed_by(libraries: dict[str, Path], roots: Iterable[str], leave: tuple[str, ...]) -> set[str]:
    """Names in `libraries` (soname -> file) that the roots reach only through a library named `leave*`.

    Those, and the `leave*` libraries themselves, can be left out together; anything some other bundled
    library still needs stays.
    """
    needs = {name: direct_needs(path) for name, path in libraries.items()}
    roots = list(roots)

    def reachable(skip: tuple[str, ...]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            name = stack.pop()
            if name in seen or (skip and name.startswith(skip)) or name not in needs:
                continue
            seen.add(name)
            stack.extend(needs[name])
        return seen

    return reachable(()) - reachable(leave)
