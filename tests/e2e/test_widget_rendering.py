"""The widget's rendering and keyboard use, in chromium, against a scripted
socket.io stand-in (no Rasa needed, a few seconds).

`window.io` is defined before the widget loads, so the widget uses it instead of
loading socket.io-client; the stand-in answers session_request and
conversation_start like bot/channels/webchat.py and records what is emitted.
"""

from __future__ import annotations

import functools
import json

import pytest

from tests.browser import launch_chromium
from tests.e2e.servers import ROOT, QuietStaticHandler, http_server

SITE = ROOT / "web" / "site"

BOT_MESSAGE = {
    "text": 'Let op: <img src=x onerror="window.hacked=1"> <b>vet</b>\n'
    "Meer op https://www.example.nl/aanbod?x=1. Of mail info@pps.example.nl\n"
    "Geen link: javascript:alert(1)",
    "quick_replies": [
        {"content_type": "text", "title": "Ja, klopt", "payload": "/affirm"},
        {"content_type": "text", "title": "<i>Nee</i>", "payload": "/deny"},
    ],
}

FAKE_SOCKET_IO = """
window.emitted = [];
window.issued = 0;
window.io = function (url, options) {
  var handlers = {};
  window.serverSays = function (event, data) { handlers[event](data); };
  var socket = {
    connected: true,
    on: function (event, handler) { handlers[event] = handler; },
    emit: function (event, data) {
      window.emitted.push([event, data]);
      if (event === "session_request") {
        setTimeout(function () {
          // the server issues a token to a new conversation
          var token = data.session_id ||
            ("0".repeat(48) + (0x10000 + ++window.issued).toString(16).slice(1));
          handlers.session_confirm(token);
        }, window.confirmDelayMs || 10);
      }
      if (event === "conversation_start") {
        setTimeout(function () { handlers.bot_uttered(%s); }, 10);
      }
    },
  };
  setTimeout(function () { handlers.connect(); }, 10);
  return socket;
};
""" % json.dumps(BOT_MESSAGE)


@pytest.fixture(scope="module")
def site_url():
    with http_server(functools.partial(QuietStaticHandler, directory=str(SITE))) as url:
        yield url


@pytest.fixture()
def page(site_url):
    with launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.add_init_script(FAKE_SOCKET_IO)
        page.goto(f"{site_url}/index.html")
        yield page


def open_with_keyboard(page) -> None:
    """Tab to the chat button (the page's links come first) and press Enter."""
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "vw-launcher":
            break
    assert page.evaluate("document.activeElement.textContent") == "Chat met Vraagwijzer"
    page.keyboard.press("Enter")
    page.locator(".vw-from-bot").wait_for()


def test_bot_text_is_shown_as_text_with_safe_links_and_line_breaks(page):
    open_with_keyboard(page)
    bubble = page.locator(".vw-from-bot")
    assert bubble.locator("img, b, i, script").count() == 0
    assert page.evaluate("window.hacked") is None
    assert '<img src=x onerror="window.hacked=1"> <b>vet</b>' in bubble.inner_text()
    assert bubble.locator("br").count() == 2
    links = bubble.locator("a")
    assert links.count() == 2
    assert links.nth(0).get_attribute("href") == "https://www.example.nl/aanbod?x=1"
    assert links.nth(0).get_attribute("rel") == "noopener noreferrer"
    assert links.nth(1).get_attribute("href") == "mailto:info@pps.example.nl"
    assert page.get_by_role("button", name="<i>Nee</i>").count() == 1


def test_keyboard_only_conversation(page):
    open_with_keyboard(page)
    assert page.get_by_role("dialog", name="Vraagwijzer").is_visible()
    message_box = page.get_by_label("Je bericht")
    assert message_box.evaluate("el => el === document.activeElement")
    page.keyboard.type("ik zoek stagiairs")
    page.keyboard.press("Enter")
    assert [
        "user_uttered",
        {"message": "ik zoek stagiairs", "session_id": session(page)},
    ] in (page.evaluate("window.emitted"))
    assert page.locator(".vw-from-user").inner_text().endswith("ik zoek stagiairs")
    # the answered choices can no longer be pressed
    assert page.get_by_role("button", name="Ja, klopt").is_disabled()
    page.keyboard.press("Escape")
    assert page.locator(".vw-panel").is_hidden()
    assert page.evaluate("document.activeElement.className") == "vw-launcher"


