// Embeds for lay readers (issue #33): an embed of each comparison preset shows its title and its
// plain sentence and names its runs in words; the Embed dialog's iframe line carries the preset's
// title; hide=intro hides the title and sentence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open(hash, viewport = { width: 760, height: 640 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, problems };
}

test('an embed of each comparison preset shows its title and plain sentence and names its runs in words', async () => {
  const probe = await open('#preset=rotation');
  const presets = await probe.page.evaluate(() => {
    const { Words } = window.bgloop;
    return Words.presets().filter((p) => p.compare.length).map((p) => {
      const m = Words.message(`preset-${p.name}`, null).attributes;
      return { name: p.name, title: p.title, description: p.description, a: m['run-a'], b: m['run-b'] };
    });
  });
  await probe.page.close();
  assert.ok(presets.length >= 5, `${presets.length} comparison presets`);
  for (const p of presets) {
    assert.ok(p.a && p.b, `${p.name} names its runs`);
    const { page, problems } = await open(`#preset=${p.name}&embed=1&to=3`);
    assert.ok(await page.locator('#intro-title').isVisible(), `${p.name}: the title is shown`);
    assert.equal(await page.locator('#intro-title').textContent(), p.title);
    assert.equal(await page.locator('#intro-sentence').textContent(), p.description);
    const note = await page.locator('#compare-note').textContent();
    assert.ok(note.includes(p.a) && note.includes(p.b), `${p.name}: runs named in words: ${note}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('hide=intro hides the title and sentence; the full page never shows them; the iframe line carries the preset title', async () => {
  let { page } = await open('#preset=strong-vs-weak&embed=1&hide=intro');
  assert.ok(await page.locator('#intro-title').isHidden());
  await page.close();
  ({ page } = await open('#preset=strong-vs-weak', { width: 1280, height: 800 }));
  assert.ok(await page.locator('#intro-title').isHidden(), 'only an embed shows it');
  const title = await page.evaluate(() => window.bgloop.Words.presets().find((p) => p.name === 'strong-vs-weak').title);
  await page.click('#embed');
  await page.waitForFunction(() => document.getElementById('embed-iframe').value.includes('title='));
  const line = await page.locator('#embed-iframe').inputValue();
  assert.ok(line.includes(`title="bgloop: ${title}"`), line);
  await page.close();
});
