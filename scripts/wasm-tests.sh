#!/usr/bin/env bash
# Runs the bindings' wasm-bindgen-tests twice: in Node, then in headless Chromium (chromedriver).
set -euo pipefail
cd "$(dirname "$0")/../crates/bindings"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
echo "-- in Node"
cargo test --release --target wasm32-unknown-unknown --test wasm
echo "-- in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --release --target wasm32-unknown-unknown --test wasm
