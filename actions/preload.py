"""What the action server loads before it answers its first call.

Each of these is loaded once per process on first use. Loading them at start
keeps the first entrepreneurs after a restart from waiting on them: the spaCy
pipeline alone takes about 7 s (importing spaCy and its model), and that
would land on whichever turn first needs a noun phrase; the two Dutch word
lists take about 1 s, the places 0.3 s and learning the answer reader about
3 s. bot/action_server.py calls `preload()` before the server starts
listening.
"""

from __future__ import annotations

from actions import extraction
from bot.intake import answer_need, catalogue, dutch, places, text_match


def preload() -> None:
    text_match.pipeline()
    dutch.load_word_lists()
    places.load()
    extraction.known_regions()
    catalogue.content_index(catalogue.load_catalogue().formats)
    answer_need.load()
