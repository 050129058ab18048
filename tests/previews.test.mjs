// Each preset's preview image and landing page (`bgloop share`, written into web/share by the
// build): a shared link shows that experiment, with a caption that matches its figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

const SHARE = path.join(ROOT, 'web', 'share');
let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('every preset has its own preview image and landing page in every language; a comparison\'s caption names its runs and which lines are dashed, a single run\'s names no run B', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  // What the playground knows of its presets and their runs, in each language.
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  const presets = await page.evaluate(() => window.bgloop.presets.map((p) => p.name));
  assert.ok(presets.length >= 10, presets.join());
  const images = new Set();
  for (const lang of ['en', 'fr', 'es']) {
    for (const name of presets) {
      const stem = lang === 'en' ? name : `${name}.${lang}`;
      const html = path.join(SHARE, `${stem}.html`);
      assert.ok(fs.existsSync(html), `web/share/${stem}.html`);
      assert.deepEqual(pngSize(path.join(SHARE, `${stem}.png`)), [1200, 630], `${stem}.png`);
      images.add(fs.readFileSync(path.join(SHARE, `${stem}.png`)).toString('base64').slice(-2000));
      await page.goto(`${server.url}web/share/${stem}.html`);
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        image: document.querySelector('meta[property="og:image"]').content,
        title: document.querySelector('h1').textContent,
        caption: document.querySelector('figcaption').textContent,
        open: document.querySelector('a.open').href,
        loaded: document.querySelector('img').naturalWidth,
      }));
      assert.equal(seen.lang, lang);
      assert.equal(seen.image, `${stem}.png`, `${stem}: without a site address the image is named relative`);
      assert.equal(seen.loaded, 1200, `${stem}: the image is served`);
      // The landing page opens the experiment it previews, in its language, at the trial it shows.
      const opened = await context.newPage();
      await opened.goto(seen.open);
      await opened.waitForSelector('html[data-ready=true]', { timeout: 15000 });
      const there = await opened.evaluate(() => ({ preset: window.bgloop.playground.view().preset, names: window.bgloop.playground.view().run_names ?? null, lang: document.documentElement.lang }));
      await opened.close();
      assert.equal(there.preset, name, seen.open);
      assert.equal(there.lang, lang, seen.open);
      if (there.names) {
        for (const run of there.names) assert.ok(seen.caption.includes(run), `${stem}: the caption names ${run}: ${seen.caption}`);
      } else {
        assert.doesNotMatch(seen.caption, /\bB\b/, `${stem}: a single run's caption names no run B: ${seen.caption}`);
      }
    }
  }
  assert.equal(images.size, 3 * presets.length, 'no two previews are the same image');
  assert.deepEqual(problems, []);
  await context.close();
});
