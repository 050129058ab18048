// Trust, round four: what a link may start, a hostile catalog, the element's src, page sweeps
// refused as the CLI refuses them, and the last link winning over slower answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

let browser; let server; let hostServer;
const CLI = path.join(ROOT, 'target', 'release', 'bgloop');

before(async () => {
  server = await serve();
  const hostDir = mkdtempSync(path.join(os.tmpdir(), 'bgloop-trust-host-'));
  writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script src="${server.url}web/bgloop-embed.js"></script></head><body><div id="slot"></div>
<script>window.seen = []; document.addEventListener('bgloop-error', (e) => window.seen.push(e.detail.message));</script></body></html>`);
  writeFileSync(path.join(hostDir, 'frame.html'), '<!doctype html><html><head><meta charset="utf-8"><title>Frame host</title><link rel="icon" href="data:,"></head><body><iframe id="f" title="demo" style="width:700px;height:600px;border:0"></iframe></body></html>');
  hostServer = await serve({ BGLOOP_ROOT: hostDir });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); hostServer?.close(); });

test('<bgloop-demo src> frames only http(s): a javascript: or data: address runs nothing and says why', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hostServer.url}index.html`);
  await page.waitForFunction(() => customElements.get('bgloop-demo'));
  for (const src of ['javascript:parent.__pwned=1;//', 'data:text/html,<script>parent.__pwned=1</script>', 'blob:null/x']) {
    await page.evaluate((src) => {
      const demo = document.createElement('bgloop-demo');
      demo.setAttribute('src', src);
      document.getElementById('slot').replaceChildren(demo);
    }, src);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${src} ran nothing`);
    assert.equal(await page.evaluate(() => document.querySelector('bgloop-demo iframe').getAttribute('src')), null, `${src}: no frame address`);
  }
  const seen = await page.evaluate(() => window.seen);
  assert.equal(seen.length, 3);
  assert.match(seen[0], /only an http: or https: address can be embedded, not javascript:/);
  await context.close();
});

test('a catalog nested 5,000 deep is refused with the file and line; the module keeps working', async () => {
  const { initSync, Playground, Words } = await import(path.join(ROOT, 'web', 'pkg', 'bgloop.js'));
  initSync({ module: readFileSync(path.join(ROOT, 'web', 'pkg', 'bgloop_bg.wasm')) });
  const files = Words.catalogFiles().map((f) => readFileSync(path.join(ROOT, 'web', 'locales', 'fr', f), 'utf8'));
  const page = Words.catalogFiles().indexOf('page.ftl');
  files[page] = `hostile = ${'{ '.repeat(5000)}x${' }'.repeat(5000)}\n${files[page]}`;
  const pg = new Playground(undefined);
  assert.throws(() => Words.setLanguage('fr', files), /fr\/page\.ftl: line 1: placeables nested more than 16 deep/);
  // Nothing trapped: the same object and a new one still work, in English.
  pg.runTrials(3);
  assert.equal(pg.trialCount(), 3);
  assert.equal(Words.language(), 'en');
  const again = new Playground(undefined);
  again.runTrials(1);
  assert.equal(again.trialCount(), 1);
  // Files that are not an array of texts: a sentence, not a TypeError.
  assert.throws(() => Words.setLanguage('fr', null), (e) => e.name !== 'TypeError' && /`files` must hold the text of the 5 catalog files/.test(e.message));
  assert.throws(() => Words.setLanguage('fr', 42), /`files` must be an array/);
  Words.setLanguage('en', null);
  pg.free(); again.free();
});

test('a link\'s sweep bigger than the link budget does not start: the reader is told its size and time, and asked', async () => {
  const huge = 'loop_strength:0.25:1.5:200,dopamine:0.5:1.5:100,seeds:5,trials:100000';
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&sweep=${huge}`);
  const ask = page.locator('#sweep-ask');
  await ask.waitFor({ state: 'visible' });
  assert.match(await page.locator('#sweep-status').textContent(), /asks for a sweep of 100000 runs of 100000 trials: about \d+ s with \d+ workers?\. It starts only if you ask\./);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.bgloop.sweepOutcomes().length), 0, 'no run started');
  assert.equal(await page.locator('#sweep-run').isDisabled(), false, 'no sweep is running');
  assert.match(await page.evaluate(() => location.hash), /sweep=loop_strength/, 'the address keeps the link\'s sweep');
  await context.close();
});

