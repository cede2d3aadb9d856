#!/usr/bin/env bash
# npm test: every tier against real PostgreSQL and Redis. Each run creates its own databases
# (a migrated template and one clone per jest worker) and drops them at the end.
#   npm test                      all tiers
#   npm test -- test/e2e/auth     only matching test files (any jest arguments)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-if-needed.sh
node scripts/services.mjs --no-create-database
# The certificate tests read the text of rendered PDFs with pdftotext (Debian: poppler-utils).
if ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing poppler-utils (pdftotext) for the certificate tests…"
    apt-get install -y -q poppler-utils >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q poppler-utils >/dev/null; }
  else
    echo "pdftotext is missing: install poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils)." >&2
    exit 1
  fi
fi
# The backup test runs pg_dump and pg_restore (Debian: postgresql-client), on the PATH or under
# /usr/lib/postgresql/*/bin.
if ! command -v pg_dump >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_dump >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing postgresql-client (pg_dump) for the backup test…"
    apt-get install -y -q postgresql-client >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q postgresql-client >/dev/null; }
  else
    echo "pg_dump is missing: install the PostgreSQL client (Debian/Ubuntu: sudo apt-get install postgresql-client)." >&2
    exit 1
  fi
fi
# The browser tests drive Debian's Chromium (CHROMIUM_PATH points at another build).
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium for the browser tests…"
    apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
  else
    echo "Chromium is missing: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
# The process tests start the built API, worker and command line.
npm run -s build
# The fault suite (test/faults) runs one short round here; npm run test:faults runs it in full.
export FAULTS_SHORT="${FAULTS_SHORT:-1}"
results="$(mktemp)"
status=0
node --experimental-vm-modules node_modules/jest/bin/jest.js --json --outputFile="$results" "$@" || status=$?
# One plain closing line with the counts, whatever reads the log.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$results" || true
rm -f "$results"
exit "$status"
