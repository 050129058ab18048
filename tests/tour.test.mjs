// The guided tour, as a reader takes it: by keyboard, forward and back; from a JSON file; embedded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { serve, ROOT } from './server.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inkedFraction } from './links.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const open = (hash = '', options = {}) => openPage(browser, server.url + hash, options);

/** Fraction of a canvas's pixels that are drawn. */
const inked = (page, id) => page.evaluate(inkedFraction, id);

const state = (page) => page.evaluate(() => ({
  counter: document.getElementById('tour-counter').textContent,
  title: document.getElementById('tour-title').textContent,
  focused: document.activeElement?.id,
  outlined: [...document.querySelectorAll('.tour-focus')].map((e) => e.closest('[data-part]')?.dataset.part),
  trials: window.bgloop.playground.trialCount(),
  hash: location.hash,
}));

test('the tour loads its module when first opened, not with the page; its button counts the built-in tour\'s steps', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  const extras = (paths) => paths.filter((p) => /\/web\/pkg\/extras/.test(p));
  assert.deepEqual(extras(fetched), [], 'the first load fetches no part of the second module');
  const label = await page.locator('#tour-open').textContent();
  await page.locator('#tour-open').click();
  await page.waitForFunction(() => document.getElementById('tour-title').textContent.length > 0);
  assert.ok(extras(fetched).some((p) => p.endsWith('extras_bg.wasm')), 'opening the tour fetched its module');
  const tour = await page.evaluate(async () => (await window.bgloop.extras()).Tours.builtin());
  assert.equal(await page.locator('#tour-title').textContent(), tour.steps[0].title);
  // Before the tour is read, its button says index.html's count: it must be the tour's.
  const html = readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  const args = JSON.parse(/id="tour-open"[^>]*data-l10n-args='([^']*)'/.exec(html)[1]);
  assert.equal(args.steps, tour.steps.length, 'index.html gives the tour button the built-in tour\'s step count');
  assert.ok(label.includes(String(tour.steps.length)), label);
  await context.close();
});

