#!/usr/bin/env bash
# npm start: everything on one machine, with demo data. See README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sheber}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PORT="${PORT:-3000}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:${PORT}}"
# Warnings and errors only, so the address and sign-ins below stay readable;
# LOG_LEVEL=info npm start shows a line per request.
export LOG_LEVEL="${LOG_LEVEL:-warn}"

bash scripts/install-if-needed.sh
node scripts/services.mjs
node scripts/build-if-changed.mjs
if node scripts/database-ready.mjs; then
  echo "The database is up to date."
else
  echo "Migrating the database…"
  migrate_log="$(mktemp)"
  if ! node_modules/.bin/typeorm -d dist/libs/database/src/data-source.js migration:run >"$migrate_log" 2>&1; then
    cat "$migrate_log" >&2
    rm -f "$migrate_log"
    exit 1
  fi
  grep -E "Migration .* has been executed|No migrations are pending" "$migrate_log" || true
  rm -f "$migrate_log"
  node dist/apps/cli/src/main.js seed-demo --if-empty
fi

pids=()
stop() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop INT TERM EXIT

node dist/apps/api/src/main.js &
pids+=($!)
node dist/apps/worker/src/main.js &
pids+=($!)

healthy=no
for _ in $(seq 1 120); do
  if node -e "fetch('http://127.0.0.1:${PORT}/api/health').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"; then
    healthy=yes
    break
  fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "The API stopped during start; see the lines above." >&2
    exit 1
  fi
  sleep 0.5
done
if [ "$healthy" != yes ]; then
  echo "The API did not report healthy within 60 s: see http://127.0.0.1:${PORT}/api/health" >&2
  exit 1
fi

cat <<INFO

  Sheber is running.
    Web app:        ${PUBLIC_BASE_URL}/
    API:            ${PUBLIC_BASE_URL}/api
    API documents:  ${PUBLIC_BASE_URL}/api/docs
    Health:         ${PUBLIC_BASE_URL}/api/health
INFO
node scripts/demo-sign-ins.mjs
printf '\n  Stop with Ctrl+C.\n'
# Printed QR codes open PUBLIC_BASE_URL: say once when no other machine can reach it.
node -e "const w = require('./dist/libs/config/src/public-address.js').loopbackAddressWarning(process.env.PUBLIC_BASE_URL); if (w) console.log('\n  Warning: ' + w + '\n');"

wait -n "${pids[@]}"
