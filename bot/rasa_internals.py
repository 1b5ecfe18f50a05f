"""Every use this project makes of Rasa's non-public API, in one place.

Rasa has no extension point for these. Each one is pinned to the source it
was written against: the SHA-256 of `inspect.getsource` of the Rasa function
it replaces or relies on, as written in Rasa 3.6.21. When an upgrade changes
that source, a replacement is not installed (`apply()` logs a warning and
leaves Rasa's function in place), and tests/unit/test_rasa_internals.py fails:
the code here must then be checked against the new source (or dropped, if
Rasa fixed it).

Replaced, each for a measurable share of a turn's CPU (scripts/bench_compare.py);
`apply()` installs them, and the tracker store calls it when Rasa loads it
from endpoints.yml, so they are in place in every process that serves
conversations and in no other:

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
3. `DaskGraphRunner.run` hands the model's graph (a chain of about ten
   components for a message, four for the next action) to dask's scheduler,
   which orders, queues and tracks it as if it were a large parallel job:
   about 6 % of a turn. The replacement runs the same graph, built by the
   same methods, by calling each node once after the nodes it needs.
4. `EndpointConfig.session` gives every action server call a new aiohttp
   session, and so a new TCP connection that both servers set up and tear
   down. The replacement gives the session a connection pool shared per event
   loop, so calls reuse open connections; idle ones are closed after
   KEEPALIVE_S, before the action server (Sanic: 5 s) closes them itself.
   The session also writes the request body with ujson (`request_json`).

Relied on, with Rasa's own function left in place (5, 6 and 8 are bases of
the tracker store that override methods of SQLTrackerStore in that subclass
only):

5. `KnownEventCount` (a tracker store base): Rasa's `SQLTrackerStore.save`
   asks `_additional_events` which of the tracker's events are new, and that
   counts the stored events of the session with a query on every save
   (about 9 % of a turn). The count is the number of events `retrieve` read
   for that tracker, under the conversation's lock, so it is remembered
   instead; a tracker that was not read by `retrieve` is counted as before.
   Its `as_stored(event)` is where a subclass changes what is stored
   (bot/store/tracker_store.py redacts there).
6. `MissingSchemaRaises` (a tracker store base): Rasa's
   `SQLTrackerStore.session_scope` ends the process when the PostgreSQL
   schema is missing; the copy here raises instead, so the turn fails with a
   clear answer and the server stays up.
7. `watch_action_failures()`: Rasa's `MessageProcessor._run_action` swallows a
   failing custom action and only logs it; the log line is the one sign of it
   (bot/faults.py).
8. `EventDataOnly` (a tracker store base): Rasa's `SQLTrackerStore._retrieve`
   reads only the `data` column of the rows its `_event_query` returns, yet
   that query loads each row as an ORM object with all its columns (about 4 %
   of a turn). The subclass's `_event_query` is Rasa's query with
   `Query.with_entities` selecting that column alone: the same rows, filters
   and order.

Elsewhere, on purpose: bot/diet_classifier.py is a graph component named in
config.yml (Rasa's public extension point) that leans on `RasaModel.load`
and `RasaModel._rasa_predict` to skip a training step at load; its hash guard
is tests/unit/test_diet_classifier.py, and it falls back to Rasa's load when
that source changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import inspect
import itertools
import logging
import weakref
from functools import lru_cache
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    Iterator,
    List,
    MutableMapping,
    NamedTuple,
    Optional,
)

if TYPE_CHECKING:
    import aiohttp
    from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)


class Patch(NamedTuple):
    owner: Callable[[], Any]  # the class or module holding the function
    name: str
    source_sha256: str  # of `inspect.getsource` of the original, Rasa 3.6.21
    replacement: Callable[..., Any]
    static: bool = False  # installed as a staticmethod


class Reliance(NamedTuple):
    """A Rasa function whose behaviour the code here depends on, unreplaced."""

    owner: Callable[[], Any]
    name: str
    source_sha256: str  # as in Patch
    why: str


# -- 1. the action server's response, validated ------------------------------------


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


# -- 2. an event's class by its type name -------------------------------------------


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


# -- 3. the model's graph, run without dask -----------------------------------------


def _graph_runner() -> Any:
    from rasa.engine.runner.dask import DaskGraphRunner

    return DaskGraphRunner


def compute(graph: Dict[str, Any], targets: List[str]) -> List[Any]:
    """`dask.get(graph, targets)` for the graphs DaskGraphRunner builds: a task
    is a tuple of a callable and the keys of its arguments, anything else (an
    input's `(name, value)`) is a value."""
    results: Dict[str, Any] = {}

    def result(key: str) -> Any:
        if key not in results:
            task = graph[key]
            if isinstance(task, tuple) and task and callable(task[0]):
                function, *arguments = task
                results[key] = function(
                    *(result(a) if a in graph else a for a in arguments)
                )
            else:
                results[key] = task
        return results[key]

    return [result(target) for target in targets]


def _run_graph(
    self: Any,
    inputs: Optional[Dict[str, Any]] = None,
    targets: Optional[List[str]] = None,
) -> Dict[str, Any]:
    """`DaskGraphRunner.run` with `compute` in place of `dask.get`."""
    from rasa.engine.exceptions import GraphRunError

    run_targets = targets if targets else self._graph_schema.target_names
    minimal_schema = self._graph_schema.minimal_graph_schema(run_targets)
    run_graph = self._build_dask_graph(minimal_schema)

    if inputs:
        self._add_inputs_to_graph(inputs, run_graph)

    try:
        return dict(compute(run_graph, run_targets))
    except RuntimeError as e:
        raise GraphRunError("Error running runner.") from e


# -- 4. one connection pool for the action server calls ----------------------------

KEEPALIVE_S = 2.0
_pools: MutableMapping[asyncio.AbstractEventLoop, "aiohttp.TCPConnector"] = (
    weakref.WeakKeyDictionary()
)


def _endpoint_config() -> Any:
    from rasa.utils.endpoints import EndpointConfig

    return EndpointConfig


def connection_pool() -> "aiohttp.TCPConnector":
    """The running event loop's pool of connections (created on first use)."""
    import aiohttp

    loop = asyncio.get_running_loop()
    pool = _pools.get(loop)
    if pool is None or pool.closed:
        pool = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_S)
        _pools[loop] = pool
    return pool


