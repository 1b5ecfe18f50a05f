"""What the logs call a conversation: a keyed hash, never its sender id.

A sender id is personal data (a Telegram chat id is a person's account; a
widget's id names one visitor's conversation), and logs are kept, copied and
read far from the store's erasure. A log line says ``conv-<12 hex digits>``:
HMAC-SHA256 under a key kept in ``var/log_id_key`` (created 0600), so a hash
cannot be reversed by trying every Telegram chat id, yet is the same in every
process of one install. `python -m bot log-id <conversation id>` prints the
hash of one conversation, to find its lines.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from bot.private_files import generated_secret
from bot.settings import REPO_ROOT

KEY_FILE = REPO_ROOT / "var" / "log_id_key"


@lru_cache(maxsize=1)
def _key() -> bytes:
    return generated_secret(KEY_FILE).encode("utf-8")


def log_id(conversation_id: object) -> str:
    """``conv-<hash>`` of a conversation id, for a log line."""
    digest = hmac.new(_key(), str(conversation_id).encode("utf-8"), hashlib.sha256)
    return f"conv-{digest.hexdigest()[:12]}"
