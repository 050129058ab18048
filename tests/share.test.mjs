// Sharing, exporting and embedding, as the people the playground is for use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { launch } from './browser.mjs';
import { serve, ROOT } from './server.mjs';
import { DETERMINISM_LINKS, VERSION } from './links.mjs';

let browser; let server; let hostServer;
const CLI = path.join(ROOT, 'target', 'release', 'bgloop');

before(async () => {
  server = await serve();
  const hostDir = mkdtempSync(path.join(os.tmpdir(), 'bgloop-host-'));
  writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>Host article</title><link rel="icon" href="data:,"></head>
<body><h1>An article that embeds bgloop</h1><div id="frame"></div>
<script>
window.received = [];
window.addEventListener('message', (e) => { window.received.push(e.data); });
window.send = (msg) => document.querySelector('iframe').contentWindow.postMessage(msg, '*');
</script></body></html>`);
  // A host page that loads <bgloop-demo> from the playground's origin, as an author's would.
  writeFileSync(path.join(hostDir, 'element.html'), `<!doctype html><html><head><meta charset="utf-8"><title>Element host</title><link rel="icon" href="data:,">
<script src="${server.url}web/bgloop-embed.js"></script></head>
<body><div id="slot"></div><div id="other"></div>
<script>
window.seen = [];
for (const t of ['bgloop-ready', 'bgloop-state', 'bgloop-error']) document.addEventListener(t, (e) => window.seen.push({ type: t, detail: e.detail }));
</script></body></html>`);
  hostServer = await serve({ BGLOOP_ROOT: hostDir });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); hostServer?.close(); });

/** A host page on another origin with the playground at `hash` in a 760 × 700 iframe, once it has
 * said it is ready. */
async function embedInHost(hash) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const host = await context.newPage();
  await host.goto(hostServer.url);
  await host.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src; f.width = 760; f.height = 700; f.title = 'bgloop';
    document.getElementById('frame').append(f);
  }, `${server.url}${hash}`);
  await host.waitForFunction(() => window.received.some((m) => m.type === 'bgloop:ready'), null, { timeout: 15000, polling: 100 });
  return { context, host };
}

async function open(hash = '', { clipboard = false } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + hash);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, context, problems };
}

async function downloadText(page, buttonName) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  return { name: dl.suggestedFilename(), data: readFileSync(await dl.path()) };
}

/** Clicks Step `n` times, each time waiting for its trial to end (a step runs in slices). */
async function stepTrials(page, n) {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  const start = await page.evaluate(() => window.bgloop.playground.trialCount());
  for (let i = 1; i <= n; i++) {
    await step.click();
    await page.waitForFunction((k) => window.bgloop.playground.trialCount() === k, start + i, { polling: 20 });
  }
}

test('a copied link reproduces the run bit for bit, in a fresh page and in the native CLI', async () => {
  const a = await open('', { clipboard: true });
  const slider = a.page.getByLabel('Loop strength', { exact: true });
  await slider.focus();
  for (let i = 0; i < 4; i++) await a.page.keyboard.press('ArrowLeft');
  await a.page.getByLabel('Seed', { exact: true }).fill('5');
  await a.page.getByLabel('Seed', { exact: true }).dispatchEvent('change');
  await a.page.getByRole('button', { name: 'Reset', exact: true }).click();
  await stepTrials(a.page, 30);
  const first = await downloadText(a.page, 'Export CSV');
  assert.match(first.name, /^bgloop-rotation-seed5-trial30\.csv$/);
  await a.page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await a.page.waitForFunction(() => /Link copied/.test(document.getElementById('share-status').textContent), null, { timeout: 5000, polling: 50 });
  const link = await a.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await a.page.evaluate(() => location.href), 'the address bar holds the same link');
  assert.match(link, new RegExp(`#v=${VERSION}&preset=rotation&loop_strength=0\\.8&seed=5`));
  await a.context.close();

  const b = await open(`#${link.split('#')[1]}`);
  assert.equal(await b.page.evaluate(() => window.bgloop.config.loop_strength), 0.8);
  await stepTrials(b.page, 30);
  const second = await downloadText(b.page, 'Export CSV');
  assert.equal(second.data.toString(), first.data.toString(), 'identical CSV files');
  assert.deepEqual(b.problems, []);
  await b.context.close();

  const cli = spawnSync(CLI, ['run', '--permalink', link, '--trials', '30', '--format', 'csv'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stdout, first.data.toString(), 'the CLI prints the same bytes as the browser export');
});

test('hand-written links work', async () => {
  const { page, context, problems } = await open('#preset=rotation&loop_strength=0.8&seed=5');
  const cfg = await page.evaluate(() => window.bgloop.config);
  assert.equal(cfg.loop_strength, 0.8);
  assert.equal(cfg.seed, 5);
  assert.equal(cfg.rotation_deg, 30);
  assert.equal(await page.getByLabel('Preset').inputValue(), 'rotation');
  assert.ok(await page.locator('#link-problems').isHidden());
  assert.match(await page.evaluate(() => location.hash), new RegExp(`^#v=${VERSION}&preset=rotation&loop_strength=0\\.8&seed=5`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad links open anyway and list each rejected entry; nothing from the link becomes HTML', async () => {
  const payload = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const { page, context, problems } = await open(`#v=7&loop_strength=9&dopamine=0.5&${payload}=1&seed=${payload}&targets=3&dt_ms=NaN&hide=${payload}`);
  const banner = page.locator('#link-problems');
  assert.ok(await banner.isVisible());
  const items = await banner.locator('li').allTextContents();
  assert.ok(items.some((t) => t.includes('newer version')), items.join('\n'));
  for (const needle of ['`loop_strength` = 9 is out of range 0–2', 'unknown parameter', '`seed` =', '`targets` = 3 is not one of: 1, 2, 4, 8', '`dt_ms` = "NaN" is not a number', '`hide` names']) {
    assert.ok(items.some((t) => t.includes(needle)), `${needle} in:\n${items.join('\n')}`);
  }
  assert.equal(await page.evaluate(() => window.bgloop.config.dopamine), 0.5, 'good entries apply');
  assert.equal(await page.evaluate(() => window.bgloop.config.loop_strength), 1, 'bad ones take defaults');
  assert.equal(await page.locator('#link-problems img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.ok(await banner.isHidden());
  await stepTrials(page, 2);
  assert.equal(await page.evaluate(() => window.bgloop.playground.trialCount()), 2, 'the page works');
  assert.deepEqual(problems, []);
  await context.close();
});

test('exports: JSON document, PNG and SVG figures', async () => {
  const { page, context } = await open('#preset=rotation&seed=2');
  await stepTrials(page, 5);
  const json = JSON.parse((await downloadText(page, 'Export JSON')).data.toString());
  assert.equal(json.format, 'bgloop-run');
  assert.equal(json.version, VERSION);
  assert.equal(json.seed, 2);
  assert.equal(json.config.rotation_deg, 30);
  assert.equal(json.records.length, 5);
  const png = (await downloadText(page, 'Export figure')).data;
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  assert.ok(png.length > 20000);
  // The PNG is the SVG figure drawn at twice its size (1200 × 560): one layout for both.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [2400, 1120], 'PNG width × height');
  const svg = await downloadText(page, 'Export SVG');
  assert.match(svg.name, /\.svg$/);
  const text = svg.data.toString();
  // A handout: title, seed, trials, the non-default parameters, the link and a caption.
  for (const said of ['Adapting to a 30° rotation', 'seed 2 · trials 1–5', 'Rotation 30°', 'Reward binary', `#v=${VERSION}&amp;preset=rotation&amp;seed=2`, 'Left: cursor paths']) {
    assert.ok(text.includes(said), `the SVG says ${said}`);
  }
  assert.ok(text.startsWith('<svg') && text.includes('Cortex') && text.includes('reward'));
  // It draws the run, not only the frame: a cursor path per trial, the |error| curve, heat cells.
  const cursorStrokes = (text.match(/stroke="#C2410C"/gi) || []).length;
  assert.ok(cursorStrokes >= 6, `cursor-coloured strokes: ${cursorStrokes}`);
  assert.ok((text.match(/<rect/g) || []).length > 1000, 'activity heat cells');
  await context.close();
});

test('embedded in another site: views and Play/Pause/Reset only, and the postMessage host API', async () => {
  const { context, host } = await embedInHost('#preset=rotation&seed=3&embed=1&speed=1');
  const frame = host.frameLocator('iframe');
  for (const name of ['Play', 'Pause', 'Reset']) assert.ok(await frame.getByRole('button', { name, exact: true }).isVisible(), name);
  // Hidden, not missing: each exists in the embed's page.
  for (const name of ['Step', 'Copy link', 'Export CSV']) {
    const button = frame.getByRole('button', { name, exact: true, includeHidden: true });
    assert.equal(await button.count(), 1, `${name} exists`);
    assert.ok(await button.isHidden(), name);
  }
  assert.equal(await frame.locator('#preset').count(), 1, 'the preset menu exists');
  assert.ok(await frame.locator('#preset').isHidden());
  const open = frame.getByRole('link', { name: /Open in playground/ });
  assert.ok(await open.isVisible());
  assert.doesNotMatch(await open.getAttribute('href'), /embed=1/);
  assert.match(await open.getAttribute('href'), /preset=rotation/);

  const reply = async (msg, type) => {
    const before = await host.evaluate(() => window.received.length);
    await host.evaluate((m) => window.send(m), msg);
    await host.waitForFunction(([n, t]) => window.received.slice(n).some((m) => m.type === t), [before, type], { timeout: 10000, polling: 50 });
    return host.evaluate(([n, t]) => window.received.slice(n).find((m) => m.type === t), [before, type]);
  };
  await reply({ type: 'bgloop:pause' }, 'bgloop:state');
  let state = await reply({ type: 'bgloop:getState' }, 'bgloop:state');
  assert.equal(state.config.seed, 3);
  state = await reply({ type: 'bgloop:configure', config: { loop_strength: 0.5 } }, 'bgloop:state');
  assert.equal(state.config.loop_strength, 0.5);
  assert.equal(state.trial, 0);
  const trial = await reply({ type: 'bgloop:step' }, 'bgloop:trial');
  assert.equal(trial.record.trial, 1);
  state = await reply({ type: 'bgloop:reset', seed: 8 }, 'bgloop:state');
  assert.equal(state.config.seed, 8);
  assert.equal(state.trial, 0);
  // Malformed messages get an error reply, never an exception.
  for (const [msg, needle] of [
    ['hello', 'must be an object'],
    [{ type: 'bgloop:explode' }, 'unknown command'],
    [{ type: 'bgloop:configure', config: { loop_strength: 12 } }, '`loop_strength` = 12 is out of range 0–2'],
    [{ type: 'bgloop:configure', config: '<script>alert(1)</script>' }, 'needs { config'],
    [{ type: 'bgloop:reset', seed: 'x' }, '`seed` must be a number'],
    [{ type: 'bgloop:configure', config: { reward: '<img src=x onerror="window.__pwned=1">' } }, '`reward` = "<img src=x onerror='],
    [{ type: 'bgloop:configure', config: { '<script>window.__pwned=1</script>': 1 } }, 'unknown parameter'],
  ]) {
    const err = await reply(msg, 'bgloop:error');
    assert.ok(err.message.includes(needle), `${JSON.stringify(msg)} → ${err.message}`);
  }
  const inner = host.frames()[1];
  assert.equal(await inner.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.equal(await inner.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0, 'nothing was injected');
  state = await reply({ type: 'bgloop:play' }, 'bgloop:state');
  assert.equal(state.playing, true);
  await host.waitForFunction(() => window.received.some((m) => m.type === 'bgloop:trial' && m.record.trial >= 2), null, { timeout: 20000, polling: 100 });
  await context.close();
});

test('the Content-Security-Policy allows only the page\'s own scripts (and wasm)', async () => {
  const { page, context, problems } = await open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /default-src 'self'/);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__handler = 1');
    img.src = 'data:,x';
    document.body.append(img);
    return new Promise((r) => setTimeout(() => r({ inline: window.__inline, handler: window.__handler }), 200));
  });
  assert.deepEqual(ran, { inline: undefined, handler: undefined });
  assert.ok(problems.some((p) => p.includes('Content Security Policy')), 'the browser reports the blocked script');
  await context.close();
});

test('hide= hides the named views and controls', async () => {
  const { page, context, problems } = await open('#preset=rotation&hide=reach,status,loop_strength,presets');
  // Each element must exist before "hidden" means anything.
  for (const sel of ['[data-part=reach]', '#status', '[data-part=presets]', '#p-loop_strength']) {
    assert.ok(await page.locator(sel).count() > 0, `${sel} exists`);
  }
  assert.ok(await page.locator('[data-part=reach]').isHidden());
  assert.ok(await page.locator('#status').isHidden());
  assert.ok(await page.getByLabel('Preset').isHidden());
  assert.ok(await page.getByLabel('Loop strength', { exact: true }).isHidden());
  assert.ok(await page.locator('[data-part=learning]').isVisible());
  assert.match(await page.evaluate(() => location.hash), /hide=reach,status,loop_strength,presets/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hide= accepts every part in the view table (share and sweep included) and hides each', async () => {
  const probe = await open('#preset=rotation');
  const parts = await probe.page.evaluate(() => window.bgloop.views.parts.map((p) => p.name));
  await probe.context.close();
  assert.ok(parts.includes('share') && parts.includes('sweep'), parts.join(','));
  const shown = 'learning';
  const hide = parts.filter((p) => p !== shown);
  const { page, context, problems } = await open(`#preset=rotation&hide=${hide.join(',')}`);
  assert.equal(await page.locator('#link-problems').isVisible(), false, 'no entry rejected');
  for (const name of hide) {
    const part = page.locator(`[data-part="${name}"]`);
    assert.ok(await part.count() > 0, `${name} is on the page`);
    for (const el of await part.all()) assert.ok(await el.isHidden(), `${name} hidden`);
  }
  assert.ok(await page.locator(`[data-part="${shown}"]`).isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});
test('a host receives every trial record at full speed, and a flood of play/pause makes no long task', async () => {
  const { context, host } = await embedInHost('#preset=rotation&seed=4&embed=1&speed=4');
  await host.evaluate(() => window.send({ type: 'bgloop:play' }));
  await host.waitForFunction(() => window.received.filter((m) => m.type === 'bgloop:trial').flatMap((m) => m.records).length >= 300, null, { timeout: 60000, polling: 100 });
  await host.evaluate(() => window.send({ type: 'bgloop:pause' }));
  const events = await host.evaluate(() => window.received.filter((m) => m.type === 'bgloop:trial'));
  const numbers = events.flatMap((e) => e.records.map((r) => r.trial));
  assert.ok(events.length < numbers.length, `batched: ${events.length} events for ${numbers.length} trials`);
  assert.deepEqual(numbers, numbers.map((_, i) => i + 1), 'every trial, once, in order');
  for (const e of events) assert.equal(e.record.trial, e.records[e.records.length - 1].trial);
  // A flood of play/pause: state changes are coalesced, so no task is long.
  const inner = host.frames()[1];
  await inner.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await host.evaluate(() => { for (let i = 0; i < 2000; i++) window.send({ type: i % 2 ? 'bgloop:pause' : 'bgloop:play' }); });
  await host.waitForFunction(() => window.received.filter((m) => m.type === 'bgloop:state').length >= 2000, null, { timeout: 30000, polling: 100 });
  const long = await inner.evaluate(() => Math.max(0, ...window.__long));
  assert.ok(long < 250, `longest task during the flood ${long.toFixed(0)} ms`);
  await context.close();
});

test('a host receives every trial record of both runs of a comparison, B included while it runs on its worker', async () => {
  const { context, host } = await embedInHost('#preset=strong-vs-weak&seed=4&embed=1&speed=4');
  await host.evaluate(() => window.send({ type: 'bgloop:play' }));
  await host.waitForFunction(() => window.received.filter((m) => m.type === 'bgloop:trial').flatMap((m) => m.records).length >= 400, null, { timeout: 60000, polling: 100 });
  await host.evaluate(() => window.send({ type: 'bgloop:pause' }));
  const inner = host.frames()[1];
  await inner.waitForFunction(() => window.bgloop.playground.view().feeding == null && document.getElementById('play').disabled === false, null, { timeout: 30000 });
  const [count, twin] = await inner.evaluate(() => [window.bgloop.playground.trialCount(), window.bgloop.twin]);
  assert.ok(twin.handovers >= 1, `B ran on its worker (${twin.handovers} handovers)`);
  // The pause's last B trials are posted with the next report, at the latest on the next redraw.
  await host.waitForFunction((n) => window.received.filter((m) => m.type === 'bgloop:trial').flatMap((m) => m.b.records).length >= n, count, { timeout: 10000, polling: 100 });
  const events = await host.evaluate(() => window.received.filter((m) => m.type === 'bgloop:trial'));
  const a = events.flatMap((e) => e.records.map((r) => r.trial));
  const b = events.flatMap((e) => e.b.records.map((r) => r.trial));
  assert.deepEqual(a, a.map((_, i) => i + 1), 'every A trial, once, in order');
  assert.deepEqual(b, b.map((_, i) => i + 1), 'every B trial, once, in order');
  assert.equal(b.length, count, 'B level with A after the pause');
  await context.close();
});

test('changing the hash after load opens that experiment, exactly as a fresh load', async () => {
  const { page, context, problems } = await open('#seed=3');
  await page.evaluate(() => { location.hash = '#loop_strength=0.2&seed=9&hide=activity'; });
  await page.waitForFunction(() => window.bgloop.config.seed === 9, null, { polling: 50 });
  const cfg = await page.evaluate(() => window.bgloop.config);
  assert.equal(cfg.loop_strength, 0.2);
  assert.ok(await page.locator('[data-part=activity]').isHidden(), 'its view options apply');
  await stepTrials(page, 3);
  const csv = await page.evaluate(() => window.bgloop.playground.csv());
  const fresh = await open('#loop_strength=0.2&seed=9');
  await stepTrials(fresh.page, 3);
  assert.equal(await fresh.page.evaluate(() => window.bgloop.playground.csv()), csv);
  // Opened again at #seed=3, the hidden view comes back.
  await page.evaluate(() => { location.hash = '#seed=3'; });
  await page.waitForFunction(() => window.bgloop.config.seed === 3, null, { polling: 50 });
  assert.ok(await page.locator('[data-part=activity]').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
  await fresh.context.close();
});

test('a link far over the limit opens anyway, cut with a note, at load, as a hash change, and in an embed', async () => {
  // 84 KB: over the boundary's 64 KiB text limit and the decoder's 16 KiB link limit.
  const long = `#preset=rotation&seed=7&loop_strength=0.5&${'cue_hold=0.03&'.repeat(6000)}`;
  assert.ok(long.length > 80_000);
  const noted = async (page) => {
    await page.waitForFunction(() => !document.getElementById('link-problems').hidden, null, { polling: 50 });
    return page.locator('#link-problems').innerText();
  };
  const { page, context, problems } = await open(long);
  assert.match(await noted(page), /longer than 16384 characters/);
  let cfg = await page.evaluate(() => window.bgloop.config);
  assert.equal(cfg.seed, 7, 'the entries before the cut apply');
  assert.equal(cfg.loop_strength, 0.5);
  assert.ok((await page.evaluate(() => location.hash)).length < 200, 'the address bar holds the experiment, not the 84 KB text');
  // As a hash change: the old experiment does not run on.
  await page.evaluate(() => { location.hash = '#seed=3'; });
  await page.waitForFunction(() => window.bgloop.config.seed === 3, null, { polling: 50 });
  await page.evaluate((h) => { location.hash = h.replace('seed=7', 'seed=11'); }, long);
  await page.waitForFunction(() => window.bgloop.config.seed === 11, null, { polling: 50, timeout: 10000 });
  assert.match(await noted(page), /longer than 16384 characters/);
  assert.ok((await page.evaluate(() => location.hash)).length < 200);
  await stepTrials(page, 1);
  assert.deepEqual(problems, []);
  await context.close();
  // In an embed, the host is told the playground is ready.
  const embedded = await embedInHost(`#embed=1&${long.slice(1)}`);
  await embedded.context.close();
});

test('Step with a heavy in-range setting runs in slices and never blocks the page', async () => {
  const { page, context, problems } = await open('#ring_size=256&dt_ms=0.1&trial_ms=3000&go_ms=3000&seed=2');
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() === 1, null, { timeout: 60000, polling: 100 });
  const long = await page.evaluate(() => Math.max(0, ...window.__long));
  assert.ok(long < 200, `longest task while stepping ${long.toFixed(0)} ms (a whole trial takes about a second)`);
  assert.match(await page.locator('#status').textContent(), /^Trial 1 ·/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed fits its frame: at 760 × 640 and 560 × 420 the reach and learning views and Play / Pause / Reset need no scrolling; at 360 × 640 the learning view and the controls', async () => {
  for (const [width, height, views] of [[760, 640, ['reach', 'learning']], [560, 420, ['reach', 'learning']], [360, 640, ['learning']]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${server.url}#preset=rotation&seed=3&embed=1`);
    await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
    const boxes = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return [id, { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }];
    })), ['play', 'pause', 'reset', ...views]);
    for (const [id, b] of Object.entries(boxes)) {
      assert.ok(b.height > 0, `${width}×${height}: ${id} is shown`);
      assert.ok(b.top >= 0 && b.bottom <= height && b.left >= 0 && b.right <= width, `${width}×${height}: ${id} within the frame (${JSON.stringify(b)})`);
    }
    await context.close();
  }
});

test('the Embed dialog\'s iframe lines show every view whole at 320, 390 and 1280 px on another origin, and title the frame', async () => {
  const { page, context } = await open('#preset=strong-vs-weak&seed=2');
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await page.waitForFunction(() => !/measuring/.test(document.getElementById('embed-height').textContent), null, { timeout: 45000 });
  const lines = await page.locator('#embed-iframe').inputValue();
  const title = await page.locator('#intro-title').textContent();
  await context.close();
  const [frameLine, ...script] = lines.split('\n');
  assert.match(frameLine, new RegExp(`title="bgloop: ${title}"`), 'the frame is titled with the preset');
  const code = script.join('\n').replace(/^<script>/, '').replace(/<\/script>$/, '');
  for (const width of [320, 390, 1280]) {
    const hostContext = await browser.newContext({ viewport: { width, height: 900 } });
    const host = await hostContext.newPage();
    await host.goto(hostServer.url);
    await host.evaluate(([html, js]) => {
      const column = document.createElement('article');
      column.style.cssText = 'width:100%;max-width:680px;margin:0 auto';
      column.innerHTML = html;
      document.body.append(column);
      const s = document.createElement('script');
      s.textContent = js;
      document.body.append(s);
    }, [frameLine, code]);
    const frame = host.frameLocator('article iframe');
    await frame.locator('html[data-ready=true]').waitFor({ timeout: 20000 });
    // The frame is sized by the snippet's script once the embed says its height (not waited on
    // as a condition: without the script the check below says what is cut).
    await host.waitForFunction(() => document.querySelector('article iframe').style.height !== '', null, { timeout: 8000 }).catch(() => {});
    await host.waitForTimeout(600);
    const inside = await frame.locator('body').evaluate(() => ({
      cut: document.documentElement.scrollHeight - innerHeight,
      views: ['reach', 'learning', 'circuit', 'activity'].map((id) => { const r = document.getElementById(id).getBoundingClientRect(); return [id, r.height > 50 && r.bottom <= innerHeight + 1]; }),
    }));
    assert.ok(inside.cut <= 1, `${width} px: ${inside.cut} px of the embed cut off`);
    for (const [id, whole] of inside.views) assert.ok(whole, `${width} px: the ${id} view is whole`);
    await hostContext.close();
  }
});

test('<bgloop-demo> states: commands wait while loading (bounded, in order), and every change — link, hide, tour, moving the element — waits for ready again', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${hostServer.url}element.html`);
  await page.waitForFunction(() => customElements.get('bgloop-demo'));
  const readies = () => page.evaluate(() => window.seen.filter((e) => e.type === 'bgloop-ready').length);
  const waitReady = async (n) => page.waitForFunction((n) => window.seen.filter((e) => e.type === 'bgloop-ready').length >= n, n, { timeout: 20000, polling: 50 });
  const lastState = () => page.evaluate(() => window.seen.filter((e) => e.type === 'bgloop-state').at(-1)?.detail);
  // Loading: commands queue in order; a payload that cannot be posted throws at the call and
  // nothing else is lost; past 64, commands are dropped with an error event.
  const early = await page.evaluate(() => {
    const demo = document.createElement('bgloop-demo');
    demo.id = 'demo';
    demo.setAttribute('link', '#preset=rotation&seed=5');
    document.getElementById('slot').append(demo);
    const state = demo.state;
    let threw = null;
    demo.configure({ loop_strength: 0.4 });
    try { demo.configure({ f() {} }); } catch (e) { threw = e.name; }
    for (let i = 0; i < 70; i++) demo.pause();
    demo.getState();
    return { state, threw, queued: demo.queue.length };
  });
  assert.equal(early.state, 'loading');
  assert.equal(early.threw, 'DataCloneError', 'an uncloneable payload throws at the call');
  assert.equal(early.queued, 64, 'the queue is bounded');
  assert.ok((await page.evaluate(() => window.seen.filter((e) => e.type === 'bgloop-error').length)) >= 7, 'dropped commands are reported');
  await waitReady(1);
  await page.waitForFunction(() => window.seen.some((e) => e.type === 'bgloop-state'), null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.getElementById('demo').state), 'ready');
  assert.equal((await lastState()).config.loop_strength, 0.4, 'the queued configure was delivered first');
  // Each attribute change goes back to loading and is answered by a new ready; a command given
  // right after it applies to the new experiment.
  for (const [attribute, value] of [['link', '#preset=rotation&seed=9'], ['hide', 'activity'], ['tour', '2']]) {
    const before = await readies();
    const state = await page.evaluate(([a, v]) => {
      const demo = document.getElementById('demo');
      demo.setAttribute(a, v);
      const s = demo.state;
      demo.configure({ loop_strength: 0.7 });
      demo.getState();
      return s;
    }, [attribute, value]);
    assert.equal(state, 'loading', `${attribute}: loading again`);
    await waitReady(before + 1);
    await page.waitForFunction(() => window.seen.at(-1)?.type === 'bgloop-state' && window.seen.at(-1).detail.config.loop_strength === 0.7, null, { timeout: 10000, polling: 50 });
    // The new link opened (a tour step opens its own experiment instead).
    if (attribute === 'link') assert.equal((await lastState()).config.seed, 9, 'the new link opened');
  }
  // Moved elsewhere in the page, the frame reloads: commands wait for it.
  const before = await readies();
  const moved = await page.evaluate(() => {
    const demo = document.getElementById('demo');
    demo.remove();
    const detached = demo.state;
    document.getElementById('other').append(demo);
    demo.configure({ loop_strength: 0.55 });
    demo.getState();
    return { detached, after: demo.state };
  });
  assert.deepEqual(moved, { detached: 'detached', after: 'loading' });
  await waitReady(before + 1);
  await page.waitForFunction(() => window.seen.at(-1)?.type === 'bgloop-state' && window.seen.at(-1).detail.config.loop_strength === 0.55, null, { timeout: 10000, polling: 50 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the README\'s scripting example keeps the address bar: a reload keeps the change', async () => {
  const { page, context, problems } = await open('#preset=rotation&seed=4');
  await page.evaluate(() => { window.bgloop.playground.runTrials(5); window.bgloop.redraw(); });
  const from = await page.evaluate(() => window.bgloop.intervene('gpi_output', 0));
  assert.equal(from, 6);
  assert.match(await page.evaluate(() => location.hash), /@6\.gpi_output=0/, 'bgloop.intervene is in the link at once');
  // A direct call on the playground, then redraw (as the README says), is in the link too.
  await page.evaluate(() => { window.bgloop.playground.intervene('loop_strength', 0.5); window.bgloop.redraw(); });
  assert.match(await page.evaluate(() => location.hash), /@6\.loop_strength=0\.5/);
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  const events = await page.evaluate(() => window.bgloop.playground.view().events.map((e) => `${e.trial}.${e.key}`));
  assert.deepEqual(events.sort(), ['6.gpi_output', '6.loop_strength']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Chromium: every determinism link gives the CLI\'s CSV byte for byte', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [link, trials] of DETERMINISM_LINKS) {
    await page.goto('about:blank');
    await page.goto(server.url + link);
    await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
    const csv = await page.evaluate((n) => { window.bgloop.playground.runTrials(n); return window.bgloop.playground.csv(); }, trials);
    const cli = spawnSync(CLI, ['run', '--permalink', link, '--trials', String(trials)], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(csv, cli.stdout, link);
  }
  await context.close();
});

test('host messages and tours refuse what they cannot do, and say so', async () => {
  const { context, host } = await embedInHost('#preset=rotation&seed=2&embed=1');
  const reply = async (msg, type) => {
    const before = await host.evaluate(() => window.received.length);
    await host.evaluate((m) => window.send(m), msg);
    await host.waitForFunction(([n, t]) => window.received.slice(n).some((m) => m.type === t), [before, type], { timeout: 10000, polling: 50 });
    return host.evaluate(([n, t]) => window.received.slice(n).find((m) => m.type === t), [before, type]);
  };
  const refused = [
    [{ type: 'bgloop:configure', config: { a: {}, b: { loop_strength: 0.25 }, dopamine: 0.5 } }, /not beside them: dopamine/],
    [{ type: 'bgloop:configure', config: { a: undefined } }, /`a` must be an object/],
    [{ type: 'bgloop:configure', config: { a: { loop_strength: 1 } } }, /`b` must be an object/],
    [{ type: 'bgloop:configure', config: { b: null } }, /`b` must be an object/],
    [{ type: 'bgloop:configure', config: { a: 5, b: {} } }, /`a` must be an object/],
    [{ type: 'bgloop:tour', step: 1e9 }, /tour step 1000000000 does not exist: this tour has steps 1–\d+/],
    [{ type: 'bgloop:tour', step: 30 }, /tour step 30 does not exist/],
    [{ type: 'bgloop:tour', tour: { title: 'x'.repeat(70_000), steps: [] } }, /characters long; at most 65536/],
  ];
  for (const [msg, pattern] of refused) {
    const r = await reply(msg, 'bgloop:error');
    assert.match(r.message, pattern, JSON.stringify(msg).slice(0, 80));
  }
  // Still a single run: nothing above started a comparison.
  const state = await reply({ type: 'bgloop:getState' }, 'bgloop:state');
  assert.equal(state.comparing, false);
  await context.close();
  // In the page: a step that does not exist is said; a tour file's link keeps its step.
  const { page, context: c2, problems } = await open('#tour=30');
  await page.waitForFunction(() => !document.getElementById('tour-problem').hidden);
  const steps = await page.evaluate(async () => (await window.bgloop.extras()).Tours.builtin().steps.length);
  assert.match(await page.locator('#tour-problem').textContent(), new RegExp(`tour step 30 does not exist: this tour has steps 1–${steps}$`));
  await page.evaluate(() => { location.hash = '#tour=examples/tour-example.json:2'; });
  await page.waitForFunction(() => document.getElementById('tour-counter').textContent.includes('step 2 of'), null, { timeout: 10000 });
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('tour=examples/tour-example.json:2'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.bgloop.config.dopamine), 0.5, 'step 2 of the file');
  assert.deepEqual(problems, []);
  await c2.close();
});

test('the Embed dialog writes a <bgloop-demo> line that shows every view in a 680 px column of another site, with no inner scrollbar and a height that holds while it plays', async () => {
  const { page, context } = await open('#preset=rotation&seed=2');
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  // The preview is measured first; a new end trial then changes only its hash (the same
  // document), which must still say its height again.
  await page.waitForFunction(() => !/measuring/.test(document.getElementById('embed-height').textContent), null, { timeout: 45000 });
  await page.getByLabel('Stop at trial').fill('120');
  await page.getByLabel('Stop at trial').dispatchEvent('input');
  const element = await page.locator('#embed-code').inputValue();
  assert.match(element, new RegExp(`^<script src="http://[^"]+/web/bgloop-embed\\.js" defer></script>\n<bgloop-demo link="#v=${VERSION}&amp;preset=rotation&amp;seed=2&amp;speed=2&amp;to=120"></bgloop-demo>$`));
  // The iframe fallback carries the height measured in the preview.
  await page.waitForFunction(() => /height="\d+"/.test(document.getElementById('embed-iframe').value) && !/measuring/.test(document.getElementById('embed-height').textContent), null, { timeout: 45000 });
  const iframe = await page.locator('#embed-iframe').inputValue();
  const measured = Number(iframe.match(/height="(\d+)"/)[1]);
  assert.ok(measured > 500 && measured < 1400, `measured height ${measured}`);
  // Unchecking views changes both snippets.
  await page.getByRole('checkbox', { name: 'Activity', exact: true }).uncheck();
  assert.match(await page.locator('#embed-code').inputValue(), / hide="activity"/);
  await page.getByRole('checkbox', { name: 'Activity', exact: true }).check();
  await context.close();

  // An author pastes the element into a 680 px column on another origin.
  const hostContext = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const host = await hostContext.newPage();
  await host.goto(hostServer.url);
  await host.evaluate((html) => {
    const column = document.createElement('article');
    column.style.width = '680px';
    const [scriptTag, demo] = html.split('\n');
    const s = document.createElement('script');
    s.src = /src="([^"]+)"/.exec(scriptTag)[1];
    document.head.append(s);
    column.innerHTML = demo;
    document.body.append(column);
  }, element);
  const frame = host.frameLocator('bgloop-demo iframe');
  await frame.locator('html[data-ready=true]').waitFor({ timeout: 20000 });
  await host.waitForFunction(() => Number.parseFloat(document.querySelector('bgloop-demo iframe').style.height) > 400, null, { timeout: 15000 });
  // Playing (it started when shown): the frame's height is sampled for two seconds.
  const heights = await host.evaluate(async () => {
    const f = document.querySelector('bgloop-demo iframe');
    const seen = new Set();
    for (let i = 0; i < 20; i += 1) { seen.add(f.getBoundingClientRect().height); await new Promise((r) => setTimeout(r, 100)); }
    return [...seen];
  });
  assert.equal(heights.length, 1, `the frame's height held: ${heights.join(', ')}`);
  const inside = await frame.locator('body').evaluate(() => ({
    scroll: document.documentElement.scrollHeight - innerHeight,
    views: ['reach', 'learning', 'circuit', 'activity'].map((id) => { const r = document.getElementById(id).getBoundingClientRect(); return r.height > 50 && r.bottom <= innerHeight + 1; }),
    trials: window.bgloop.playground.trialCount(),
  }));
  assert.ok(inside.scroll <= 1, `no inner scrollbar (${inside.scroll} px more than the frame)`);
  assert.deepEqual(inside.views, [true, true, true, true], 'every view is shown whole');
  assert.ok(inside.trials > 0, 'it plays');
  await hostContext.close();
});
