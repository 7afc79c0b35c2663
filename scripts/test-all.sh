#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (Debian packages when root, npm
# dependencies), builds, type-checks, lints, then runs unit, integration (real gnome-keyring) and
# end-to-end (Debian chromium) tests. Prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

# The Debian packages (scripts/ensure-deps.mjs, shared with `npm start`): installed when root, otherwise it
# prints the apt-get line and the suite stops here.
node scripts/ensure-deps.mjs test

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== build"; node scripts/build.mjs
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint"; npx eslint .
# Electronegativity over main/, preload/, renderer/: fails on any finding or parse error; reviewed exceptions
# are in security/eng-allowlist.json (anchors-security-reliability §9 #1).
echo "== electronegativity"; node scripts/electronegativity.mjs

results=.tmp/test-results
rm -rf "$results" && mkdir -p "$results"
status=0
run_project() {
  local name=$1; shift
  echo "== tests: $name"
  "$@" npx vitest run --project "$name" --reporter=default --reporter=json --outputFile.json="$results/$name.json" || status=1
}
run_project unit
run_project integration bash scripts/with-keyring.sh
run_project e2e

node scripts/summarise-tests.mjs "$results"
exit $status
