#!/usr/bin/env bash
# Runs every test: Rust (core, charts, CLI, the paper's claims), wasm (bindings in Node and in
# headless Chromium), and the page end to end in Debian's Chromium. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

echo "== Rust: unit tests, golden runs, docs table, claims C1–C5 =="
cargo test --workspace

echo "== NumPy reference agrees with the Rust core (to 1e-9); a short stress run =="
cargo build --release -q -p bgloop-cli
tmp=$(mktemp -d)
./target/release/bgloop bench --dump-deterministic > "$tmp/det.json"
bench/.venv/bin/python bench/reference.py check "$tmp/det.json"
cargo run --release -q -p bgloop-core --example stress -- 200 3
rm -rf "$tmp"

echo "== wasm: the page's module =="
bash scripts/build.sh

echo "== wasm-bindgen-test: bindings in Node and in headless Chromium =="
bash scripts/wasm-tests.sh

echo "== JS: wasm in Node (determinism vs native) and the page in Chromium =="
# Files, not a directory: `node --test DIR` works on Node 20 only.
node --test --test-concurrency=1 tests/*.test.mjs
