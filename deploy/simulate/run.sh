#!/usr/bin/env bash
# Simulates a sharded cluster run on this machine: for each N, N `quipu run --shard K/N`
# processes in parallel (one worker thread each, as N one-core tasks), then `quipu merge`,
# against one `quipu run` over the same generated corpus with every core. Checks that each
# merged out/ is byte-identical to the single run's, and prints the times (best of REPEAT).
#
#   deploy/simulate/run.sh [DOCUMENTS] [N...]      default: 2500 documents (about 4 MB), N = 2 4 8
set -euo pipefail
cd "$(dirname "$0")/../.."

documents=${1:-2500}
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(2 4 8)
repeat=${REPEAT:-3}
cores=$(nproc)

swift build -c release --product quipu >/dev/null
quipu="$(swift build -c release --show-bin-path)/quipu"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 deploy/simulate/make-corpus.py "$work/corpus" "$documents"
echo "corpus: $documents documents, $(du -s --apparent-size --block-size=1K "$work/corpus" | cut -f1) KiB; $cores cores; quipu $("$quipu" --version)"

now() { echo "$EPOCHREALTIME"; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
best() { printf '%s\n' "$@" | sort -g | head -n 1; }

runs=()
for _ in $(seq "$repeat"); do
  rm -rf "$work/full"
  start=$(now)
  "$quipu" run "$work/corpus" --jobs "$cores" --out "$work/full" --quiet
  runs+=("$(minus "$(now)" "$start")")
done
single=$(best "${runs[@]}")
printf '\n%-28s %8s\n' "1 process, --jobs $cores" "${single} s"

printf '\n%3s %12s %8s %8s %9s %16s\n' N "shards (s)" "merge" total "vs 1 run" "max shard CPU"
for n in "${counts[@]}"; do
  shard_times=() merge_times=() cpu_max=0
  for _ in $(seq "$repeat"); do
    rm -rf "$work/shards" "$work/merged"
    mkdir -p "$work/shards"
    start=$(now)
    for k in $(seq "$n"); do
      /usr/bin/time -f "%U %S" -o "$work/shards/time-$k" \
        "$quipu" run "$work/corpus" --shard "$k/$n" --jobs 1 --out "$work/shards/$k" --quiet &
    done
    wait
    middle=$(now)
    "$quipu" merge "$work"/shards/[0-9]* --out "$work/merged" --quiet
    end=$(now)
    shard_times+=("$(minus "$middle" "$start")")
    merge_times+=("$(minus "$end" "$middle")")
    cpu_max=$(cat "$work"/shards/time-* | awk -v m="$cpu_max" '{ c = $1 + $2; if (c > m) m = c } END { printf "%.2f", m }')
    diff -r "$work/full" "$work/merged" >/dev/null || { echo "N=$n: merged output differs from the single run" >&2; exit 1; }
  done
  shards=$(best "${shard_times[@]}")
  merge=$(best "${merge_times[@]}")
  total=$(awk -v a="$shards" -v b="$merge" 'BEGIN { printf "%.2f", a + b }')
  ratio=$(awk -v t="$total" -v s="$single" 'BEGIN { printf "%.2fx", t / s }')
  printf '%3s %12s %8s %8s %9s %14s s\n' "$n" "$shards" "$merge" "$total" "$ratio" "$cpu_max"
done
echo
echo "every merged out/ is byte-identical to the single run's"