test('in an embed even a small sweep waits to be asked; in the page a small one runs, and a newer sweep link replaces it', async () => {
  const small = 'loop_strength:0.5:1:2,seeds:1,trials:50';
  const embed = await openPage(browser, `${server.url}#preset=rotation&embed=1&sweep=${small}`);
  await embed.page.locator('#sweep-ask').waitFor({ state: 'visible' });
  assert.equal(await embed.page.evaluate(() => window.bgloop.sweepOutcomes().length), 0);
  await embed.page.locator('#sweep-ask-run').click();
  await embed.page.waitForFunction(() => window.bgloop.sweepOutcomes().length === 2, null, { timeout: 60000 });
  await embed.context.close();
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&sweep=loop_strength:0.25:1.5:6,seeds:3,trials:300`);
  await page.waitForFunction(() => window.bgloop.sweepOutcomes().length >= 1, null, { timeout: 60000 });
  await page.evaluate((s) => { location.hash = `#preset=rotation&sweep=${s}`; }, 'dopamine:0.5:1:2,seeds:1,trials:50');
  await page.waitForFunction(() => window.bgloop.sweepOutcomes().length === 2 && window.bgloop.sweepOutcomes().every((o) => o.param === 'dopamine'), null, { timeout: 60000 });
  assert.equal(await page.locator('#sweep-param').inputValue(), 'dopamine');
  assert.match(await page.evaluate(() => location.hash), /sweep=dopamine:0\.5:1:2,seeds:1,trials:50/);
  await context.close();
});

for (const [what, link, says] of [
  ['a parameter an event changes', '#preset=rotation&@150.gpi_output=0&sweep=gpi_output:0:1:3,seeds:1,trials:50', /`gpi_output`: the experiment changes `gpi_output` from trial 150/],
  ['a comparison', '#preset=strong-vs-weak&sweep=dopamine:0.5:1:2,seeds:1,trials:50', /a sweep runs one experiment, and this one is a comparison/],
]) {
  test(`the page refuses a sweep of ${what}, in the CLI's words`, async () => {
    const { page, context } = await openPage(browser, server.url + link);
    await page.waitForFunction(() => /sweep/i.test(document.getElementById('sweep-status').textContent) && document.getElementById('sweep-status').textContent.length > 40);
    const status = await page.locator('#sweep-status').textContent();
    assert.match(status, says);
    const param = /sweep=([a-z_]+):/.exec(link)[1];
    const cli = spawnSync(CLI, ['sweep', '--permalink', link, '--param', `${param}=0.5:1:2`, '--seeds', '1', '--trials', '50'], { encoding: 'utf8' });
    assert.equal(cli.status, 2);
    assert.match(cli.stderr, says, 'the CLI says the same');
    assert.equal(await page.evaluate(() => window.bgloop.sweepOutcomes().length), 0);
    await context.close();
  });
}

test('the last link wins: lang= fr, es, fr, en, es in quick succession ends in Spanish, however late the French catalog comes', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.route('**/locales/fr/**', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  await page.goto(`${server.url}#preset=rotation`);
  await page.waitForSelector('html[data-ready=true]');
  for (const lang of ['fr', 'es', 'fr', 'en', 'es']) {
    await page.evaluate((l) => { location.hash = `#preset=rotation&lang=${l}`; }, lang);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(3000);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.locator('#play').textContent(), 'Reproducir');
  await context.close();
});

test('the last link wins: a tour file that arrives after a newer link was opened is dropped', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.route('**/examples/tour-example.json', async (route) => { await new Promise((r) => setTimeout(r, 2000)); await route.continue(); });
  await page.goto(`${server.url}#preset=rotation`);
  await page.waitForSelector('html[data-ready=true]');
  await page.evaluate(() => { location.hash = '#tour=examples/tour-example.json'; });
  await page.waitForTimeout(100);
  await page.evaluate(() => { location.hash = '#preset=weak-loop&seed=2'; });
  await page.waitForTimeout(3000);
  assert.equal(await page.locator('#tour').isHidden(), true, 'the late tour did not open');
  assert.equal(await page.evaluate(() => window.bgloop.playground.view().preset), 'weak-loop');
  await context.close();
});

