#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/, as `cargo fuzz list` gives them)
# for FUZZ_SECONDS each (default 60), from its corpus in fuzz/corpus/TARGET.
# Exit code 0 when no target found a crash, a failed check or a slow input;
# otherwise 1, with the file that reproduces it (fuzz/artifacts/TARGET/…) and
# the command that replays it. `.ci/run` runs it through the test
# crates/cli/tests/fuzz.rs (REFUGE_FUZZ=1).
#
#   fuzz/run.sh                 # every target, 60 s each
#   FUZZ_SECONDS=600 fuzz/run.sh facts_form
#
# Installs cargo-fuzz (from crates.io) if missing.
#
# The compiler: stable. With `--sanitizer none` every flag cargo-fuzz passes is
# a stable one (`-Cpasses=sancov-module`, `-Cllvm-args=-sanitizer-coverage-…`),
# so no nightly toolchain is needed. A sanitizer (FUZZ_SANITIZER=address) is
# a `-Zsanitizer` flag, which only a nightly compiler takes: for it this sets
# RUSTC_BOOTSTRAP=1, which makes the stable compiler accept it (the same
# compiler as the workspace's; no second toolchain to fetch). The variable is
# set for the fuzz build alone, never for the workspace's.
#
# Sanitizer: none (cargo-fuzz's default is AddressSanitizer). The code the
# targets reach is safe Rust (the one `unsafe` block, an ASCII cell read as
# `str` in crates/screen/src/columns.rs, makes no access AddressSanitizer
# watches), so what is sought is a panic, a failed check, an arithmetic
# overflow (the fuzz profile keeps overflow checks and debug assertions on),
# a slow input (over 10 s) or runaway memory (over 2 GB). FUZZ_SANITIZER=address
# builds with it (not measured: another whole build of the fuzz crate).
#
# The corpus in the repository is read, never written: what a run discovers
# goes to a temporary folder. To fold new finds in, keep them
# (FUZZ_KEEP=DIR) and minimize: `cargo fuzz cmin TARGET` (see the README).
set -euo pipefail
keep=${FUZZ_KEEP:+$(realpath -m "$FUZZ_KEEP")}
cd "$(dirname "$0")"

seconds=${FUZZ_SECONDS:-60}
sanitizer=${FUZZ_SANITIZER:-none}
[ "$sanitizer" = none ] || export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz/run.sh: installing cargo-fuzz..."
    cargo install cargo-fuzz --locked --version 0.13.2 >/dev/null 2>&1 ||
        { echo "fuzz/run.sh: cargo install cargo-fuzz failed" >&2; exit 2; }
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi

started=$SECONDS
# One build for every target (or for the one named).
one=()
[ ${#targets[@]} -eq 1 ] && one=("${targets[0]}")
if ! build=$(cargo fuzz build --sanitizer "$sanitizer" "${one[@]}" 2>&1); then
    echo "$build" | tail -n 40 >&2
    echo "fuzz/run.sh: the fuzz build failed" >&2
    exit 2
fi
echo "fuzz/run.sh: built in $((SECONDS - started)) s"

failed=()
for t in "${targets[@]}"; do
    [ -d "corpus/$t" ] || { echo "fuzz/run.sh: no corpus/$t: every target keeps a seed corpus" >&2; exit 2; }
    new=${keep:+$keep/$t}
    new=${new:-$(mktemp -d)}
    mkdir -p "$new" "artifacts/$t"
    log=$(mktemp)
    echo "fuzz/run.sh: $t for $seconds s..."
    # The first folder takes what the run discovers; the corpus is only read.
    if cargo fuzz run --sanitizer "$sanitizer" "$t" "$new" "corpus/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -close_fd_mask=3 >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done ' "$log" | tr '\n' ' '
        echo
    else
        tail -n 60 "$log"
        artifact=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/^Test unit written to //')
        case $artifact in /* | "") ;; *) artifact=fuzz/$artifact ;; esac
        failed+=("$t: $artifact")
    fi
    rm -f "$log"
    [ -n "$keep" ] || rm -rf "$new"
done

echo "fuzz/run.sh: ${#targets[@]} targets, $seconds s each, $((SECONDS - started)) s in all"
if [ ${#failed[@]} -gt 0 ]; then
    for f in "${failed[@]}"; do
        t=${f%%:*} artifact=${f#*: }
        if [ -n "$artifact" ]; then
            echo "fuzz/run.sh: FAILED $t: $artifact" >&2
            echo "    replay: ${RUSTC_BOOTSTRAP:+RUSTC_BOOTSTRAP=1 }cargo fuzz run --sanitizer $sanitizer $t $artifact" >&2
        else
            echo "fuzz/run.sh: FAILED $t (no input written; see its log above)" >&2
        fi
    done
    exit 1
fi
