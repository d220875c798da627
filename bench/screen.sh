#!/usr/bin/env bash
# Benchmark (not a test): `refuge screen` on a generated caseload against a
# pandas/NumPy baseline (bench/screen_baseline.py) that computes only the
# one-year deadline and its status for the same CSV.
#
# Usage: bench/screen.sh [ROWS]        (default 1000000)
#        PGO=1 bench/screen.sh [ROWS]  (also times the profile-guided build of bench/pgo.sh)
# Times each side RUNS times in turn (default 3) and prints the median wall
# times, their ratio and the peak memory (RSS), and
# checks that the baseline's deadlines equal Refuge's on every row (and that
# the profile-guided build writes the same output as the plain one).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-1000000}
TODAY=2026-01-15
BIN=target/release/refuge
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 -c 'import pandas, numpy' 2>/dev/null || python3 -m pip install --quiet pandas numpy
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --quiet -p refuge
PGO_BIN=
if [ "${PGO:-0}" = 1 ]; then PGO_BIN=$(bench/pgo.sh); fi

echo "generating $ROWS rows ..."
"$BIN" screen --generate "$ROWS" --seed 42 -o "$WORK/cases.csv"
"$BIN" screen --print-holidays 1971-2200 -o "$WORK/holidays.txt"
ls -l "$WORK/cases.csv" | awk '{printf "input: %.0f MB\n", $5 / 1e6}'

# CPU ticks the whole machine spent busy so far (to see other load on a shared machine).
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# Wall time in seconds, peak RSS in KB and CPU seconds from GNU time's report,
# and the CPU seconds the rest of the machine used meanwhile.
measure() { # NAME COMMAND...
  local name=$1; shift
  local before; before=$(busy)
  /usr/bin/time -v -o "$WORK/$name.time" "$@" 2>"$WORK/$name.err" >/dev/null ||
    { echo "$name failed:"; cat "$WORK/$name.err"; exit 1; }
  echo $(( $(busy) - before )) >"$WORK/$name.busy"
  awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$WORK/$name.time" >"$WORK/$name.cpu"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/$name.time" >"$WORK/$name.secs"
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/$name.time" >"$WORK/$name.rss"
}

# Each side RUNS times (default 3), taking turns, so that a slow moment of a
# shared machine falls on both; the medians are compared. Each run writes a
# new output file, as the first does: overwriting the last run's 160 MB costs
# the filesystem time of its own (on ext4, about 0.07 s, freeing the old
# blocks and flushing the new ones on close), which would fall on some runs
# and not others.
RUNS=${RUNS:-3}
for run in $(seq "$RUNS"); do
  rm -f "$WORK/refuge.csv" "$WORK/refuge_pgo.csv" "$WORK/baseline.csv"
  echo "run $run of $RUNS: refuge screen (the whole assessment) ..."
  measure "refuge.$run" "$BIN" screen "$WORK/cases.csv" -o "$WORK/refuge.csv" --today "$TODAY"
  if [ -n "$PGO_BIN" ]; then
    echo "run $run of $RUNS: refuge screen, profile-guided build ..."
    measure "refuge_pgo.$run" "$PGO_BIN" screen "$WORK/cases.csv" -o "$WORK/refuge_pgo.csv" --today "$TODAY"
    cmp -s "$WORK/refuge.csv" "$WORK/refuge_pgo.csv" || { echo "the profile-guided build's output differs"; exit 1; }
  fi
  echo "run $run of $RUNS: the pandas/NumPy baseline (the one-year deadline only) ..."
  measure "baseline.$run" python3 bench/screen_baseline.py "$WORK/cases.csv" "$WORK/baseline.csv" \
    --holidays "$WORK/holidays.txt" --today "$TODAY"
done

tail -n 25 "$WORK/refuge.1.err"

python3 - "$WORK" "$ROWS" "$RUNS" <<'EOF'
import os
import statistics
import sys

import pandas as pd

work, rows, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r = pd.read_csv(f"{work}/refuge.csv", usecols=["id", "one_year_deadline", "one_year_status"], dtype=str, keep_default_na=False)
b = pd.read_csv(f"{work}/baseline.csv", dtype=str, keep_default_na=False)
assert len(r) == len(b) == rows, (len(r), len(b), rows)
bad = (r["id"] != b["id"]) | (r["one_year_deadline"] != b["one_year_deadline"]) | (r["one_year_status"] != b["one_year_status"])
if bad.any():
    both = r[bad].join(b[bad], rsuffix="_baseline")
    print(f"MISMATCH on {int(bad.sum())} rows, for example:\n{both.head(10).to_string()}")
    sys.exit(1)
print(f"check: the baseline's one-year deadline and status equal Refuge's on all {rows} rows")

hz = 100  # USER_HZ of /proc/stat


def read(name, run, what):
    return float(open(f"{work}/{name}.{run}.{what}").read())


median = {}
for name in ("refuge", "refuge_pgo", "baseline"):
    if not os.path.exists(f"{work}/{name}.1.secs"):
        continue
    k = range(1, runs + 1)
    walls = [read(name, i, "secs") for i in k]
    cpus = [read(name, i, "cpu") for i in k]
    others = [max(read(name, i, "busy") / hz - c, 0) for i, c in zip(k, cpus)]
    rss = max(read(name, i, "rss") for i in k) / 1024
    median[name] = statistics.median(walls)
    print(f"{name}: median {median[name]:.2f} s wall (runs: {', '.join(f'{w:.2f}' for w in walls)}); "
          f"median {statistics.median(cpus):.2f} CPU-s; peak RSS {rss:.0f} MB; "
          f"other processes used at most {max(others):.2f} CPU-s during a run")
t_r, t_b = median["refuge"], median["baseline"]
print(f"refuge screen: {rows / t_r:,.0f} rows/s")
print(f"ratio (baseline / refuge), medians: {t_b / t_r:.2f}x   (goal: >= 5x; peak RSS goal: <= 100 MB)")
if "refuge_pgo" in median:
    print(f"ratio (baseline / refuge's profile-guided build), medians: {t_b / median['refuge_pgo']:.2f}x")
EOF
