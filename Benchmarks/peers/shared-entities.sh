#!/bin/sh
# Times `quipu run` on N small documents sharing entities (Benchmarks/peers/shared-entities.py), for each N
# given, then an unchanged re-run of the largest. Usage:
#   Benchmarks/peers/shared-entities.sh QUIPU_BINARY [N ...]     (default N: 10000 20000 40000)
# Prints one table row per run; scratch files go to ${TMPDIR:-/tmp}/quipu-shared-entities.
set -eu
quipu=$1
shift
[ $# -gt 0 ] || set -- 10000 20000 40000
here=$(cd "$(dirname "$0")" && pwd)
scratch=${TMPDIR:-/tmp}/quipu-shared-entities
mkdir -p "$scratch"
rules=${RULES:-$here/../rules}
# Warm the compiled-rules cache, so that no row pays for compiling the rules.
python3 "$here/shared-entities.py" 3 "$scratch/warm"
"$quipu" run "$scratch/warm" --rules "$rules" --out "$scratch/warm-out" > /dev/null
echo "| documents | run | seconds | entities.jsonl sha256 |"
echo "|---|---|---|---|"
for n in "$@"; do
  docs=$scratch/docs-$n
  [ -d "$docs" ] || python3 "$here/shared-entities.py" "$n" "$docs"
  rm -rf "$scratch/out-$n"
  # Let the files settle: a run trusts file status only for files older than 2 s.
  sleep 3
  start=$(date +%s.%N)
  "$quipu" run "$docs" --rules "$rules" --out "$scratch/out-$n" --jobs 1 > /dev/null
  end=$(date +%s.%N)
  sum=$(sha256sum "$scratch/out-$n/entities.jsonl" | cut -c1-16)
  echo "| $n | full | $(echo "$end - $start" | bc) | $sum |"
  last=$n
done
start=$(date +%s.%N)
"$quipu" run "$scratch/docs-$last" --rules "$rules" --out "$scratch/out-$last" --jobs 1 > /dev/null
end=$(date +%s.%N)
sum=$(sha256sum "$scratch/out-$last/entities.jsonl" | cut -c1-16)
echo "| $last | unchanged re-run | $(echo "$end - $start" | bc) | $sum |"
