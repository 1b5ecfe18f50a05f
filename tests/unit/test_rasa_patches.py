"""The patches of Rasa internals (bot/rasa_patches.py): still made for this Rasa,
installed where Rasa loads the store, and behaving exactly as the originals."""

from __future__ import annotations

import copy

import pytest
from jsonschema import ValidationError

from bot import rasa_patches


@pytest.fixture(scope="module")
def remote_action():
    from rasa.core.actions.action import RemoteAction

    rasa_patches.apply()
    return RemoteAction("validate_intake_form", None)


@pytest.mark.parametrize("patch", rasa_patches.PATCHES, ids=lambda p: p.name)
def test_patched_rasa_source_is_the_one_the_patch_was_written_for(patch):
    function = rasa_patches.original(patch)
    assert rasa_patches.source_sha256(function) == patch.source_sha256, (
        f"Rasa changed {function.__qualname__}: check bot/rasa_patches.py against "
        "its new source, then update the patch and its hash (or drop the patch)"
    )


def test_apply_installs_every_patch_once():
    first = rasa_patches.apply()
    assert rasa_patches.apply() == first
    assert len(first) == len(rasa_patches.PATCHES)
    for patch in rasa_patches.PATCHES:
        assert getattr(patch.owner(), patch.name) is patch.replacement


def test_loading_the_tracker_store_applies_the_patches():
    from bot.store import tracker_store

    tracker_store.__getattr__("DatabaseUrlTrackerStore")
    for patch in rasa_patches.PATCHES:
        assert getattr(patch.owner(), patch.name) is patch.replacement


VALID = {
    "events": [
        {"event": "slot", "timestamp": None, "name": "headcount", "value": 3},
        {"event": "active_loop", "name": None},
        {"event": "followup", "name": "action_offer_options"},
    ],
    "responses": [{"response": "utter_ask_time_horizon", "buttons": []}],
}
INVALID = [
    {"events": {"event": "slot"}},  # not a list
    {"events": [{"name": "headcount", "value": 3}]},  # no "event"
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot", "timestamp": "yesterday", "name": "x"}]},
    {"events": [], "responses": ["utter_greet"]},  # a response must be an object
    ["not", "an", "object"],
]


def test_a_valid_action_response_passes_as_before(remote_action):
    original = rasa_patches.original(rasa_patches.PATCHES[0])
    assert original(remote_action, copy.deepcopy(VALID)) is True
    assert remote_action._validate_action_result(copy.deepcopy(VALID)) is True


@pytest.mark.parametrize("response", INVALID)
def test_an_invalid_action_response_is_rejected_with_the_same_error(
    remote_action, response
):
    original = rasa_patches.original(rasa_patches.PATCHES[0])
    with pytest.raises(ValidationError) as expected:
        original(remote_action, copy.deepcopy(response))
    with pytest.raises(ValidationError) as patched:
        remote_action._validate_action_result(copy.deepcopy(response))
    assert patched.value.message == expected.value.message
    assert "Failed to validate Action server response" in patched.value.message
    assert list(patched.value.absolute_path) == list(expected.value.absolute_path)
    assert list(patched.value.schema_path) == list(expected.value.schema_path)


def test_the_schema_is_checked_once_not_per_response(remote_action, monkeypatch):
    from jsonschema.validators import Draft202012Validator

    remote_action._validate_action_result(copy.deepcopy(VALID))  # built by now
    checks = []
    monkeypatch.setattr(Draft202012Validator, "check_schema",
                        classmethod(lambda cls, schema: checks.append(schema)))  # fmt: skip
    for _ in range(3):
        remote_action._validate_action_result(copy.deepcopy(VALID))
    assert checks == []


def test_a_changed_rasa_function_is_left_alone(monkeypatch, caplog):
    patch = rasa_patches.PATCHES[0]._replace(source_sha256="0" * 64)
    owner = patch.owner()
    monkeypatch.setattr(owner, patch.name, rasa_patches.original(patch))
    monkeypatch.setattr(rasa_patches, "PATCHES", [patch])
    assert rasa_patches.apply() == []
    assert getattr(owner, patch.name) is rasa_patches.original(patch)
    assert "changed in this Rasa version" in caplog.text


def test_every_event_type_resolves_to_the_same_class_as_before():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    rasa_patches.apply()
    original = rasa_patches.original(rasa_patches.PATCHES[1])
    names = {event_class.type_name for event_class in all_subclasses(Event)}
    assert len(names) > 20
    for name in sorted(names):
        assert Event.resolve_by_type(name) is original(name), name
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")


def test_an_event_class_imported_later_is_still_found():
    from rasa.shared.core.events import Event, SlotSet

    rasa_patches.apply()
    Event.resolve_by_type("slot")  # the map is built

    class ProjectEvent(SlotSet):
        type_name = "vraagwijzer_test_event"

    assert Event.resolve_by_type("vraagwijzer_test_event") is ProjectEvent
