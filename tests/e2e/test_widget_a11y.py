"""WCAG 2.2 AA for the open widget, in chromium, at desktop and phone size.

axe-core (vendored through npm) must report no serious or critical violation,
and each point the issue named is checked on its own: the focus ring's contrast
from computed styles, the modal dialog's focus trap by pressing Tab, the touch
targets' sizes, the typing state in a polite live region, the greeting in view
on open, reduced motion, and the option cards (fed as a fake server message).
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import functools
import json

import pytest

from tests.browser import axe_violations, contrast_ratio, launch_chromium, screenshot_path
from tests.e2e.servers import ROOT, QuietStaticHandler, http_server

SITE = ROOT / "web" / "site"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}

GREETING = [
    {"text": "Hoi! Ik ben Vraagwijzer, de digitale intake van de samenwerking."},
    {"text": "Vertel in je eigen woorden waar je mee zit: personeel, een vraag die "
     "onderzocht moet worden, scholing of innovatie. Ik stel daarna een paar vragen "
     "en laat je drie mogelijkheden zien. Een coördinator neemt daarna contact met je "
     "op.\nJe kunt altijd \"stop\" typen.\n" + "\n".join(
         f"{n}. Wat je vertelt, gebruiken we alleen voor deze vraag." for n in range(1, 16)
     )},
    {"text": "Waar kan ik je mee helpen?"},
]

OPTIONS = [
    {
        "id": "bbl_leerbaan",
        "title": "Bbl-leerbaan",
        "summary": "Een mbo-student werkt vier dagen bij jou en leert één dag op school.",
        "reason": "je zoekt monteurs en wilt ze zelf opleiden.",
        "effort": "2 uur begeleiding per week; 1 tot 4 jaar",
        "cost": "salaris volgens cao, subsidie mogelijk",
        "details": "Een mbo-student werkt vier dagen bij jou en leert één dag op "
        "school. Jij zorgt voor een erkend leerbedrijf en een praktijkopleider.",
        "example": "Installatiebedrijf Van Dijk: drie bbl'ers in twee jaar.",
    },
    {
        "id": "stage_mbo",
        "title": "Stage (mbo)",
        "summary": "Een student loopt een half jaar stage in je bedrijf.",
        "reason": "je hebt op korte termijn handen nodig.",
        "effort": "1 uur per week",
        "cost": "stagevergoeding",
        "details": "Een student loopt een half jaar stage.",
        "example": "",
    },
    {
        "id": "studentchallenge",
        "title": "Studentchallenge",
        "summary": "Een team studenten werkt tien weken aan je vraagstuk.",
        "reason": "je wilt nieuwe ideeën voor werving.",
        "effort": "3 uur per week; 10 weken",
        "cost": "geen kosten",
        "details": "Een team studenten werkt tien weken aan je vraagstuk.",
        "example": "Bakkerij De Korenaar: een wervingscampagne door studenten.",
    },
]
OPTIONS_TEXT = "\n\n".join(f"{o['title']}\n{o['summary']}" for o in OPTIONS)

# A socket.io stand-in: answers the session handshake with the greeting and lets
# the test push bot messages (window.botSays) as the server would.
FAKE_SOCKET_IO = """
window.emitted = [];
window.io = function () {
  var handlers = {};
  window.botSays = function (message) { handlers.bot_uttered(message); };
  var socket = {
    on: function (event, handler) { handlers[event] = handler; },
    emit: function (event, data) {
      window.emitted.push([event, data]);
      if (event === "session_request") {
        setTimeout(function () { handlers.session_confirm(data.session_id); }, 10);
      }
      if (event === "conversation_start") {
        setTimeout(function () { %s.forEach(window.botSays); }, 300);
      }
    },
  };
  setTimeout(function () { handlers.connect(); }, 10);
  return socket;
};
""" % json.dumps(GREETING)


@pytest.fixture(scope="module")
def site_url():
    with http_server(functools.partial(QuietStaticHandler, directory=str(SITE))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as browser:
        yield browser


def open_widget(browser, site_url, size: str, reduced_motion: str = "no-preference"):
    width, height = SIZES[size]
    page = browser.new_page(
        viewport={"width": width, "height": height}, reduced_motion=reduced_motion
    )
    page.add_init_script(FAKE_SOCKET_IO)
    page.goto(f"{site_url}/index.html")
    page.get_by_role("button", name="Chat met Vraagwijzer").click()
    page.wait_for_function("document.querySelectorAll('.vw-from-bot').length === 3")
    return page


@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_no_serious_or_critical_violation_in_the_open_widget(
    browser, site_url, size
):
    page = open_widget(browser, site_url, size)
    assert axe_violations(page) == []
    page.evaluate("window.botSays(%s)" % json.dumps({"text": OPTIONS_TEXT}))
    page.evaluate(
        "window.botSays(%s)"
        % json.dumps({"type": "pps_options", "text": OPTIONS_TEXT, "options": OPTIONS})
    )
    page.locator(".vw-card").first.wait_for()
    page.locator(".vw-card-more summary").first.click()
    assert axe_violations(page) == []
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_focus_ring_has_at_least_3_to_1_contrast(browser, site_url, size):
    page = open_widget(browser, site_url, size)
    controls = [".vw-input", ".vw-send", ".vw-restart", ".vw-close"]
    for selector in controls:
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus: :focus-visible applies
        ring, background = page.evaluate(
            """(selector) => {
                const el = document.querySelector(selector);
                let node = el.parentElement, bg = 'rgba(0, 0, 0, 0)';
                while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) {
                    bg = getComputedStyle(node).backgroundColor; node = node.parentElement;
                }
                const style = getComputedStyle(el);
                return [style.outlineStyle === 'none' ? null : style.outlineColor, bg];
            }""",
            selector,
        )
        assert ring is not None, selector
        assert contrast_ratio(ring, background) >= 3, (selector, ring, background)
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_panel_is_a_modal_dialog_that_keeps_keyboard_focus_inside(
    browser, site_url, size
):
    page = open_widget(browser, site_url, size)
    dialog = page.get_by_role("dialog", name="Vraagwijzer")
    assert dialog.get_attribute("aria-modal") == "true"
    launcher = page.locator(".vw-launcher")
    assert launcher.get_attribute("tabindex") == "-1"
    assert launcher.get_attribute("aria-hidden") == "true"
    page.get_by_role("button", name="Verstuur").focus()
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "[document.getElementById('vw-panel').contains(document.activeElement),"
                " document.activeElement.className]"
            )
        )
    assert all(inside for inside, _ in seen), seen
    assert "vw-launcher" not in [name for _, name in seen]
    assert seen[0][1] == "vw-restart"  # Tab after "Verstuur" wraps to the top
    page.keyboard.press("Shift+Tab")
    page.get_by_role("button", name="Nieuw gesprek").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.className") == "vw-send"
    page.keyboard.press("Escape")
    assert launcher.get_attribute("tabindex") is None
    assert page.evaluate("document.activeElement.className") == "vw-launcher"
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_header_buttons_and_choices_are_at_least_44_by_44(browser, site_url, size):
    page = open_widget(browser, site_url, size)
    page.evaluate(
        "window.botSays(%s)"
        % json.dumps({"type": "pps_options", "text": "", "options": OPTIONS})
    )
    page.locator(".vw-card").first.wait_for()
    for selector in [".vw-restart", ".vw-close", ".vw-send", ".vw-card-choose",
                     ".vw-card-more summary"]:
        box = page.locator(selector).first.evaluate(
            "el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; }"
        )
        assert box[0] >= 44 and box[1] >= 44, (selector, box)
    page.close()


def test_typing_indicator_is_announced_through_a_polite_live_region(browser, site_url):
    page = open_widget(browser, site_url, "phone")
    page.get_by_label("Je bericht").fill("ik zoek stagiairs")
    page.keyboard.press("Enter")
    region = page.locator(".vw-typing")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    assert region.inner_text() == "Vraagwijzer typt…"
    assert region.evaluate("el => el.getClientRects().length > 0")
    page.evaluate("window.botSays({text: 'Dank je.'})")
    assert region.inner_text() == ""
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_greeting_starts_in_view_on_open(browser, site_url, size):
    page = open_widget(browser, site_url, size)
    in_view = page.evaluate(
        """() => {
            const log = document.querySelector('.vw-log').getBoundingClientRect();
            const first = document.querySelector('.vw-from-bot').getBoundingClientRect();
            return first.top >= log.top && first.top < log.bottom;
        }"""
    )
    assert in_view
    page.screenshot(path=screenshot_path(f"widget-{size}-greeting"))
    page.close()


def test_reduced_motion_stops_the_typing_animation(browser, site_url):
    page = open_widget(browser, site_url, "phone", reduced_motion="reduce")
    page.get_by_label("Je bericht").fill("hallo")
    page.keyboard.press("Enter")
    assert page.locator(".vw-dot").first.evaluate(
        "el => getComputedStyle(el).animationName"
    ) == "none"
    page.close()
    page = open_widget(browser, site_url, "phone")
    page.get_by_label("Je bericht").fill("hallo")
    page.keyboard.press("Enter")
    assert page.locator(".vw-dot").first.evaluate(
        "el => getComputedStyle(el).animationName"
    ) == "vw-blink"
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_options_arrive_as_cards_with_the_first_card_in_view(browser, site_url, size):
    page = open_widget(browser, site_url, size)
    page.get_by_label("Je bericht").fill("ik krijg mijn vacatures niet gevuld")
    page.keyboard.press("Enter")
    page.evaluate("window.botSays({text: 'Dit zijn drie mogelijkheden die passen.'})")
    # the server sends the text version first (one message per option), then the
    # cards (actions/option_cards.py), then the question
    for option in OPTIONS:
        page.evaluate(
            "window.botSays(%s)" % json.dumps({"text": f"{option['title']}\n..."})
        )
    page.evaluate(
        "window.botSays(%s)"
        % json.dumps({"type": "pps_options", "replaces": 3, "options": OPTIONS})
    )
    page.evaluate(
        "window.botSays(%s)"
        % json.dumps({
            "text": "Welke spreekt je het meest aan?",
            "quick_replies": [{"title": "geen van deze", "payload": "geen"}],
        })
    )
    cards = page.locator(".vw-card")
    assert cards.count() == 3
    # the plain-text version the cards replace is gone from the log
    plain = " ".join(page.locator(".vw-from-bot:not(.vw-has-cards)").all_inner_texts())
    assert "Stage (mbo)" not in plain and "drie mogelijkheden" in plain
    first = cards.first
    assert first.locator("h3").inner_text() == "Bbl-leerbaan"
    assert "Waarom: je zoekt monteurs" in first.inner_text()
    assert "2 uur begeleiding per week; 1 tot 4 jaar; salaris volgens cao" in (
        first.inner_text()
    )
    more = first.locator("details")
    assert not more.evaluate("el => el.open")
    assert more.locator("p").first.is_hidden()
    top_in_view = page.evaluate(
        """() => {
            const log = document.querySelector('.vw-log').getBoundingClientRect();
            const card = document.querySelector('.vw-card').getBoundingClientRect();
            return card.top >= log.top && card.top < log.bottom - 40;
        }"""
    )
    assert top_in_view
    page.screenshot(path=screenshot_path(f"widget-{size}-cards"))
    more.locator("summary").click()
    assert "Installatiebedrijf Van Dijk" in more.inner_text()
    assert "erkend leerbedrijf" in more.inner_text()
    first.get_by_role("button", name="Kies deze: Bbl-leerbaan").click()
    sent = [d for e, d in page.evaluate("window.emitted") if e == "user_uttered"]
    assert sent[-1]["message"] == "bbl_leerbaan"
    shown = page.locator(".vw-from-user").last.inner_text()
    assert shown.endswith("Bbl-leerbaan") and "bbl_leerbaan" not in shown
    assert cards.nth(1).get_by_role("button").is_disabled()
    page.reload()  # the cards survive a reload
    page.locator(".vw-card").first.wait_for()
    assert page.locator(".vw-card").count() == 3
    page.close()


def test_card_text_is_never_markup(browser, site_url):
    page = open_widget(browser, site_url, "phone")
    hostile = dict(OPTIONS[0], title='<img src=x onerror="window.hacked=1">',
                   details="<b>vet</b>")
    page.evaluate(
        "window.botSays(%s)"
        % json.dumps({"type": "pps_options", "options": [hostile]})
    )
    card = page.locator(".vw-card")
    assert card.locator("img, b").count() == 0
    assert page.evaluate("window.hacked") is None
    page.close()


@pytest.mark.parametrize("page_name", ["index.html", "aanbod.html"])
def test_site_and_widget_say_je_like_the_bot(browser, site_url, page_name):
    page = browser.new_page()
    page.add_init_script(FAKE_SOCKET_IO)
    page.goto(f"{site_url}/{page_name}")
    page.get_by_role("button", name="Chat met Vraagwijzer").click()
    page.wait_for_function("document.querySelectorAll('.vw-from-bot').length === 3")
    widget_labels = page.locator(".vw-root [aria-label], .vw-root [placeholder]").evaluate_all(
        "els => els.map(el => (el.getAttribute('aria-label') || '') + ' ' +"
        " (el.getAttribute('placeholder') || ''))"
    )
    words = " ".join([page.inner_text("body")] + widget_labels).lower().split()
    formal = {"u", "uw", "uzelf"}
    assert formal.isdisjoint(w.strip(".,:;?!()") for w in words)
    assert "je" in words
    page.close()
