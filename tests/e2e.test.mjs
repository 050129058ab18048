// The page as a new reader meets it, in Debian's Chromium driven by playwright-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

const OUT = path.join(ROOT, 'test-results');
mkdirSync(OUT, { recursive: true });
let browser; let server;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Opens the page; collects console errors, page errors and long tasks. */
async function open(viewport = { width: 1280, height: 900 }, hash = '') {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url + hash);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, problems };
}

const trials = (page) => page.evaluate(() => window.bgloop.playground.trialCount());

/** Keeps a copy of each view's pixels, to compare with later. */
const snapshot = (page) => page.evaluate(() => {
  window.__snap = {};
  for (const id of ['reach', 'learning', 'activity']) {
    const c = document.getElementById(id);
    window.__snap[id] = c.getContext('2d').getImageData(0, 0, c.width, c.height).data.slice();
  }
});

/**
 * How a view is drawn: the fraction of opaque pixels that are not (near) white (`inked`; an
 * untouched transparent canvas scores 0), the fraction that changed since `snapshot`, and the
 * fraction close to `rgb` (a data colour).
 */
const drawn = (page, id, rgb) => page.evaluate(([id, rgb]) => {
  const c = document.getElementById(id);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const before = window.__snap?.[id];
  const near = (p, i) => rgb && p[i + 3] > 0 && Math.abs(p[i] - rgb[0]) < 40 && Math.abs(p[i + 1] - rgb[1]) < 40 && Math.abs(p[i + 2] - rgb[2]) < 40;
  const same = before && before.length === d.length;
  let ink = 0; let changed = 0; let data = 0; let dataBefore = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) ink++;
    if (same && (d[i] !== before[i] || d[i + 1] !== before[i + 1] || d[i + 2] !== before[i + 2])) changed++;
    if (near(d, i)) data++;
    if (same && near(before, i)) dataBefore++;
  }
  const px = d.length / 4;
  return { inked: ink / px, changed: changed / px, data: data / px, dataBefore: dataBefore / px };
}, [id, rgb]);

const CURSOR = [0xc2, 0x41, 0x0c];

