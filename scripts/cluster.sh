#!/usr/bin/env bash
# A Ruche cluster on one machine: N instances on one PostgreSQL + Redis behind HAProxy, the way an operator runs
# several stateless instances (docs/operations.md, "Scaling out").
#
#   scripts/cluster.sh up [N=3]     start PostgreSQL, Redis, N instances and HAProxy (idempotent)
#   scripts/cluster.sh down         stop all of them (the database is kept; `down --purge` drops it)
#   scripts/cluster.sh status       what runs, and each instance's readiness as HAProxy sees it
#   scripts/cluster.sh kill I       kill -9 instance I (1-based)          scripts/cluster.sh start I
#   scripts/cluster.sh redis-stop | redis-start | pg-restart | pg-stop | pg-start   (fault injection)
#   scripts/cluster.sh heap         heap in use (KiB) of all instances together, after a full GC of each
#
# Everything is its own: a PostgreSQL cluster `ruche` on port 5440 (pg_createcluster; the machine's PostgreSQL
# on 5432 is never touched), a Redis on port 6390, instances on 8091.., HAProxy on 8090 (stats on 8099).
# State, logs and pids: $RUCHE_CLUSTER_DIR (default target/cluster).
# Env: RUCHE_CLUSTER_PORT (8090), RUCHE_CLUSTER_PG_PORT (5440), RUCHE_CLUSTER_REDIS_PORT (6390),
#      RUCHE_CLUSTER_DB (ruche_cluster_run), RUCHE_CLUSTER_HEAP (512m per instance), RUCHE_CLUSTER_KEY
#      (bootstrap admin key, cluster-admin-key), and any RUCHE_* / SPRING_* setting, passed to every instance.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR="${RUCHE_CLUSTER_DIR:-$ROOT/target/cluster}"
LB_PORT="${RUCHE_CLUSTER_PORT:-8090}"
PG_PORT="${RUCHE_CLUSTER_PG_PORT:-5440}"
REDIS_PORT="${RUCHE_CLUSTER_REDIS_PORT:-6390}"
DB="${RUCHE_CLUSTER_DB:-ruche_cluster_run}"
HEAP="${RUCHE_CLUSTER_HEAP:-512m}"
KEY="${RUCHE_CLUSTER_KEY:-cluster-admin-key}"
PG_CLUSTER=ruche
STATS_PORT=$((LB_PORT + 9))

