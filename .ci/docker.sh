#!/usr/bin/env bash
# The real Docker parts the tests and bench/deploy.ts use (docs/design.md, "Real parts in tests"):
# a private dockerd, a registry with htpasswd authentication on 127.0.0.1, and a local base image
# (no Docker Hub here). Writes an env file that tests/support/docker-env.ts reads.
#
#   .ci/docker.sh [start]   install what is missing, start what is not running (idempotent)
#   .ci/docker.sh stop      stop the registry and the daemon, unmount what the daemon mounted
#                           (keeps images and registry data)
#   .ci/docker.sh purge     stop, then delete the state folder (images, registry data, base image)
#   .ci/docker.sh running   exit 0 when this state folder's engine or registry answers
#   .ci/docker.sh env       print the env file; `set -a; . FILE; set +a` exports it (npm run example
#                           then deploys with the local base image)
#
# Settings (environment): MODEL_CI_DOCKER_STATE (default /tmp/model-ci-docker),
# MODEL_CI_TEST_REGISTRY_PORT (5000), MODEL_CI_TEST_BASE_IMAGE (model-ci-test/node:24-slim).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${MODEL_CI_DOCKER_STATE:-/tmp/model-ci-docker}
PORT=${MODEL_CI_TEST_REGISTRY_PORT:-5000}
BASE_IMAGE=${MODEL_CI_TEST_BASE_IMAGE:-model-ci-test/node:24-slim}
SOCK=$STATE/docker.sock
REGISTRY_USER=model-ci
ENV_FILE=$STATE/env

say() { printf 'docker.sh: %s\n' "$*"; }
die() { printf 'docker.sh: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"
  fi
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} = 0 ] && return
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

engine_up() { curl -sf --max-time 2 --unix-socket "$SOCK" http://docker/_ping >/dev/null 2>&1; }
registry_up() {
  # 401 without credentials is the answer of a registry that has auth on.
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/v2/" || true)" = 401 ]
}

# Waits up to $2 seconds for the check $1 to pass.
wait_for() {
  local check=$1 seconds=$2 i
  for ((i = 0; i < seconds * 4; i++)); do
    "$check" && return 0
    sleep 0.25
  done
  return 1
}

mounts_under() { awk -v s="$1/" 'index($2, s) == 1 { print $2 }' /proc/mounts; }

# Unmounts what a daemon left mounted under $1, deepest first: dockerd bind-mounts its data root onto
# itself and leaves its network namespace (exec/netns) and containers' shm mounted after it exits.
unmount_under() {
  local m
  mounts_under "$1" | sort -r | while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" || true; done
  if [ -n "$(mounts_under "$1")" ]; then
    die "still mounted under $1: $(mounts_under "$1" | tr '\n' ' ')"
  fi
}

# Stops this state folder's daemon and the containerd it started, then clears the runtime state: the exec
# root is runtime state only (the data root keeps the images), and a leftover containerd.pid whose number
# another process now has makes the next dockerd wait for a containerd that is not there.
stop_engine() {
  stop_pid_file "$STATE/dockerd.pid" dockerd
  local containerd_pid
  containerd_pid=$(cat "$STATE/exec/containerd/containerd.pid" 2>/dev/null || true)
  if [ -n "$containerd_pid" ] && grep -qsa "$STATE/exec" "/proc/$containerd_pid/cmdline"; then
    kill -9 "$containerd_pid" || true
  fi
  unmount_under "$STATE"
  rm -rf "$STATE/exec" "$SOCK"
}

start_engine() {
  if engine_up; then say "engine already running at unix://$SOCK"; return; fi
  # Not answering: what a killed daemon left behind is stale.
  stop_engine
  mkdir -p "$STATE/data" "$STATE/exec"
  # vfs, no iptables and no bridge: what works inside this machine's VM (no overlayfs, no netfilter);
  # containers then run with --network host.
  setsid nohup dockerd --storage-driver vfs --iptables=false --bridge=none \
    --data-root "$STATE/data" --exec-root "$STATE/exec" --pidfile "$STATE/dockerd.pid" \
    --host "unix://$SOCK" >"$STATE/dockerd.log" 2>&1 </dev/null &
  if ! wait_for engine_up 60; then
    tail -n 30 "$STATE/dockerd.log" >&2 || true
    die "dockerd did not answer on $SOCK within 60 s (log above, full log: $STATE/dockerd.log)"
  fi
  say "engine started at unix://$SOCK"
}

