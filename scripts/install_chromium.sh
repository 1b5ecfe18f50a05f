#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright (never Playwright's own
# browser download). Installs it with apt-get where it is missing.
exec bash "$(dirname "$0")/install_debian.sh" /usr/bin/chromium=chromium
