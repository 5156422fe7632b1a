#!/usr/bin/env bash
# Re-record every fixture with the embedded model: the five seeds and the 36 dev articles, then the extra set
# (fixtures/eval/extra: copies of the seeds and the merge articles), found7, found8 (session 29's sets),
# found9 (session 30's), found10 (session 31's), found11 (session 32's), found12 (session 33's), found13 (session
# 34's), found14 (session 35's), found15 (session 36's), found16 (session 37's), found17 (session 38's),
# found18 (session 39's), found19 (session 40's), found20 (session 41's), found21 (session 42's), found22
# (session 43's) and found23 (session 44's), each into its own store beside its gold.
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
for set in found7 found8 found9 found10 found11 found12 found13 found14 found15 found16 found17 found18 found19 found20 found21 found22 found23; do
  rm -rf "fixtures/eval/$set/exchanges"
  .venv/bin/summarizer summarize "fixtures/eval/$set/" --provider local --record \
    --fixtures "fixtures/eval/$set/exchanges" --format jsonl --output /dev/null "$@" || status=$?
  .venv/bin/summarizer summarize "fixtures/eval/$set/" --provider replay --fixtures "fixtures/eval/$set/exchanges" \
    --format jsonl --output /dev/null
done
exit "$status"
