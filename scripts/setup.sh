#!/usr/bin/env bash
# Installs what building and testing bgloop needs on a fresh machine; every step is skipped when it
# is already done. Usage: scripts/setup.sh [--browser]   (--browser: Chromium for the e2e tests)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -n "$want" ] && [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "=$want" --locked \
    || cargo install wasm-bindgen-cli --version "=$want"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# NumPy for the reference model (bench/reference.py): the agreement check runs in the tests.
if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c 'import numpy' 2>/dev/null; then
  say "installing NumPy for the reference model (bench/.venv)"
  if ! python3 -m venv bench/.venv 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv bench/.venv
  fi
  bench/.venv/bin/pip install -q numpy
fi

# DejaVu Sans draws the text of PNG figures (the link-preview image).
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing fonts-dejavu-core for PNG figures"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

# The browser tests run in three engines: Chromium (the full e2e suite), and Firefox and WebKitGTK
# (determinism and a smoke test): Debian's chromium, firefox-esr, and webkit2gtk-driver (its
# WebKitWebDriver drives the MiniBrowser of libwebkit2gtk) under Xvfb.
if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v chromedriver && command -v firefox-esr \
    && command -v WebKitWebDriver && command -v Xvfb; } >/dev/null 2>&1; then
  say "installing Debian's Chromium, Firefox ESR, WebKitGTK's WebDriver and Xvfb for the browser tests"
  if [ "$(id -u)" != 0 ]; then
    echo "[setup] browsers are missing; run as root or: sudo apt-get install -y chromium chromium-driver firefox-esr webkit2gtk-driver xvfb" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr webkit2gtk-driver xvfb >/dev/null
fi
