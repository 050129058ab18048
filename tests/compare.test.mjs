// Experiments over time and side by side: a live change during play, and two runs compared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

let browser; let server;
const CLI = path.join(ROOT, 'target', 'release', 'bgloop');

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const open = (hash = '') => openPage(browser, server.url + hash, { acceptDownloads: true });

async function exportCsv(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
  return readFileSync(await dl.path()).toString();
}

const trials = (page) => page.evaluate(() => window.bgloop.playground.trialCount());

/** Fraction of the learning view's pixels close to `rgb`. */
const share = (page, rgb) => page.evaluate((rgb) => {
  const c = document.getElementById('learning');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 60) n++;
  }
  return n / (d.length / 4);
}, rgb);

test('GPi output turned off during play: the change is marked, kept in the link, and the link replays the run in a fresh page and in the CLI', async () => {
  const a = await open('#preset=rotation&seed=4');
  await a.page.getByRole('button', { name: 'Play', exact: true }).click();
  await a.page.waitForFunction(() => window.bgloop.playground.trialCount() >= 12, null, { timeout: 30000, polling: 50 });
  const box = a.page.getByLabel('GPi output (number)');
  await box.fill('0');
  await box.dispatchEvent('change');
  const live = a.page.locator('#live');
  await live.waitFor({ state: 'visible' });
  const from = Number((await live.textContent()).match(/from trial (\d+)/)[1]);
  assert.ok(from >= 13, `applies from the next trial (${from})`);
  await a.page.waitForFunction((k) => window.bgloop.playground.trialCount() >= k + 6, from, { timeout: 30000, polling: 50 });
  await a.page.getByRole('button', { name: 'Pause', exact: true }).click();
  // Let a trial in progress finish, so every trial of the run is in the export.
  await a.page.evaluate(() => window.bgloop.playground.stepTrial());
  const n = await trials(a.page);
  const item = a.page.locator('#events li').first();
  assert.match(await item.textContent(), new RegExp(`^from trial ${from}: GPi off`));
  // A live change: Reset would start over with GPi off from trial 1 unless it is kept.
  assert.equal(await item.locator('button.keep').count(), 1, 'the change can be kept after Reset');
  const hash = await a.page.evaluate(() => location.hash);
  assert.match(hash, new RegExp(`&@${from}\\.gpi_output=0`), 'the address bar holds the change');
  const records = await a.page.evaluate(() => window.bgloop.playground.view(0).records.A);
  assert.equal(records[from - 2].phase, 'rotation');
  assert.equal(records[from - 1].phase, 'gpi-off', 'the change applies from its trial');
  assert.ok(records.slice(from - 1).every((r) => r.executed), 'reaches are still made without GPi output');
  const first = await exportCsv(a.page);
  assert.deepEqual(a.problems, []);
  await a.context.close();

  const b = await open(hash);
  // Before it applies, the change is listed with a button to remove it.
  assert.equal(await b.page.locator('#events li').first().textContent(), `from trial ${from}: GPi off✕`);
  assert.ok(await b.page.getByRole('button', { name: `Remove the change at trial ${from}: GPi off` }).isVisible());
  await b.page.evaluate((k) => { window.bgloop.playground.runTrials(k); window.bgloop.redraw(); }, n);
  assert.equal(await exportCsv(b.page), first, 'the fresh page replays the run, the change included');
  await b.context.close();

  const cli = spawnSync(CLI, ['run', '--permalink', hash, '--trials', String(n)], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stdout, first, 'the CLI prints the same bytes');
});

