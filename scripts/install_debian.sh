#!/usr/bin/env bash
# Installs Debian packages with apt-get where the file they provide is missing.
# Usage: install_debian.sh FILE=PACKAGE ...  (FILE may be a glob)
set -euo pipefail
missing=()
for pair in "$@"; do
  file=${pair%%=*}
  package=${pair#*=}
  # shellcheck disable=SC2086 # the glob is meant to expand
  compgen -G $file >/dev/null || missing+=("$package")
done
[ ${#missing[@]} -gt 0 ] || exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "Missing Debian packages and this user cannot install them: 'apt-get install ${missing[*]}' as root." >&2
  exit 1
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "Installing Debian packages: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
