#!/usr/bin/env bash
# Runs every suite: static checks, unit and integration tests (Node and jsdom, the register
# on PGlite and on a real PostgreSQL server), the renderer build, and end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }
step "type check";       npm run -s typecheck
step "lint";             npm run -s lint
step "format";           npm run -s format:check
step "unit and integration tests"; npx vitest run
step "build";            npm run -s build && npm run -s build:electron
step "end-to-end tests"; npx playwright test
