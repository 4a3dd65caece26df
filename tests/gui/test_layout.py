"""Issue 15: on common clinic screens the volume to draw, the status, the flags and the Finalise button
stay inside the window, which itself fits the screen; the form scrolls, the results do not.

Each case starts its own QApplication in a subprocess on an offscreen screen of the given size, because
Qt reads QT_SCALE_FACTOR / QT_FONT_DPI only once per application. The screenshots (one per state) are
left in pytest's tmp folder as artefacts of the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (screen width, height in device pixels, environment, the logical size the window must fit in)
SCREENS = {
    "1366x768-scale150": (1366, 768, {"QT_SCALE_FACTOR": "1.5"}, (911, 512)),
    "1366x768-font144": (1366, 768, {"QT_FONT_DPI": "144"}, (911, 512)),
    "1024x768-100": (1024, 768, {}, (1024, 768)),
    "1920x1080-100": (1920, 1080, {}, (1920, 1080)),
    "1280x720-125": (1600, 900, {"QT_SCALE_FACTOR": "1.25"}, (1280, 720)),
}
MUST_SHOW = ("results", "status", "volume", "finalize", "banners", "flags")


def render(tmp_path: Path, width: int, height: int, env: dict[str, str]) -> dict[str, dict[str, object]]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "clinic", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "QT_FONT_DPI")}
    environment.update({"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT), **env})
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("layout_probe.py")), str(tmp_path)],
                          capture_output=True, text=True, timeout=120, env=environment, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], tuple[dict[str, dict[str, object]], Path]]:
    """Each screen of SCREENS rendered once per module, with the folder of its screenshots: a probe is a new
    process with its own QApplication (about 1.5 s), and the big-screen test reads the same 1920 × 1080 one."""
    done: dict[str, tuple[dict[str, dict[str, object]], Path]] = {}

    def render_screen(screen: str) -> tuple[dict[str, dict[str, object]], Path]:
        if screen not in done:
            width, height, env, _ = SCREENS[screen]
            folder = tmp_path_factory.mktemp(f"layout-{screen}")
            done[screen] = (render(folder, width, height, env), folder)
        return done[screen]

    return render_screen


@pytest.mark.parametrize("screen", list(SCREENS))
def test_results_status_flags_and_finalise_stay_in_sight(rendered: Callable[[str], tuple[dict[str, Any], Path]],
                                                         screen: str) -> None:
    logical = SCREENS[screen][3]
    report, folder = rendered(screen)
    assert report["blocked"]["status"] == "BLOCKED" and report["soft"]["status"] == "WARNING"
    for state, seen in report.items():
        window_w, window_h = seen["window"]
        assert seen["screen"] == list(logical)
        assert seen["fits_screen"], (state, seen["window"], seen["screen"])
        assert window_w <= logical[0] and window_h <= logical[1]
        for name in MUST_SHOW:
            if name == "banners" and state == "worked":
                continue  # no hard or soft flag to show: the banner is rightly hidden
            part = seen["parts"][name]
            x, y, w, h = part["rect"]
            assert part["shown"], (state, name)
            assert x >= 0 and y >= 0 and x + w <= window_w and y + h <= window_h, (state, name, part, seen["window"])
            assert part["unobscured"] == [w, h], (state, name, part)  # not cut off by a scroll area or splitter
        assert (folder / f"{state}.png").stat().st_size > 0


def test_a_big_screen_opens_a_big_window(rendered: Callable[[str], tuple[dict[str, Any], Path]]) -> None:
    """At 1920 × 1080 the window used to open at 1340 × 720 with the form scrolled."""
    assert SCREENS["1920x1080-100"][:3] == (1920, 1080, {})  # a plain 1920 × 1080 screen, no scaling
    report, _ = rendered("1920x1080-100")
    width, height = report["worked"]["window"]
    assert width >= 1500 and height >= 900
