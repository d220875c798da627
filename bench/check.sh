#!/usr/bin/env bash
# `refuge check` on the complete sample application, timed two ways
# (target: ≤ 2 ms for the check):
#   1. in process (divan): parsing, the engine's assessment, every check, JSON out;
#   2. the whole process (farm-bench, or a shell loop without it): start-up included.
# Usage: bench/check.sh   (RUNS=N for more whole-process runs, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
SAMPLE=examples/application/complete.json

echo "== in process: cargo bench -p refuge-application --bench check"
cargo bench -q -p refuge-application --bench check

cargo build -q --release -p refuge
BIN=target/release/refuge
"$BIN" check "$SAMPLE" --format json >/dev/null

echo "== whole process: refuge check $SAMPLE --format json ($RUNS runs)"
if command -v farm-bench >/dev/null; then
  farm-bench -n "$RUNS" -- "$BIN" check "$SAMPLE" --format json
else
  start=$(date +%s%N)
  for _ in $(seq "$RUNS"); do "$BIN" check "$SAMPLE" --format json >/dev/null; done
  end=$(date +%s%N)
  echo "mean $(( (end - start) / RUNS / 1000 )) µs a run"
fi
