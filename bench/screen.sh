#!/usr/bin/env bash
# Benchmark (not a test): `refuge screen`, the whole engine on every row,
# against what a data analyst would write instead, computing only the
# one-year deadline and its status of the same CSV:
#   - pandas/NumPy (bench/screen_baseline.py): issue 14's yardstick, 5x;
#   - Polars, streaming, with a lookup table of business days (bench/screen_polars.py);
#   - DuckDB, read_csv and a table of business days (bench/screen_duckdb.py);
# and the parse floor: the same file read by the `csv` crate on one thread,
# every field touched, nothing else (crates/screen/examples/parse_floor.rs).
# Issue 21's goals: 1.5x faster than the faster of Polars and DuckDB in wall
# time, CPU within 2.5x of the parse floor, peak RSS at most 50 MB, and on the
# high-diversity caseload (no two rows alike to the engine's screening memo:
# `refuge screen --generate N --diversity high`) no slower than Polars.
#
# Usage: bench/screen.sh [ROWS]        (default 1000000)
#        PGO=1 bench/screen.sh [ROWS]  (also times the profile-guided build of bench/pgo.sh)
#        RUNS=N (default 5)            rounds: each side once a round, in turn, so that a
#                                      slow moment of a shared machine falls on all; medians compared
#        CASELOADS="low high"          which caseloads (--diversity), default both
#        SIDES="pandas polars duckdb floor"   which others to time, default all
#        PROFILE=dev                   a debug build, to try the script (figures meaningless)
# Before timing, it checks that each baseline's deadline and status equal
# Refuge's on every row (and that the profile-guided build writes the same
# output as the plain one). pandas, Polars and DuckDB are installed with pip
# if missing (the bench's own needs; the tests do not use them).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-1000000}
RUNS=${RUNS:-5}
CASELOADS=${CASELOADS:-low high}
SIDES=${SIDES:-pandas polars duckdb floor}
TODAY=2026-01-15
PROFILE=${PROFILE:-release}
DIR=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
BIN=target/$DIR/refuge
FLOOR=target/$DIR/examples/parse_floor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 -c 'import pandas, numpy, polars, duckdb' 2>/dev/null ||
  python3 -m pip install --quiet pandas numpy polars duckdb
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --profile "$PROFILE" --quiet -p refuge
cargo build --profile "$PROFILE" --quiet -p refuge-screen --example parse_floor
PGO_BIN=
if [ "${PGO:-0}" = 1 ]; then PGO_BIN=$(bench/pgo.sh); fi
"$BIN" screen --print-holidays 1971-2200 -o "$WORK/holidays.txt"

# CPU ticks the whole machine spent busy so far (to see other load on a shared machine).
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# Wall time in seconds, peak RSS in KB and CPU seconds from GNU time's report,
# and the CPU ticks the whole machine spent meanwhile.
measure() { # NAME COMMAND...
  local name=$1; shift
  local before; before=$(busy)
  /usr/bin/time -v -o "$WORK/$name.time" "$@" 2>"$WORK/$name.err" >"$WORK/$name.out" ||
    { echo "$name failed:"; cat "$WORK/$name.err"; exit 1; }
  echo $(( $(busy) - before )) >"$WORK/$name.busy"
  awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$WORK/$name.time" >"$WORK/$name.cpu"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/$name.time" >"$WORK/$name.secs"
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/$name.time" >"$WORK/$name.rss"
}

# One side's command on CASES, writing OUT.
side() { # SIDE CASES OUT
  case $1 in
    refuge) echo "$BIN screen $2 -o $3 --today $TODAY" ;;
    refuge_pgo) echo "$PGO_BIN screen $2 -o $3 --today $TODAY" ;;
    pandas) echo "python3 bench/screen_baseline.py $2 $3 --holidays $WORK/holidays.txt --today $TODAY" ;;
    polars) echo "python3 bench/screen_polars.py $2 $3 --holidays $WORK/holidays.txt --today $TODAY" ;;
    duckdb) echo "python3 bench/screen_duckdb.py $2 $3 --holidays $WORK/holidays.txt --today $TODAY" ;;
    floor) echo "$FLOOR $2" ;;
  esac
}

ALL="refuge ${PGO_BIN:+refuge_pgo} $SIDES"
for load in $CASELOADS; do
  cases="$WORK/$load.csv"
  echo "== caseload: $ROWS rows, --diversity $load"
  "$BIN" screen --generate "$ROWS" --seed 42 --diversity "$load" -o "$cases"
  ls -l "$cases" | awk '{printf "input: %.0f MB\n", $5 / 1e6}'

  # Agreement first: each baseline's deadline and status against Refuge's, row by row.
  $(side refuge "$cases" "$WORK/refuge.csv") 2>/dev/null
  for s in $ALL; do
    case $s in refuge | floor) continue ;; esac
    $(side "$s" "$cases" "$WORK/$s.csv") 2>/dev/null
    if [ "$s" = refuge_pgo ]; then
      cmp -s "$WORK/refuge.csv" "$WORK/refuge_pgo.csv" || { echo "the profile-guided build's output differs"; exit 1; }
      continue
    fi
    python3 - "$WORK/refuge.csv" "$WORK/$s.csv" "$s" "$ROWS" <<'EOF'
