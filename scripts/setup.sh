#!/usr/bin/env bash
# Installs what Chambers needs on a Debian 12 machine, then the npm dependencies.
#   bash scripts/setup.sh          what the app needs to run
#   bash scripts/setup.sh --test   also what every test suite needs (browser, PostgreSQL, …)
# Only packages that are missing are installed; running it again is cheap.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19)?"yes":"no")' 2>/dev/null || echo no)
if [ "$node_ok" != yes ]; then
  echo "Chambers needs Node.js 20.19 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

# System packages: the app needs a compiler toolchain for its native modules (SQLite, PKCS#11),
# OpenSC for ID cards, and — for the demo's test cards and a keychain on a machine without a
# desktop — openssl, SoftHSM2, gnome-keyring and D-Bus. The tests add a browser, PostgreSQL,
# LibreOffice, poppler and secret-tool.
packages=(python3 make g++ fonts-dejavu-core openssl opensc softhsm2 gnome-keyring dbus)
if $want_test; then
  packages+=(chromium libsecret-tools postgresql libreoffice-writer-nogui poppler-utils)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Electron's runtime cannot be downloaded on every machine; its types are enough for the
# type check, and the app falls back to the browser host. Set CHAMBERS_ELECTRON=1 to fetch it.
if [ "${CHAMBERS_ELECTRON:-0}" != 1 ]; then export ELECTRON_SKIP_BINARY_DOWNLOAD=1; fi

stamp=node_modules/.chambers-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  echo "npm dependencies are up to date."
else
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
