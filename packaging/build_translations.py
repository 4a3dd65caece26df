"""Refresh translations/mscdose_<lang>.ts from the code and compile them to resources/translations/*.qm.

The workflow (Qt's own tools, shipped with PySide6-Essentials):

1. In the code, mark every user-visible string: `translate("Context", "English text")` (mscdose.i18n;
   `QCoreApplication.translate` or `self.tr` in widgets), or `QT_TRANSLATE_NOOP("Context", "text")` for a
   string translated later by value. Literal strings only; numbers go in `{named}` placeholders.
2. `python packaging/build_translations.py` runs `pyside6-lupdate` on mscdose/ (new strings appear in the
   .ts as unfinished; strings no longer in the code are marked obsolete, never silently dropped) and
   `pyside6-lrelease` to write the .qm files mscdose loads at run time.
3. A translator opens translations/mscdose_zh_CN.ts in Qt Linguist (`pyside6-linguist`), translates and
   marks each string finished; run step 2 again and commit both the .ts and the .qm.

The .qm files are committed (in resources/, which travels inside the package), so `pip install .` on a
fresh machine needs no Qt tools; tests/i18n/test_catalogue.py fails when a .qm is older than its .ts or a
marked string is missing from the .ts.

    python packaging/build_translations.py            # lupdate + lrelease
    python packaging/build_translations.py --release  # lrelease only (the .ts was edited in Linguist)

Beside the .qm it writes resources/translations/core_messages.json: every CoreMessage template of this version
(the non-obsolete sources of the .ts), which mscdose.i18n.recover matches a saved English message against to
print it in Chinese in any session.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_CN",)
SOURCES = ROOT / "mscdose"
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "resources" / "translations"


def ts_file(language: str) -> Path:
    return TS_DIR / f"mscdose_{language}.ts"


def qm_file(language: str) -> Path:
    return QM_DIR / f"mscdose_{language}.qm"


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships {name})")
    return found


def python_sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def update(language: str) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-ui-lines", *python_sources(),
                    "-ts", str(ts_file(language).relative_to(ROOT))], cwd=ROOT, check=True)


def release(language: str, target: Path | None = None) -> Path:
    target = target or qm_file(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-nounfinished", "-removeidentical", str(ts_file(language)),
                    "-qm", str(target)], cwd=ROOT, check=True, capture_output=True)
    return target


TEMPLATES = QM_DIR / "core_messages.json"


def core_templates(language: str = LANGUAGES[0]) -> list[str]:
    """The CoreMessage sources of the .ts still in the code (obsolete ones left out), sorted."""
    root = ET.parse(ts_file(language)).getroot()
    return sorted({message.findtext("source") or "" for context in root.iter("context")
                   if context.findtext("name") == "CoreMessage" for message in context.iter("message")
                   if (message.find("translation") is None
                       or message.find("translation").get("type") not in ("obsolete", "vanished"))})  # type: ignore[union-attr]


def write_templates(target: Path | None = None) -> Path:
    target = target or TEMPLATES
    target.write_text(json.dumps(core_templates(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    for code in LANGUAGES:
        if "--release" not in sys.argv:
            update(code)
        print(release(code).relative_to(ROOT))
    print(write_templates().relative_to(ROOT))
