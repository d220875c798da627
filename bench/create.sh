#!/usr/bin/env bash
# Benchmark (not a test) of issue 15, high 3: cases opened at the same time by
# many clients all open, each with a number of its own.
#
# Usage: bench/create.sh              (SQLite in a temporary data folder)
#        DATABASE_URL=postgres://... bench/create.sh   (that PostgreSQL database;
#                                      it should be empty: its users and cases are added to)
#   environment: CLIENTS=50, DURATION=60 (seconds)
#
# Starts `refuge serve`, adds an administrator and an API token, then has
# CLIENTS clients open cases through POST /api/v1/cases without a case number
# for DURATION seconds (bench/serve_load.py create), and prints how many were
# created, the errors (goal: 0) and the repeated numbers (goal: 0).
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-50}
DURATION=${DURATION:-60}
BIN=target/release/refuge
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cargo build --release --quiet -p refuge
if [ -n "${DATABASE_URL:-}" ]; then STORE=(--database "$DATABASE_URL"); else STORE=(--data "$WORK/data"); fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

echo 'bench-password-123' | "$BIN" user add bench --role admin "${STORE[@]}" 2>/dev/null
TOKEN=$("$BIN" token new bench "${STORE[@]}")
"$BIN" serve "${STORE[@]}" --listen "127.0.0.1:$PORT" 2>>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 300); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/static/icon.svg")' "$BASE" 2>/dev/null && break
  sleep 0.1
done

echo "store: $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite); $CLIENTS clients for $DURATION s ..."
python3 bench/serve_load.py create "$BASE" "$TOKEN" --clients "$CLIENTS" --seconds "$DURATION"
