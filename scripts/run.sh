#!/usr/bin/env bash
# `make run`: the action server on 5055, Rasa on 5005 (rest, socketio for the
# website widget, telegram when configured), the demo site with the widget
# on 8080 and the coordinators' review app on 5080, all stopped together by
# Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
RASA_PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
WEB_PORT=${WEB_PORT:-8080}
REVIEW_PORT=${REVIEW_PORT:-5080}

# Rasa's telemetry off, for every Rasa command started from here.
export RASA_TELEMETRY_ENABLED=false
# The HTTP API (trackers, model, training) only behind a token or a JWT secret.
# python -m bot.rasa_run hands RASA_AUTH_TOKEN / RASA_JWT_SECRET (or their
# *_FILE) to Rasa inside its process: no secret on a command line, where ps
# shows it. It also binds Rasa to RASA_HOST (default 127.0.0.1).
if [ -n "${RASA_AUTH_TOKEN:-}${RASA_AUTH_TOKEN_FILE:-}${RASA_JWT_SECRET:-}${RASA_JWT_SECRET_FILE:-}" ]; then
  echo "Rasa HTTP API enabled behind RASA_AUTH_TOKEN / RASA_JWT_SECRET."
else
  echo "Rasa HTTP API off (set RASA_AUTH_TOKEN to enable it); channels stay on."
fi
echo "Profile: ${VRAAGWIJZER_ENV:-development}; Rasa listens on ${RASA_HOST:-127.0.0.1}:$RASA_PORT."
# Only Rasa talks to the action server: it listens on this machine alone unless
# ACTIONS_HOST says otherwise, and refuses calls without the shared secret that
# Rasa sends from endpoints.yml (bot/action_server.py).
ACTIONS_HOST=${ACTIONS_HOST:-127.0.0.1}
if [ -z "${ACTION_SERVER_TOKEN:-}" ]; then
  if [ ! -s var/action_server_token ]; then
    echo "No ACTION_SERVER_TOKEN and no var/action_server_token: run 'make install'." >&2
    exit 1
  fi
  ACTION_SERVER_TOKEN=$(cat var/action_server_token)
fi
export ACTION_SERVER_TOKEN
# Browsers may call Rasa from these origins only (default: the demo site);
# the widget's socket.io checks the same list (bot/settings.py CORS_ORIGINS).
export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}"
read -r -a cors_origins <<< "$CORS_ORIGINS"
# REST_CHANNEL_TOKEN, when set, is required by the REST channel from every
# caller (bot/channels/rest.py); unset, it answers on loopback only.
# The URL's password (user:password@) never goes to the terminal or a log.
store_url="${DATABASE_URL:-sqlite:///$PWD/var/vraagwijzer.db}"
echo "Store: $(printf '%s' "$store_url" | sed -E 's#^([^:/]+://[^:/@]*):[^/]*@#\1:***@#')"
if [ -n "${TELEGRAM_BOT_TOKEN:-}" ] && [ -n "${TELEGRAM_WEBHOOK_URL:-}" ] && [ -n "${TELEGRAM_WEBHOOK_SECRET:-}" ]; then
  telegram=", telegram"
  echo "Telegram on: webhook $TELEGRAM_WEBHOOK_URL, Bot API ${TELEGRAM_API_URL:-https://api.telegram.org}."
else
  echo "Telegram off (set TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET to turn it on)."
fi

# The servers' full output goes to var/log/; the terminal gets this banner.
LOG_DIR=${LOG_DIR:-var/log}; mkdir -p "$LOG_DIR"
echo "Channels: rest, socketio (website widget)${telegram:-}. Logs: $LOG_DIR/{rasa,actions,review}.log"
"$BIN/python" -m bot db upgrade >>"$LOG_DIR/rasa.log" 2>&1 || { echo "Database upgrade failed: see $LOG_DIR/rasa.log" >&2; exit 1; }

pids=()
stop() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT; trap 'stop; exit 130' INT TERM

ACTIONS_HOST="$ACTIONS_HOST" "$BIN/python" -m bot.action_server --actions actions --port "$ACTIONS_PORT" >>"$LOG_DIR/actions.log" 2>&1 &
pids+=($!)
"$BIN/python" -m bot.rasa_run --model models --port "$RASA_PORT" \
  --credentials credentials.yml --endpoints endpoints.yml --cors "${cors_origins[@]}" >>"$LOG_DIR/rasa.log" 2>&1 &
pids+=($!)
# The demo pps site with the chat widget; its pages expect Rasa on localhost:5005.
# Files only: no directory listings, no version in the Server header.
"$BIN/python" scripts/serve_site.py --port "$WEB_PORT" --directory web/site >/dev/null 2>&1 &
pids+=($!)
echo "Demo site with the chat widget: http://localhost:$WEB_PORT/ (once Rasa is up)"
[ "$RASA_PORT" = 5005 ] || echo "Note: the demo pages' data-server-url says port 5005, Rasa is on $RASA_PORT."
"$BIN/python" -m bot.review --port "$REVIEW_PORT" >>"$LOG_DIR/review.log" 2>&1 &
pids+=($!)
echo "Review app: http://localhost:$REVIEW_PORT/ (accounts: python -m bot users add NAME)"
# Coordinators' notification mails from the store's outbox (bot/notify/worker.py).
if [ -n "${SMTP_URL:-}" ]; then
  "$BIN/python" -m bot mail >>"$LOG_DIR/mail.log" 2>&1 &
  pids+=($!)
else
  echo "Mail off (set SMTP_URL to send the coordinators' notifications)."
fi
echo "Talk to it: curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{\"sender\":\"demo\",\"message\":\"ik vind geen monteurs\"}'"
( until curl -sf -o /dev/null "localhost:$RASA_PORT/"; do sleep 1; done
  echo "Ready: Rasa answers on http://localhost:$RASA_PORT/ ($SECONDS s). Ctrl-C stops everything." ) &
pids+=($!)
wait -n "${pids[@]:0:4}" || true
echo "A server stopped: see $LOG_DIR/." >&2
