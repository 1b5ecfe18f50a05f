"""Property-based fuzzing of what the three channels read from the outside.

Whatever arrives (arbitrary Unicode including lone surrogates, huge and deeply
nested JSON, wrong types), the parsing either refuses it with the channel's
own error or hands on only what the boundary promises: text UTF-8 can
encode, a sender of at most 128 characters, metadata of at most 4 KB.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.boundary import (
    MAX_JSON_DEPTH,
    MAX_MESSAGE_CHARS,
    MAX_METADATA_BYTES,
    MAX_SENDER_CHARS,
    UNREADABLE,
    Refused,
    is_text,
    message_problem,
    normalise,
    parse_json,
)
from bot.channels.rest import BadRequest, parse_body
from bot.channels.telegram import CallbackPayloads, read_update
from bot.channels.webchat import read_message

EXAMPLES = settings(max_examples=100, deadline=None)

# Any code point, lone surrogates included (JSON can carry them as \ud800).
any_text = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF))
scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=20,
)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def encoded(value) -> bytes:
    return json.dumps(value).encode()  # ensure_ascii: surrogates as \ud800


bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(encoded),
    st.fixed_dictionaries(
        {"sender": json_values, "message": json_values},
        optional={"metadata": json_values, "message_id": json_values},
    ).map(encoded),
    st.integers(1, 3000).map(lambda depth: nested(depth).encode()),
    st.integers(1, 3000).map(
        lambda depth: ('{"sender": "s", "message": "hoi", "metadata": {"x": %s}}'
                       % nested(depth)).encode()  # fmt: skip
    ),
)


@EXAMPLES
@given(bodies)
def test_rest_bodies_are_read_or_refused_with_a_400(body):
    try:
        sender, message, metadata, _ = parse_body(body)
    except BadRequest:
        return
    assert is_text(sender) and 0 < len(sender) <= MAX_SENDER_CHARS
    assert is_text(message)
    if metadata is not None:
        assert len(json.dumps(metadata).encode()) <= 6 * MAX_METADATA_BYTES
        assert len(json.dumps(metadata, ensure_ascii=False).encode()) <= (
            MAX_METADATA_BYTES
        )


@EXAMPLES
@given(st.one_of(json_values, st.binary(max_size=50)))
def test_socketio_payloads_are_read_or_refused(data):
    try:
        text, metadata = read_message(data, "customData")
    except Refused:
        return
    assert metadata is None or isinstance(metadata, dict)


@EXAMPLES
@given(st.one_of(json_values, any_text, st.text(min_size=1900, max_size=2100)))
def test_any_chat_text_is_answered_or_passed_on_normalised(text):
    problem = message_problem(text)
    if problem is None:
        cleaned = normalise(text)
        assert is_text(cleaned) and 0 < len(cleaned) <= MAX_MESSAGE_CHARS
    elif not is_text(text):
        assert problem == UNREADABLE


telegram_updates = st.fixed_dictionaries(
    {"update_id": st.integers()},
    optional={
        "message": json_values
        | st.fixed_dictionaries(
            {"chat": json_values | st.fixed_dictionaries({"id": json_values})},
            optional={"text": json_values},
        ),
        "edited_message": json_values,
        "callback_query": json_values
        | st.fixed_dictionaries(
            {"message": json_values, "data": json_values, "id": json_values}
        ),
    },
)


@EXAMPLES
@given(telegram_updates)
def test_telegram_updates_never_break_the_reader(update):
    incoming = read_update(update, CallbackPayloads())
    if incoming is not None:
        assert isinstance(incoming.chat_id, int)
        assert incoming.text is None or isinstance(incoming.text, str)
        assert not (incoming.unreadable and incoming.text is not None)


@EXAMPLES
@given(st.integers(1, 5000))
def test_json_nesting_is_bounded_without_a_recursion_error(depth):
    try:
        parse_json(nested(depth).encode())
    except Refused:
        assert depth > MAX_JSON_DEPTH
    else:
        assert depth <= MAX_JSON_DEPTH
