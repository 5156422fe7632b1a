#!/usr/bin/env bash
# Re-record every fixture with the embedded model: the five seeds and the 36 dev articles, then the extra set
# (fixtures/eval/extra: copies of the seeds and the merge articles) and every set a helper session built (found7,
# found8, ...: one a session from session 29 on), each into its own store beside its gold.
# Run after changing a prompt, the schema, the candidates code proposes or request parameters.
# Old recordings are removed first so none goes stale; answers still in the user cache (same request,
# same model) are reused rather than computed again.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf fixtures/exchanges
mkdir -p fixtures/exchanges fixtures/briefs
status=0
.venv/bin/summarizer summarize seeds/ fixtures/eval/dev/ --provider local --record \
  --fixtures fixtures/exchanges --format jsonl --output fixtures/briefs/recorded.jsonl "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "record_fixtures: some articles failed (exit $status); each failed brief in fixtures/briefs/recorded.jsonl" \
       "says why. The recordings are kept; the replay check below still runs." >&2
fi
# The recordings must answer a replay of the same folders completely.
.venv/bin/summarizer summarize seeds/ fixtures/eval/dev/ --provider replay --fixtures fixtures/exchanges \
  --format jsonl --output /dev/null
rm -rf fixtures/eval/extra/exchanges
.venv/bin/summarizer summarize fixtures/eval/extra/ --provider local --record --fixtures fixtures/eval/extra/exchanges \
  --format jsonl --output fixtures/briefs/extra.jsonl "$@" || status=$?
.venv/bin/summarizer summarize fixtures/eval/extra/ --provider replay --fixtures fixtures/eval/extra/exchanges \
  --format jsonl --output /dev/null
# every helper-built set (found7, found8, ...), in the order they were built
for set in $(cd fixtures/eval && ls -d found*/ | tr -d / | sort -V); do
  rm -rf "fixtures/eval/$set/exchanges"
  .venv/bin/summarizer summarize "fixtures/eval/$set/" --provider local --record \
    --fixtures "fixtures/eval/$set/exchanges" --format jsonl --output /dev/null "$@" || status=$?
  .venv/bin/summarizer summarize "fixtures/eval/$set/" --provider replay --fixtures "fixtures/eval/$set/exchanges" \
    --format jsonl --output /dev/null
done
exit "$status"
