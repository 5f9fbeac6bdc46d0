#!/usr/bin/env bash
# Runs spaCy's EntityRuler, flashtext, pyahocorasick and ahocorasick-rs on the corpus and
# gazetteers that `quipu-bench generate` wrote, and PyICU's bare word segmentation on the corpus;
# prints their numbers beside Quipu's (from the last `quipu-bench run`), with ratios, then
# issue 16's table: each ratio against its goal. See BENCHMARKS.md and peers.py's docstring.
#
#   Benchmarks/peers/peers.sh                        # every tool on default, 10k, 100k and 1m
#   Benchmarks/peers/peers.sh --rules 10k --tools flashtext
#   Benchmarks/peers/peers.sh --report-only          # the tables again, from the saved JSON
#
# Installs the pinned peers (Benchmarks/peers/requirements.txt) from PyPI into
# Benchmarks/peers/.venv (git-ignored). PyICU builds from source against the system's ICU:
# it needs libicu-dev and pkg-config (.ci/deps).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=Benchmarks/peers/.venv
if [ ! -x "$venv/bin/python" ]; then
  echo "peers: creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import spacy, flashtext, ahocorasick, ahocorasick_rs, icu" 2>/dev/null; then
  echo "peers: installing $(tr '\n' ' ' < Benchmarks/peers/requirements.txt)into $venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r Benchmarks/peers/requirements.txt
fi
exec "$venv/bin/python" Benchmarks/peers/peers.py "$@"
