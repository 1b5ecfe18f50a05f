"""Every change this project makes to Rasa's internals, in one place.

Rasa has no extension point for these, and each costs a measurable share of a
turn's CPU (scripts/bench_compare.py). `apply()` installs them; the tracker
store calls it when Rasa loads it from endpoints.yml, so they are in place in
every process that serves conversations and in no other.

Each patch records the SHA-256 of the source of the function it replaces, as
written in the Rasa version it was made for. When an upgrade changes that
source, `apply()` leaves Rasa's function in place and logs a warning, and
tests/unit/test_rasa_patches.py fails: the patch must then be checked against
the new source (or dropped, if Rasa fixed it).

1. `RemoteAction._validate_action_result` checks every action server response
   with `jsonschema.validate`, which first checks Rasa's response schema
   itself against the JSON Schema meta-schema, on every call: about 20 ms of
   CPU per call here, a third of a form turn. The replacement checks the
   schema once and keeps the validator; a response is checked exactly as
   before (same validator class, same `best_match` error, same message).
2. `Event.resolve_by_type` walks every subclass of `Event` (with an
   `inspect.isabstract` check each) to find one event's class, for every event
   of the conversation Rasa reads back from the store: about 5 % of a turn.
   The replacement keeps the type-name map it finds and walks the classes again
   only for a name not in it, so an event class imported later is still found;
   the first class in Rasa's order wins, as before.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from functools import lru_cache
from typing import Any, Callable, Dict, List, NamedTuple, Optional

logger = logging.getLogger(__name__)


class Patch(NamedTuple):
    owner: Callable[[], Any]  # the class or module holding the function
    name: str
    source_sha256: str  # of `inspect.getsource` of the original, Rasa 3.6.21
    replacement: Callable[..., Any]
    static: bool = False  # installed as a staticmethod


def _remote_action() -> Any:
    from rasa.core.actions.action import RemoteAction

    return RemoteAction


@lru_cache(maxsize=None)
def _response_validator(action_class: Any) -> Any:
    """What `jsonschema.validate` builds on every call, built once per class."""
    from jsonschema.validators import validator_for

    schema = action_class.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """`RemoteAction._validate_action_result` with the validator built once."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    action_class: Any = type(self)  # an untyped Rasa class
    error = best_match(_response_validator(action_class).iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def _event() -> Any:
    from rasa.shared.core.events import Event

    return Event


_event_classes: Dict[str, type] = {}


def _resolve_by_type(type_name: str, default: Optional[type] = None) -> Optional[type]:
    """`Event.resolve_by_type` with the type names remembered."""
    found = _event_classes.get(type_name)
    if found is None:
        from rasa.shared.utils.common import all_subclasses

        _event_classes.clear()
        for event_class in all_subclasses(_event()):
            _event_classes.setdefault(event_class.type_name, event_class)
        found = _event_classes.get(type_name)
    if found is not None:
        return found
    if type_name == "topic":
        return None  # backwards compatibility to support old TopicSet evts
    elif default is not None:
        return default
    else:
        raise ValueError(f"Unknown event name '{type_name}'.")


PATCHES: List[Patch] = [
    Patch(
        _remote_action,
        "_validate_action_result",
        "f8cdb4be6812396167ced74161b2ccd65c5ea676ad86d7d359d8c322d9d8dc42",
        _validate_action_result,
    ),
    Patch(
        _event,
        "resolve_by_type",
        "b5cf570fa7f286c7059ec73d8880528d03a78b28cf4e80285a46079c0fa65968",
        _resolve_by_type,
        static=True,
    ),
]


def source_sha256(function: Callable[..., Any]) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


def original(patch: Patch) -> Callable[..., Any]:
    """The function Rasa defines, whether or not the patch is applied."""
    current = getattr(patch.owner(), patch.name)
    return getattr(current, "__wrapped_original__", current)


def apply() -> List[str]:
    """Installs every patch whose original is unchanged; returns their names."""
    applied = []
    for patch in PATCHES:
        owner = patch.owner()
        label = f"{owner.__module__}.{owner.__qualname__}.{patch.name}"
        function = original(patch)
        if getattr(owner, patch.name) is not function:
            applied.append(label)  # already applied
            continue
        if source_sha256(function) != patch.source_sha256:
            logger.warning("%s changed in this Rasa version: not patched", label)
            continue
        # A function takes attributes, a Callable in the type system does not.
        patch.replacement.__wrapped_original__ = function  # type: ignore[attr-defined]
        replacement = patch.replacement
        installed = staticmethod(replacement) if patch.static else replacement
        setattr(owner, patch.name, installed)
        applied.append(label)
    return applied
