// Regimes a student can read: the sweep map says *why* a setting fails. In Chromium, a sweep link
// that asks for the regime map classifies a strong loop at low dopamine as "no movement" and a weak
// loop at high dopamine as "never rewarded" — the same regimes as `bgloop sweep --measure regime`
// — draws them in the regime palette, and its readout says the regime, its figures and why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launch } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const CLI = path.join(ROOT, 'target', 'release', 'bgloop');
// λ 0.5 and 1.5 × dopamine 0.5 and 1.5, seed 1, 400 trials: 1,600 trials, under the link budget.
const SWEEP = 'loop_strength:0.5:1.5:2,dopamine:0.5:1.5:2,seeds:1,trials:400,measure:regime';

/** The CLI's regimes of the same sweep, by cell. */
function cliRegimes() {
  const r = spawnSync(CLI, ['sweep', '--preset', 'rotation', '--param', 'loop_strength=0.5:1.5:2', '--param', 'dopamine=0.5:1.5:2', '--seeds', '1', '--trials', '400', '--jsonl'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((o) => [`${o.value},${o.value2}`, o.regime]));
}

/** The catalog's English words for a message, read from the page's catalog (never copied here). */
const said = (page, id) => page.evaluate(async (k) => (await import('./web/i18n.js')).t(k), id);

test('the regime map of a sweep link: no movement and never rewarded, as the CLI says, drawn and read out with why', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${server.url}#preset=rotation&sweep=${SWEEP}`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Done'), null, { timeout: 120000, polling: 200 });
  assert.equal(await page.locator('#sweep-measure').inputValue(), 'regime', 'the link chose the regime map');

  // The page's runs fall in the CLI's regimes, cell by cell.
  const page_ = await page.evaluate(() => Object.fromEntries(window.bgloop.sweepOutcomes().map((o) => [`${o.value},${o.value2}`, o.regime])));
  const cli = cliRegimes();
  assert.deepEqual(page_, cli, 'the same regimes as bgloop sweep');
  assert.equal(cli['1.5,0.5'], 'no-movement', 'a strong loop at low dopamine barely moves');
  assert.equal(cli['0.5,1.5'], 'never-rewarded', 'a weak loop at high dopamine is never rewarded');

  // Drawn in the regime palette: the never-rewarded blue (#0072b2) and the no-movement sky blue
  // (#56b4e9) are on the map.
  const share = (rgb) => page.evaluate(([r, g, b]) => {
    const c = document.getElementById('sweep-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) < 8 && Math.abs(d[i + 1] - g) < 8 && Math.abs(d[i + 2] - b) < 8) n++;
    return n / (d.length / 4);
  }, rgb);
  assert.ok(await share([0x00, 0x72, 0xb2]) > 0.02, 'a never-rewarded cell is drawn');
  assert.ok(await share([0x56, 0xb4, 0xe9]) > 0.02, 'a no-movement cell is drawn');

  // A screen-reader user gets the same map: the canvas's name counts the regimes, and its data
  // table holds each cell's regime.
  const label = await page.locator('#sweep-canvas').getAttribute('aria-label');
  assert.match(label, new RegExp(`${await said(page, 'regime-never-rewarded')} 1`), label);
  assert.match(label, new RegExp(`${await said(page, 'regime-no-movement')} 1`), label);
  const table = await page.locator('details.data[data-view="sweep"] table').evaluate((el) => [...el.rows].map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(table[0], ['loop_strength \\ dopamine', '0.5', '1.5']);
  assert.deepEqual(table.slice(1), [
    ['0.5', await said(page, `regime-${cli['0.5,0.5']}`), await said(page, 'regime-never-rewarded')],
    ['1.5', await said(page, 'regime-no-movement'), await said(page, `regime-${cli['1.5,1.5']}`)],
  ]);

  // The readout says the regime, the figures that make it, and why — in the catalog's words.
  await page.locator('#sweep-canvas').focus();
  const readout = page.locator('#sweep-readout');
  await page.keyboard.press('ArrowRight'); // λ 1.5, dopamine 0.5
  const strong = await readout.textContent();
  assert.ok(strong.startsWith('loop_strength 1.5, dopamine 0.5: '), strong);
  assert.ok(strong.includes(await said(page, 'regime-no-movement')), strong);
  assert.ok(strong.includes(await said(page, 'regime-why-no-movement')), strong);
  const executed = Number(strong.match(/(\d+)% of reaches executed/)[1]);
  const outcome = await page.evaluate(() => window.bgloop.sweepOutcomes().find((o) => o.value === 1.5 && o.value2 === 0.5));
  assert.equal(executed, Math.round(100 * outcome.executed), 'the executed share said is the run\'s');
  assert.ok(executed < 50, `most reaches are not made (${executed}%)`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp'); // λ 0.5, dopamine 1.5
  const weak = await readout.textContent();
  assert.ok(weak.startsWith('loop_strength 0.5, dopamine 1.5: '), weak);
  assert.ok(weak.includes(await said(page, 'regime-never-rewarded')), weak);
  assert.match(weak, /mean reward 0(\.00)?\b/, weak);

  // Another measure redraws the same runs and goes into the link.
  await page.locator('#sweep-measure').selectOption('executed');
  await page.waitForFunction(() => location.hash.includes('measure:executed'));
  assert.equal(await share([0x00, 0x72, 0xb2]), 0, 'no regime colours on the executed map');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bgloop sweep --measure executed and regime: the table says what the map shows', () => {
  const run = (measure) => spawnSync(CLI, ['sweep', '--preset', 'rotation', '--param', 'loop_strength=0.5:1.5:2', '--param', 'dopamine=0.5:1.5:2', '--seeds', '1', '--trials', '400', '--measure', measure], { encoding: 'utf8' });
  const regime = run('regime');
  assert.equal(regime.status, 0, regime.stderr);
  const rows = Object.fromEntries(regime.stdout.trim().split('\n').slice(2).map((l) => { const c = l.trim().split(/\s{2,}/); return [c[0], c.slice(1)]; }));
  assert.deepEqual(rows['1.5'], ['no movement', 'adapted']);
  assert.deepEqual(rows['0.5'], ['adapted', 'never rewarded']);
  const executed = run('executed');
  assert.equal(executed.status, 0, executed.stderr);
  const strong = executed.stdout.trim().split('\n').find((l) => l.trim().startsWith('1.5 '));
  assert.ok(Number(strong.trim().split(/\s+/)[1]) < 0.5, strong);
  const bad = run('speed');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--measure "speed" must be one of: error, executed, reward, reach, adapt, regime/);
});
