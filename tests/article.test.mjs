// Embedding from another site, as a science communicator does it: the example article loads
// <bgloop-demo> elements from the playground's origin; frames size themselves from bgloop:resize;
// one demo follows the reader's scrolling through the host API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, ROOT } from './server.mjs';

let browser; let playground; let host; let attacker;

/** The article as an author publishes it on another site: a copy whose two lines that name the
 * playground's address (the script, and the CSP's script-src and frame-src) point at the
 * playground's origin, served by a second server (target/article-host, git-ignored). */
function publish(playgroundUrl) {
  const origin = new URL(playgroundUrl).origin;
  const dir = path.join(ROOT, 'target', 'article-host', 'examples');
  fs.mkdirSync(dir, { recursive: true });
  const html = fs.readFileSync(path.join(ROOT, 'examples', 'article.html'), 'utf8');
  const published = html
    .replace('src="../web/bgloop-embed.js"', `src="${playgroundUrl}web/bgloop-embed.js"`)
    .replace("script-src 'self'", `script-src 'self' ${origin}`)
    .replace("frame-src 'self'", `frame-src ${origin}`);
  assert.notEqual(published, html);
  fs.writeFileSync(path.join(dir, 'article.html'), published);
  for (const f of ['article.css', 'article.js']) fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(dir, f));
}

before(async () => {
  playground = await serve();
  publish(playground.url);
  host = await serve({ BGLOOP_ROOT: 'target/article-host' });
  attacker = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); playground?.close(); host?.close(); attacker?.close(); });

async function openArticle(viewport = { width: 1100, height: 800 }, { query = '', published = true } = {}) {
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
  // Published: on another site, embedding from the playground's origin; otherwise the article
  // as it ships, beside its own playground.
  await page.goto(`${published ? host.url : playground.url}examples/article.html${query}`);
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
  // Only what the playground says after each call counts: it plays on play(), and stops on pause()
  // (a pause that did nothing would leave it playing).
  await demos.nth(0).scrollIntoViewIfNeeded();
  const after = async (call, playing) => {
    const mark = await page.evaluate(() => window.events.length);
    await demos.nth(0).evaluate(call);
    await page.waitForFunction(([k, p]) => window.events.slice(k).some((e) => e.type === 'bgloop-state' && e.index === 0 && e.detail.playing === p), [mark, playing], { timeout: 10000 });
  };
  await after((d) => d.play(), true);
  await after((d) => d.pause(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the scroll-driven demo switches to the step of the paragraph in view', async () => {
  const { page, context, problems } = await openArticle();
  const demo = page.locator('#scrolly-demo');
  await demo.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.events.some((e) => e.type === 'bgloop-ready' && e.id === 'scrolly-demo'), null, { timeout: 20000 });
  for (const [step, preset] of [[5, 'inactivate-gpi'], [8, 'babbling'], [4, 'strong-vs-weak']]) {
    const mark = await page.evaluate(() => window.events.length);
    await page.locator(`.beat[data-step="${step}"]`).evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(
      ([preset, k]) => window.events.slice(k).some((e) => e.type === 'bgloop-state' && e.id === 'scrolly-demo' && e.detail.preset === preset),
      [preset, mark], { timeout: 15000 },
    );
    assert.ok(await page.locator(`.beat[data-step="${step}"]`).evaluate((b) => b.classList.contains('active')));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the article never loads code from its own URL: hostile ?playground= values are ignored', async () => {
  const hostile = [
    `${attacker.url}`, `${attacker.url}index.html`, `//${new URL(attacker.url).host}/`,
    'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/examples/', '%00', 'x'.repeat(5000),
  ];
  const hits = [];
  for (const value of hostile) {
    const { page, context, problems } = await openArticle({ width: 1100, height: 800 }, {
      query: `?playground=${encodeURIComponent(value)}`, published: false,
    });
    page.on('request', (r) => { if (r.url().startsWith(attacker.url) || r.url().startsWith(`http://${new URL(attacker.url).host}`)) hits.push(r.url()); });
    const first = page.locator('bgloop-demo').first();
    await first.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.events.some((e) => e.type === 'bgloop-ready' && e.index === 0), null, { timeout: 20000 });
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
    assert.deepEqual(scripts, [`${playground.url}web/bgloop-embed.js`, `${playground.url}examples/article.js`], `${value}: only the site's own scripts`);
    const frames = await page.evaluate(() => [...document.querySelectorAll('bgloop-demo iframe')].map((f) => f.src));
    assert.equal(frames.length, 3, `${value}: every demo is there`);
    for (const f of frames) assert.ok(f.startsWith(`${playground.url}index.html#`), `${value}: the demo comes from the site's own playground: ${f}`);
    assert.deepEqual(problems, [], value);
    await context.close();
  }
  assert.deepEqual(hits, [], 'nothing was requested from the attacker');
});

test('every HTML file the site ships carries a CSP that allows only its own scripts', async () => {
  const files = execFileSync('git', ['ls-files', '*.html'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const extra of ['dist/bgloop.html', 'dist/index.html', 'dist/examples/article.html']) {
    if (fs.existsSync(path.join(ROOT, extra))) files.push(extra);
  }
  assert.ok(files.includes('examples/article.html') && files.includes('index.html'), files.join(', '));
  for (const f of files) {
    const html = fs.readFileSync(path.join(ROOT, f), 'utf8');
    const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.ok(m, `${f} has a CSP`);
    const script = m[1].split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.ok(script, `${f}: the CSP names script-src`);
    assert.doesNotMatch(script, /'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/, `${f}: ${script}`);
    assert.doesNotMatch(html, /location\.(search|hash|href)[^;\n]*\.src\s*=|searchParams[^;\n]*script/, `${f} builds no script address from its URL`);
  }
  // The article's CSP is enforced: an injected inline script does not run.
  const { page, context } = await openArticle({ width: 1100, height: 800 }, { published: false });
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    return window.__inline === 1;
  });
  assert.equal(ran, false, 'inline script blocked by the CSP');
  await context.close();
});
