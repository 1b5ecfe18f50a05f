"""A whole intake in the website widget, in headless Debian chromium.

The demo pps site (web/site/) is served as `make run` serves it, with only the
widget's data-server-url pointed at the test's Rasa server. The visitor opens
the chat, types and clicks option buttons, reloads the page and goes to another
page mid-conversation, and the stored request says channel=web. Screenshots
(desktop and 360-px phone) and the time from page load to the first bot
message go to test-artifacts/.
"""

from __future__ import annotations

import functools
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from tests.browser import ARTIFACTS, launch_chromium, screenshot_path
from tests.e2e.conversation import tracker
from tests.e2e.servers import (
    ROOT,
    QuietStaticHandler,
    bot_servers,
    free_port,
    http_server,
    stored_requests,
    web_conversation,
)

SITE = ROOT / "web" / "site"
DEMO_SERVER_URL = 'data-server-url="http://localhost:5005"'
TURN_TIMEOUT_S = 60

pytestmark = [
    pytest.mark.skipif(
        not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
        reason="no trained model: run `make train` (make test does)",
    ),
    pytest.mark.skipif(
        not (SITE / "widget" / "vendor" / "socket.io.min.js").exists(),
        reason="socket.io-client not installed: run `make install`",
    ),
]

# (how the visitor answers, what it is, slot the bot asks for next). "type" uses
# the keyboard (Enter sends), "click" an option button with that title,
# "click-first" the first of the three proposed pps options.
INTAKE = [
    ("type", "ik krijg mijn vacatures voor monteurs niet gevuld", "desired_outcome"),
    ("type", "monteurs die blijven", "headcount"),
    ("type", "3, mbo", "time_horizon"),
    ("click", "zo snel mogelijk", "company_name"),
    ("reload", "", "company_name"),
    # the name says the sector ("installatietechniek"): only the size is asked
    ("type", "Jansen Installatietechniek in Eindhoven", "company_size"),
    ("other-page", "Ons aanbod", "company_size"),
    ("type", "8 man", "question_confirmed"),
    ("click", "Ja, klopt", "chosen_option"),
    ("click-first", "", "contact_consent"),
    ("click", "Ja, neem contact op", "contact_name"),
    ("type", "Piet Jansen, piet@jansen.nl", None),
]


@contextmanager
def demo_site(workdir: Path, rasa_url: str, port: int = 0) -> Iterator[str]:
    """The demo site on a free port (or `port`), its widget talking to `rasa_url`."""
    site = workdir / "site"
    shutil.copytree(SITE, site)
    for page in site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert DEMO_SERVER_URL in html, f"{page.name} has no widget script tag"
        page.write_text(html.replace(DEMO_SERVER_URL, f'data-server-url="{rasa_url}"'))
    handler = functools.partial(QuietStaticHandler, directory=str(site))
    with http_server(handler, port) as url:
        yield url


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("web")
    # The widget's socket.io takes connections from the site's pages only.
    site_port = free_port()
    allowed = {"CORS_ORIGINS": f"http://127.0.0.1:{site_port}"}
    with bot_servers(workdir, allowed) as (rasa_url, database_url):
        with demo_site(workdir, rasa_url, site_port) as site_url:
            yield site_url, rasa_url, database_url


def session_id(page) -> str:
    state = page.evaluate(
        "JSON.parse(sessionStorage.getItem('vraagwijzer.conversation'))"
    )
    return state["sessionId"]


def wait_for_turn(page, rasa_url: str, sender: str, next_slot, step: str) -> None:
    """Waits until the page shows every bot message of the tracker, then checks
    the question the bot is asking."""
    deadline = time.monotonic() + TURN_TIMEOUT_S
    while time.monotonic() < deadline:
        state = tracker(rasa_url, web_conversation(sender))
        # Rasa's socket.io output sends each paragraph of a response separately
        said = sum(
            len((event.get("text") or "").strip().split("\n\n"))
            for event in state["events"]
            if event["event"] == "bot"
        )
        heard = sum(1 for event in state["events"] if event["event"] == "user")
        shown = page.locator(".vw-from-user").count()
        if (
            state["latest_action_name"] == "action_listen"
            and heard == shown
            and page.locator(".vw-from-bot").count() == said
        ):
            said_last = page.locator(".vw-log").inner_text()[-600:]
            assert state["slots"]["requested_slot"] == next_slot, (
                f"after {step!r} the bot said: {said_last}"
            )
            return
        time.sleep(0.3)
    raise AssertionError(f"no complete answer to {step!r} in {TURN_TIMEOUT_S}s")


