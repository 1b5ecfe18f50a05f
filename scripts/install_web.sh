#!/usr/bin/env bash
# The chat widget's one front-end dependency, socket.io-client, from the npm
# registry at install time (`npm ci` against web/package-lock.json), copied next
# to the widget so it is served by the project: no CDN at run time. axe-core
# (accessibility checks in the browser tests) is copied to web/test-vendor/.
set -euo pipefail
cd "$(dirname "$0")/../web"
vendor=site/widget/vendor/socket.io.min.js
axe=test-vendor/axe.min.js
if [ -f "$vendor" ] && [ "$vendor" -nt package-lock.json ] && [ -f "$axe" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is required for the chat widget: install Node.js 18 or newer (apt-get install npm)." >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
mkdir -p site/widget/vendor
cp node_modules/socket.io-client/dist/socket.io.min.js.map site/widget/vendor/
cp node_modules/socket.io-client/dist/socket.io.min.js "$vendor"
mkdir -p test-vendor
cp node_modules/axe-core/axe.min.js "$axe"
echo "Chat widget: socket.io-client $(node -p 'require("socket.io-client/package.json").version') in web/$vendor"
