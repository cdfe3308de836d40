#!/usr/bin/env bash
# Sets up the local services that Ruche's tests need, on Debian bookworm:
#   - PostgreSQL (running, with the pgvector extension and a `ruche_test` database)
#   - Redis on 127.0.0.1:6379
#   - headless Chromium + chromedriver for browser tests (skip with --no-browser)
#   - @modelcontextprotocol/server-everything (an upstream MCP server for the Toolbox tests)
# Idempotent: every step checks first and only acts when something is missing.
#
# Usage: scripts/setup-services.sh [--no-browser|--browser]
# Env:   RUCHE_SETUP_BROWSER=0|1   same as --no-browser / --browser (default 1)
#        RUCHE_TEST_DB=name        database to create (default ruche_test)
#        RUCHE_TEST_REDIS_PORT=n   Redis port on 127.0.0.1 (default 6379)
set -euo pipefail

BROWSER="${RUCHE_SETUP_BROWSER:-1}"
DB_NAME="${RUCHE_TEST_DB:-ruche_test}"
REDIS_PORT="${RUCHE_TEST_REDIS_PORT:-6379}"
for arg in "$@"; do
  case "$arg" in
    --no-browser) BROWSER=0 ;;
    --browser) BROWSER=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "setup-services: unknown option: $arg" >&2; exit 2 ;;
  esac
done

