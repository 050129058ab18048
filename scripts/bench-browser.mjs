// The wasm benchmark: the page's own module in headless Chromium, the same configurations and
// seed as `bgloop bench`. Prints one JSON line.
import { launch } from '../tests/browser.mjs';
import { serve } from '../tests/server.mjs';

const trials = Number(process.argv[2] || 1000);
const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
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
  console.log(JSON.stringify({ rows, first_chart_ms: ready }));
} finally {
  await browser.close();
  server.close();
}