test('loads without console errors and reports time to first chart', async () => {
  const { page, problems } = await open();
  const t = await page.evaluate(() => performance.getEntriesByName('bgloop:first-chart')[0]?.startTime);
  assert.ok(Number.isFinite(t), 'first chart drawn');
  console.log(`# time to first chart: ${t.toFixed(0)} ms after navigation`);
  await page.locator('#status').waitFor();
  assert.match(await page.locator('#status').textContent(), /Ready|Trial/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Play: the trial counter rises and all three views are drawn; Pause stops it', async () => {
  const { page, problems } = await open();
  await snapshot(page);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 3, null, { timeout: 20000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const at = () => page.evaluate(() => [window.bgloop.playground.trialCount(), window.bgloop.playground.view().time_in_trial_ms]);
  const [n, t] = await at();
  assert.ok(n >= 3);
  // Long enough for a playing run to finish a trial at any speed (a trial is at most 600 ms of
  // model time, played at least at its real duration), and to move within the trial at all.
  await page.waitForTimeout(1500);
  assert.deepEqual(await at(), [n, t], 'paused: neither the trial count nor the time within the trial moved in 1.5 s');
  // Each view is drawn (opaque ink) and shows the run: its pixels changed with the trials, and the
  // reach and learning views gained pixels in the cursor's colour (paths, the |error| curve).
  for (const [id, colour] of [['reach', CURSOR], ['learning', CURSOR], ['activity', null]]) {
    const v = await drawn(page, id, colour);
    assert.ok(v.inked > 0.01, `${id} is drawn (${(v.inked * 100).toFixed(1)}% inked)`);
    assert.ok(v.changed > 0.005, `${id} changed with the trials (${(v.changed * 100).toFixed(2)}% of pixels)`);
    if (colour) assert.ok(v.data > v.dataBefore + 0.0003, `${id} shows data in the cursor colour (${(v.dataBefore * 100).toFixed(2)}% → ${(v.data * 100).toFixed(2)}%)`);
  }
  assert.match(await page.locator('#status').textContent(), new RegExp(`Trial ${n} · rotation · error`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Step advances exactly one trial', async () => {
  const { page } = await open();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (const expected of [1, 2, 3]) {
    await step.click();
    // A step runs its trial in slices: wait for it to end, then check it was exactly one.
    await page.waitForFunction((n) => window.bgloop.playground.trialCount() >= n && window.bgloop.playground.view().time_in_trial_ms === 0, expected, { polling: 20 });
    assert.equal(await trials(page), expected);
  }
  await page.close();
});

test('every preset runs', async () => {
  const { page, problems } = await open();
  const names = await page.evaluate(() => window.bgloop.presets.map((p) => p.name));
  assert.ok(names.length >= 7);
  for (const name of names) {
    await page.getByLabel('Preset').selectOption(name);
    assert.equal(await trials(page), 0, `${name}: a fresh run`);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction(() => window.bgloop.playground.trialCount() === 1, null, { polling: 20 });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction(() => window.bgloop.playground.trialCount() === 2, null, { polling: 20 });
    assert.equal(await trials(page), 2, `${name} runs`);
    const watch = await page.locator('#preset-watch').textContent();
    assert.ok(watch.length > 40, `${name} explains what to watch`);
    // The controls show the run in focus: run B of a comparison preset.
    const cfg = await page.evaluate(() => window.bgloop.config);
    const events = await page.evaluate(() => window.bgloop.playground.view().events.map((e) => e.text));
    const preset = await page.evaluate((n) => window.bgloop.presets.find((p) => p.name === n), name);
    assert.equal(await page.evaluate(() => window.bgloop.playground.view().comparing), preset.compare.length > 0, `${name}: a comparison`);
    for (const [k, v] of [...preset.settings, ...preset.compare]) {
      if (k.startsWith('@')) assert.ok(events.includes(`${k}=${v}`), `${name}: event ${k}=${v} in ${events}`);
      else if (!preset.compare.some(([c]) => c === k) || preset.compare.some(([c, cv]) => c === k && cv === v)) assert.equal(String(cfg[k]), v, `${name}: ${k}`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('moving "Cortical recurrence" (not live) changes the pending config, and Reset applies it', async () => {
  const { page } = await open();
  const slider = page.getByLabel('Cortical recurrence', { exact: true });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => window.bgloop.pendingConfig.cortical_recurrence), 2.5);
  assert.equal(await page.evaluate(() => window.bgloop.config.cortical_recurrence), 3, 'not yet applied');
  assert.ok(await page.locator('#pending').isVisible(), 'the page says changes apply on Reset');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  assert.equal(await page.evaluate(() => window.bgloop.config.cortical_recurrence), 2.5);
  assert.equal(await slider.getAttribute('aria-valuetext'), '2.5');
  // A value typed by hand out of range is refused with a message naming the field and the range.
  const box = page.getByLabel('Cortical recurrence (number)');
  await box.fill('7');
  await box.press('Enter');
  await box.dispatchEvent('change');
  const msg = page.locator('#p-cortical_recurrence-bad');
  await msg.waitFor({ state: 'visible' });
  assert.equal(await msg.textContent(), '`cortical_recurrence` = 7 is out of range 0–6');
  assert.equal(await page.evaluate(() => window.bgloop.pendingConfig.cortical_recurrence), 2.5);
  await page.close();
});

test('a 360 px wide phone screen has no horizontal scroll', async () => {
  const { page } = await open({ width: 360, height: 740 });
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `scrollWidth ${scroll} > ${client}`);
  await page.screenshot({ path: path.join(OUT, 'phone-360.png'), fullPage: true });
  await page.close();
});

test('fast-forward: trials per second and the longest main-thread task; screenshot after 100 trials', async () => {
  const { page, problems } = await open();
  await page.getByLabel('Speed').focus();
  await page.keyboard.press('End');
  assert.equal(await page.locator('#speed-out').textContent(), 'fast-forward');
  const t0 = await trials(page);
  await page.evaluate(() => { window.__longTasks.length = 0; });
  const start = Date.now();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(4000);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const seconds = (Date.now() - start) / 1000;
  const ran = (await trials(page)) - t0;
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  console.log(`# page, fast-forward: ${(ran / seconds).toFixed(0)} trials/s (views redrawn up to 7×/s); longest main-thread task ${longest.toFixed(0)} ms`);
  // Regression checks far from normal figures (~370 trials/s, no task over 50 ms here), not timings.
  assert.ok(ran / seconds > 40, `fast-forward runs at least 40 trials/s (${(ran / seconds).toFixed(0)})`);
  assert.ok(longest < 200, `no main-thread task over 200 ms while playing (${longest.toFixed(0)} ms)`);
  // The screenshot a reader would see after 100 trials of the rotation preset.
  await page.getByLabel('Preset').selectOption('rotation');
  await page.evaluate(() => { const pg = window.bgloop.playground; pg.runTrials(99); pg.recordTraces(1, true); pg.stepTrial(); window.bgloop.redraw(); });
  assert.equal(await trials(page), 100);
  await page.screenshot({ path: path.join(OUT, 'rotation-100-trials.png') });
  console.log(`# screenshot: ${path.relative(ROOT, path.join(OUT, 'rotation-100-trials.png'))}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a run that diverges pauses with a message naming the likely cause, and the page stays usable', async () => {
  const { page, problems } = await open(undefined, '#g_sc=3&dopamine=2&g_gs=0&cortical_inhibition=0&cortical_recurrence=3.8&cortical_drive=0.5&cue_strength=2&trial_ms=3000&go_ms=3000&g_ct=3');
  await page.locator('#speed').focus();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => !document.getElementById('error').hidden, null, { timeout: 20000, polling: 100 });
  const msg = await page.locator('#error').textContent();
  assert.match(msg, /the run diverged in trial \d+ at [\d.]+ ms: .* rate .*Likely cause: /);
  assert.ok(await page.getByRole('button', { name: 'Play', exact: true }).isEnabled(), 'paused');
  assert.match(await page.locator('#status').textContent(), /^Stopped: the run diverged/);
  // Choosing a preset starts a healthy run.
  await page.getByLabel('Preset').selectOption('rotation');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() === 1, null, { polling: 20 });
  assert.ok(await page.locator('#error').isHidden());
  assert.deepEqual(problems.filter((p) => !p.includes('diverged')), []);
  await page.close();
});

test('touch, 360 px: tap Play, drag a slider, open Advanced and the Embed dialog; every target at least 24 × 24 px', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}#preset=rotation&seed=3`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  await page.getByRole('button', { name: 'Play', exact: true }).tap();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 1, null, { timeout: 20000, polling: 50 });
  await page.getByRole('button', { name: 'Pause', exact: true }).tap();
  // Drag the loop-strength slider from its middle to its left end.
  const slider = page.getByLabel('Loop strength', { exact: true });
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  assert.ok(await page.evaluate(() => window.bgloop.playground.view().shown.loop_strength) < 0.5, 'the drag lowered the loop strength (a live change, from the next trial)');
  await page.getByText('Advanced', { exact: true }).tap();
  assert.ok(await page.locator('details.advanced').evaluate((d) => d.open), 'Advanced opens on tap');
  await page.getByRole('button', { name: 'Embed', exact: true }).tap();
  assert.ok(await page.locator('#embed-dialog').evaluate((d) => d.open), 'the Embed dialog opens on tap');
  await page.getByRole('button', { name: 'Close', exact: true }).tap();
  await page.getByText('More parameters', { exact: true }).tap();
  const small = await page.evaluate(() => [...document.querySelectorAll('button, input, select, summary, a[href], textarea')]
    // Terms in running text are exempt (WCAG 2.5.8's inline exception).
    .filter((e) => !e.closest('dialog:not([open])') && !e.classList.contains('term') && e.getClientRects().length > 0)
    .map((e) => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 24 || r.height < 24)
    .map(({ e, r }) => `${e.tagName.toLowerCase()}#${e.id} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`));
  assert.deepEqual(small, [], 'targets smaller than 24 × 24 px');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Waits for a Step's trial to end (it runs in slices). */
async function stepOnce(page) {
  const n = await trials(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction((k) => window.bgloop.playground.trialCount() === k + 1 && window.bgloop.playground.view().time_in_trial_ms === 0, n, { polling: 20 });
}

/** Plays until `n` trials in all, then waits for the pause. */
async function playTo(page, n) {
  await page.evaluate((k) => window.bgloop.runTrials(k), n);
  await page.waitForFunction((k) => window.bgloop.playground.trialCount() >= k && document.getElementById('play').disabled === false, n, { timeout: 60000, polling: 50 });
}

/** Types `value` into a parameter's number box as a person would. */
async function setParam(page, label, value) {
  const box = page.getByLabel(`${label} (number)`);
  await box.fill(String(value));
  await box.press('Enter');
}

test('every preset paragraph\'s instruction works when followed literally', async () => {
  // Weak loop: "Raise Loop strength to 1 while it runs: from the next trial … the error falls".
  let { page, problems } = await open(undefined, '#preset=weak-loop&seed=1&speed=4');
  assert.match(await page.locator('#preset-watch').textContent(), /Raise Loop strength to 1 while it runs/);
  await playTo(page, 60);
  await setParam(page, 'Loop strength', 1);
  assert.match(await page.locator('#p-loop_strength-scheduled').textContent(), /→ 1 from trial 61/);
  await playTo(page, 200);
  const late = await page.evaluate(() => { const e = window.bgloop.playground.column('abs_error'); return e.slice(-40).reduce((a, b) => a + b, 0) / 40; });
  const early = await page.evaluate(() => { const e = window.bgloop.playground.column('abs_error'); return e.slice(20, 60).reduce((a, b) => a + b, 0) / 40; });
  assert.ok(early > 20 && late < 12, `the error falls once the loop is strong: ${early.toFixed(1)}° → ${late.toFixed(1)}°`);
  // "Reset then starts over with the loop strong from trial 1": the control shows 1 and no change
  // is scheduled (the reader did not keep it).
  assert.match(await page.locator('#preset-watch').textContent(), /Reset then starts over with the loop strong from trial 1/);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  assert.equal(await page.getByLabel('Loop strength (number)').inputValue(), '1');
  assert.equal(await page.evaluate(() => window.bgloop.playground.view().config.loop_strength), 1);
  assert.ok(await page.locator('#p-loop_strength-scheduled').isHidden(), 'nothing scheduled');
  assert.deepEqual(await page.evaluate(() => window.bgloop.playground.view().events), []);
  assert.deepEqual(problems, []);
  await page.close();

  // Loop dynamics: "Set Dopamine back to 1 and press Step: in the next trial GPi activity becomes
  // a selective dip" — no more oscillation at the bump.
  ({ page, problems } = await open(undefined, '#preset=dynamics&seed=1'));
  const gpiSdAtBump = () => page.evaluate(() => {
    const pg = window.bgloop.playground;
    const n = pg.traces().ring_size;
    const rings = pg.traces().rings;
    const samples = rings.length / (5 * n);
    const at = (k, ring, i) => rings[(k * 5 + ring) * n + i];
    const cortex = Array.from({ length: n }, (_, i) => { let s = 0; for (let k = 0; k < samples; k++) s += at(k, 0, i); return s; });
    const bump = cortex.indexOf(Math.max(...cortex));
    const xs = []; for (let k = Math.floor(samples / 2); k < samples; k++) xs.push(at(k, 3, bump));
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  });
  await stepOnce(page);
  const before = await gpiSdAtBump();
  await page.locator('details.more summary').click(); // Dopamine is under More parameters
  await setParam(page, 'Dopamine', 1);
  await stepOnce(page);
  const after = await gpiSdAtBump();
  assert.ok(before > 0.05 && after < 0.02, `GPi at the bump: SD ${before.toFixed(3)} at dopamine 0.2, ${after.toFixed(3)} at 1`);
  assert.deepEqual(problems, []);
  await page.close();

  // Attractor: "Set Cortical recurrence to 1 and Reset".
  ({ page, problems } = await open(undefined, '#preset=attractor&seed=1'));
  await stepOnce(page);
  await page.locator('details.more summary').click();
  await setParam(page, 'Cortical recurrence', 1);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  assert.equal(await page.evaluate(() => window.bgloop.config.cortical_recurrence), 1);
  assert.deepEqual(problems, []);
  await page.close();

  // Shaping: the link its paragraph gives runs both runs with graded reward.
  ({ page, problems } = await open(undefined, '#preset=shaping&reward=graded&reward_width_deg=15'));
  await page.evaluate(() => window.bgloop.playground.runTrials(3));
  const csv = await page.evaluate(() => window.bgloop.playground.csv());
  const rewards = csv.trim().split('\n').slice(1).map((l) => l.split(',')[7]);
  assert.ok(rewards.length === 6 && rewards.every((r) => r !== '0' && r !== '1'), `graded rewards in both runs: ${rewards}`);
  assert.deepEqual(problems, []);
  await page.close();
});