log()  { echo "[cluster +${SECONDS}s] $*" >&2; }
fail() { echo "[cluster] ERROR: $*" >&2; exit 1; }
instance_port() { echo $((LB_PORT + $1)); }
pg_version() { ls /etc/postgresql | sort -V | tail -n1; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() { # what seconds command...
  local what=$1 deadline=$((SECONDS + $2)); shift 2
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "$what not ready after ${deadline}s"
    sleep 0.5
  done
}

# ---------------------------------------------------------------- PostgreSQL (own cluster, own port)
pg_up() {
  local version; version=$(pg_version)
  if [ ! -d "/etc/postgresql/$version/$PG_CLUSTER" ]; then
    log "creating PostgreSQL $version cluster '$PG_CLUSTER' on port $PG_PORT"
    pg_createcluster "$version" "$PG_CLUSTER" -p "$PG_PORT" -- --auth=trust >/dev/null \
      || fail "pg_createcluster failed (needs root and Debian's postgresql-common)"
    # Room for N instances' pools (10 connections each) and the fault tests' reconnections.
    echo "max_connections = 200" >>"/etc/postgresql/$version/$PG_CLUSTER/postgresql.conf"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" "$PG_CLUSTER" start 2>/dev/null || true
  wait_for "PostgreSQL on $PG_PORT" 60 pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
  local psql=(psql -X -q -v ON_ERROR_STOP=1 -U postgres -h 127.0.0.1 -p "$PG_PORT")
  if [ "$("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE \"$DB\"" >/dev/null
  fi
  "${psql[@]}" -d "$DB" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS vector" >/dev/null \
    || fail "pgvector is missing: run scripts/setup-services.sh once (it builds the extension)"
}
pg_ctl_cluster() { pg_ctlcluster --skip-systemctl-redirect -m fast "$(pg_version)" "$PG_CLUSTER" "$1"; }

# ---------------------------------------------------------------- Redis (own instance, own port)
redis_ready() { [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }
redis_up() {
  redis_ready && return 0
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$DIR" --logfile "$DIR/redis.log" --pidfile "$DIR/redis.pid" || fail "redis-server did not start"
  wait_for "Redis on $REDIS_PORT" 30 redis_ready
}
redis_down() { redis_ready && redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }

# ---------------------------------------------------------------- instances
secret_key() {
  [ -f "$DIR/secret-key" ] || head -c 32 /dev/urandom | base64 >"$DIR/secret-key"
  cat "$DIR/secret-key"
}
instance_up() { # index
  local i=$1 port; port=$(instance_port "$1")
  alive "$DIR/i$i.pid" && return 0
  mkdir -p "$DIR/i$i"
  # Loopback tools: the cluster tests run their fake tools and model on this machine.
  env RUCHE_TOOLBOX_ALLOW_LOOPBACK="${RUCHE_TOOLBOX_ALLOW_LOOPBACK:-true}" RUCHE_STORE=postgres PORT="$port" RUCHE_DATA_DIR="$DIR/i$i" RUCHE_BOOTSTRAP_KEY="$KEY" \
    RUCHE_SECRET_KEY="$(secret_key)" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD= SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT="$REDIS_PORT" \
    JDK_JAVA_OPTIONS="-Xms$HEAP -Xmx$HEAP ${RUCHE_CLUSTER_JAVA_OPTIONS:-}" \
    setsid scripts/run.sh >>"$DIR/i$i.log" 2>&1 </dev/null &
  echo $! >"$DIR/i$i.pid"
}
instance_ready() { curl -sf -o /dev/null "http://127.0.0.1:$(instance_port "$1")/actuator/health/readiness"; }
instance_kill() { # index: kill -9, as a crash would
  alive "$DIR/i$1.pid" || return 0
  kill -9 "$(cat "$DIR/i$1.pid")"
  rm -f "$DIR/i$1.pid"
}
instance_count() { cat "$DIR/instances" 2>/dev/null || echo 0; }

# ---------------------------------------------------------------- HAProxy
haproxy_config() { # N
  cat <<EOF
# Generated by scripts/cluster.sh; the routing part carries over to any HAProxy in front of Ruche.
global
    maxconn $(( ($(ulimit -Hn) - 200) / 2 ))
    stats socket $DIR/haproxy.sock mode 600 level admin

defaults
    mode http
    option http-server-close
    option redispatch
    retries 1
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout tunnel 30m
    timeout http-request 10s
    # A busy instance answers its readiness check late: only three checks missed in a row (6 s) take it out,
    # and requests already on it are left to finish.
    timeout check 5s

frontend ruche
    bind 127.0.0.1:$LB_PORT
    use_backend ruche_mcp if { path /mcp } || { path_beg /mcp/ } || { path_beg /mcp? }
    default_backend ruche_any

# MCP: a session lives in the instance that created it. The first request (initialize) goes round-robin;
# the Mcp-Session-Id its answer carries pins every later request of the session to that instance. When the
# instance is down, the request is redispatched: the new instance answers 404 and the client re-initialises.
backend ruche_mcp
    balance roundrobin
    stick-table type string len 96 size 200k expire 35m
    stick match req.hdr(mcp-session-id)
    stick store-response res.hdr(mcp-session-id)
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server check inter 2s fall 3 rise 2
    http-response set-header X-Ruche-Instance %s
$(for i in $(seq "$1"); do echo "    server i$i 127.0.0.1:$(instance_port "$i")"; done)

# Everything else (REST, console, health): round-robin over the ready instances.
backend ruche_any
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server check inter 2s fall 3 rise 2
    http-response set-header X-Ruche-Instance %s
$(for i in $(seq "$1"); do echo "    server i$i 127.0.0.1:$(instance_port "$i")"; done)

frontend stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /
EOF
}
haproxy_up() { # N
  command -v haproxy >/dev/null || {
    log "installing HAProxy (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; } \
      || fail "apt-get install haproxy failed"
  }
  ulimit -n "$(ulimit -Hn)"
  haproxy_config "$1" >"$DIR/haproxy.cfg"
  haproxy -c -q -f "$DIR/haproxy.cfg" || fail "invalid $DIR/haproxy.cfg"
  if alive "$DIR/haproxy.pid"; then # reload with the new server list, keeping connections
    haproxy -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid" -sf "$(cat "$DIR/haproxy.pid")"
  else
    haproxy -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid"
  fi
}

# ---------------------------------------------------------------- commands
up() {
  local n=${1:-3}
  mkdir -p "$DIR"
  source scripts/find-jdk.sh 2>/dev/null
  [ -f mcp-server/target/ruche.jar ] || ./mvnw -B -q -DskipTests package -pl mcp-server -am
  pg_up; log "PostgreSQL ready on $PG_PORT (database $DB)"
  redis_up; log "Redis ready on $REDIS_PORT"
  echo "$n" >"$DIR/instances"
  # One after the other: the first one migrates the schema and creates the bootstrap tenant, and two cores
  # start one JVM faster than three at once.
  for i in $(seq "$n"); do
    instance_up "$i"
    wait_for "instance $i (log: $DIR/i$i.log)" 240 instance_ready "$i"
    log "instance $i ready on $(instance_port "$i")"
  done
  haproxy_up "$n"
  wait_for "HAProxy on $LB_PORT" 30 curl -sf -o /dev/null "http://127.0.0.1:$LB_PORT/actuator/health/readiness"
  log "cluster of $n up: http://127.0.0.1:$LB_PORT/mcp (key $KEY), HAProxy stats http://127.0.0.1:$STATS_PORT/"
}

down() {
  alive "$DIR/haproxy.pid" && kill "$(cat "$DIR/haproxy.pid")"
  rm -f "$DIR/haproxy.pid"
  for pidfile in "$DIR"/i*.pid; do
    [ -f "$pidfile" ] || continue
    alive "$pidfile" && kill "$(cat "$pidfile")" && for _ in $(seq 40); do alive "$pidfile" || break; sleep 0.25; done
    alive "$pidfile" && kill -9 "$(cat "$pidfile")"
    rm -f "$pidfile"
  done
  redis_down
  if [ "${1:-}" = --purge ]; then
    psql -X -q -U postgres -h 127.0.0.1 -p "$PG_PORT" -d postgres -c "DROP DATABASE IF EXISTS \"$DB\"" || true
  fi
  [ -d "/etc/postgresql/$(pg_version)/$PG_CLUSTER" ] && pg_ctl_cluster stop 2>/dev/null || true
  log "cluster down"
}

status() {
  for i in $(seq "$(instance_count)"); do
    if instance_ready "$i"; then echo "i$i :$(instance_port "$i") ready"; else echo "i$i :$(instance_port "$i") NOT ready"; fi
  done
  redis_ready && echo "redis :$REDIS_PORT up" || echo "redis :$REDIS_PORT DOWN"
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && echo "postgres :$PG_PORT up" || echo "postgres :$PG_PORT DOWN"
  alive "$DIR/haproxy.pid" && echo "haproxy :$LB_PORT up" || echo "haproxy :$LB_PORT DOWN"
}

heap() { # the instances' heap in use after a full GC, KiB, summed
  source scripts/find-jdk.sh 2>/dev/null
  local total=0 pidfile used
  for pidfile in "$DIR"/i*.pid; do
    alive "$pidfile" || continue
    jcmd "$(cat "$pidfile")" GC.run >/dev/null
    used=$(jcmd "$(cat "$pidfile")" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n1)
    total=$((total + ${used:-0}))
  done
  echo "$total"
}

case "${1:-}" in
  up) up "${2:-3}" ;;
  down) down "${2:-}" ;;
  status) status ;;
  heap) heap ;;
  kill) instance_kill "${2:?instance}" ;;
  start) mkdir -p "$DIR"; source scripts/find-jdk.sh 2>/dev/null; instance_up "${2:?instance}"
         wait_for "instance $2" 240 instance_ready "$2" ;;
  redis-stop) redis_down ;;
  redis-start) redis_up ;;
  pg-restart) pg_ctl_cluster restart ;;
  pg-stop) pg_ctl_cluster stop ;;
  pg-start) pg_ctl_cluster start ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