def _endpoint_session(self: Any) -> "aiohttp.ClientSession":
    """`EndpointConfig.session` on the loop's connection pool, which outlives it."""
    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT

    # create authentication parameters
    if self.basic_auth:
        auth = aiohttp.BasicAuth(
            self.basic_auth["username"], self.basic_auth["password"]
        )
    else:
        auth = None

    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=connection_pool(),
        connector_owner=False,
        json_serialize=request_json,
    )


def request_json(body: Any) -> str:
    """The body of an action server call (the whole tracker and the domain) as
    JSON: ujson (already installed with Sanic) writes it about 2.5 times as
    fast as `json.dumps`, which took about 6 % of a turn. It reads the same
    back; like `json.dumps` it raises TypeError for an object it cannot write."""
    import ujson

    return str(ujson.dumps(body, escape_forward_slashes=False))


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
    Patch(
        _graph_runner,
        "run",
        "45f0f52f574f3aa9546a552bf671183e171092c18b66e97f5771a7fa295de37e",
        _run_graph,
    ),
    Patch(
        _endpoint_config,
        "session",
        "e55aa13d9d4fb4bc440ac33b870a97ee162b76dda7ccb6bf68433567475fdffb",
        _endpoint_session,
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


# -- 5. the stored events, counted once per turn ------------------------------------

_STORED_EVENTS = "_vraagwijzer_stored_events"  # an attribute of the tracker


def _sql_tracker_store() -> Any:
    from rasa.core.tracker_store import SQLTrackerStore

    return SQLTrackerStore


class KnownEventCount:
    """Base for an SQLTrackerStore subclass (before SQLTrackerStore in its bases):
    `save` writes the events beyond the number `retrieve` read, without
    counting them again.

    Rasa stores `tracker.events[n:]`, n being the number of stored events since
    the last `session_started`: the very events `retrieve` reads (same query).
    Rasa handles a message under the conversation's lock from `retrieve` to
    `save`, so nothing else stores events of it in between.
    """

    async def retrieve(self, sender_id: str) -> Optional["DialogueStateTracker"]:
        tracker = await super().retrieve(sender_id)  # type: ignore[misc]
        if tracker is not None:
            setattr(tracker, _STORED_EVENTS, len(tracker.events))
        return tracker

    async def save(self, tracker: "DialogueStateTracker") -> None:
        await super().save(tracker)  # type: ignore[misc]
        setattr(tracker, _STORED_EVENTS, len(tracker.events))

    def as_stored(self, event: Any) -> Any:
        """The form in which a new event is stored; a subclass may change it."""
        return event

    def _additional_events(
        self, session: Any, tracker: "DialogueStateTracker"
    ) -> Iterator[Any]:
        stored = getattr(tracker, _STORED_EVENTS, None)
        if stored is None:
            new = super()._additional_events(session, tracker)  # type: ignore[misc]
        else:
            new = itertools.islice(tracker.events, stored, len(tracker.events))
        return map(self.as_stored, new)


class MissingSchemaRaises:
    """Base for an SQLTrackerStore subclass: `session_scope` as Rasa's, except
    that a missing PostgreSQL schema raises `missing_schema_error` instead of
    ending the process (Rasa calls `print_error_and_exit` there)."""

    missing_schema_error: type = RuntimeError

    @contextlib.contextmanager
    def session_scope(self) -> Iterator[Any]:
        from rasa.core.tracker_store import ensure_schema_exists

        session = self.sessionmaker()  # type: ignore[attr-defined]
        try:
            try:
                ensure_schema_exists(session)
            except ValueError as missing:
                raise self.missing_schema_error(
                    f"PostgreSQL schema {missing} not found"
                ) from None
            yield session
        finally:
            session.close()


# -- 7. a failed custom action ------------------------------------------------------

# What MessageProcessor._run_action logs (logger.exception) when an action raised.
ACTION_FAILURE_LOG = "Encountered an exception while running action"


def _message_processor() -> Any:
    from rasa.core.processor import MessageProcessor

    return MessageProcessor


class _ActionFailureHandler(logging.Handler):
    def __init__(self, on_failure: Callable[[], None]) -> None:
        super().__init__(level=logging.ERROR)
        self.on_failure = on_failure

    def emit(self, record: logging.LogRecord) -> None:
        if str(record.msg).startswith(ACTION_FAILURE_LOG):
            self.on_failure()


def watch_action_failures(on_failure: Callable[[], None]) -> None:
    """Calls `on_failure()` in the turn in which Rasa swallowed a failed custom
    action (by a handler on Rasa's processor logger, installed once)."""
    processor_logger = logging.getLogger("rasa.core.processor")
    for handler in processor_logger.handlers:
        if isinstance(handler, _ActionFailureHandler):
            handler.on_failure = on_failure
            return
    processor_logger.addHandler(_ActionFailureHandler(on_failure))


# -- 8. only the column Rasa reads ---------------------------------------------------


class EventDataOnly:
    """Base for an SQLTrackerStore subclass: the events query selects only the
    `data` column, the one `_retrieve` reads (`_additional_events` counts it)."""

    def _event_query(
        self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Any:
        query = super()._event_query(  # type: ignore[misc]
            session, sender_id, fetch_events_from_all_sessions
        )
        return query.with_entities(self.SQLEvent.data)  # type: ignore[attr-defined]


RELIANCES: List[Reliance] = [
    Reliance(
        _sql_tracker_store,
        "_additional_events",
        "d22f99eb863acb07afee63d9fe3a04ca8464251e67a43eb7d36c2d65ffc1653f",
        "KnownEventCount: the new events are tracker.events[stored count:]",
    ),
    Reliance(
        _sql_tracker_store,
        "_retrieve",
        "c8adbf6f4b61ddd1124690944ebdf2ebc82d0723bd07c6704caab0b80120a0ef",
        "KnownEventCount: retrieve reads what _additional_events counts; "
        "EventDataOnly: it reads only `.data` of each row of _event_query",
    ),
    Reliance(
        _sql_tracker_store,
        "_event_query",
        "cd44f7901b860bfd598a813bde17d0d5b0d7bab129feaf76bb2dca87d628625b",
        "EventDataOnly: the rows of _retrieve and _additional_events",
    ),
    Reliance(
        _sql_tracker_store,
        "save",
        "57165e46eab3de0866e77f03df0bf7fd5eac2c1de617ed431b934c9a4edfeef6",
        "KnownEventCount: save stores exactly what _additional_events yields",
    ),
    Reliance(
        _sql_tracker_store,
        "session_scope",
        "6775e1ede3ec8d2d1ba466d06c850b44201630347ccde7f91c33d3c1a2554818",
        "MissingSchemaRaises: session_scope is replaced whole",
    ),
    Reliance(
        _message_processor,
        "_run_action",
        "6d383d0179ef1187639887289168959a5a82f94e6949e4e27bb83b2165094995",
        "watch_action_failures: a failed action is logged with ACTION_FAILURE_LOG",
    ),
]
