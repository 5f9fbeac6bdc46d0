#!/usr/bin/env bash
# Builds one fuzz target with libFuzzer and AddressSanitizer and runs it for SECONDS.
#
#   Fuzz/run.sh normalizer|rules|patterns|batch SECONDS [libFuzzer flags…]
#   Fuzz/run.sh patterns 600 -jobs=1 -seed=1     # extra flags go to libFuzzer
#   FUZZ_CONFIG=debug Fuzz/run.sh rules 60        # -Onone: slower, easier to debug
#   Fuzz/run.sh normalizer repro FILE…            # replay inputs (a crash file) without fuzzing
#
# Inputs come from Fuzz/Corpus/<target>/ (the seeds, in git) and Fuzz/.work/<target>/corpus/
# (what the fuzzer found, git-ignored); new inputs go to the latter only. Crashes, timeouts
# and out-of-memory inputs are written to Fuzz/.work/<target>/artifacts/, and the log to
# Fuzz/.work/<target>/<UTC time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: Fuzz/run.sh normalizer|rules|patterns|batch SECONDS|repro [libFuzzer flags or files…]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1
mode=$2
shift 2
case "$target" in
  normalizer) max_len=8192 ;;
  rules) max_len=16384 ;;
  patterns) max_len=4096 ;;
  batch) max_len=512 ;;  # a program of a few entries and changes; longer adds nothing
  *) usage ;;
esac
config=${FUZZ_CONFIG:-release}

# Every flag matters (Fuzz/README.md, "Build flags"):
# - `--sanitize=fuzzer` makes SwiftPM link libFuzzer's `main` instead of renaming the
#   executable's entry point (with only `-Xswiftc -sanitize=fuzzer` the link fails:
#   undefined symbol fuzz_<target>_main); with `--sanitize=address` it instruments the C
#   modules (CICU, Yams' libyaml) too;
# - SwiftPM passes those to swiftc as two flags, `-sanitize=fuzzer -sanitize=address`, and
#   the last one wins: Swift code gets no coverage. `-Xswiftc -sanitize=fuzzer,address`,
#   appended after them, gives both;
# - `-parse-as-library`: the targets have no top-level code; libFuzzer owns `main`.
build=(swift build -c "$config" --package-path Fuzz --sanitize=fuzzer --sanitize=address
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
"${build[@]}" --product "fuzz-$target" >&2
binary=$("${build[@]}" --show-bin-path)/fuzz-$target

work=Fuzz/.work/$target
mkdir -p "$work/corpus" "$work/artifacts"
# Run a copy, so that a rebuild during a long run (or libFuzzer's -fork children) keeps the
# binary the run started with.
cp "$binary" "$work/fuzz-$target"
binary=$work/fuzz-$target
# fuzz-batch runs Quipu as the file-system user `nobody` when started as root (so that
# `chmod 000` binds); a crash inside such a run is written by that user.
[ "$target" = batch ] && [ "$(id -u)" = 0 ] && chmod 1777 "$work/artifacts"
flags=(
  -timeout=10                 # an input that takes longer is a hang, saved as timeout-*
  -rss_limit_mb=4096          # ASan's shadow memory and ICU's data take ~0.5 GB already
  -max_len="$max_len"
  -dict="Fuzz/Dictionaries/$target.dict"
  -artifact_prefix="$work/artifacts/"
  -print_final_stats=1
)
# Swift's own crash handler would print a backtrace first, reading the stack in ways that
# AddressSanitizer reports as the crash (and its helper process can outlive the run): off, so
# that libFuzzer reports the first trap.
export SWIFT_BACKTRACE=enable=no
if [ "$mode" = repro ]; then
  exec "$binary" "${flags[@]}" -runs=1 "$@"
fi
[[ "$mode" =~ ^[0-9]+$ ]] || usage
log="$work/$(date -u +%Y%m%dT%H%M%SZ).log"
echo "fuzz-$target for $mode s; log: $log" >&2
set +e
"$binary" "${flags[@]}" -max_total_time="$mode" "$@" "$work/corpus" "Fuzz/Corpus/$target" 2>&1 | tee "$log" \
  | grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE)|^".*" # Uses:' >&2
status=${PIPESTATUS[0]}
exit "$status"
