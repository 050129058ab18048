// Embedding from another site, as a science communicator does it: the example article loads
// <bgloop-demo> elements from the playground's origin; frames size themselves from bgloop:resize;
// one demo follows the reader's scrolling through the host API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let playground; let host;
before(async () => { playground = await serve(); host = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); playground?.close(); host?.close(); });

async function openArticle(viewport = { width: 1100, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.events = [];
    for (const type of ['bgloop-ready', 'bgloop-resize', 'bgloop-state', 'bgloop-trial', 'bgloop-error']) {
      document.addEventListener(type, (e) => window.events.push({ type, id: e.target.id, index: [...document.querySelectorAll('bgloop-demo')].indexOf(e.target), detail: e.detail }));
    }
  });
  assert.notEqual(new URL(host.url).origin, new URL(playground.url).origin, 'two origins');
  await page.goto(`${host.url}examples/article.html?playground=${encodeURIComponent(`${playground.url}index.html`)}`);
  return { page, context, problems };
}

test('the article embeds three demos from another origin; each frame takes its content height', async () => {
  const { page, context, problems } = await openArticle();
  const demos = page.locator('bgloop-demo');
  assert.equal(await demos.count(), 3);
  for (let i = 0; i < 3; i++) {
    await demos.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => window.events.some((e) => e.type === 'bgloop-ready' && e.index === i), i, { timeout: 20000 });
    await page.waitForFunction((i) => window.events.some((e) => e.type === 'bgloop-resize' && e.index === i), i, { timeout: 10000 });
    const { reported, height, src } = await page.evaluate((i) => {
      const demo = document.querySelectorAll('bgloop-demo')[i];
      const last = window.events.filter((e) => e.type === 'bgloop-resize' && e.index === i).at(-1);
      const frame = demo.querySelector('iframe');
      return { reported: last.detail.height, height: frame.getBoundingClientRect().height, src: frame.src };
    }, i);
    assert.ok(src.startsWith(playground.url), `demo ${i} comes from the playground's origin`);
    assert.match(src, /embed=1/);
    assert.ok(Math.abs(height - reported) <= 1, `demo ${i}: frame ${height} px for content ${reported} px`);
    assert.notEqual(Math.round(height), 640, 'resized from its starting height');
  }
  // The first demo hides the activity and circuit views: its content is shorter than the third's.
  const heights = await page.evaluate(() => [...document.querySelectorAll('bgloop-demo iframe')].map((f) => f.getBoundingClientRect().height));
  assert.ok(heights[0] < 700, `a compact embed: ${heights[0]} px`);
  // The element's methods drive the playground.
  await demos.nth(0).evaluate((d) => d.pause());
  await page.waitForFunction(() => window.events.some((e) => e.type === 'bgloop-state' && e.index === 0 && e.detail.playing === false), null, { timeout: 10000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the scroll-driven demo switches to the step of the paragraph in view', async () => {
  const { page, context, problems } = await openArticle();
  const demo = page.locator('#scrolly-demo');
  await demo.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.events.some((e) => e.type === 'bgloop-ready' && e.id === 'scrolly-demo'), null, { timeout: 20000 });
  for (const [step, preset] of [[5, 'inactivate-gpi'], [8, 'babbling'], [4, 'strong-vs-weak']]) {
    await page.locator(`.beat[data-step="${step}"]`).evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(
      (preset) => window.events.some((e) => e.type === 'bgloop-state' && e.id === 'scrolly-demo' && e.detail.preset === preset),
      preset, { timeout: 15000 },
    );
    assert.ok(await page.locator(`.beat[data-step="${step}"]`).evaluate((b) => b.classList.contains('active')));
  }
  assert.deepEqual(problems, []);
  await context.close();
});
