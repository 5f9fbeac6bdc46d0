#!/bin/bash
# Peak RSS of `quipu run` against document size: the "Memory per document" table of BENCHMARKS.md.
#
#   Benchmarks/memory/measure.sh QUIPU [DATA]
#
# QUIPU is the binary to measure; DATA (default Benchmarks/.data/memory, git-ignored) receives
# the documents, written by make-doc.py the first time: one document of 1, 4, 8, 16, 25, 31 and
# 50 MB, two of 25 MB, and four of 30 MB. Each row is one `quipu run` into a fresh output folder
# with the repository's rules (after one run that fills the compiled-rules cache), measured with
# GNU time: `--jobs 1` for one document, `--jobs 2` for the folders of several.
set -euo pipefail
quipu=$1
data=${2:-Benchmarks/.data/memory}
here=$(dirname "$0")
make() {  # folder, megabytes, seed
  [[ -s $data/$1/$3.txt ]] || { mkdir -p "$data/$1"; python3 "$here/make-doc.py" "$2" --seed "$3" > "$data/$1/$3.txt"; }
}
for mb in 1 4 8 16 25 31 50; do make "one-$mb" "$mb" 15; done
make two-25 25 15; make two-25 25 16
for seed in 21 22 23 24; do make four-30 30 "$seed"; done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$quipu" run "$data/one-1" --rules rules --out "$out/warm" --jobs 1 --quiet
echo "| input | jobs | MB | peak RSS MB | s |"
echo "|---|---:|---:|---:|---:|"
for folder in one-1 one-4 one-8 one-16 one-25 one-31 one-50 two-25 four-30; do
  jobs=1; [[ $folder == one-* ]] || jobs=2
  mb=$(du -sm --apparent-size "$data/$folder" | cut -f1)
  /usr/bin/time -f "%M %e" -o "$out/time" "$quipu" run "$data/$folder" --rules rules --out "$out/$folder" --jobs "$jobs" --quiet
  read -r kb seconds < "$out/time"
  echo "| $folder | $jobs | $mb | $((kb / 1024)) | $seconds |"
  rm -rf "${out:?}/$folder"
done
