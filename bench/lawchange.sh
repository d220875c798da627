#!/usr/bin/env bash
# Benchmark (not a test): re-assessing a caseload when the law changes
# (issue 23: 10,000 cases in at most 10 s on 2 cores, the case page's p99 at
# most 50 ms while it runs).
#
# Usage: bench/lawchange.sh [CASES]      (default 10000)
#   environment: PROFILE=release (default) or dev
#
# Generates CASES facts documents (`refuge screen --generate`), then runs
# crates/web/examples/lawchange_bench.rs: the cases opened on a fresh SQLite
# database as if assessed under the previous law (2026.11), the server's
# background re-assessment under the present law, and two clients asking for
# random case pages meanwhile; it prints the pass's time, its causes and the
# pages' latencies.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-10000}
PROFILE=${PROFILE:-release}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DIR=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
cargo build --quiet --profile "$PROFILE" -p refuge
cargo build --quiet --profile "$PROFILE" -p refuge-web --example lawchange_bench
"target/$DIR/refuge" screen --generate "$CASES" --output-format jsonl -o "$WORK/facts.jsonl"
"target/$DIR/examples/lawchange_bench" "$WORK/facts.jsonl"
