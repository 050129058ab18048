// Long runs in the page: memory stays bounded and the simulation and drawing do not slow down.
// CI runs 20,000 trials; `LONG_TRIALS=100000 node --test tests/longrun.test.mjs` runs the full
// 100,000 of the closing note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

const TRIALS = Number(process.env.LONG_TRIALS || 20000);
let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test(`${TRIALS} trials in the page: bounded memory, steady speed`, { timeout: 1_800_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}#preset=rotation&seed=1`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  const sample = () => page.evaluate(async () => {
    const pg = window.bgloop.playground;
    const P = pg.constructor;
    const t = performance.now();
    pg.runTrials(1000);
    const sim = performance.now() - t;
    const d = performance.now();
    window.bgloop.redraw();
    const draw = performance.now() - d;
    return { trials: pg.trialCount(), trialsPerS: 1000 / (sim / 1000), drawMs: draw, heap: performance.memory?.usedJSHeapSize ?? 0, wasm: P.wasmMemoryBytes() };
  });
  const first = await sample();
  let last = first;
  while (last.trials < TRIALS) last = await sample();
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(`# ${last.trials} trials: trials/s ${first.trialsPerS.toFixed(0)} (first 1000) → ${last.trialsPerS.toFixed(0)} (last 1000); one redraw ${first.drawMs.toFixed(1)} → ${last.drawMs.toFixed(1)} ms; JS heap ${mb(first.heap)} → ${mb(last.heap)} MB; wasm memory ${mb(first.wasm)} → ${mb(last.wasm)} MB`);
  assert.ok(last.wasm < 96 * 1048576, `wasm memory bounded (${mb(last.wasm)} MB)`);
  assert.ok(last.heap < 64 * 1048576, `JS heap bounded (${mb(last.heap)} MB)`);
  const status = await page.locator('#status').textContent();
  assert.match(status, new RegExp(`^Trial ${last.trials} ·`));
  await page.close();
});
