#!/usr/bin/env bash
# `make run`: the action server on 5055 and Rasa on 5005 (rest + socketio),
# both stopped together by Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
RASA_PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}

# The HTTP API (trackers, model, training) only behind a token or a JWT secret.
api_flags=()
if [ -n "${RASA_AUTH_TOKEN:-}" ]; then
  api_flags+=(--auth-token "$RASA_AUTH_TOKEN")
fi
if [ -n "${RASA_JWT_SECRET:-}" ]; then
  api_flags+=(--jwt-secret "$RASA_JWT_SECRET")
fi
if [ ${#api_flags[@]} -gt 0 ]; then
  api_flags+=(--enable-api)
  echo "Rasa HTTP API enabled behind RASA_AUTH_TOKEN / RASA_JWT_SECRET."
else
  echo "Rasa HTTP API off (set RASA_AUTH_TOKEN to enable it); channels stay on."
fi
# Only Rasa talks to the action server: it listens on this machine alone unless
# ACTIONS_HOST says otherwise (rasa_sdk reads SANIC_HOST, default 0.0.0.0).
ACTIONS_HOST=${ACTIONS_HOST:-127.0.0.1}
echo "Store: ${DATABASE_URL:-sqlite:///$PWD/var/vraagwijzer.db}"

"$BIN/python" -m bot db upgrade

pids=()
stop() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop INT TERM EXIT

SANIC_HOST="$ACTIONS_HOST" "$BIN/rasa" run actions --actions actions --port "$ACTIONS_PORT" &
pids+=($!)
"$BIN/rasa" run --model models --port "$RASA_PORT" \
  --credentials credentials.yml --endpoints endpoints.yml --cors "*" "${api_flags[@]}" &
pids+=($!)
echo "Talk to it: curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{\"sender\":\"demo\",\"message\":\"ik vind geen monteurs\"}'"
wait -n "${pids[@]}"
