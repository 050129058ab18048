// Long runs in the page: memory stays bounded and the simulation and drawing do not slow down.
// CI runs 20,000 trials; `LONG_TRIALS=100000 node --test tests/longrun.test.mjs` runs the full
// 100,000 of the closing note. The history cap itself is tested with a small cap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

const TRIALS = Number(process.env.LONG_TRIALS || 20000);
let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}#preset=rotation&seed=1`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return page;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test(`${TRIALS} trials in the page: bounded memory, steady speed`, { timeout: 1_800_000 }, async () => {
  const page = await open();
  const sample = () => page.evaluate(async () => {
    const pg = window.bgloop.playground;
    const P = pg.constructor;
    const t = performance.now();
    pg.runTrials(1000);
    const sim = performance.now() - t;
    const d = performance.now();
    window.bgloop.redraw();
    const draw = performance.now() - d;
    return { trials: pg.trialCount(), trialsPerS: 1000 / (sim / 1000), drawMs: draw, heap: performance.memory?.usedJSHeapSize ?? null, wasm: window.bgloop.Words.memoryBytes() };
  });
  const samples = [await sample()];
  while (samples.at(-1).trials < TRIALS) samples.push(await sample());
  const [first, last] = [samples[0], samples.at(-1)];
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(`# ${last.trials} trials: trials/s ${first.trialsPerS.toFixed(0)} (first 1000) → ${last.trialsPerS.toFixed(0)} (last 1000); one redraw ${first.drawMs.toFixed(1)} → ${last.drawMs.toFixed(1)} ms; JS heap ${mb(first.heap)} → ${mb(last.heap)} MB; wasm memory ${mb(first.wasm)} → ${mb(last.wasm)} MB`);
  assert.ok(last.heap !== null, 'Chromium reports the JS heap (--enable-precise-memory-info)');
  assert.ok(last.wasm < 96 * 1048576, `wasm memory bounded (${mb(last.wasm)} MB)`);
  assert.ok(last.heap < 64 * 1048576, `JS heap bounded (${mb(last.heap)} MB)`);
  // Late in the run memory grows only by the history's own records (~100 bytes each, a vector
  // that may double once): at most 512 bytes per trial of the late samples, plus 1 MB.
  const late = samples.slice(-Math.max(2, Math.floor(samples.length / 4)));
  const allowed = (late.at(-1).trials - late[0].trials) * 512 + 1048576;
  assert.ok(late.at(-1).wasm - late[0].wasm <= allowed, `wasm memory late in the run: ${mb(late[0].wasm)} → ${mb(late.at(-1).wasm)} MB (allowed +${mb(allowed)})`);
  // Speed and drawing stay steady (regression checks with wide margins, not timings).
  const typical = median(samples.map((s) => s.trialsPerS));
  assert.ok(last.trialsPerS > 0.5 * typical, `the last 1000 trials run at ${last.trialsPerS.toFixed(0)}/s (typical ${typical.toFixed(0)}/s)`);
  const typicalDraw = median(samples.map((s) => s.drawMs));
  assert.ok(last.drawMs < Math.max(50, 4 * typicalDraw), `a redraw late in the run takes ${last.drawMs.toFixed(1)} ms (typical ${typicalDraw.toFixed(1)})`);
  const status = await page.locator('#status').textContent();
  assert.match(status, new RegExp(`^Trial ${last.trials} ·`));
  await page.close();
});

test('the history cap keeps memory bounded: with a cap of 1000, 5000 trials keep the latest 501–1000', async () => {
  const page = await open();
  const r = await page.evaluate(() => {
    const pg = window.bgloop.playground;
    pg.setHistoryCap(1000);
    const kept = [];
    for (let i = 0; i < 10; i++) {
      pg.runTrials(500);
      const t = pg.column('trial');
      kept.push([t.length, t[0], t[t.length - 1]]);
    }
    return { kept, count: pg.trialCount() };
  });
  assert.equal(r.count, 5000);
  for (const [len, firstTrial, lastTrial] of r.kept) {
    assert.ok(len <= 1000, `kept ${len} records`);
    assert.equal(lastTrial - firstTrial + 1, len, 'contiguous, ending with the latest trial');
  }
  const [len, , lastTrial] = r.kept.at(-1);
  assert.equal(lastTrial, 5000);
  assert.ok(len > 500 && len <= 1000, `kept ${len}`);
  await page.close();
});