start_registry() {
  if registry_up; then say "registry already running at 127.0.0.1:$PORT"; return; fi
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/" 2>/dev/null; then
    die "port $PORT answers but is not a registry with authentication; set MODEL_CI_TEST_REGISTRY_PORT"
  fi
  mkdir -p "$STATE/registry"
  [ -s "$STATE/registry-password" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$STATE/registry-password")
  htpasswd -Bbn "$REGISTRY_USER" "$(cat "$STATE/registry-password")" >"$STATE/htpasswd"
  cat >"$STATE/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
  secret: $(head -c 16 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
auth:
  htpasswd:
    realm: model-ci-test
    path: $STATE/htpasswd
EOF
  setsid nohup docker-registry serve "$STATE/registry.yml" >"$STATE/registry.log" 2>&1 </dev/null &
  echo $! >"$STATE/registry.pid"
  if ! wait_for registry_up 30; then
    tail -n 30 "$STATE/registry.log" >&2 || true
    die "the registry did not answer on 127.0.0.1:$PORT within 30 s (full log: $STATE/registry.log)"
  fi
  say "registry started at 127.0.0.1:$PORT (user $REGISTRY_USER)"
}

# node:24-slim stands in for itself: the Node 24 binary, the shared libraries ldd lists, and a
# non-root `node` user (uid 1000), imported as one layer.
build_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then say "base image $BASE_IMAGE present"; return; fi
  local node_bin=$ROOT/node_modules/node/bin/node
  [ -x "$node_bin" ] || node_bin=$(command -v node) || die "no node binary (run npm ci first for Node 24)"
  local rootfs=$STATE/rootfs lib
  rm -rf "$rootfs"
  mkdir -p "$rootfs/usr/local/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/node"
  chmod 1777 "$rootfs/tmp"
  cp "$node_bin" "$rootfs/usr/local/bin/node"
  for lib in $(ldd "$node_bin" | grep -o '/[^ ]*'); do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnode:x:1000:1000::/home/node:/usr/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnode:x:1000:\n' >"$rootfs/etc/group"
  chown 1000:1000 "$rootfs/home/node"
  tar -C "$rootfs" --numeric-owner -c . |
    docker import -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' -c 'CMD ["node"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  say "base image $BASE_IMAGE built from $node_bin ($("$node_bin" --version))"
}

# A container must start here, or every engine test would fail with a less clear message.
smoke_test() {
  local out
  if ! out=$(docker run --rm --network host --user 1000 "$BASE_IMAGE" node -e 'console.log(process.version)' 2>&1); then
    die "a container of $BASE_IMAGE does not start: $out (daemon log: $STATE/dockerd.log)"
  fi
  say "containers run (node $out, --network host)"
}

write_env() {
  cat >"$ENV_FILE" <<EOF
DOCKER_HOST=unix://$SOCK
MODEL_CI_TEST_REGISTRY=127.0.0.1:$PORT
MODEL_CI_TEST_REGISTRY_USER=$REGISTRY_USER
MODEL_CI_TEST_REGISTRY_PASSWORD=$(cat "$STATE/registry-password")
MODEL_CI_TEST_REGISTRY_STORAGE=$STATE/registry
MODEL_CI_TEST_BASE_IMAGE=$BASE_IMAGE
MODEL_CI_BASE_IMAGE=$BASE_IMAGE
EOF
  say "wrote $ENV_FILE"
}

stop_pid_file() {
  local file=$1 name=$2 pid i
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    say "stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

stop_all() {
  stop_pid_file "$STATE/registry.pid" registry
  stop_engine
}

case "${1:-start}" in
  start)
    mkdir -p "$STATE"
    install_packages
    export DOCKER_HOST=unix://$SOCK
    start_engine
    start_registry
    build_base_image
    smoke_test
    write_env
    ;;
  stop) stop_all ;;
  purge)
    stop_all
    rm -rf "$STATE"
    say "removed $STATE"
    ;;
  running) engine_up || registry_up ;;
  env) cat "$ENV_FILE" ;;
  *) die "unknown command '$1' (start, stop, purge, running, env)" ;;
esac