def test_option_button_sends_its_payload_and_shows_its_title(page):
    open_with_keyboard(page)
    choices = page.get_by_role("group", name="Keuzes")
    choices.get_by_role("button", name="Ja, klopt").click()
    sent = [
        data
        for event, data in page.evaluate("window.emitted")
        if event == "user_uttered"
    ]
    assert sent == [{"message": "/affirm", "session_id": session(page)}]
    assert page.locator(".vw-from-user").inner_text().endswith("Ja, klopt")
    assert page.get_by_label("Je bericht").evaluate(
        "el => el === document.activeElement"
    )


def test_all_ui_text_is_dutch(page):
    open_with_keyboard(page)
    labels = page.locator(
        ".vw-root button, .vw-root input, .vw-root [aria-label], .vw-root label"
    ).evaluate_all(
        """elements => elements.map(el => [el.textContent,
            el.getAttribute('aria-label'), el.getAttribute('placeholder'),
            el.getAttribute('title')]
            .filter(Boolean).join(' | '))"""
    )
    english = {
        "send",
        "close",
        "open",
        "message",
        "new",
        "with",
        "typing",
        "restart",
        "type",
    }
    for label in labels:
        assert not any(word in label.lower().split() for word in english), label
    assert page.get_by_role("button", name="Nieuw gesprek").is_visible()
    assert page.get_by_role("button", name="Verstuur").is_visible()


def session(page) -> str:
    state = page.evaluate(
        "JSON.parse(sessionStorage.getItem('vraagwijzer.conversation'))"
    )
    return state["sessionId"]


def test_message_typed_before_the_session_is_joined_is_sent_after_it(page):
    page.evaluate("window.confirmDelayMs = 1500")
    page.get_by_role("button", name="Chat met Vraagwijzer").click()
    message_box = page.get_by_label("Je bericht")
    message_box.fill("ik zoek stagiairs")
    message_box.press("Enter")
    assert [event for event, _ in page.evaluate("window.emitted")] == ["session_request"]
    page.wait_for_function("window.emitted.length > 1")
    # Rasa welcomes before answering a new conversation's first message itself
    events = [event for event, _ in page.evaluate("window.emitted")]
    assert events == ["session_request", "user_uttered"]


def test_an_erased_conversation_leaves_nothing_in_the_browser(page):
    # A copy under data-storage="local" (e.g. an earlier visit) goes too.
    page.evaluate(
        """localStorage.setItem('vraagwijzer.conversation', JSON.stringify(
            {sessionId: null, messages: [{from: 'user', text: 'oude vraag'}]}))"""
    )
    open_with_keyboard(page)
    message_box = page.get_by_label("Je bericht")
    message_box.fill("ik zoek stagiairs voor Jansen")
    message_box.press("Enter")
    before = session(page)
    assert "Jansen" in page.evaluate("sessionStorage.getItem('vraagwijzer.conversation')")
    page.evaluate(
        "window.serverSays('bot_uttered', {text: 'Alles van dit gesprek is gewist.'})"
    )
    page.evaluate("window.serverSays('conversation_erased', {})")
    page.wait_for_function(
        "window.emitted.filter(e => e[0] === 'session_request').length === 2"
    )
    page.wait_for_timeout(200)  # the new session's confirmation
    assert page.evaluate("localStorage.getItem('vraagwijzer.conversation')") is None
    stored = page.evaluate("sessionStorage.getItem('vraagwijzer.conversation')")
    assert stored is None or ("Jansen" not in stored and "stagiairs" not in stored)
    assert session(page) != before if stored else True
    # On screen only the answer to the erasure stays; no new welcome.
    assert page.locator(".vw-from-user").count() == 0
    assert page.locator(".vw-log").inner_text().strip().endswith("gewist.")
    assert page.locator(".vw-from-bot").count() == 1
    page.reload()
    assert "Jansen" not in (
        page.evaluate("sessionStorage.getItem('vraagwijzer.conversation')") or ""
    )