test('a tour a host loads while the built-in one is on its way stays; a second click opens one step', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // The second module takes a while to come, as on a slow network.
  await page.route('**/extras_bg.wasm', async (route) => { await new Promise((r) => setTimeout(r, 800)); await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  const mine = { title: 'Mine', steps: [{ title: 'Only step', text: 'A step of my own.', link: 'preset=rotation&seed=2', trials: 0, view: 'reach' }] };
  await page.evaluate((t) => { window.bgloop.tour.load(t, { focus: false }); }, mine);
  await page.locator('#tour-open').click();
  await page.locator('#tour-open').click();
  await page.waitForFunction(() => document.getElementById('tour-title').textContent.length > 0);
  await page.waitForTimeout(1200);
  assert.equal(await page.locator('#tour-title').textContent(), mine.steps[0].title, 'the loaded tour is the one shown');
  // The tour's buttons do nothing harmful with no tour read (a failed load): none threw.
  assert.deepEqual(problems, []);
  await context.close();
});

test('the whole tour by keyboard, forward and back (reduced motion: each step at its end state)', async () => {
  const { page, context, problems } = await open('', { reducedMotion: 'reduce' });
  const tour = await page.evaluate(async () => (await window.bgloop.extras()).Tours.builtin());
  assert.ok(tour.steps.length >= 5 && tour.steps.length <= 11);
  await page.getByRole('button', { name: /Take the tour/ }).focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < tour.steps.length; i++) {
    const step = tour.steps[i];
    const s = await state(page);
    assert.match(s.counter, new RegExp(`step ${i + 1} of ${tour.steps.length}$`));
    assert.equal(s.title, step.title);
    assert.equal(s.focused, 'tour-title', 'focus moves to the step title');
    assert.deepEqual(s.outlined, [step.view], 'the view to look at is outlined');
    assert.equal(s.trials, step.trials, `step ${i + 1} shows its end state at once`);
    assert.match(s.hash, new RegExp(`tour=${i + 1}(&|$)`), 'the address bar can reopen this step');
    for (const id of ['reach', 'learning', 'circuit']) assert.ok(await inked(page, id) > 0.01, `step ${i + 1}: ${id} drawn`);
    if (i < tour.steps.length - 1) await page.keyboard.press('ArrowRight');
  }
  for (let i = tour.steps.length - 1; i > 0; i--) await page.keyboard.press('ArrowLeft');
  const first = await state(page);
  assert.equal(first.title, tour.steps[0].title, 'back to the first step');
  assert.ok(await page.getByRole('button', { name: '← Back' }).isDisabled());
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('#tour').isHidden(), 'Escape closes the tour');
  assert.doesNotMatch(await page.evaluate(() => location.hash), /tour=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tour step runs its trials at its speed, then stops; a deep link opens that step', async () => {
  const { page, context, problems } = await open('#tour=3');
  // Ready means the step shows (its module came first), and the address still names it.
  const atReady = await page.evaluate(() => ({ title: document.getElementById('tour-title').textContent, hash: location.hash }));
  const tour = await page.evaluate(async () => (await window.bgloop.extras()).Tours.builtin());
  const step = tour.steps[2];
  assert.equal(atReady.title, step.title, 'the step shows when the page says it is ready');
  assert.match(atReady.hash, /tour=3(&|$)/);
  assert.equal(await page.locator('#tour-title').textContent(), step.title);
  assert.equal(Number(await page.locator('#speed').inputValue()), step.speed, 'the slider shows the step\'s speed');
  assert.equal(await page.evaluate(() => window.bgloop.speedLevel), step.speed, 'and the player runs at it');
  // At its speed, not faster: from its first trial to its last takes at least (trials − 1) / rate
  // (a lower bound on time, so a slow machine passes; a step run in fast-forward would not).
  const rate = (await page.evaluate(() => window.bgloop.views.speeds))[step.speed].trials_per_second;
  assert.ok(Number.isFinite(rate), 'step 3 runs at a trials-per-second speed');
  const took = await page.evaluate((n) => new Promise((resolve) => {
    let first = null;
    const poll = () => {
      const k = window.bgloop.playground.trialCount();
      if (first === null && k >= 1) first = performance.now();
      if (k >= n) resolve(performance.now() - first); else setTimeout(poll, 5);
    };
    poll();
  }), step.trials);
  assert.ok(took >= ((step.trials - 1) / rate) * 1000 * 0.5, `${step.trials} trials in ${took.toFixed(0)} ms at ${rate} trials/s`);
  await page.waitForFunction((n) => window.bgloop.playground.trialCount() >= n, step.trials, { timeout: 60000, polling: 100 });
  await page.waitForFunction(() => document.getElementById('play').disabled === false, null, { timeout: 5000 });
  const n = await page.evaluate(() => window.bgloop.playground.trialCount());
  assert.equal(n, step.trials, 'stops at the end of its last trial');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.bgloop.playground.trialCount()), n, 'and stays stopped');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tour loaded from a JSON file on the same site; a bad file says why', async () => {
  const { page, context, problems } = await open('#tour=examples/tour-example.json', { reducedMotion: 'reduce' });
  await page.waitForFunction(() => document.getElementById('tour-title').textContent.length > 0);
  assert.equal(await page.locator('#tour-title').textContent(), 'Adapting to a rotated cursor');
  assert.match(await page.locator('#tour-counter').textContent(), /step 1 of 3/);
  assert.equal(await page.evaluate(() => window.bgloop.config.seed), 3);
  await page.getByRole('button', { name: 'Next →' }).click();
  assert.equal(await page.evaluate(() => window.bgloop.config.dopamine), 0.5);
  assert.deepEqual(problems, []);
  await context.close();

  const bad = await open('#tour=examples/no-such-tour.json');
  const msg = bad.page.locator('#tour-problem');
  await msg.waitFor({ state: 'visible' });
  assert.match(await msg.textContent(), /could not be opened: .*404/);
  const invalid = await bad.page.evaluate(async () => {
    const { Tours } = await window.bgloop.extras();
    try { Tours.parse('{"title":"T","steps":[{"title":"a","text":"b","link":"loop_strength=9","trials":1,"view":"reach"}]}'); return 'accepted'; } catch (e) { return e.message; }
  });
  assert.match(invalid, /step 1: `link`: `loop_strength` = 9 is out of range 0–2/);
  await bad.context.close();
});

test('embed=1&tour=3 embeds one step with its text and no tour buttons', async () => {
  const { page, context, problems } = await open('#embed=1&tour=3', { viewport: { width: 760, height: 640 } });
  await page.waitForFunction(() => document.getElementById('tour-title').textContent.length > 0);
  assert.ok(await page.locator('#tour-text').isVisible());
  assert.ok(await page.locator('.tour-nav').isHidden());
  const box = await page.locator('#tour').boundingBox();
  assert.ok(box.y + box.height < 640, 'the step text is in the frame');
  assert.deepEqual(problems, []);
  await context.close();
});
