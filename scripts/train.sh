#!/usr/bin/env bash
# Trains models/vraagwijzer.tar.gz. Rasa's output goes to var/log/train.log;
# bot.rasa_cli filters the warnings known to be harmless and declares the
# responses that code utters. Used by make's model rule and by install.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD" TF_CPP_MIN_LOG_LEVEL=3 RASA_TELEMETRY_ENABLED=false
mkdir -p var/log
echo "Training the model (about 3 minutes; log: var/log/train.log) ..."
SECONDS=0
.venv/bin/python -m bot.rasa_cli train --fixed-model-name vraagwijzer --out models \
  > var/log/train.log 2>&1 || {
  tail -n 30 var/log/train.log
  echo "Training failed: see var/log/train.log" >&2
  exit 1
}
echo "Model trained in $SECONDS s: models/vraagwijzer.tar.gz"
