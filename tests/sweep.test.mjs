// The Sweep panel in Chromium: Web Workers run the jobs, progress and ETA show, Cancel stops, the
// plot is drawn; and the speed-up of 2 workers over 1 is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}#preset=rotation&seed=1`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, problems };
}

async function sweep(page, { from, to, count, seeds, trials, workers }) {
  await page.getByLabel('Parameter', { exact: true }).selectOption('loop_strength');
  for (const [label, v] of [['From', from], ['To', to], ['Values', count], ['Seeds', seeds], ['Trials', trials], ['Workers', workers]]) {
    await page.getByLabel(label, { exact: true }).fill(String(v));
  }
  const t = Date.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Done'), null, { timeout: 120000, polling: 100 });
  return (Date.now() - t) / 1000;
}

test('a small sweep runs in workers and shows that adaptation needs a strong loop', async () => {
  const { page, problems } = await open();
  await sweep(page, { from: 0.25, to: 1, count: 2, seeds: 2, trials: 150, workers: 2 });
  assert.match(await page.locator('#sweep-status').textContent(), /^Done: 4 runs in .* on 2 workers\.$/);
  assert.equal(await page.locator('#sweep-progress').evaluate((p) => p.value), 4);
  const inked = await page.evaluate(() => {
    const c = document.getElementById('sweep-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let red = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 150 && d[i + 1] < 110 && d[i + 2] < 60) red++;
    return red;
  });
  assert.ok(inked > 100, `the sweep's points are drawn (${inked} px)`);
  // The science: the weak loop (0.25) ends far from the target, the strong loop (1) near it.
  const outcomes = await page.evaluate(() => window.bgloop.sweepOutcomes());
  const at = (v) => outcomes.filter((o) => o.value === v).map((o) => o.final_error);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.equal(at(0.25).length, 2);
  assert.equal(at(1).length, 2);
  assert.ok(mean(at(0.25)) > 20 && mean(at(1)) < 10, `final |error| ${mean(at(0.25)).toFixed(1)}° at 0.25, ${mean(at(1)).toFixed(1)}° at 1`);
  // A bad value is refused with a message naming the field.
  await page.getByLabel('To', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  assert.equal(await page.locator('#sweep-status').textContent(), '`loop_strength` = 7 is out of range 0–2');
  // An empty field is refused by name, never read as 0.
  for (const label of ['From', 'To', 'Values', 'Seeds', 'Trials']) {
    const field = page.getByLabel(label, { exact: true });
    const before = await field.inputValue();
    await field.fill('');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    assert.match(await page.locator('#sweep-status').textContent(), new RegExp(`^\`${label}\` is empty`));
    await field.fill(before);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('Cancel stops a sweep', async () => {
  const { page } = await open();
  await page.getByLabel('Values', { exact: true }).fill('6');
  await page.getByLabel('Trials', { exact: true }).fill('400');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  // Cancel once runs are arriving (each takes under a second; 18 of them take several).
  await page.waitForFunction(() => window.bgloop.sweepOutcomes().length >= 1, null, { timeout: 30000, polling: 20 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await page.locator('#sweep-status').textContent(), /^Cancelled after \d+ runs\.$/);
  assert.ok(await page.getByRole('button', { name: 'Run sweep' }).isEnabled());
  // Nothing more arrives: the workers are gone (a live worker would deliver a run within 3 s).
  const done = await page.locator('#sweep-progress').evaluate((p) => p.value);
  const count = (await page.evaluate(() => window.bgloop.sweepOutcomes())).length;
  await page.evaluate(() => new Promise((r) => setTimeout(r, 3000)));
  assert.equal(await page.locator('#sweep-progress').evaluate((p) => p.value), done);
  assert.equal((await page.evaluate(() => window.bgloop.sweepOutcomes())).length, count);
  assert.ok(count < 18);
  await page.close();
});

test('1 and 2 workers give the same outcomes (the speed-up is printed, not asserted)', async () => {
  const { page } = await open();
  const job = { from: 0.25, to: 1.5, count: 4, seeds: 2, trials: 200 };
  const sorted = (os) => os.map((o) => `${o.value}/${o.seed}/${o.final_error}`).sort();
  const one = await sweep(page, { ...job, workers: 1 });
  const byOne = sorted(await page.evaluate(() => window.bgloop.sweepOutcomes()));
  const two = await sweep(page, { ...job, workers: 2 });
  assert.match(await page.locator('#sweep-status').textContent(), / on 2 workers\.$/);
  assert.equal(byOne.length, 8);
  assert.deepEqual(sorted(await page.evaluate(() => window.bgloop.sweepOutcomes())), byOne);
  console.log(`# sweep of 8 runs × 200 trials: 1 worker ${one.toFixed(1)} s, 2 workers ${two.toFixed(1)} s, speed-up ${(one / two).toFixed(2)}× (${await page.evaluate(() => navigator.hardwareConcurrency)} cores reported)`);
  await page.close();
});

test('a map over two parameters: the page computes every cell in workers, equal to the CLI\'s, and draws it', async () => {
  const { spawnSync } = await import('node:child_process');
  const path = await import('node:path');
  const { ROOT } = await import('./server.mjs');
  const { page, problems } = await open();
  await page.getByLabel('Second parameter (a map)').selectOption('dopamine');
  for (const [label, v] of [['From', 0.25], ['To', 1], ['Values', 2], ['From (2nd)', 0.5], ['To (2nd)', 1.5], ['Values (2nd)', 2], ['Seeds', 1], ['Trials', 60], ['Workers', 2]]) {
    await page.getByLabel(label, { exact: true }).fill(String(v));
  }
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Done'), null, { timeout: 60000, polling: 100 });
  assert.match(await page.locator('#sweep-status').textContent(), /^Done: 4 runs/);
  const cells = await page.evaluate(() => window.bgloop.sweepOutcomes().map((o) => [o.value, o.value2, o.seed, o.final_error]));
  const cli = spawnSync(path.join(ROOT, 'target', 'release', 'bgloop'), ['sweep', '--preset', 'rotation', '--param', 'loop_strength=0.25:1:2', '--param', 'dopamine=0.5:1.5:2', '--seeds', '1', '--trials', '60', '--jsonl'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const native = cli.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((o) => [o.value, o.value2, o.seed, o.final_error]);
  const key = (c) => c.slice(0, 3).join(',');
  assert.deepEqual(cells.sort((a, b) => key(a).localeCompare(key(b))), native.sort((a, b) => key(a).localeCompare(key(b))), 'cell values equal the CLI\'s');
  // The map is drawn in the scale's colours (viridis: a cell near 30° is dark purple).
  const purple = await page.evaluate(() => {
    const c = document.getElementById('sweep-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 90 && d[i + 1] < 40 && d[i + 2] > 60 && d[i + 2] < 110) n++;
    return n;
  });
  assert.ok(purple > 200, `the weak loop's cells are dark (${purple} px)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a sweep travels in the link: the page reopens it and computes the same map, in the page and in an embed', async () => {
  const { page } = await open();
  await page.getByLabel('Second parameter (a map)').selectOption('dopamine');
  for (const [label, v] of [['From', 0.25], ['To', 1], ['Values', 2], ['From (2nd)', 0.5], ['To (2nd)', 1.5], ['Values (2nd)', 2], ['Seeds', 1], ['Trials', 60], ['Workers', 2]]) {
    await page.getByLabel(label, { exact: true }).fill(String(v));
  }
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Done'), null, { timeout: 60000, polling: 100 });
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /&sweep=loop_strength:0\.25:1:2,dopamine:0\.5:1\.5:2,seeds:1,trials:60/);
  const first = await page.evaluate(() => window.bgloop.sweepOutcomes().map((o) => `${o.value},${o.value2},${o.seed}:${o.final_error}`).sort());
  await page.close();
  for (const extra of ['', '&embed=1']) {
    const again = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    await again.goto(`${server.url}${hash}${extra}`);
    await again.waitForSelector('html[data-ready=true]', { timeout: 15000 });
    // An embed never starts a sweep unasked: its reader presses Run this sweep.
    if (extra) {
      await again.locator('#sweep-ask-run').waitFor({ state: 'visible' });
      await again.locator('#sweep-ask-run').click();
    }
    await again.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Done'), null, { timeout: 60000, polling: 100 });
    const cells = await again.evaluate(() => window.bgloop.sweepOutcomes().map((o) => `${o.value},${o.value2},${o.seed}:${o.final_error}`).sort());
    assert.deepEqual(cells, first, `the link reopens the same map${extra}`);
    assert.ok(await again.locator('#sweep-canvas').isVisible(), `the map is shown${extra}`);
    await again.close();
  }
});

test('a map is read cell by cell: the pointer or the arrow keys say a cell\'s mean ± SD and seeds', async () => {
  const { page } = await open();
  await page.getByLabel('Second parameter (a map)').selectOption('dopamine');
  for (const [label, v] of [['From', 0.25], ['To', 1], ['Values', 2], ['From (2nd)', 0.5], ['To (2nd)', 1.5], ['Values (2nd)', 2], ['Seeds', 2], ['Trials', 60], ['Workers', 2]]) {
    await page.getByLabel(label, { exact: true }).fill(String(v));
  }
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Done'), null, { timeout: 60000, polling: 100 });
  await page.locator('#sweep-canvas').focus();
  const readout = page.locator('#sweep-readout');
  assert.match(await readout.textContent(), /^loop_strength 0\.25, dopamine 0\.5: .+ — final \|error\| \d+\.\d° ± \d+\.\d \(2 seeds, \d+\.\d–\d+\.\d°\)$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  assert.match(await readout.textContent(), /^loop_strength 1, dopamine 1\.5: .+ — final \|error\|/);
  // The pointer over the bottom-left cell reads that cell.
  const box = await page.locator('#sweep-canvas').boundingBox();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.75);
  assert.match(await readout.textContent(), /^loop_strength 0\.25, dopamine 0\.5:/);
  await page.close();
});

test('Export sweep: the page\'s map figure is the one bgloop sweep --figure draws, byte for byte', async () => {
  const { spawnSync } = await import('node:child_process');
  const { readFileSync, mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { ROOT } = await import('./server.mjs');
  const { page } = await open();
  assert.equal(await page.getByRole('button', { name: 'Export sweep SVG' }).isDisabled(), true, 'nothing to export yet');
  await page.getByLabel('Second parameter (a map)').selectOption('dopamine');
  for (const [label, v] of [['From', 0.25], ['To', 1], ['Values', 2], ['From (2nd)', 0.5], ['To (2nd)', 1.5], ['Values (2nd)', 2], ['Seeds', 1], ['Trials', 60], ['Workers', 2]]) {
    await page.getByLabel(label, { exact: true }).fill(String(v));
  }
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Done'), null, { timeout: 60000, polling: 100 });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sweep SVG' }).click()]);
  const svg = readFileSync(await dl.path(), 'utf8');
  assert.match(dl.suggestedFilename(), /^bgloop-sweep-loop_strength-dopamine\.svg$/);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bgloop-map-')), 'map.svg');
  const cli = spawnSync(path.join(ROOT, 'target', 'release', 'bgloop'), ['sweep', '--preset', 'rotation', '--param', 'loop_strength=0.25:1:2', '--param', 'dopamine=0.5:1.5:2', '--seeds', '1', '--trials', '60', '--figure', file], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.ok(svg.includes('Final |error| (mean of the last 50 trials), 1 seed × 60 trials per run'), 'the figure says what it measured');
  assert.equal(svg, readFileSync(file, 'utf8'));
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sweep PNG' }).click()]);
  const bytes = readFileSync(await png.path());
  assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1800, 1040], 'the PNG is the SVG at 2×');
  await page.close();
});
