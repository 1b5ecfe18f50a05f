"""The uses of Rasa internals (bot/rasa_internals.py): still made for this Rasa,
installed where Rasa loads the store, and behaving exactly as the originals."""

from __future__ import annotations

import asyncio
import json
import copy
import logging
from pathlib import Path

import pytest
from jsonschema import ValidationError

from bot import rasa_internals


@pytest.fixture(scope="module")
def remote_action():
    from rasa.core.actions.action import RemoteAction

    rasa_internals.apply()
    return RemoteAction("validate_intake_form", None)


@pytest.mark.parametrize("patch", rasa_internals.PATCHES, ids=lambda p: p.name)
def test_patched_rasa_source_is_the_one_the_patch_was_written_for(patch):
    function = rasa_internals.original(patch)
    assert rasa_internals.source_sha256(function) == patch.source_sha256, (
        f"Rasa changed {function.__qualname__}: check bot/rasa_internals.py against "
        "its new source, then update the patch and its hash (or drop the patch)"
    )


@pytest.mark.parametrize(
    "reliance", rasa_internals.RELIANCES, ids=lambda r: r.name.strip("_")
)
def test_relied_on_rasa_source_is_the_one_the_code_was_written_for(reliance):
    function = getattr(reliance.owner(), reliance.name)
    assert rasa_internals.source_sha256(function) == reliance.source_sha256, (
        f"Rasa changed {function.__qualname__}, which {reliance.why}: check "
        "bot/rasa_internals.py against its new source, then update the hash"
    )


def test_apply_installs_every_patch_once():
    first = rasa_internals.apply()
    assert rasa_internals.apply() == first
    assert len(first) == len(rasa_internals.PATCHES)
    for patch in rasa_internals.PATCHES:
        assert getattr(patch.owner(), patch.name) is patch.replacement


def test_loading_the_tracker_store_applies_the_patches():
    from bot.store import tracker_store

    tracker_store.__getattr__("DatabaseUrlTrackerStore")
    for patch in rasa_internals.PATCHES:
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
    original = rasa_internals.original(rasa_internals.PATCHES[0])
    assert original(remote_action, copy.deepcopy(VALID)) is True
    assert remote_action._validate_action_result(copy.deepcopy(VALID)) is True


@pytest.mark.parametrize("response", INVALID)
def test_an_invalid_action_response_is_rejected_with_the_same_error(
    remote_action, response
):
    original = rasa_internals.original(rasa_internals.PATCHES[0])
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
    patch = rasa_internals.PATCHES[0]._replace(source_sha256="0" * 64)
    owner = patch.owner()
    monkeypatch.setattr(owner, patch.name, rasa_internals.original(patch))
    monkeypatch.setattr(rasa_internals, "PATCHES", [patch])
    assert rasa_internals.apply() == []
    assert getattr(owner, patch.name) is rasa_internals.original(patch)
    assert "changed in this Rasa version" in caplog.text


def test_every_event_type_resolves_to_the_same_class_as_before():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    rasa_internals.apply()
    original = rasa_internals.original(rasa_internals.PATCHES[1])
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

    rasa_internals.apply()
    Event.resolve_by_type("slot")  # the map is built

    class ProjectEvent(SlotSet):
        type_name = "vraagwijzer_test_event"

    assert Event.resolve_by_type("vraagwijzer_test_event") is ProjectEvent


# -- the graph runner ---------------------------------------------------------------


def a_runner(tmp_path: Path, numbers, calls):
    """A DaskGraphRunner over `a` <- `b` <- `c`, `a` <- `c`, `c` <- the input;
    each node adds the outputs it needs and its own number."""
    from rasa.engine.graph import (
        ExecutionContext,
        GraphComponent,
        GraphSchema,
        SchemaNode,
    )
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    class Add(GraphComponent):
        def __init__(self, number):
            self.number = number

        @classmethod
        def create(cls, config, model_storage, resource, execution_context):
            return cls(config["number"])

        def add(self, **inputs):
            calls.append(self.number)
            if self.number < 0:
                raise ValueError("a negative number")
            return self.number + sum(inputs.values())

    def node(number, needs):
        return SchemaNode(
            needs=needs, uses=Add, fn="add", constructor_name="create",
            config={"number": number},
        )  # fmt: skip

    schema = GraphSchema(
        {
            "c": node(numbers[2], {"start": "__start__"}),
            "b": node(numbers[1], {"c": "c"}),
            "a": node(numbers[0], {"b": "b", "c": "c"}),
            "unused": node(1000, {"c": "c"}),
        }
    )
    return DaskGraphRunner(
        schema, LocalModelStorage(tmp_path), ExecutionContext(schema, "test")
    )


def test_the_graph_runs_to_the_same_results_each_node_once(tmp_path):
    rasa_internals.apply()
    dask_calls, calls = [], []
    dask_run = rasa_internals.original(rasa_internals.PATCHES[2])
    # a = 1 + b + c, b = 10 + c, c = 100 + start
    expected = {"a": 1 + 115 + 105, "b": 115}
    dask_runner = a_runner(tmp_path, [1, 10, 100], dask_calls)
    assert dask_run(dask_runner, {"__start__": 5}, ["a", "b"]) == expected
    runner = a_runner(tmp_path, [1, 10, 100], calls)
    assert runner.run({"__start__": 5}, ["a", "b"]) == expected
    assert sorted(calls) == sorted(dask_calls) == [1, 10, 100]
    with pytest.raises(Exception, match="clashes with a node name"):
        runner.run({"__start__": "a"}, ["a"])


