#!/usr/bin/env bash
# Simulates a sharded cluster run on this machine: for each N, N `quipu run --shard K/N`
# processes in parallel (one worker thread each, as N one-core tasks), then `quipu merge`,
# against one `quipu run` over the same generated corpus with every core. Checks that each
# merged out/ is byte-identical to the single run's, and prints, best of REPEAT (default 3):
#   wall       elapsed time here (shared with whatever else the machine runs)
#   CPU        user + system seconds of every process: what the work costs, load or not
#   max shard  the CPU time of the slowest shard: the shard phase's wall time on N machines
#
#   deploy/simulate/run.sh [DOCUMENTS] [N...]      default: 2500 documents (4.5 MiB), N = 2 4 8
#   TMPDIR=/dev/shm deploy/simulate/run.sh         in memory, without the disk's fsync costs
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
bytes=$(find "$work/corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')
echo "corpus: $documents documents, $bytes MiB, in $work; $cores cores; quipu $("$quipu" --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# timed FILE COMMAND...: runs COMMAND, appends "wall cpu" to FILE.
mkdir -p "$work/raw"
timed() {
  local file=$1 raw
  shift
  raw=$(mktemp -p "$work/raw")
  /usr/bin/time -f "%e %U %S" -o "$raw" "$@"
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$raw" >> "$file"
}
best() { sort -g | head -n 1; }
sum() { awk '{ s += $1 } END { printf "%.2f", s }'; }

for _ in $(seq "$repeat"); do
  rm -rf "$work/full"
  timed "$work/single" "$quipu" run "$work/corpus" --jobs "$cores" --out "$work/full" --quiet
done
single_wall=$(cut -d' ' -f1 "$work/single" | best)
single_cpu=$(cut -d' ' -f2 "$work/single" | best)
printf '\none run, --jobs %s: %s s wall, %s s CPU\n\n' "$cores" "$single_wall" "$single_cpu"
printf '%3s | %7s %7s %7s %8s | %7s %8s %10s\n' N shards merge total "vs 1 run" CPU "vs 1 run" "max shard"
printf '%3s | %33s | %28s\n' "" "wall, s" "CPU, s"

for n in "${counts[@]}"; do
  rm -f "$work/rows"
  for _ in $(seq "$repeat"); do
    rm -rf "$work/shards" "$work/merged" "$work/cpu"
    mkdir -p "$work/shards" "$work/cpu"
    start=$EPOCHREALTIME
    for k in $(seq "$n"); do
      timed "$work/cpu/shard-$k" "$quipu" run "$work/corpus" --shard "$k/$n" --jobs 1 --out "$work/shards/$k" --quiet &
    done
    wait
    middle=$EPOCHREALTIME
    timed "$work/cpu/merge" "$quipu" merge "$work"/shards/* --out "$work/merged" --quiet
    end=$EPOCHREALTIME
    diff -r "$work/full" "$work/merged" >/dev/null || { echo "N=$n: merged output differs from the single run" >&2; exit 1; }
    shards_cpu=$(cat "$work"/cpu/shard-* | cut -d' ' -f2 | sum)
    max_shard=$(cat "$work"/cpu/shard-* | cut -d' ' -f2 | sort -g | tail -n 1)
    merge_cpu=$(cut -d' ' -f2 "$work/cpu/merge")
    awk -v s="$start" -v m="$middle" -v e="$end" -v sc="$shards_cpu" -v mc="$merge_cpu" -v mx="$max_shard" \
      'BEGIN { printf "%.2f %.2f %.2f %.2f %.2f\n", m - s, e - m, e - s, sc + mc, mx }' >> "$work/rows"
  done
  # The best repetition by total wall time, and the least CPU.
  read -r shards merge total _ _ < <(sort -g -k3 "$work/rows" | head -n 1)
  read -r _ _ _ cpu max_shard < <(sort -g -k4 "$work/rows" | head -n 1)
  awk -v n="$n" -v sh="$shards" -v m="$merge" -v t="$total" -v c="$cpu" -v mx="$max_shard" \
    -v sw="$single_wall" -v sc="$single_cpu" \
    'BEGIN { printf "%3s | %7s %7s %7s %7.2fx | %7s %7.2fx %10s\n", n, sh, m, t, t / sw, c, c / sc, mx }'
done
echo
echo "every merged out/ is byte-identical to the single run's; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
