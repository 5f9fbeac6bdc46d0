#!/usr/bin/env bash
# Runs spaCy's EntityRuler and flashtext's KeywordProcessor on the corpus and gazetteers that
# `quipu-bench generate` wrote, and prints their numbers beside Quipu's (from the last
# `quipu-bench run`), with ratios. See BENCHMARKS.md.
#
#   bench/peers.sh                        # every tool on default, 10k, 100k and 1m
#   bench/peers.sh --rules 10k --tools flashtext
#
# Installs the pinned peers (bench/requirements.txt) from PyPI into bench/.venv (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=bench/.venv
if [ ! -x "$venv/bin/python" ]; then
  echo "peers: creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import spacy, flashtext" 2>/dev/null; then
  echo "peers: installing $(tr '\n' ' ' < bench/requirements.txt)into $venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r bench/requirements.txt
fi
exec "$venv/bin/python" bench/peers.py "$@"
