#!/usr/bin/env bash
# Prints every speed figure in one run: native and wasm (Chromium) trials/s for N = 64 and 128, the
# wasm/native ratio, the NumPy reference (after checking it agrees with Rust to 1e-9), FLOPs per
# trial and the fraction of peak, page weight and time to first chart.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${TRIALS:-1000}
bash scripts/setup.sh --browser >/dev/null
bash scripts/build.sh >/dev/null
cargo build --release -q -p bgloop-cli
tmp=$(mktemp -d)
./target/release/bgloop bench --dump-deterministic > "$tmp/det.json"
echo "== agreement =="
bench/.venv/bin/python bench/reference.py check "$tmp/det.json"
echo
echo "== native =="
./target/release/bgloop bench --trials "$TRIALS" | tee "$tmp/native.txt"
./target/release/bgloop bench --trials "$TRIALS" --json > "$tmp/native.json"
node scripts/bench-browser.mjs "$TRIALS" > "$tmp/wasm.json"
bench/.venv/bin/python bench/reference.py time 10 > "$tmp/numpy.json"
node - "$tmp" <<'JS'
const fs = require('fs');
const [dir] = process.argv.slice(2);
const native = JSON.parse(fs.readFileSync(`${dir}/native.json`));
const wasm = JSON.parse(fs.readFileSync(`${dir}/wasm.json`));
const numpy = JSON.parse(fs.readFileSync(`${dir}/numpy.json`));
console.log('\n== wasm in Chromium vs native (same configuration, seed 1, measured in this run) ==');
console.log(`    N   native trials/s   wasm trials/s   wasm/native   target: wasm ≥ 1000/s (native: the ${native.rows[0].lanes} step, as it runs here)`);
for (const w of wasm.rows) {
  const n = native.rows.find((r) => r.n === w.n);
  console.log(`${String(w.n).padStart(5)} ${n.trials_per_s.toFixed(0).padStart(17)} ${w.trials_per_s.toFixed(0).padStart(15)} ${(w.trials_per_s / n.trials_per_s).toFixed(2).padStart(13)}`);
}
const n64 = native.rows.find((r) => r.n === 64);
console.log(`\n== NumPy reference (numpy ${numpy.numpy}, N = 64) ==`);
console.log(`numpy ${numpy.numpy_trials_per_s.toFixed(1)} trials/s; native is ${(n64.trials_per_s / numpy.numpy_trials_per_s).toFixed(0)}×, wasm ${(wasm.rows[0].trials_per_s / numpy.numpy_trials_per_s).toFixed(0)}× faster (target ≥ 100×)`);
console.log('\n== the page (rotation preset, Chromium) ==');
const ff = wasm.page_fast_forward_trials_per_s;
const raw = wasm.page_raw_trials_per_s;
console.log(`fast-forward ${ff.toFixed(0)} trials/s; raw wasm on the same experiment ${raw.toFixed(0)} trials/s; fast-forward / raw = ${(ff / raw).toFixed(2)} (target ≥ 0.9)`);
console.log(`a comparison in the page (A here, B in a worker; 300 trials in fast-forward) takes ${wasm.page_comparison_s.toFixed(2)} s against ${wasm.page_one_run_s.toFixed(2)} s for one run: A/B wall-time ratio ${(wasm.page_comparison_s / wasm.page_one_run_s).toFixed(2)} (target ≤ 1.0)`);
console.log(`  (both runs on one thread, raw wasm: ${wasm.ab_comparison_s.toFixed(2)} s against ${wasm.ab_one_run_s.toFixed(2)} s, ratio ${(wasm.ab_comparison_s / wasm.ab_one_run_s).toFixed(2)})`);
console.log('\n== page weight and start-up ==');
const kb = (b) => (b / 1024).toFixed(1);
const total = wasm.first_load.reduce((n, f) => n + f.gz_bytes, 0);
const wasmGz = wasm.first_load.filter((f) => f.file.endsWith('.wasm')).reduce((n, f) => n + f.gz_bytes, 0);
console.log(`first load: ${wasm.first_load.length} files, ${kb(total)} KB gzipped (target ≤ 250 KB), of which the wasm module ${kb(wasmGz)} KB; largest: ${wasm.first_load.slice(0, 4).map((f) => `${f.file} ${kb(f.gz_bytes)} KB`).join(', ')}; the second module (sweeps, tours), loaded when first used: ${kb(wasm.extras_gz_bytes)} KB`);
console.log(`first chart ${wasm.first_chart_ms?.toFixed(0)} ms after navigation (target ≤ 300 ms: modules evaluated at ${wasm.modules_ms?.toFixed(0)} ms, wasm instantiated at ${wasm.wasm_ready_ms?.toFixed(0)} ms)`);
JS
