#!/usr/bin/env bash
# Re-record every fixture with the embedded model: the five seeds and the 16 dev articles.
# Run after changing a prompt, the schema, the validators' re-ask messages or request parameters.
# Old recordings are removed first so none goes stale; answers still in the user cache (same request,
# same model) are reused rather than computed again.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf fixtures/exchanges
mkdir -p fixtures/exchanges fixtures/briefs
.venv/bin/summarizer summarize seeds/ fixtures/eval/dev/ --provider local --record \
  --fixtures fixtures/exchanges --format jsonl --output fixtures/briefs/recorded.jsonl "$@" || true
# The recordings must answer a replay of the same folders completely.
.venv/bin/summarizer summarize seeds/ fixtures/eval/dev/ --provider replay --fixtures fixtures/exchanges \
  --format jsonl --output /dev/null
