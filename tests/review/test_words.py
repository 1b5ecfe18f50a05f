"""The review app in the coordinators' words: no "intent", "NLU", "YAML" or
"fallback" anywhere it shows (page text, what a mouse or screen reader shows,
flashes, error pages, download names), numbers written the Dutch way."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any, List

from tests.review.conftest import (
    add_request,
    add_transcript,
    csrf_token,
    log_in,
    make_user,
)

BANNED = re.compile(r"intent|nlu|yaml|fallback", re.IGNORECASE)
# Attributes a person reads: on hover, from a screen reader, in a field.
SHOWN_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "download")


class ShownText(HTMLParser):
    """The text a browser shows, plus the attributes a person reads."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: List[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: List[Any]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        for name, value in attrs:
            shown = name in SHOWN_ATTRIBUTES or (
                name == "value" and dict(attrs).get("type") in ("submit", "button")
            )
            if shown and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def shown_text(html: str) -> str:
    parser = ShownText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_shown_text_finds_what_a_person_reads():
    html = ('<p class="nlu" data-x="intent">Goed</p><span title="Intent x">a</span>'
            '<style>.fallback{}</style><input type="submit" value="Naar YAML">')  # fmt: skip
    assert BANNED.findall(shown_text(html)) == ["Intent", "YAML"]


def every_page(client: Any, store: str) -> List[Any]:
    """Every page and download of the app as an admin sees it, after the
    actions that flash a message."""
    request_id = add_request(store, "web-1", contact_email="piet@bakkerij.example")
    add_transcript(store, "web-1")
    make_user(store, "root", role="admin")
    make_user(store, "anna")
    responses = [client.get("/inloggen")]
    log_in(client, "root")
    detail = client.get(f"/verzoeken/{request_id}")
    token = csrf_token(detail.get_data(as_text=True))
    event = re.search(r'name="bericht" value="(\d+)"', detail.get_data(True)).group(1)
    post = {"csrf_token": token}
    responses += [
        detail,
        client.post(f"/verzoeken/{request_id}/correctie",
                    data={**post, "bericht": event, "intent": "geen-bestaande"},
                    follow_redirects=True),
        client.post(f"/verzoeken/{request_id}/correctie",
                    data={**post, "bericht": event, "intent": "inform"},
                    follow_redirects=True),
        client.post(f"/verzoeken/{request_id}/status",
                    data={**post, "status": "in behandeling"}, follow_redirects=True),
        client.get(f"/verzoeken/{request_id}"),
    ]  # fmt: skip
    for path in ("/", "/verzoeken", "/dashboard", "/correcties", "/gebruikers",
                 "/account", "/wachtwoord", f"/verzoeken/{request_id}/wissen",
                 "/bestaat-niet", "/verzoeken/abc", "/verzoeken/999"):  # fmt: skip
        responses.append(client.get(path, follow_redirects=True))
    for path in ("/correcties/voorbeeldzinnen.yml", "/verzoeken/export.csv",
                 "/verzoeken/export.xlsx"):  # fmt: skip
        responses.append(client.get(path))
    responses.append(
        client.post("/gebruikers", data={**post, "naam": "bram", "rol": "coordinator",
                    "wachtwoord": "kort"}, follow_redirects=True)  # fmt: skip
    )
    return responses


def test_no_page_flash_or_download_name_uses_the_bot_builders_words(client, store):
    checked = 0
    for response in every_page(client, store):
        assert response.status_code in (200, 404), response.request.path
        disposition = response.headers.get("Content-Disposition", "")
        assert not BANNED.search(disposition), disposition
        if response.mimetype == "text/html":
            text = shown_text(response.get_data(as_text=True))
            assert not BANNED.findall(text), (response.request.path, text[:2000])
            checked += 1
    assert checked >= 18


def test_the_transcript_says_what_the_bot_thought_and_what_was_meant(client, store):
    request_id = add_request(store, "web-1")
    add_transcript(store, "web-1")
    make_user(store, "anna")
    log_in(client, "anna")
    text = shown_text(client.get(f"/verzoeken/{request_id}").get_data(as_text=True))
    assert "Wat de bot dacht: Niet begrepen 0,45" in text
    assert "Wat er bedoeld werd" in text and "niet begrepen" in text


def test_the_dashboard_writes_percentages_the_dutch_way(client, store, uow_of):
    add_request(store, "web-1")
    add_transcript(store, "web-1")  # 1 of 5 user messages not understood
    make_user(store, "anna")
    log_in(client, "anna")
    text = shown_text(client.get("/dashboard").get_data(as_text=True))
    assert "20,0% 1 van 5 berichten" in text
    assert not re.search(r"\d\.\d%", text)
