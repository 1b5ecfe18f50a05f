"""The action server loads spaCy and the catalogue before it listens."""

from __future__ import annotations

from bot.action_server import PRELOADED_LOG
from tests.e2e.servers import action_server, upgraded_database


def test_the_action_server_is_up_only_after_loading_what_actions_need(tmp_path):
    with action_server(tmp_path, upgraded_database(tmp_path)):
        # /health answered: the listener ran before the server listened.
        log = (tmp_path / "actions.log").read_text()
    assert PRELOADED_LOG in log, log[-2000:]
