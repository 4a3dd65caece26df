"""Replaces PyInstaller's own hook for PySide6.QtGui to collect only the Qt plugins mscdose uses.

PyInstaller's hook copies every plugin QtGui *could* load (Wayland, EGLFS, framebuffer, evdev, GTK theme,
all image formats) and, through binary dependency analysis, every system library those plugins link
(GTK, cairo, pango, libwayland, ...). Dropping a plugin here, before that analysis, is what actually
removes its dependencies from the build; filtering the finished file list afterwards would not.

The policy (which plugins to keep, and why each dropped one is safe) lives in build.spec and reaches this
hook through `hooksconfig={"mscdose-qt": {"keep_plugins": {...}}}`; this file only applies it. A plugin
type missing from the policy is kept whole, so a new Qt release cannot silently lose a needed plugin.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from PyInstaller.utils.hooks import get_hook_config, logger
from PyInstaller.utils.hooks.qt import add_qt6_dependencies


def _plugin_stem(path: str) -> str:
    """`libqxcb.so` / `qxcb.dll` / `libqcocoa.dylib` -> `qxcb`: one name per plugin on every platform."""
    stem = PurePath(path).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _plugin_type(dest_dir: str) -> str | None:
    """`PySide6/Qt/plugins/platforms` -> `platforms` (also `platforms/darwin`); None for non-plugins."""
    parts = PurePath(dest_dir).as_posix().split("/")
    if "plugins" not in parts:
        return None
    return "/".join(parts[parts.index("plugins") + 1 :])


def hook(hook_api: Any) -> None:
    hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
    keep: dict[str, list[str]] = get_hook_config(hook_api, "mscdose-qt", "keep_plugins") or {}
    kept = []
    for src, dest_dir in binaries:
        plugin_type = _plugin_type(dest_dir)
        if plugin_type is not None and plugin_type in keep and _plugin_stem(src) not in keep[plugin_type]:
            logger.info("mscdose: leaving out Qt plugin %s/%s", plugin_type, PurePath(src).name)
            continue
        kept.append((src, dest_dir))
    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(kept)
    hook_api.add_datas(datas)
