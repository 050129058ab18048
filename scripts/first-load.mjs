// The page's first load: every file the page fetches before it says it is ready, gzipped (-9) as
// a server would send it, and the time to the first chart. `node scripts/first-load.mjs [hash]`
// prints them; `scripts/bench-browser.mjs` reads them with `firstLoad`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/browser.mjs';
import { serve, ROOT } from '../tests/server.mjs';

/** Opens the page at `url` + `hash` in `page` and returns what it fetched before it was ready,
 * largest first: `[{ file, gz_bytes }]`. */
export async function firstLoad(page, url, hash = '') {
  const fetched = new Set();
  let loading = true;
  page.on('request', (r) => { if (loading && r.url().startsWith(url)) fetched.add(new URL(r.url()).pathname); });
  await page.goto(url + hash);
  await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
  loading = false;
  return [...fetched].map((p) => {
    const file = path.join(ROOT, p === '/' ? 'index.html' : decodeURIComponent(p));
    return { file: p, gz_bytes: gzipSync(readFileSync(file), { level: 9 }).length };
  }).sort((a, b) => b.gz_bytes - a.gz_bytes);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const rows = await firstLoad(page, server.url, process.argv[2] || '');
    const chart = await page.evaluate(() => performance.getEntriesByName('bgloop:first-chart')[0]?.startTime ?? null);
    for (const r of rows) console.log(String(r.gz_bytes).padStart(8), r.file);
    console.log(String(rows.reduce((s, r) => s + r.gz_bytes, 0)).padStart(8), `total (${rows.length} files); first chart ${chart?.toFixed(0)} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}
