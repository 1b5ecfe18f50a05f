"""What the action server loads before it answers its first call.

Each of these is loaded once per process on first use. Loading them at start
keeps the first entrepreneurs after a restart from waiting on them: the spaCy
pipeline alone takes about 7 s (importing spaCy and its model), and that
would land on whichever turn first needs a noun phrase. bot/action_server.py
calls `preload()` before the server starts listening.
"""

from __future__ import annotations

from actions import extraction
from bot.intake import catalogue, text_match


def preload() -> None:
    text_match.pipeline()
    extraction.known_regions()
    catalogue.content_index(catalogue.load_catalogue().formats)
