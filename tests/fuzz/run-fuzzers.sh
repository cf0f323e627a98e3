#!/usr/bin/env bash
# Runs the libFuzzer targets of a `fuzz` preset build and reports, per target, executions,
# coverage (libFuzzer's cov = edges, ft = features) and corpus size.
#
#   run-fuzzers.sh [--smoke] [--jobs N] [--runs N] BUILD_DIR SECONDS [TARGET...]
#
# Each target fuzzes for SECONDS (or until --runs executions, if sooner), starting from its
# committed seeds (tests/fuzz/corpus/<t>) and regression inputs (tests/fuzz/regressions/<t>),
# which libFuzzer first replays one by one. New
# inputs go to BUILD_DIR/fuzz-corpus/<t> (kept between runs; --smoke: a fresh
# BUILD_DIR/smoke-corpus/<t>), never into the source tree. A crash, hang, leak, sanitizer report
# or broken invariant fails the run; the input is saved under BUILD_DIR/fuzz-artifacts/<t>/ and
# the command to reproduce it is printed. --jobs runs that many targets at a time. Runs longer
# than a smoke record no allocation stacks: ASan's fast unwinder reads junk frames through the
# system libraries (built without frame pointers), so nearly every stack is new and its stack
# depot grew ~4 KB an execution (1 GB after 500,000 rawhttprequest inputs, slowing it 6x); errors
# are still caught and reported where they happen; reproduce an artifact for the whole stacks.
set -euo pipefail

smoke=0
jobs=1
runs=
while [[ $# -gt 0 && $1 == --* ]]; do
    case $1 in
    --smoke) smoke=1; shift ;;
    --jobs) jobs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [[ $# -lt 2 ]]; then
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
shared=${SYNCDECK_SHARED_DIR:-$here/../../../shared}

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for dir in "$here"/corpus/*/; do
        targets+=("$(basename "$dir")")
    done
fi

logs=$build/fuzz-logs
mkdir -p "$logs"
# A smaller quarantine than the default 256 MB keeps a long run's RSS flat (and fewer page
# faults make it faster); use-after-free is still caught within the last 64 MB freed.
asan=detect_leaks=1:allocator_may_return_null=1:quarantine_size_mb=64
[[ $smoke == 1 ]] || asan+=:malloc_context_size=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-$asan}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../support/lsan.supp:print_suppressions=0}
export QT_QPA_PLATFORM=offscreen

run_one() {
    local t=$1
    local exe=$build/tests/fuzz/fuzz_$t
    local scratch=$build/fuzz-corpus/$t
    if [[ $smoke == 1 ]]; then
        scratch=$build/smoke-corpus/$t
        rm -rf "$scratch"
    fi
    local artifacts=$build/fuzz-artifacts/$t/
    mkdir -p "$scratch" "$artifacts"
    local args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=25 -rss_limit_mb=2048
                -artifact_prefix="$artifacts")
    [[ -n $runs ]] && args+=(-runs="$runs")
    [[ -f $here/dicts/$t.dict ]] && args+=(-dict="$here/dicts/$t.dict")
    local dirs=("$scratch" "$here/corpus/$t")
    [[ -d $here/regressions/$t ]] && dirs+=("$here/regressions/$t")
    # The AWS SigV4 suite's requests, when the reference data is beside the clone (never copied).
    if [[ $t == rawhttprequest && -d $shared/reference/sigv4-test-suite ]]; then
        dirs+=("$shared/reference/sigv4-test-suite")
    fi
    local status=0
    "$exe" "${args[@]}" "${dirs[@]}" >"$logs/$t.log" 2>&1 || status=$?
    echo "$status" >"$logs/$t.status"
}

pids=()
for t in "${targets[@]}"; do
    if [[ ! -x $build/tests/fuzz/fuzz_$t ]]; then
        echo "no fuzz target $t in $build (build the fuzz preset first)" >&2
        exit 2
    fi
    rm -f "$logs/$t.status"
    run_one "$t" &
    pids+=($!)
    while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do
        wait -n || true
    done
done
wait || true

failed=0
printf '%-16s %12s %8s %8s %8s %9s  %s\n' target executions exec/s cov ft corpus result
for t in "${targets[@]}"; do
    log=$logs/$t.log
    status=$(cat "$logs/$t.status" 2>/dev/null || echo 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$last")
    result=ok
    if [[ $status != 0 ]]; then
        result=FAILED
        failed=1
    fi
    printf '%-16s %12s %8s %8s %8s %9s  %s\n' "$t" "${execs:--}" "${rate:--}" "${cov:--}" \
        "${ft:--}" "${corp:--}" "$result"
done

if [[ $failed == 1 ]]; then
    for t in "${targets[@]}"; do
        [[ $(cat "$logs/$t.status" 2>/dev/null || echo 1) == 0 ]] && continue
        echo
        echo "=== fuzz_$t failed (full log: $logs/$t.log) ==="
        grep -E -m1 -A40 'ERROR: |runtime error:|invariant failed|==[0-9]+==|qFatal' "$logs/$t.log" \
            || tail -40 "$logs/$t.log"
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$logs/$t.log" | tail -1)
        if [[ -n $artifact ]]; then
            echo "reproduce: $build/tests/fuzz/fuzz_$t $artifact"
            echo "minimize:  $build/tests/fuzz/fuzz_$t -minimize_crash=1 -runs=100000 $artifact"
        fi
    done
    exit 1
fi
