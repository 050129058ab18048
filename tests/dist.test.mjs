// The builds for people without Rust: dist/ from a static host's sub-path, and dist/bgloop.html
// opened straight from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';
import { serve, ROOT } from './server.mjs';
import { VERSION } from './links.mjs';

const DIST = path.join(ROOT, 'dist');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function exercise(url) {
  const page = await browser.newPage();
  const problems = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  page.on('request', (r) => { const u = new URL(r.url()); if (!['127.0.0.1', ''].includes(u.hostname) && !['data:', 'blob:', 'file:'].includes(u.protocol)) foreign.push(r.url()); });
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  for (let i = 1; i <= 3; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction((n) => window.bgloop.playground.trialCount() === n, i, { polling: 20 });
  }
  assert.match(await page.locator('#status').textContent(), /^Trial 3 · rotation/);
  assert.match(await page.evaluate(() => location.hash), new RegExp(`^#v=${VERSION}&preset=rotation`));
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, [], 'no requests to other origins');
  return page;
}

test('dist/ works from a sub-path of a static host', async () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), 'npm run build wrote dist/');
  const site = mkdtempSync(path.join(os.tmpdir(), 'bgloop-site-'));
  mkdirSync(path.join(site, 'course'));
  symlinkSync(DIST, path.join(site, 'course', 'bgloop'));
  const server = await serve({ BGLOOP_ROOT: site });
  try {
    const page = await exercise(`${server.url}course/bgloop/`);
    // A shared link shows a card: Open Graph and Twitter meta name a preview image that is served.
    const image = await page.evaluate(() => document.querySelector('meta[property="og:image"]').content);
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="twitter:card"]').content), 'summary_large_image');
    const png = await page.evaluate(async (src) => { const r = await fetch(src); const b = new Uint8Array(await r.arrayBuffer()); return { ok: r.ok, type: r.headers.get('content-type'), head: [...b.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''), bytes: b.length }; }, image);
    assert.ok(png.ok && png.head === 'PNG' && png.bytes > 20_000, `the preview image ${image}: ${JSON.stringify(png)}`);
    // The one-line embedding script and the example article are in dist/ too.
    for (const f of ['bgloop-embed.js', 'examples/article.html', 'examples/tour-example.json']) assert.ok(existsSync(path.join(DIST, f)), f);
    await page.close();
  } finally {
    server.close();
  }
});

test('dist/bgloop.html works opened from disk (file://)', async () => {
  const file = path.join(DIST, 'bgloop.html');
  assert.ok(existsSync(file));
  const page = await exercise(`${pathToFileURL(file).href}#preset=rotation&seed=4`);
  assert.equal(await page.evaluate(() => window.bgloop.config.seed), 4);
  // The recorder, loaded when used, is inside the single file too.
  const clip = await page.evaluate(() => window.bgloop.recordClip({ from: 1, to: 3 }).then((c) => ({ kind: c.kind, frames: c.frames })));
  assert.deepEqual(clip, { kind: 'webm', frames: 3 });
  await page.close();
});

test('dist/bgloop.html from disk runs a comparison without workers: both runs equal the CLI\'s', async () => {
  const { spawnSync } = await import('node:child_process');
  const file = path.join(DIST, 'bgloop.html');
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${pathToFileURL(file).href}#preset=strong-vs-weak&seed=2&speed=4`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  await page.evaluate(() => window.bgloop.runTrials(120));
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 120 && document.getElementById('play').disabled === false, null, { timeout: 60000, polling: 50 });
  const { csv, twin } = await page.evaluate(() => ({ csv: window.bgloop.playground.csv(), twin: window.bgloop.twin }));
  assert.equal(twin.handovers, 0, 'no worker ran B (a page opened from disk has none)');
  const cli = spawnSync(path.join(ROOT, 'target', 'release', 'bgloop'), ['run', '--permalink', '#preset=strong-vs-weak&seed=2', '--trials', '120'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(csv, cli.stdout, 'A and B, bit for bit');
  assert.deepEqual(problems, []);
  await page.close();
});
