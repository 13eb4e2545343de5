#!/usr/bin/env bash
# Browser scenarios in the Microsoft 365 Agents Playground (docs/architecture.md, "How it is tested"),
# called by .ci/run.
# Needs Debian's chromium: installed with apt-get when missing; if that is impossible the run FAILS (it never
# skips). Ends with a plain "N passed, N failed" line; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "client tests: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "== installing chromium (not found at $chromium)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "chromium is missing and apt-get needs root (no sudo available)"
    sudo="sudo -n"
  fi
  command -v apt-get >/dev/null 2>&1 || fail "chromium is missing and apt-get is not available on this machine"
  $sudo apt-get update -qq || fail "apt-get update failed: cannot install chromium"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium \
    || fail "apt-get install chromium failed"
  [ -x "$chromium" ] || fail "chromium was installed but $chromium does not exist (set CHROMIUM_PATH)"
fi
"$chromium" --headless --no-sandbox --version || fail "$chromium does not start"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
echo "== npm run test:client"
CHROMIUM_PATH="$chromium" npm run test:client -- --reporter=default --reporter=json --outputFile="$results/client.json"
test_rc=$?

node -e '
  const fs = require("fs");
  const f = process.argv[1];
  if (!fs.existsSync(f)) { console.error("no results in " + f); console.log("0 passed, 1 failed"); process.exit(1); }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  const failed = r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  console.log(r.numPassedTests + " passed, " + failed + " failed");
  process.exit(failed > 0 || r.numPassedTests === 0 ? 1 : 0);
' "$results/client.json"
summary_rc=$?

if [ $test_rc -ne 0 ] || [ $summary_rc -ne 0 ]; then exit 1; fi
exit 0
