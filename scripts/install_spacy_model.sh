#!/usr/bin/env bash
# Makes `spacy.load("nl_core_news_sm")` work, trying in order:
#   1. the official nl_core_news_sm 3.4.0 wheel (spaCy's model release),
#   2. the wheel or pipeline folder that NL_CORE_NEWS_SM points to,
#   3. the labelled stand-in in ../shared/models/nl_ud_core_standin
#      (same recipe, trained on UD Dutch; no NER component).
# It says loudly which one it installed, and fails if none is available.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OFFICIAL_URL="https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl"
STANDIN_DIR=${NL_STANDIN_DIR:-../shared/models/nl_ud_core_standin}

installed_model() {
  "$PY" - <<'PY' 2>/dev/null
import importlib.metadata as md
print(md.version("nl_core_news_sm"))
PY
}

banner() { printf '\n==== spaCy Dutch pipeline: %s ====\n\n' "$1"; }

package_folder() {  # $1: a spaCy pipeline folder; installs it as nl_core_news_sm
  local work; work=$(mktemp -d)
  cp -r "$1" "$work/in"
  "$PY" - "$work/in/meta.json" <<'PY'
import json, sys
path = sys.argv[1]
meta = json.load(open(path))
meta.update(name="core_news_sm", version="3.4.0+standin")
json.dump(meta, open(path, "w"), indent=2)
PY
  mkdir "$work/out"
  "$PY" -m spacy package "$work/in" "$work/out" --build wheel --force >"$work/package.log" 2>&1 ||
    { cat "$work/package.log" >&2; exit 1; }
  "$PY" -m pip install --quiet --no-deps --force-reinstall "$work"/out/*/dist/*.whl
  rm -rf "$work"
}

current=$(installed_model || true)
if [ -n "$current" ] && [ -z "${NL_CORE_NEWS_SM:-}" ]; then
  case "$current" in
    *standin*) banner "STAND-IN already installed ($current), not the official nl_core_news_sm" ;;
    *) banner "official nl_core_news_sm $current already installed" ;;
  esac
  exit 0
fi

if [ -z "${NL_CORE_NEWS_SM:-}" ] &&
   "$PY" -m pip install --quiet --no-deps --timeout 10 --retries 0 "$OFFICIAL_URL" 2>/dev/null; then
  banner "official nl_core_news_sm 3.4.0 installed"
  exit 0
fi

if [ -n "${NL_CORE_NEWS_SM:-}" ]; then
  if [ -d "$NL_CORE_NEWS_SM" ]; then
    package_folder "$NL_CORE_NEWS_SM"
  else
    "$PY" -m pip install --quiet --no-deps --force-reinstall "$NL_CORE_NEWS_SM"
  fi
  banner "nl_core_news_sm installed from NL_CORE_NEWS_SM=$NL_CORE_NEWS_SM"
  exit 0
fi

if [ -f "$STANDIN_DIR/meta.json" ]; then
  package_folder "$STANDIN_DIR"
  banner "STAND-IN installed as nl_core_news_sm (from $STANDIN_DIR).
It is NOT Explosion's official model: trained on UD Dutch with the same recipe,
no NER component. Set NL_CORE_NEWS_SM to a wheel or folder to use another"
  exit 0
fi

echo "No Dutch spaCy pipeline available: the official nl_core_news_sm could not be" >&2
echo "downloaded, NL_CORE_NEWS_SM is not set and $STANDIN_DIR does not exist." >&2
echo "Point NL_CORE_NEWS_SM at an nl_core_news_sm 3.4.x wheel or pipeline folder." >&2
exit 1
