#!/usr/bin/env bash
# `make cluster` and the cluster tests run PostgreSQL, Redis and nginx from
# Debian's packages on loopback. Installs them with apt-get where missing; the
# packages' own services are not started (bot/cluster starts its own).
exec bash "$(dirname "$0")/install_debian.sh" \
  '/usr/lib/postgresql/*/bin/postgres=postgresql' \
  /usr/bin/redis-server=redis-server \
  /usr/sbin/nginx=nginx-light