def test_whole_intake_in_the_widget_with_reload_and_page_change(site):
    site_url, rasa_url, database_url = site
    with launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="nl-NL")
        page.goto(f"{site_url}/index.html")
        launcher = page.get_by_role("button", name="Chat met Vraagwijzer")
        launcher.click()
        message_box = page.get_by_label("Je bericht")
        assert message_box.evaluate("el => el === document.activeElement")
        page.locator(".vw-from-bot").first.wait_for(timeout=TURN_TIMEOUT_S * 1000)
        record_first_message_time(page)
        sender = session_id(page)
        assert re.fullmatch(r"[0-9a-f]{64}", sender)  # issued by the server
        assert "Vraagwijzer" in page.locator(".vw-from-bot").first.inner_text()
        wait_for_turn(page, rasa_url, sender, None, "opening the chat")

        for how, what, next_slot in INTAKE:
            shown_before = page.locator(".vw-message").count()
            if how == "type":
                message_box.fill(what)
                message_box.press("Enter")
            elif how == "click":
                page.locator(".vw-choice:not([disabled])", has_text=what).first.click()
            elif how == "click-first":
                page.screenshot(path=screenshot_path("widget-desktop-options"))
                # the real options arrive as three cards, the first one in view
                cards = page.locator(".vw-card")
                assert cards.count() == 3
                log, card = (page.locator(".vw-log").bounding_box(),
                             cards.first.bounding_box())  # fmt: skip
                assert log["y"] <= card["y"] < log["y"] + log["height"]
                options = tracker(rasa_url, web_conversation(sender))["slots"]["options"]
                titles = page.locator(".vw-card-title").all_inner_texts()
                assert titles == [option["title"] for option in options]
                first = page.locator(
                    ".vw-choice:not([disabled])", has_text=re.compile(r"^1\. ")
                )
                first.focus()  # the keyboard way: focus and Enter
                page.keyboard.press("Enter")
            elif how == "reload":
                page.reload()
            elif how == "other-page":
                page.get_by_role("link", name=what).click()
                page.wait_for_url("**/aanbod.html")
            if how in ("reload", "other-page"):
                # the panel reopens with the conversation so far, same session
                page.locator(".vw-panel").wait_for(state="visible")
                assert page.locator(".vw-message").count() == shown_before
                assert session_id(page) == sender
            wait_for_turn(page, rasa_url, sender, next_slot, f"{how} {what}")

        page.screenshot(path=screenshot_path("widget-desktop"))
        page.set_viewport_size({"width": 360, "height": 740})
        page.locator(".vw-log").evaluate("log => { log.scrollTop = 0; }")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.locator(".vw-panel").bounding_box()["width"] <= 360
        page.screenshot(path=screenshot_path("widget-phone-360"))

    stored = stored_requests(database_url)[web_conversation(sender)]
    assert stored["channel"] == "web"
    assert stored["need_category"] == "talent"
    assert stored["company"] == "Jansen Installatietechniek"
    assert stored["chosen_option"] == stored["options"][0]["id"]
    assert stored["contact_email"] == "piet@jansen.nl"


def test_new_conversation_control_starts_a_fresh_session(site):
    site_url, rasa_url, _ = site
    with launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(f"{site_url}/index.html")
        page.get_by_role("button", name="Chat met Vraagwijzer").click()
        page.locator(".vw-from-bot").first.wait_for(timeout=TURN_TIMEOUT_S * 1000)
        first = session_id(page)
        message_box = page.get_by_label("Je bericht")
        message_box.fill("we moeten iets met duurzaamheid")
        message_box.press("Enter")
        wait_for_turn(page, rasa_url, first, "problem", "a first question")
        page.get_by_role("button", name="Nieuw gesprek").click()
        page.locator(".vw-from-bot").first.wait_for(timeout=TURN_TIMEOUT_S * 1000)
        second = session_id(page)
        assert second != first and re.fullmatch(r"[0-9a-f]{64}", second)
        wait_for_turn(page, rasa_url, second, None, "nieuw gesprek")
        assert page.locator(".vw-from-user").count() == 0
        page.keyboard.press("Escape")  # closes the panel, focus back on the button
        assert page.locator(".vw-panel").is_hidden()
        assert page.evaluate("document.activeElement.className") == "vw-launcher"


def record_first_message_time(page) -> None:
    """Prints and keeps the time from navigation start to the first bot message."""
    first_message_ms = page.evaluate(
        "performance.getEntriesByName('vraagwijzer:first-bot-message')[0].startTime"
    )
    loaded_ms = page.evaluate(
        "performance.getEntriesByType('navigation')[0].loadEventEnd"
    )
    line = (
        f"widget: page loaded after {loaded_ms:.0f} ms, first bot message after "
        f"{first_message_ms:.0f} ms (chat opened right after load)"
    )
    print(line)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "widget-first-message.txt").write_text(line + "\n")
