#!/usr/bin/env bash
# Make .venv (if missing) and install the project into it with the given extras, e.g. `local,dev`.
# The [local] extra builds llama-cpp-python from source the first time (about 6 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-local}"
python3 -m venv .venv 2>/dev/null || true
[ -x .venv/bin/python ] || { echo "could not create .venv (is python3-venv installed?)" >&2; exit 2; }
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
# constraints.txt pins what shapes a request (instructor, pydantic, jinja2, openai, llama-cpp-python), so the
# committed recordings answer; scripts/pin.sh rewrites it from .venv after an intended upgrade.
.venv/bin/python -m pip install --quiet -c constraints.txt -e ".[${extras}]"
