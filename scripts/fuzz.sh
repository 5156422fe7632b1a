#!/usr/bin/env bash
# The dedicated property-based run: 10,000 generated cases per property (loader, sentence splitter, amount
# parser, spans), with hypothesis' statistics. The normal suite runs the same properties with fewer cases.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh dev
HYPOTHESIS_PROFILE=thorough exec .venv/bin/python -m pytest tests/test_properties.py -p no:randomly \
  --hypothesis-show-statistics -q "$@"
