"""Headless Debian chromium for browser tests, driven by Playwright.

Playwright's own browser download is never used: `launch_chromium` points it at
the `chromium` on PATH, which `make test` installs (scripts/install_chromium.sh).
Screenshots go to `test-artifacts/` (git-ignored) so CI keeps them.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

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
