// The wasm benchmark: the page's own module in headless Chromium, the same configurations and
// seed as `bgloop bench`. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { launch } from '../tests/browser.mjs';
import { serve, ROOT } from '../tests/server.mjs';
import { firstLoad } from './first-load.mjs';

const trials = Number(process.argv[2] || 1000);
const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  // The first load: every file the page fetched before it was ready, gzipped.
  const firstLoadFiles = await firstLoad(page, server.url);
  const rows = await page.evaluate(async (trials) => {
    const { Playground } = await import('./web/pkg/bgloop.js');
    const out = [];
    for (const n of [64, 128]) {
      const count = n > 64 ? Math.floor(trials / 2) : trials;
      const pg = new Playground({ ring_size: n, seed: 1 });
      pg.runTrials(20);
      const t = performance.now();
      pg.runTrials(count);
      const secs = (performance.now() - t) / 1000;
      out.push({ n, trials: count, trials_per_s: count / secs, us_per_trial: (secs * 1e6) / count });
      pg.free();
    }
    return out;
  }, trials);
  const ready = await page.evaluate(() => performance.getEntriesByName('bgloop:first-chart')[0]?.startTime ?? null);
  const startup = await page.evaluate(() => Object.fromEntries(['bgloop:modules', 'bgloop:wasm'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])));

  // The page's fast-forward against raw wasm on the same experiment (the rotation preset), and a
  // comparison's wall time against one run's.
  const ff = await browser.newPage();
  await ff.goto(`${server.url}#preset=rotation&seed=1&speed=4`);
  await ff.waitForSelector('html[data-ready=true]', { timeout: 20000 });
  const raw = await ff.evaluate(async () => {
    const { Playground } = await import('./web/pkg/bgloop.js');
    const time = (link, count) => {
      const pg = new Playground(undefined);
      pg.openPermalink(link);
      pg.runTrials(20);
      const t = performance.now();
      pg.runTrials(count);
      const secs = (performance.now() - t) / 1000;
      pg.free();
      return secs;
    };
    const one = time('#preset=rotation&seed=2', 300);
    const two = time('#preset=strong-vs-weak&seed=2', 300);
    return { raw_trials_per_s: 300 / time('#preset=rotation&seed=1', 300), one_run_s: one, comparison_s: two };
  });
  await ff.getByRole('button', { name: 'Play', exact: true }).click();
  await ff.waitForTimeout(500);
  const t0 = await ff.evaluate(() => [performance.now(), window.bgloop.playground.trialCount()]);
  await ff.waitForTimeout(4000);
  const t1 = await ff.evaluate(() => [performance.now(), window.bgloop.playground.trialCount()]);
  const fastForward = (t1[1] - t0[1]) / ((t1[0] - t0[0]) / 1000);
  await ff.close(); // it is still playing: it would take a core from what follows

  // A comparison in the page: 300 trials of A and B in fast-forward (B on a second core, in the
  // twin worker) against 300 trials of one run, each from a fresh page load.
  const pageRun = async (link) => {
    const p = await browser.newPage();
    await p.goto(`${server.url}${link}&speed=4`);
    await p.waitForSelector('html[data-ready=true]', { timeout: 20000 });
    const secs = await p.evaluate(async () => {
      const pg = window.bgloop.playground;
      const t = performance.now();
      window.bgloop.runTrials(300);
      while (pg.trialCount() < 300 || pg.view().feeding != null) await new Promise((r) => setTimeout(r, 5));
      return (performance.now() - t) / 1000;
    });
    await p.close();
    return secs;
  };
  const pageOne = await pageRun('#preset=rotation&seed=2');
  const pageTwo = await pageRun('#preset=strong-vs-weak&seed=2');
  console.log(JSON.stringify({
    rows,
    first_chart_ms: ready,
    first_load: firstLoadFiles,
    // The second module (sweeps, tours), fetched only when first used: not in the first load.
    extras_gz_bytes: ['extras.js', 'extras_bg.wasm'].reduce((n, f) => n + gzipSync(readFileSync(path.join(ROOT, 'web', 'pkg', f)), { level: 9 }).length, 0),
    modules_ms: startup['bgloop:modules'],
    wasm_ready_ms: startup['bgloop:wasm'],
    page_fast_forward_trials_per_s: fastForward,
    page_raw_trials_per_s: raw.raw_trials_per_s,
    ab_one_run_s: raw.one_run_s,
    ab_comparison_s: raw.comparison_s,
    page_one_run_s: pageOne,
    page_comparison_s: pageTwo,
  }));
} finally {
  await browser.close();
  server.close();
}