def test_a_failing_node_fails_the_run_as_before(tmp_path):
    from rasa.engine.exceptions import GraphComponentException

    rasa_internals.apply()
    runner = a_runner(tmp_path, [1, -1, 100], [])
    dask_run = rasa_internals.original(rasa_internals.PATCHES[2])
    with pytest.raises(GraphComponentException) as expected:
        dask_run(runner, {"__start__": 5}, ["a"])
    with pytest.raises(GraphComponentException) as patched:
        runner.run({"__start__": 5}, ["a"])
    assert str(patched.value) == str(expected.value)


# -- the action server's connections ------------------------------------------------


def test_action_server_calls_share_open_connections():
    from aiohttp import web
    from aiohttp.test_utils import TestServer
    from rasa.utils.endpoints import EndpointConfig

    rasa_internals.apply()
    callers = []

    async def webhook(request):
        callers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"events": [], "auth": request.headers["X-Token"]})

    async def calls():
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        async with TestServer(app, host="127.0.0.1") as server:
            endpoint = EndpointConfig(
                str(server.make_url("/webhook")), headers={"X-Token": "t"}
            )
            answers = [await endpoint.request(json={"n": n}) for n in range(3)]
            pool = rasa_internals.connection_pool()
            await pool.close()  # the loop's pool, closed before the loop is
            return answers

    answers = asyncio.run(calls())
    assert answers == [{"events": [], "auth": "t"}] * 3
    assert len(callers) == 3 and len(set(callers)) == 1  # one connection
    assert rasa_internals.KEEPALIVE_S < 5  # Sanic's keep-alive timeout


def test_action_call_bodies_are_the_json_that_json_dumps_writes():
    body = {"text": "Ë/ë – “citaat”", "confidence": 0.1 + 0.2, "none": None,
            "events": [{"event": "slot", "value": [1, 2.5, True]}]}  # fmt: skip
    assert json.loads(rasa_internals.request_json(body)) == json.loads(json.dumps(body))
    with pytest.raises(TypeError):
        rasa_internals.request_json({"not json": object()})


# -- the stored events --------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path):
    from rasa.shared.core.domain import Domain

    from bot.store.migrate import upgrade
    from bot.store.tracker_store import DatabaseUrlTrackerStore
    from tests.conftest import ROOT

    database_url = f"sqlite:///{tmp_path / 'events.db'}"
    upgrade(database_url)
    return DatabaseUrlTrackerStore(
        Domain.load(str(ROOT / "domain.yml")), database_url=database_url
    )


def stored_texts(store, sender_id):
    with store.session_scope() as session:
        rows = session.query(store.SQLEvent).filter_by(sender_id=sender_id)
        return [(row.type_name, row.action_name) for row in rows.order_by("id")]


def test_each_event_is_stored_once_without_counting_the_stored_ones(store, monkeypatch):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    counted = []
    rasa_count = SQLTrackerStore._additional_events

    def counting(self, session, tracker):
        counted.append(tracker.sender_id)
        return rasa_count(self, session, tracker)

    monkeypatch.setattr(SQLTrackerStore, "_additional_events", counting)
    new = DialogueStateTracker.from_events(
        "s",
        [ActionExecuted("action_session_start"), SessionStarted()],
        store.domain.slots,
    )
    asyncio.run(store.save(new))  # not retrieved: Rasa counts
    assert counted == ["s"]

    for text in ("ik zoek monteurs", "twintig"):
        tracker = asyncio.run(store.retrieve("s"))
        tracker.update(UserUttered(text))
        tracker.update(ActionExecuted("action_listen"))
        asyncio.run(store.save(tracker))
        tracker.update(ActionExecuted("action_listen"))
        asyncio.run(store.save(tracker))  # a second save in the same turn
    assert counted == ["s"]
    assert stored_texts(store, "s") == (
        [("action", "action_session_start"), ("session_started", None)]
        + [("user", None), ("action", "action_listen"), ("action", "action_listen")] * 2
    )
    assert list(asyncio.run(store.retrieve("s")).events) == list(tracker.events)
    with store.session_scope() as session:
        query = store._event_query(session, "s", fetch_events_from_all_sessions=False)
        assert [c["name"] for c in query.column_descriptions] == ["data"]


# -- a failed custom action ---------------------------------------------------------


def test_rasa_logs_a_swallowed_action_failure_with_the_watched_line():
    import inspect

    from rasa.core.processor import MessageProcessor

    source = inspect.getsource(MessageProcessor._run_action)
    logged = source.split("logger.exception(", 1)[1]
    assert logged.lstrip().startswith(f'f"{rasa_internals.ACTION_FAILURE_LOG}')


def test_the_watched_line_calls_back_once_per_line():
    failures = []
    rasa_internals.watch_action_failures(lambda: failures.append("first"))
    rasa_internals.watch_action_failures(lambda: failures.append("second"))
    processor = logging.getLogger("rasa.core.processor")
    processor.error(f"{rasa_internals.ACTION_FAILURE_LOG} 'validate_intake_form'.")
    processor.warning("Failed to run custom action 'x'.")
    assert failures == ["second"]
