#!/usr/bin/env bash
# A Redis Cluster of three masters and three replicas on this machine, for testing Qibao against
# a cluster (docs/redis-cluster.md):  .ci/redis-cluster.sh start|stop|status
# Ports QIBAO_CLUSTER_PORTS (default 7001-7006), files under QIBAO_CLUSTER_DIR (default
# target/redis-cluster). Nothing is persisted: every start after a stop is an empty cluster.
# Starting a cluster that is already up (and healthy) does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${QIBAO_CLUSTER_DIR:-target/redis-cluster}"
first="${QIBAO_CLUSTER_FIRST_PORT:-7001}"
ports=()
for i in 0 1 2 3 4 5; do ports+=($((first + i))); done

cli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}"; }
up() { [ "$(cli "$1" ping 2>/dev/null)" = PONG ]; }
state_ok() { cli "$1" cluster info 2>/dev/null | tr -d '\r' | grep -qx 'cluster_state:ok'; }
all_ok() { for p in "${ports[@]}"; do state_ok "$p" || return 1; done; }
known_nodes() { cli "$1" cluster info 2>/dev/null | tr -d '\r' | sed -n 's/^cluster_known_nodes://p'; }

install_if_missing() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v redis-cli >/dev/null || missing+=(redis-tools)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

wait_for() { # seconds, then a command that must succeed
  local seconds=$1; shift
  for _ in $(seq 1 $((seconds * 10))); do "$@" && return 0; sleep 0.1; done
  return 1
}

start() {
  install_if_missing
  if all_ok && [ "$(known_nodes "${ports[0]}")" = 6 ]; then
    echo "Redis Cluster already up on ports ${ports[0]}-${ports[5]}"
    return 0
  fi
  # a half-started cluster (a node down, or never joined) is started again from nothing
  stop >/dev/null
  mkdir -p "$dir"
  for p in "${ports[@]}"; do
    rm -rf "${dir:?}/$p"
    mkdir -p "$dir/$p"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$p" --dir "$(cd "$dir/$p" && pwd)" \
      --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 3000 \
      --save "" --appendonly no --logfile redis.log --pidfile "$(cd "$dir/$p" && pwd)/redis.pid"
  done
  for p in "${ports[@]}"; do
    wait_for 10 up "$p" || { echo "redis-server on port $p did not start (see $dir/$p/redis.log)" >&2; exit 1; }
  done
  local nodes=()
  for p in "${ports[@]}"; do nodes+=("127.0.0.1:$p"); done
  cli "${ports[0]}" --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log"
  wait_for 30 all_ok || { echo "The cluster did not reach cluster_state:ok (see $dir/create.log)" >&2; exit 1; }
  # every replica attached to its master, so that a failover has somewhere to go
  replicas_synced() {
    local n=0
    for p in "${ports[@]}"; do
      cli "$p" info replication 2>/dev/null | tr -d '\r' | grep -q '^master_link_status:up' && n=$((n + 1))
    done
    [ "$n" = 3 ]
  }
  wait_for 30 replicas_synced || { echo "The replicas did not attach to their masters" >&2; exit 1; }
  echo "Redis Cluster up: 127.0.0.1:${ports[0]}-${ports[5]} (files in $dir)"
}

stop() {
  for p in "${ports[@]}"; do
    if up "$p"; then cli "$p" shutdown nosave >/dev/null 2>&1 || true; fi
  done
  for p in "${ports[@]}"; do
    wait_for 10 bash -c "! redis-cli -h 127.0.0.1 -p $p ping >/dev/null 2>&1" || true
  done
  echo "Redis Cluster on ports ${ports[0]}-${ports[5]} stopped"
}

status() {
  local code=0
  for p in "${ports[@]}"; do
    if up "$p"; then
      role=$(cli "$p" role 2>/dev/null | head -n 1)
      state=$(cli "$p" cluster info 2>/dev/null | tr -d '\r' | sed -n 's/^cluster_state://p')
      echo "127.0.0.1:$p $role cluster_state:$state"
      [ "$state" = ok ] || code=1
    else
      echo "127.0.0.1:$p down"
      code=1
    fi
  done
  return $code
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "Usage: $0 start|stop|status" >&2; exit 2 ;;
esac