test('a sweep is at most 100,000 runs, in the page as in the bindings and the CLI: more is refused, naming the limit', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&sweep=loop_strength:0.25:1.5:200,dopamine:0.5:1.5:200,seeds:5,trials:100`);
  const banner = page.locator('#link-problems');
  await banner.waitFor({ state: 'visible' });
  assert.match(await banner.textContent(), /`sweep`: the sweep has 200000 runs \(values × values × seeds\); at most 100000/);
  assert.equal(await page.locator('#sweep-ask').isHidden(), true, 'nothing to ask: it cannot run');
  assert.equal(await page.evaluate(() => window.bgloop.sweepOutcomes().length), 0);
  const cli = spawnSync(CLI, ['sweep', '--preset', 'rotation', '--param', 'loop_strength=0.25:1.5:200', '--param', 'dopamine=0.5:1.5:200', '--seeds', '5', '--trials', '100'], { encoding: 'utf8' });
  assert.equal(cli.status, 2);
  assert.match(cli.stderr, /at most 100000/);
  await context.close();
});

test('a big map is drawn a few times a second at most, and reading a cell does not summarise every run again', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation`);
  const counts = await page.evaluate(async () => {
    const S = (await window.bgloop.extras()).Sweeps;
    const calls = { draw: 0, points: 0 };
    const [draw, points] = [S.drawMap, S.points];
    S.drawMap = (...a) => { calls.draw += 1; return draw.apply(S, a); };
    S.points = (...a) => { calls.points += 1; return points.apply(S, a); };
    const set = (id, v) => { const el = document.getElementById(id); el.value = String(v); el.dispatchEvent(new Event('change')); };
    set('sweep-param', 'loop_strength'); set('sweep-from', 0.25); set('sweep-to', 1.5); set('sweep-count', 6);
    set('sweep-param2', 'dopamine'); set('sweep-from2', 0.5); set('sweep-to2', 1.5); set('sweep-count2', 5);
    set('sweep-seeds', 2); set('sweep-trials', 50);
    document.getElementById('sweep-run').click();
    const started = performance.now();
    await new Promise((resolve) => { const check = () => (window.bgloop.sweepOutcomes().length === 60 ? resolve() : setTimeout(check, 20)); check(); });
    const seconds = (performance.now() - started) / 1000;
    // Sweep the pointer over the finished map: many moves, one summary.
    const canvas = document.getElementById('sweep-canvas');
    const r = canvas.getBoundingClientRect();
    const before = calls.points;
    for (let k = 0; k < 50; k++) canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + r.width * (0.2 + 0.012 * k), clientY: r.top + r.height * 0.5 }));
    return { ...calls, seconds, movesPoints: calls.points - before, readout: document.getElementById('sweep-readout').textContent };
  });
  assert.ok(counts.draw <= 2 + 4 * counts.seconds + 2, `${counts.draw} draws in ${counts.seconds.toFixed(1)} s for 60 outcomes`);
  assert.ok(counts.movesPoints <= 1, `${counts.movesPoints} summaries for 50 pointer moves`);
  assert.match(counts.readout, /loop_strength .*dopamine/);
  await context.close();
});

test('an embed hidden by its host (display: none) stops its sweep and its simulation', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hostServer.url}frame.html`);
  await page.evaluate((u) => { document.getElementById('f').src = `${u}#preset=rotation&embed=1&speed=4&sweep=loop_strength:0.25:1.5:12,seeds:5,trials:100`; }, server.url);
  const frame = await (await page.$('#f')).contentFrame();
  await frame.waitForSelector('html[data-ready=true]');
  await frame.click('#sweep-ask-run');
  await frame.waitForFunction(() => window.bgloop.sweepOutcomes().length >= 2 && window.bgloop.playground.trialCount() > 50, null, { timeout: 30000 });
  await page.evaluate(() => { document.getElementById('f').style.display = 'none'; });
  // Runs already handed out may finish; then nothing moves.
  await page.waitForTimeout(1500);
  const [runs, trials] = await frame.evaluate(() => [window.bgloop.sweepOutcomes().length, window.bgloop.playground.trialCount()]);
  await page.waitForTimeout(3000);
  assert.deepEqual(await frame.evaluate(() => [window.bgloop.sweepOutcomes().length, window.bgloop.playground.trialCount()]), [runs, trials]);
  assert.ok(runs < 60, `the sweep stopped before its end (${runs} of 60)`);
  // Shown again, both go on.
  await page.evaluate(() => { document.getElementById('f').style.display = 'block'; });
  await frame.waitForFunction((n) => window.bgloop.sweepOutcomes().length > n, runs, { timeout: 30000 });
  await context.close();
});

test('Run to a trial before a link\'s window drops that window: the page never writes a link it refuses', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&seed=2&window=101-150,301-400`);
  await page.locator('#run-to').fill('200');
  await page.locator('#run-to-go').click();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 200 && !document.getElementById('play').disabled, null, { timeout: 60000 });
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /to=200/);
  assert.match(hash, /window=101-150(&|$)/, 'the window within the run stays');
  const again = await openPage(browser, `${server.url}${hash}`);
  assert.equal(await again.page.locator('#link-problems').isHidden(), true, 'the link it wrote opens without problems');
  await again.context.close();
  await context.close();
});

test('an embed\'s sweep goes on when its frame is seen again, even after its reader paused the run', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hostServer.url}frame.html`);
  await page.evaluate((u) => { document.getElementById('f').src = `${u}#preset=rotation&embed=1&sweep=loop_strength:0.25:1.5:12,seeds:5,trials:100`; }, server.url);
  const frame = await (await page.$('#f')).contentFrame();
  await frame.waitForSelector('html[data-ready=true]');
  await frame.click('#pause');
  await frame.click('#sweep-ask-run');
  await frame.waitForFunction(() => window.bgloop.sweepOutcomes().length >= 2, null, { timeout: 30000 });
  await page.evaluate(() => { document.getElementById('f').style.display = 'none'; });
  await page.waitForTimeout(1500);
  const runs = await frame.evaluate(() => window.bgloop.sweepOutcomes().length);
  await page.evaluate(() => { document.getElementById('f').style.display = 'block'; });
  await frame.waitForFunction((n) => window.bgloop.sweepOutcomes().length > n + 2, runs, { timeout: 30000 });
  await context.close();
});