log()  { echo "[setup-services +${SECONDS}s] $*"; }
fail() { echo "[setup-services] ERROR: $*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || fail "not root and sudo is missing: run as root"
  SUDO="sudo"
fi

APT_UPDATED=0
apt_install() { # apt_install [apt options] packages...
  export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    $SUDO apt-get update -qq || fail "apt-get update failed"
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  $SUDO apt-get install -y -qq "$@" >/dev/null || fail "apt-get install $* failed"
}

wait_for() { # wait_for <what> <seconds> <command...>
  local what="$1" secs="$2"; shift 2
  for _ in $(seq "$secs"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  fail "$what not ready after ${secs}s"
}

# ---------------------------------------------------------------- PostgreSQL
[ -d /etc/postgresql ] || fail "PostgreSQL is not installed (no /etc/postgresql)"
PG_VER="$(ls /etc/postgresql | sort -V | tail -n1)"
[ -n "$PG_VER" ] || fail "no PostgreSQL cluster under /etc/postgresql"
PG_CONFIG="/usr/lib/postgresql/$PG_VER/bin/pg_config"

pg_ready() { pg_isready -q -h 127.0.0.1; }
ensure_postgres() {
  if ! pg_ready; then
    log "starting PostgreSQL $PG_VER"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$PG_VER" main start || true
  fi
  wait_for "PostgreSQL $PG_VER on 127.0.0.1:5432" 60 pg_ready
  log "PostgreSQL $PG_VER is running"
}
ensure_postgres

# ---------------------------------------------------------------- pgvector
VECTOR_CONTROL="/usr/share/postgresql/$PG_VER/extension/vector.control"
if [ -f "$VECTOR_CONTROL" ]; then
  log "pgvector is installed"
else
  log "pgvector missing: building it from Debian trixie's source package"
  # Same mirror as the existing Debian sources; deb-src only, so no trixie
  # binary package can ever be installed (nothing to pin).
  MIRROR="$(awk '/^URIs:/ && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
  [ -n "$MIRROR" ] || MIRROR="$(awk '$1=="deb" && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  [ -n "$MIRROR" ] || fail "no Debian mirror in the apt sources (/etc/apt/sources.list.d/*.sources, /etc/apt/sources.list)"
  SRC_LIST=/etc/apt/sources.list.d/trixie-src.sources
  if [ ! -f "$SRC_LIST" ]; then
    $SUDO tee "$SRC_LIST" >/dev/null <<EOF
Types: deb-src
URIs: $MIRROR
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    log "added $SRC_LIST (deb-src only, $MIRROR trixie)"
  fi
  # The dev package may upgrade (and stop) the PostgreSQL server: restart below.
  apt_install --no-install-recommends "postgresql-server-dev-$PG_VER" make gcc
  BUILD_DIR="$(mktemp -d)"
  trap 'rm -rf "$BUILD_DIR"' EXIT
  BUILD_LOG="$BUILD_DIR/build.log"
  build_step() { # build_step <description> <command...>: output to the log, shown on failure
    "${@:2}" >>"$BUILD_LOG" 2>&1 || { tail -n 30 "$BUILD_LOG" >&2; fail "$1 failed"; }
  }
  cd "$BUILD_DIR"
  build_step "apt-get source pgvector" apt-get source --download-only pgvector
  orig="$(ls pgvector_*.orig.tar.* 2>/dev/null | head -n1 || true)"
  [ -n "$orig" ] || fail "no pgvector orig tarball was downloaded"
  log "building ${orig%.orig.tar.*}"
  mkdir src && tar -xf "$orig" -C src --strip-components=1
  # OPTFLAGS="": no -march=native, so the build runs on any x86-64 CPU.
  build_step "pgvector build" make -C src PG_CONFIG="$PG_CONFIG" OPTFLAGS=""
  build_step "pgvector install" $SUDO make -C src PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install
  cd - >/dev/null
  [ -f "$VECTOR_CONTROL" ] || fail "pgvector install did not produce $VECTOR_CONTROL"
  log "pgvector installed"
  ensure_postgres
fi

# ---------------------------------------------------------------- database
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -U postgres -h 127.0.0.1)
if [ "$("${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" = 1 ]; then
  log "database $DB_NAME exists"
else
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$DB_NAME\"" || fail "cannot create database $DB_NAME"
  log "created database $DB_NAME"
fi
"${PSQL[@]}" -d "$DB_NAME" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS vector" \
  || fail "CREATE EXTENSION vector failed in $DB_NAME"
VEC_VERSION="$("${PSQL[@]}" -d "$DB_NAME" -tAc "SELECT extversion FROM pg_extension WHERE extname='vector'")"
[ -n "$VEC_VERSION" ] || fail "extension vector is not present in $DB_NAME"
log "extension vector $VEC_VERSION is enabled in $DB_NAME"

# ---------------------------------------------------------------- Redis
redis_ready() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }
if redis_ready; then
  log "Redis is running on 127.0.0.1:$REDIS_PORT"
else
  command -v redis-server >/dev/null || fail "redis-server is not installed"
  log "starting Redis"
  $SUDO mkdir -p /var/lib/redis /var/log/redis
  $SUDO redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
    --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    || fail "redis-server did not start"
  wait_for "Redis on 127.0.0.1:$REDIS_PORT" 30 redis_ready
  log "Redis is running on 127.0.0.1:$REDIS_PORT"
fi

# ---------------------------------------------------------------- Chromium
if [ "$BROWSER" = 1 ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "Chromium and chromedriver are installed"
  else
    apt_install chromium chromium-driver
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
      || fail "chromium/chromedriver missing after install"
    log "installed $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
  fi
else
  log "skipping Chromium (--no-browser)"
fi

# ---------------------------------------------------------------- upstream MCP server for Toolbox tests
EVERYTHING_DIR="${RUCHE_TOOLS_DIR:-${HOME:-/root}/.cache/ruche-tools}/server-everything"
EVERYTHING_VERSION=2026.8.31
if [ -f "$EVERYTHING_DIR/node_modules/@modelcontextprotocol/server-everything/dist/index.js" ]; then
  log "server-everything is installed"
else
  command -v npm >/dev/null || fail "npm is needed to install @modelcontextprotocol/server-everything"
  npm i --prefix "$EVERYTHING_DIR" --no-audit --no-fund --loglevel=error \
    "@modelcontextprotocol/server-everything@$EVERYTHING_VERSION" >&2 \
    || fail "could not install @modelcontextprotocol/server-everything"
  log "installed server-everything $EVERYTHING_VERSION in $EVERYTHING_DIR"
fi

log "all services ready"
