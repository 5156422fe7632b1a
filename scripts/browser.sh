#!/usr/bin/env bash
# Headless Chromium for the HTML report's browser test (tests/test_report_browser.py), from Debian's packages.
# Installs it only when it is missing and we may (root with apt-get); otherwise says why and goes on: the
# browser test then skips with that reason. Never fails the test run.
set -uo pipefail
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: chromium is not installed and cannot be installed here (needs root and apt-get);" \
         "the report's browser test will skip" >&2
    exit 0
fi
echo "installing chromium from Debian's packages for the report's browser test (once)..." >&2
export DEBIAN_FRONTEND=noninteractive
# Package lists may be missing (a fresh container) or stale (a candidate gone from the mirror): update once then.
if ! apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1
    apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
        || echo "note: could not install chromium; the report's browser test will skip" >&2
fi
exit 0
