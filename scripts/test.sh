#!/usr/bin/env bash
# npm test — every test: typecheck, lint, unit + integration (vitest, real SQLite, SMTP and
# AWS APIs (moto) on loopback), then end-to-end in a real Chromium against one production build of the app.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$*"; }

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ -z "${CHROMIUM_PATH:-}" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    step "installing Debian's chromium for the end-to-end tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "npm test: no Chromium at $chromium; install Debian's package (apt-get install chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi

# moto's server answers the AWS APIs on loopback for the AWS integration tests, which start
# and stop their own; it is a Python program these machines provide (pip's moto[server]).
if ! command -v moto_server >/dev/null; then
  echo "npm test: moto_server is not on PATH; install it with: pip install 'moto[server]'" >&2
  exit 1
fi

# PostgreSQL: the same database tests run a second time against it (a fresh database per test
# file, all dropped at the end). These machines run PostgreSQL 15 on 127.0.0.1:5432; start it if it stopped.
export SIGNOFF_TEST_POSTGRES="${SIGNOFF_TEST_POSTGRES:-postgresql://postgres@127.0.0.1:5432/postgres}"
pg_up() { node -e "const c=new (require('pg').Client)(process.env.SIGNOFF_TEST_POSTGRES);c.connect().then(()=>c.end()).catch(()=>process.exit(1))"; }
if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    step 'starting PostgreSQL'
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 20); do pg_up && break; sleep 0.5; done
  fi
  pg_up || { echo "npm test: no PostgreSQL at $SIGNOFF_TEST_POSTGRES; start one or set SIGNOFF_TEST_POSTGRES to a server's admin URL" >&2; exit 1; }
fi

[ -f lib/db/generated/client.ts ] && [ -f lib/db/generated-pg/client.ts ] || node scripts/prisma-generate.mjs

step 'typecheck'
npx tsc --noEmit -p .

step 'lint'
npx eslint --max-warnings=0 .

step 'format (prettier --check; npm run format fixes it)'
npx prettier --check --log-level warn .

step 'import graph: no circles, the layers of DESIGN.md section 2 (dependency-cruiser)'
npm run -s deps

step 'no dead code: unused files, exports, dependencies (knip)'
npx knip

step 'unit and integration tests (vitest, SQLite)'
SIGNOFF_TEST_POSTGRES= npx vitest run

# On PostgreSQL: every file that touches the database, but the pure interpreter and components
# (no database) and the two API fuzzers (their cases that reached PostgreSQL differently are kept
# in app/api/v1/nul-text.test.ts), to keep npm test within its time.
step 'the database tests again on PostgreSQL (vitest)'
npx vitest run --exclude 'lib/asl/**' --exclude 'components/**' --exclude '**/fuzz.test.ts'

step 'build'
npx tsx scripts/build.ts

step 'end-to-end tests (Playwright, Chromium)'
E2E_PORT="${E2E_PORT:-$(npx tsx scripts/e2e-ports.ts)}"
export E2E_PORT
npx playwright test
