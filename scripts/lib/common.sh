# Shared by scripts/dev, scripts/test and scripts/bench. Source it; it defines functions only.

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# trunk checks crates.io for a newer trunk in the background; nothing to gain here.
export TRUNK_SKIP_VERSION_CHECK=true

DEMO_EMAIL="${DEMO_EMAIL:-demo@example.com}"
DEMO_PASSWORD="${DEMO_PASSWORD:-demo-pass-1234}"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_in_use() {
  python3 -c 'import socket, sys; s = socket.socket(); sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)' "$1"
}

# wait_for_url URL SECONDS [PID]: polls until URL answers 2xx/3xx; fails early if PID died.
wait_for_url() {
  local url=$1 seconds=$2 pid=${3:-} i
  for ((i = 0; i < seconds * 4; i++)); do
    if curl -s -o /dev/null -f "$url"; then return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.25
  done
  return 1
}

# launch_label_studio PORT DATA_DIR LOG [VENV] [HOST]: starts Label Studio (1.23.2 from .venv, or
# the release in VENV) in its own process group with a demo superuser, without waiting; sets
# LS_PID. HOST is its LABEL_STUDIO_HOST (with a path prefix: every URL it writes goes under it).
launch_label_studio() {
  local port=$1 data_dir=$2 log=$3 venv=${4:-.venv} host=${5:-} template
  mkdir -p "$data_dir"
  # A new data dir starts from the kept first start of this release, if there is one.
  template=$(ls_template "$venv")
  if [ ! -e "$data_dir/label_studio.sqlite3" ] && [ -f "$template/done" ]; then
    cp -a "$template/data/." "$data_dir/"
  fi
  # Plain USERNAME/PASSWORD in the environment would be picked up by Label Studio; clear them.
  # SENTRY_DSN="": a release installed today brings sentry-sdk 3, with which it does not start
  # otherwise (docs/COMPATIBILITY.md).
  env -u USERNAME -u PASSWORD ${host:+LABEL_STUDIO_HOST="$host"} \
    LABEL_STUDIO_USERNAME="$DEMO_EMAIL" LABEL_STUDIO_PASSWORD="$DEMO_PASSWORD" \
    LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true \
    SENTRY_DSN="" FRONTEND_SENTRY_DSN="" COLLECT_ANALYTICS=false \
    setsid "$venv/bin/label-studio" start --no-browser --internal-host 127.0.0.1 -p "$port" \
      --data-dir "$data_dir" >"$log" 2>&1 &
  LS_PID=$!
}

# await_label_studio PORT PID LOG: waits for a launched Label Studio's /health.
await_label_studio() {
  local port=$1 pid=$2 log=$3
  if ! wait_for_url "http://127.0.0.1:$port/health" 240 "$pid"; then
    echo "Label Studio did not start on :$port; last lines of $log:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
}

# ls_template VENV: where the data dir of VENV's release, as its first start leaves it (the
# database migrated, the demo user made), is kept for the next servers: a first start migrates
# for about 80 CPU-seconds, a start from a copy takes about 18. Keyed by the release and the
# demo account; under target/, so `cargo clean` clears it.
ls_template() {
  local venv=$1 dist
  dist=$(cd "$venv"/lib/python3*/site-packages 2>/dev/null && ls -d label_studio-*.dist-info 2>/dev/null | head -n 1)
  printf '%s/target/label-studio-templates/%s-%s\n' "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)" \
    "${dist%.dist-info}" "$(printf '%s' "$DEMO_EMAIL:$DEMO_PASSWORD" | sha256sum | cut -c1-12)"
}

# keep_template VENV DATA_DIR: keeps DATA_DIR as VENV's template, unless one is kept already.
# Call it once the server is up and before anything has used it. The database is copied through
# SQLite's backup, which is consistent while the server runs.
keep_template() {
  local venv=$1 data_dir=$2 template tmp
  template=$(ls_template "$venv")
  [ -f "$template/done" ] && return 0
  tmp="$template.$$"
  rm -rf "$tmp"; mkdir -p "$tmp/data"
  find "$data_dir" -mindepth 1 -maxdepth 1 ! -name 'label_studio.sqlite3*' -exec cp -a {} "$tmp/data/" \;
  if python3 -c 'import sqlite3, sys; d = sqlite3.connect(sys.argv[2]); sqlite3.connect(sys.argv[1]).backup(d); d.close()' \
    "$data_dir/label_studio.sqlite3" "$tmp/data/label_studio.sqlite3"; then
    touch "$tmp/done"
    rm -rf "$template"; mv -T "$tmp" "$template" 2>/dev/null || rm -rf "$tmp"
  else
    rm -rf "$tmp"
  fi
}

# start_label_studio PORT DATA_DIR LOG [VENV] [HOST]: launch_label_studio, then waits for it.
start_label_studio() {
  launch_label_studio "$@" && await_label_studio "$1" "$LS_PID" "$3"
}

# stop_group PID: stops a process started with setsid, and its children.
stop_group() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# trunk_config APP_PORT LS_URL: writes a Trunk config for these origins (ports and the Host
# header move together) next to Trunk.toml, so relative paths keep working; prints its path.
trunk_config() {
  local app_port=$1 ls_url=${2%/} out
  out=".trunk-$app_port.toml"
  sed -e "s#http://127.0.0.1:8080/#$ls_url/#" \
      -e "s#Host = \"127.0.0.1:8081\"#Host = \"127.0.0.1:$app_port\"#" \
      -e "s#^port = 8081#port = $app_port#" \
      Trunk.toml >"$out"
  echo "$out"
}
