#!/usr/bin/env bash
# Write constraints.txt: the installed versions (in .venv) of the libraries that shape a request to the model
# (instructor builds it, pydantic makes its JSON schema and validates the answer, jinja2 renders the prompts,
# openai sends it, llama-cpp-python runs the embedded model, llguidance constrains its answer). scripts/setup.sh
# installs with these pins, so the committed recordings in fixtures/exchanges answer the requests a fresh
# checkout makes.
#
# To move to a newer release: .venv/bin/pip install -U 'instructor==X' (say), bash scripts/pin.sh,
# bash scripts/record_fixtures.sh, bash scripts/test.sh, and commit constraints.txt with the new recordings.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python - <<'PY' > constraints.txt
from importlib.metadata import version

SHAPE_A_REQUEST = ("instructor", "pydantic", "pydantic-core", "jinja2", "openai", "llama-cpp-python", "llguidance")
print("# What shapes a request to the model, pinned so the recordings in fixtures/exchanges keep answering.")
print("# Used by scripts/setup.sh (pip install -c constraints.txt); written by scripts/pin.sh from .venv.")
for name in SHAPE_A_REQUEST:
    print(f"{name}=={version(name)}")
PY
cat constraints.txt
