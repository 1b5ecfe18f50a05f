#!/usr/bin/env bash
# `make install`: a Python 3.10 venv in .venv with the locked requirements,
# the Dutch spaCy pipeline, and the database schema.
set -euo pipefail
cd "$(dirname "$0")/.."
# `make run` installs with --quiet: the output goes to var/log/install.log.
if [ "${1:-}" = --quiet ]; then
  mkdir -p var/log
  bash scripts/install.sh > var/log/install.log 2>&1 || { tail -n 20 var/log/install.log >&2; exit 1; }
  exit 0
fi

find_python310() {
  for candidate in "${PYTHON:-}" python3.10 python "$HOME/.pyenv/versions/3.10.13/bin/python" \
                   "$(pyenv root 2>/dev/null)/versions/3.10.13/bin/python"; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ]; then
  python310=$(find_python310) || {
    echo "Python 3.10 is required (Rasa 3.6 does not install on 3.11)." >&2
    echo "Install it, e.g. 'pyenv install 3.10.13', or set PYTHON=/path/to/python3.10." >&2
    exit 1
  }
  echo "Creating .venv with $python310"
  "$python310" -m venv .venv
fi

stamp=.venv/.requirements-installed
if [ ! -f "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ requirements.lock -nt "$stamp" ] ||
   [ requirements-dev.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade "pip<25" wheel
  .venv/bin/python -m pip install --quiet -r requirements.txt -c requirements.lock
  # ruff, mypy and stubs for `make lint`: kept apart, none of them runs the bot.
  .venv/bin/python -m pip install --quiet -r requirements-dev.txt -c requirements.lock
  touch "$stamp"
fi

# The shared secret between Rasa and the action server (bot/action_server.py),
# unless ACTION_SERVER_TOKEN is set; var/ is git-ignored.
if [ -z "${ACTION_SERVER_TOKEN:-}" ] && [ ! -s var/action_server_token ]; then
  mkdir -p var
  (umask 077; .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))' \
     > var/action_server_token)
  echo "Action server token written to var/action_server_token"
fi

bash scripts/install_spacy_model.sh
# OpenTaal's word list: the trade words that end its compounds ("vlechters" in
# "betonvlechters") are not typos (bot/intake/dutch.py). Without it the bot
# still runs, correcting a little more eagerly.
bash scripts/install_debian.sh /usr/share/dict/dutch=wdutch \
  || echo "warning: Debian's wdutch is not installed; see bot/intake/dutch.py" >&2
# The model trains while the web assets install, so that the first `make run`
# starts in seconds; make's own rule retrains it when the data changes.
training=""
model=models/vraagwijzer.tar.gz
if [ ! -f "$model" ] || [ -n "$(find config.yml domain.yml data -name '*.yml' \
     ! -name catalogue.yml -newer "$model" | head -n 1)" ]; then
  bash scripts/train.sh & training=$!
fi
bash scripts/install_web.sh
.venv/bin/python -m bot db upgrade
[ -z "$training" ] || wait "$training"
echo "Installed. Start the assistant with: make run"