test('a comparison preset runs both runs and draws both curves; its CSV has a run column and matches the CLI', async () => {
  const { page, context, problems } = await open('#preset=rotation&seed=2');
  await page.getByLabel('Preset').selectOption('strong-vs-weak');
  await page.waitForFunction(() => window.bgloop.playground.view().comparing);
  // The preset names its runs in words (read from the catalog, not copied here).
  const names = await page.evaluate(() => window.bgloop.Words.message('preset-strong-vs-weak', null).attributes);
  const note = await page.locator('#compare-note').textContent();
  assert.ok(note.includes(`A: ${names['run-a']}`) && note.includes(`B: ${names['run-b']}`), note);
  await page.evaluate(() => { window.bgloop.playground.runTrials(120); window.bgloop.redraw(); });
  const col = (run) => page.evaluate((run) => Array.from(window.bgloop.playground.column('abs_error', run)), run);
  const [ea, eb] = [await col('A'), await col('B')];
  const mean = (x) => x.slice(60).reduce((s, v) => s + v, 0) / (x.length - 60);
  assert.equal(ea.length, 120);
  assert.equal(eb.length, 120, 'trial for trial');
  assert.ok(mean(ea) < 10 && mean(eb) > 25, `the strong loop adapts (${mean(ea).toFixed(1)}°), the weak one does not (${mean(eb).toFixed(1)}°)`);
  assert.ok(await share(page, [0xc2, 0x41, 0x0c]) > 0.002, 'run A is drawn in its colour');
  assert.ok(await share(page, [0x6d, 0x28, 0xd9]) > 0.002, 'run B is drawn in its colour');
  assert.match(await page.locator('#status').textContent(), /A: .*error.* · B: .*error/);
  const csv = await exportCsv(page);
  assert.match(csv, /^run,trial,phase,/);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /preset=strong-vs-weak/);
  const cli = spawnSync(CLI, ['run', '--permalink', hash, '--trials', '120'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stdout, csv, 'the CLI prints the same bytes');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Compare pins run A; a change then goes to run B from the next trial; the link carries b. entries; End comparison keeps B', async () => {
  const { page, context, problems } = await open('#preset=rotation&seed=6');
  await page.evaluate(() => { window.bgloop.playground.runTrials(5); window.bgloop.redraw(); });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('button', { name: 'End comparison', exact: true }).waitFor();
  const box = page.getByLabel('Loop strength (number)');
  await box.fill('0.25');
  await box.dispatchEvent('change');
  await page.waitForFunction(() => /b\.@6\.loop_strength=0\.25/.test(location.hash));
  assert.equal(await page.locator('#live').textContent(), 'Loop strength 0.25 from trial 6 (run B): kept in the link.');
  await page.evaluate(() => { window.bgloop.playground.runTrials(10); window.bgloop.redraw(); });
  const rec = (run) => page.evaluate((run) => window.bgloop.playground.view(0).records[run], run);
  const [a, b] = [await rec('A'), await rec('B')];
  assert.deepEqual(a.slice(0, 5), b.slice(0, 5), 'the same run before the change');
  assert.notDeepEqual(a.slice(5), b.slice(5), 'B differs from trial 6');
  assert.match(await page.locator('#compare-note').textContent(), /B: λ 0\.25 from trial 6/);
  await page.getByRole('button', { name: 'End comparison', exact: true }).click();
  assert.equal(await page.evaluate(() => window.bgloop.playground.view().comparing), false);
  assert.deepEqual(await page.evaluate(() => window.bgloop.playground.view(0).records.A), b, 'run B stays');
  assert.match(await page.evaluate(() => location.hash), /@6\.loop_strength=0\.25/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('fast-forwarding a comparison runs B on a second core (a worker); its CSV is the one-thread CSV bit for bit, across a change made mid-run', async () => {
  const { page, context, problems } = await open('#preset=strong-vs-weak&seed=5&speed=4');
  const level = (n) => page.waitForFunction((n) => {
    const pg = window.bgloop.playground;
    return pg.trialCount() >= n && pg.view().feeding == null && document.getElementById('play').disabled === false;
  }, n, { timeout: 60000 });
  // Long enough for the worker to load the module and hand B back, even on a busy machine.
  await page.evaluate(() => window.bgloop.runTrials(400));
  await level(400);
  const first = await page.evaluate(() => window.bgloop.twin);
  assert.equal(first.unavailable, false);
  assert.ok(first.handovers >= 1, `B came from the worker (${first.handovers} handovers)`);
  // A change to B while both run: the feed ends, B is brought level here, the change applies to
  // both runs' next trial boundary as without the worker, and the feed starts again.
  await page.evaluate(() => window.bgloop.runTrials(900));
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 450, null, { timeout: 60000, polling: 5 });
  const at = await page.evaluate(() => window.bgloop.playground.intervene('loop_strength', 0.5));
  assert.ok(at > 450 && at < 900, `the change applies mid-run (trial ${at})`);
  await level(900);
  const after = await page.evaluate(() => window.bgloop.twin.handovers);
  assert.ok(after > first.handovers, 'the feed started again after the change');
  // The reference is written by hand, not read from the page: B's change at A's boundary.
  const same = await page.evaluate(async (at) => {
    const pg = window.bgloop.playground;
    const { Playground } = await import('./web/pkg/bgloop.js');
    const ref = new Playground(undefined);
    ref.openPermalink(`#preset=strong-vs-weak&seed=5&b.@${at}.loop_strength=0.5`);
    ref.runTrials(pg.trialCount());
    const out = { csv: pg.csv(), ref: ref.csv(), link: pg.permalink({}) };
    ref.free();
    return out;
  }, at);
  assert.ok(same.link.includes(`b.@${at}.loop_strength=0.5`), `the change is B's event at A's boundary, trial ${at}: ${same.link}`);
  assert.equal(same.csv.split('\n').length, 2 * 900 + 2, 'A and B, 900 trials each');
  assert.equal(same.csv, same.ref, 'the same CSV as both runs on one thread');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a feed a script started first does not stop the page: fast-forward ends it and runs B on its own worker', async () => {
  const { page, context, problems } = await open('#preset=strong-vs-weak&seed=3&speed=4');
  const started = await page.evaluate(() => window.bgloop.playground.feed(true));
  assert.ok(started?.state instanceof Object, 'the script holds a feed of its own');
  await page.evaluate(() => window.bgloop.runTrials(120));
  await page.waitForFunction(() => {
    const pg = window.bgloop.playground;
    const stopped = !document.getElementById('error').hidden;
    return stopped || (pg.trialCount() >= 120 && pg.view().feeding == null && document.getElementById('play').disabled === false);
  }, null, { timeout: 60000 });
  assert.equal(await page.locator('#error').isHidden(), true, await page.locator('#error').textContent());
  assert.ok(await trials(page) >= 120);
  assert.ok((await page.evaluate(() => window.bgloop.twin.handovers)) >= 1, 'B came from the page\'s worker');
  assert.deepEqual(problems, []);
  await context.close();
});

test('run B diverging on its worker pauses the page with B\'s message, as on one thread, and nothing is thrown uncaught', async () => {
  const wild = 'g_sc=3&dopamine=2&g_gs=0&cortical_inhibition=0&cortical_recurrence=3.8&cortical_drive=0.5&cue_strength=2&g_ct=3';
  const b = wild.split('&').map((e) => `b.${e}`).join('&');
  const { page, context, problems } = await open(`#seed=3&${b}&speed=4`);
  assert.ok(await page.evaluate(() => window.bgloop.playground.view().comparing));
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => !document.getElementById('error').hidden, null, { timeout: 30000, polling: 50 });
  assert.match(await page.locator('#error').textContent(), /run B: the run diverged in trial \d+/);
  assert.ok((await page.evaluate(() => window.bgloop.twin.failures)) >= 1, 'B diverged on the worker first');
  assert.ok(await page.getByRole('button', { name: 'Play', exact: true }).isEnabled(), 'paused');
  assert.deepEqual(problems, []);
  await context.close();
});

test('run B\'s worker ignores malformed messages and still runs B afterwards', async () => {
  const { page, context, problems } = await open('#preset=strong-vs-weak&seed=2');
  const result = await page.evaluate(async () => {
    const pg = window.bgloop.playground;
    pg.runTrials(3);
    const worker = new Worker(new URL('web/twin-worker.js', location.href), { type: 'module' });
    const errors = [];
    worker.onerror = (e) => { errors.push(e.message || 'error'); e.preventDefault(); };
    const replies = [];
    worker.onmessage = ({ data }) => replies.push(data);
    for (const junk of [null, undefined, 5, 'start', {}, { type: 5 }, { type: 'start' },
      { type: 'start', feed: 1, link: 7, state: 'x', target: 3 }, { type: 'target', feed: 'x', target: -1 },
      { type: 'start', feed: 1, link: '#seed=1', state: new Float64Array(3), target: 1e300, traceEveryMs: 0, traceRings: false }]) {
      worker.postMessage(junk);
    }
    pg.feed(false);
    const start = pg.feed(true);
    worker.postMessage({ type: 'start', feed: start.feed, link: start.link, state: start.state, traceEveryMs: start.traceEveryMs, traceRings: start.traceRings, target: 8 }, [start.state.buffer]);
    const t0 = performance.now();
    while (!replies.some((r) => r.state) && performance.now() - t0 < 15000) await new Promise((r) => setTimeout(r, 50));
    worker.terminate();
    return { errors, replies: replies.map((r) => ({ feed: r.feed, state: r.state instanceof Float64Array, error: r.error ?? null })) };
  });
  assert.deepEqual(result.errors, [], 'nothing thrown in the worker');
  assert.ok(result.replies.some((r) => r.state), `B's trials came back after the junk: ${JSON.stringify(result.replies)}`);
  assert.ok(result.replies.every((r) => !r.error), JSON.stringify(result.replies));
  assert.deepEqual(problems, []);
  await context.close();
});

test('bgloop figure draws a comparison link exactly as the page exports it', async () => {
  const link = '#preset=strong-vs-weak&seed=3';
  const n = 40;
  const { page, context } = await open(link);
  const svg = await page.evaluate(async ([link, n]) => {
    const pg = window.bgloop.playground;
    pg.recordTraces(2, true);
    pg.openPermalink(link);
    pg.runTrials(n);
    const figure = pg.figure(true);
    return (await window.bgloop.extras()).Figures.svg(figure, 1200, 560);
  }, [link, n]);
  await context.close();
  const r = spawnSync(CLI, ['figure', '--permalink', link, '--trials', String(n)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(svg, /B: /, 'the figure names run B');
  assert.equal(r.stdout, svg);
});