import sys

import pandas as pd

refuge, other, name, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
r = pd.read_csv(refuge, usecols=["id", "one_year_deadline", "one_year_status"], dtype=str, keep_default_na=False)
b = pd.read_csv(other, dtype=str, keep_default_na=False)
assert len(r) == len(b) == rows, (name, len(r), len(b), rows)
bad = (r["id"] != b["id"]) | (r["one_year_deadline"] != b["one_year_deadline"]) | (r["one_year_status"] != b["one_year_status"])
if bad.any():
    both = pd.concat([r[bad], b[bad].add_suffix(f"_{name}")], axis=1)
    print(f"MISMATCH: {name} differs from Refuge on {int(bad.sum())} rows, for example:\n{both.head(10).to_string()}")
    sys.exit(1)
print(f"check: {name}'s one-year deadline and status equal Refuge's on all {rows} rows")
EOF
  done

  # Each new output file, as the first run writes one: overwriting the last
  # run's costs the filesystem time of its own (freeing the old blocks).
  for run in $(seq "$RUNS"); do
    echo "round $run of $RUNS: $ALL"
    for s in $ALL; do
      rm -f "$WORK/$s.csv"
      measure "$load.$s.$run" $(side "$s" "$cases" "$WORK/$s.csv")
    done
  done
  rm -f "$cases" "$WORK"/*.csv
done

tail -n 25 "$WORK/low.refuge.1.err" 2>/dev/null || true

python3 - "$WORK" "$ROWS" "$RUNS" "$CASELOADS" "$ALL" <<'EOF'
import os
import statistics
import sys

work, rows, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
loads, sides = sys.argv[4].split(), sys.argv[5].split()
hz = os.sysconf("SC_CLK_TCK")


def read(load, side, run, what):
    return float(open(f"{work}/{load}.{side}.{run}.{what}").read())


print(f"\n{rows:,} rows, {runs} rounds; medians; wall and CPU relative to refuge screen's")
print(f"{'caseload':9} {'side':11} {'wall s':>8} {'x refuge':>9} {'CPU s':>7} {'x refuge':>9} {'peak MB':>8}  other processes during a run")
wall, cpu, rss, other = {}, {}, {}, {}
for load in loads:
    for s in sides:
        k = range(1, runs + 1)
        walls = [read(load, s, i, "secs") for i in k]
        cpus = [read(load, s, i, "cpu") for i in k]
        others = [max(read(load, s, i, "busy") / hz - c, 0) for i, c in zip(k, cpus)]
        wall[load, s], cpu[load, s] = statistics.median(walls), statistics.median(cpus)
        rss[load, s] = max(read(load, s, i, "rss") for i in k) / 1024
        other[load, s] = max(others)
    for s in sides:
        print(f"{load:9} {s:11} {wall[load, s]:8.2f} {wall[load, s] / wall[load, 'refuge']:9.2f} "
              f"{cpu[load, s]:7.2f} {cpu[load, s] / cpu[load, 'refuge']:9.2f} {rss[load, s]:8.0f}  "
              f"{other[load, s]:.2f} CPU-s at most")

print()
for load in loads:
    r = wall[load, "refuge"]
    print(f"[{load}] refuge screen: {rows / r:,.0f} rows/s; peak RSS {rss[load, 'refuge']:.0f} MB (goal: <= 50 MB)")
    if (load, "pandas") in wall:
        print(f"[{load}] pandas / refuge, wall: {wall[load, 'pandas'] / r:.2f}x (goal: >= 5x)")
    fast = [s for s in ("polars", "duckdb") if (load, s) in wall]
    if fast:
        best = min(fast, key=lambda s: wall[load, s])
        goal = ">= 1.5x" if load == "low" else ">= 1x (no slower than Polars)"
        print(f"[{load}] {best} (the faster of {' and '.join(fast)}) / refuge, wall: {wall[load, best] / r:.2f}x (goal: {goal})")
    if cpu.get((load, "floor")):
        print(f"[{load}] refuge CPU / parse floor CPU: {cpu[load, 'refuge'] / cpu[load, 'floor']:.2f}x (goal: <= 2.5x)")
    if (load, "refuge_pgo") in wall:
        print(f"[{load}] pandas / refuge's profile-guided build, wall: {wall[load, 'pandas'] / wall[load, 'refuge_pgo']:.2f}x")
EOF
