"""Issue 16: a translation 40 % longer than the English (Chinese is shorter; a later language may not be)
clips no label or button of the window at 1366 × 768. The window runs in its own QApplication in a
subprocess on an offscreen screen of that size (as tests/gui/test_layout.py does), with a QTranslator that
makes every string 40 % longer; the screenshot is left in pytest's tmp folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def render(tmp_path: Path, width: int, height: int) -> dict[str, object]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "clinic", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "QT_FONT_DPI")}
    environment.update({"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT),
                        "MSCDOSE_LANGUAGE": "en"})
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("pseudo_probe.py")), str(tmp_path)],
                          capture_output=True, text=True, timeout=120, env=environment, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_translation_40_percent_longer_clips_no_label_at_1366x768(tmp_path: Path) -> None:
    report = render(tmp_path, 1366, 768)
    assert str(report["sample"]).endswith("~~~~~")  # the pseudo-translation is in force
    assert report["clipped"] == [], report["clipped"]
