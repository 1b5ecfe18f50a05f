"""Headless Debian chromium for browser tests, driven by Playwright.

Playwright's own browser download is never used: `launch_chromium` points it at
the `chromium` on PATH, which `make test` installs (scripts/install_chromium.sh).
Screenshots go to `test-artifacts/` (git-ignored) so CI keeps them; the
README's pictures go to `docs/` (`docs_screenshot`) only when asked for.
"""

from __future__ import annotations

import io
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"

# The machines have no general internet: without these flags chromium keeps
# trying to reach Google's services in the background.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("chromium is not installed: `make test` installs it with apt-get")
    return path


@contextmanager
def launch_chromium() -> Iterator["object"]:
    """A Playwright Browser on Debian's chromium, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def screenshot_path(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


DOCS = ROOT / "docs"
# The README's pictures: the first screen of a page on a small laptop.
DOCS_VIEWPORT = {"width": 1000, "height": 720}


def docs_screenshot(
    page: Any, name: str, force: bool = False, height: int = 720
) -> Optional[Path]:
    """`docs/<name>.png`: what a 1000 px wide window (`height` tall) shows of
    the page, reduced to 64 colours to stay small; with SCREENSHOTS=1 (a
    test) or `force` (scripts/screenshots.py), else nothing. The viewport is
    put back."""
    if not (force or os.environ.get("SCREENSHOTS") == "1"):
        return None
    from PIL import Image

    viewport = page.viewport_size
    page.set_viewport_size({**DOCS_VIEWPORT, "height": height})
    try:
        png = page.screenshot()
    finally:
        page.set_viewport_size(viewport)
    path = DOCS / f"{name}.png"
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=64).save(path, optimize=True)
    return path


AXE_SCRIPT = ROOT / "web" / "test-vendor" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def axe_violations(page, context: str = "document") -> list:
    """axe-core's WCAG 2.x A/AA (and 2.2) violations of impact serious or critical.

    axe-core comes from npm (web/package.json), copied by scripts/install_web.sh.
    """
    if not AXE_SCRIPT.exists():
        pytest.skip("axe-core is not installed: run `bash scripts/install_web.sh`")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        """async (context) => {
            const target = context === 'document' ? document : document.querySelector(context);
            const result = await axe.run(target, {runOnly: {type: 'tag', values:
                ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }""",
        context,
    )
    return [v for v in result if v["impact"] in BLOCKING_IMPACTS]


def contrast_ratio(rgb_a: str, rgb_b: str) -> float:
    """WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)")."""

    def luminance(rgb: str) -> float:
        parts = rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")
        channels = []
        for value in parts[:3]:
            c = float(value) / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(rgb_a), luminance(rgb_b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
