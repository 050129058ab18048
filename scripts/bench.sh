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
wasm_gz=$(gzip -9 -c web/pkg/bgloop_bg.wasm | wc -c)
# The JS the page loads before its first chart: main.js and what it imports (not the sweep
# worker, not the embed element for host pages).
first_js=$(node -e "
const fs = require('fs'), path = require('path');
const seen = new Set();
const walk = (f) => { if (seen.has(f)) return; seen.add(f);
  for (const m of fs.readFileSync(f, 'utf8').matchAll(/^import\\s+.+?\\s+from\\s+'(.+?)';/gm)) walk(path.join(path.dirname(f), m[1])); };
walk('web/main.js'); console.log([...seen].join(' '));")
js_gz=$(cat $first_js | gzip -9 | wc -c)
node - "$tmp" "$wasm_gz" "$js_gz" <<'JS'
const fs = require('fs');
const [dir, wasmGz, jsGz] = process.argv.slice(2);
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
console.log(`wasm ${(wasmGz / 1024).toFixed(1)} KB + JS ${(jsGz / 1024).toFixed(1)} KB gzipped = ${((+wasmGz + +jsGz) / 1024).toFixed(1)} KB (target ≤ 150 KB); first chart ${wasm.first_chart_ms?.toFixed(0)} ms after navigation (target ≤ 300 ms: modules evaluated at ${wasm.modules_ms?.toFixed(0)} ms, wasm instantiated at ${wasm.wasm_ready_ms?.toFixed(0)} ms)`);
JS
