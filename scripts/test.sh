#!/usr/bin/env bash
# Runs every test: Rust (core, charts, CLI, the paper's claims), wasm (bindings in Node and in
# headless Chromium), and the page end to end in Debian's Chromium. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

echo "== Rust: unit tests, golden runs, docs table, claims C1–C5 =="
cargo test --workspace

echo "== wasm: the page's module =="
bash scripts/build.sh

echo "== wasm-bindgen-test: bindings in Node and in headless Chromium =="
bash scripts/wasm-tests.sh

echo "== JS: wasm in Node (determinism vs native) and the page in Chromium =="
cargo build --release -p bgloop-cli
node --test --test-concurrency=1 tests/
