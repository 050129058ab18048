#!/usr/bin/env bash
# Builds the playground if needed, then serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f web/pkg/bgloop_bg.wasm ] || [ -n "$(find crates Cargo.toml Cargo.lock -newer web/pkg/bgloop_bg.wasm -type f 2>/dev/null | head -1)" ]; then
  bash scripts/build.sh
fi
exec node scripts/serve.mjs "${PORT:-8080}"
