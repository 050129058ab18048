// Prints every file the page fetches before it is ready, gzipped (-9) as a server would send it,
// and the time to the first chart. `node scripts/first-load.mjs [hash]`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { launch } from '../tests/browser.mjs';
import { serve, ROOT } from '../tests/server.mjs';

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  const fetched = new Set();
  let loading = true;
  page.on('request', (r) => { if (loading && r.url().startsWith(server.url)) fetched.add(new URL(r.url()).pathname); });
  await page.goto(server.url + (process.argv[2] || ''));
  await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
  loading = false;
  const rows = [...fetched].map((p) => {
    const file = path.join(ROOT, p === '/' ? 'index.html' : decodeURIComponent(p));
    return { file: p, gz: gzipSync(readFileSync(file), { level: 9 }).length };
  }).sort((a, b) => b.gz - a.gz);
  const chart = await page.evaluate(() => performance.getEntriesByName('bgloop:first-chart')[0]?.startTime ?? null);
  for (const r of rows) console.log(String(r.gz).padStart(8), r.file);
  console.log(String(rows.reduce((s, r) => s + r.gz, 0)).padStart(8), `total (${rows.length} files); first chart ${chart?.toFixed(0)} ms`);
} finally {
  await browser.close();
  server.close();
}
