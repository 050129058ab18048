// The result, said: the page, an embed, the accessibility tree and the live region state each
// run's mean over a window of trials — the numbers `bgloop run --summary` prints for the same link —
// in the reader's language, and a window that is malformed, reversed or beyond the run is refused
// with the field and the range.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

let browser; let server;
const CLI = path.join(ROOT, 'target', 'release', 'bgloop');

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** `bgloop run … --summary` for `link`: its text lines and its numbers. */
function cli(link, trials, lang = 'en') {
  const args = ['run', '--permalink', link, '--trials', String(trials), '--summary', '--lang', lang];
  const text = spawnSync(CLI, args, { encoding: 'utf8' });
  assert.equal(text.status, 0, text.stderr);
  const json = spawnSync(CLI, [...args, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(json.status, 0, json.stderr);
  return { lines: text.stdout.trim().split('\n').map((l) => l.trim()), results: JSON.parse(json.stdout) };
}

/** The result box's lines as a reader sees them: each window's heading, then `A: …` per run. */
const pageLines = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('#result-body > *')) {
    if (el.matches('.result-heading')) out.push(el.textContent.trim());
    else for (const li of el.querySelectorAll('li')) {
      const run = li.querySelector('.result-run')?.textContent;
      const line = li.querySelector('.result-line').textContent;
      out.push(run ? `${run}: ${line}` : line);
    }
  }
  return out;
});

/** Every name and value in Chromium's accessibility tree. */
async function axTexts(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).flatMap((n) => [n.name?.value, n.value?.value]).filter((s) => typeof s === 'string' && s);
}

/** Waits until `n` trials have run and the page has stopped playing (Play enabled again). */
const waitEnd = (page, n) => page.waitForFunction((n) => window.bgloop.playground.trialCount() >= n && !document.getElementById('play').disabled, n, { timeout: 120000, polling: 100 });

/** The decimals of `x` as the page writes them (`4.4`, or `4,4` with a decimal comma). */
const shown = (x, comma) => (comma ? x.toFixed(1).replace('.', ',') : x.toFixed(1));

for (const [where, lang, extra] of [
  ['the page', 'en', ''],
  ['the page in French', 'fr', '&lang=fr'],
  ['an embed', 'en', '&embed=1&speed=4'],
  ['an embed in Spanish', 'es', '&embed=1&speed=4&lang=es'],
]) {
  test(`${where}: a to=300 link states A's and B's mean |error| over trials 251–300 as bgloop run --summary does, on screen and in the accessibility tree`, async () => {
    const link = 'preset=strong-vs-weak&seed=6&to=300';
    const { page, context, problems } = await openPage(browser, `${server.url}#${link}${extra}`, { reducedMotion: 'reduce' });
    await waitEnd(page, 300);
    await page.waitForFunction(() => document.querySelector('#result-body .result-heading')?.textContent.includes('300'), null, { timeout: 10000 });
    const want = cli(link, 300, lang);
    const got = await pageLines(page);
    assert.deepEqual(got, want.lines, 'the page says what the CLI says');
    const [r] = want.results;
    assert.deepEqual(r.window, { from: 251, to: 300 });
    assert.equal(r.a.standing, 'complete');
    const comma = lang !== 'en';
    const [ea, eb] = [r.a.figures.error_deg.mean, r.b.figures.error_deg.mean];
    assert.ok(eb > ea + 10, `the strong loop adapts, the weak one does not (A ${ea}, B ${eb})`);
    assert.ok(got[1].includes(`${shown(ea, comma)}°`), `A's mean ${shown(ea, comma)}° in "${got[1]}"`);
    assert.ok(got[2].includes(`${shown(eb, comma)}°`), `B's mean ${shown(eb, comma)}° in "${got[2]}"`);
    if (comma) assert.match(got[1], /\d,\d°/, 'a decimal comma');
    const ax = await axTexts(page);
    for (const line of [got[0], ...want.lines.slice(1).map((l) => l.replace(/^[AB]: /, ''))]) {
      assert.ok(ax.some((s) => s.includes(line)), `the accessibility tree carries "${line}"`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('window=301-400 in a link: the page states that window, not reached, then partial, then complete — as the CLI does', async () => {
  const link = 'preset=dopamine-loss&seed=2&window=301-400';
  const { page, context } = await openPage(browser, `${server.url}#${link}`);
  assert.match(await page.evaluate(() => location.hash), /window=301-400/, 'the address bar keeps the window');
  const lines = await pageLines(page);
  assert.equal(lines[0], 'Trials 301–400');
  assert.match(lines[1], /^A: not reached yet/);
  await page.evaluate(() => { window.bgloop.playground.runTrials(350); window.bgloop.redraw(); });
  assert.match((await pageLines(page))[1], /so far: trials 301–350/);
  await page.evaluate(() => { window.bgloop.playground.runTrials(50); window.bgloop.redraw(); });
  assert.deepEqual(await pageLines(page), cli(link, 400).lines);
  await context.close();
});

for (const [value, lang, says] of [
  ['400-301', 'en', /`window` = "400-301" runs backwards: write the first trial first \(301-400\)/],
  ['301-400x', 'en', /`window` = "301-400x" must be a range of trials FROM-TO within 1–100000/],
  ['0-10', 'fr', /`window` = "0-10" doit être une plage d'essais/],
]) {
  test(`window=${value} (${lang}) is refused in the reader's language, naming the field and the range`, async () => {
    const { page, context } = await openPage(browser, `${server.url}#preset=rotation&window=${value}&lang=${lang}`);
    const banner = page.locator('#link-problems');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.textContent(), says);
    // The page stays usable: the result is over the last trials run.
    assert.ok(!(await page.evaluate(() => location.hash)).includes('window='));
    await context.close();
  });
}

test('a window beyond the link\'s end trial is refused, naming both', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&to=300&window=301-400`);
  const banner = page.locator('#link-problems');
  await banner.waitFor({ state: 'visible' });
  assert.match(await banner.textContent(), /`window` = 301-400 ends after trial 300, where this link stops/);
  await context.close();
});

test('the live region says the result, not a trial: over 20 s at 100 trials/s it changes 1–5 times, each time with the current window\'s figures', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&seed=3&speed=3`);
  await page.evaluate(() => {
    window.__said = [];
    const live = [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')];
    for (const el of live) {
      new MutationObserver(() => window.__said.push({ at: performance.now(), id: el.id, text: el.textContent, trials: window.bgloop.playground.trialCount() }))
        .observe(el, { childList: true, characterData: true, subtree: true });
    }
  });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(20000);
  const said = await page.evaluate(() => window.__said);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  assert.ok(said.length >= 1 && said.length <= 5, `${said.length} changes of the live regions: ${said.map((s) => s.id).join(', ')}`);
  for (const s of said) {
    assert.equal(s.id, 'announce');
    const m = s.text.match(/^Trial (\d+)\. Last (\d+) trials \((\d+)–(\d+)\): mean \|error\| [\d.]+°/);
    assert.ok(m, s.text);
    assert.ok(Math.abs(Number(m[1]) - s.trials) <= 5, `announced trial ${m[1]} while the run was at ${s.trials}`);
    assert.equal(Number(m[4]), Number(m[1]), 'the window ends at the trial announced');
  }
  // The end of a run is always announced, with its result.
  const before = await page.evaluate(() => window.__said.length);
  await page.evaluate(() => window.bgloop.runTrials(window.bgloop.playground.trialCount() + 20));
  await page.waitForFunction((n) => window.__said.length > n && !document.getElementById('play').disabled, before, { timeout: 20000 });
  const last = await page.evaluate(() => window.__said.at(-1).text);
  const n = await page.evaluate(() => window.bgloop.playground.trialCount());
  assert.match(last, new RegExp(`^Trial ${n}\\. Last 50 trials \\(${n - 49}–${n}\\)`), 'the end of a run is announced');
  await context.close();
});

for (const lang of ['en', 'fr', 'es']) {
  for (const width of [680, 390, 320]) {
    test(`an embed's result box shows all of its text at ${width} px in ${lang}, and keeps its height while it plays`, async () => {
      const { page, context } = await openPage(browser, `${server.url}#preset=strong-vs-weak&seed=2&embed=1&speed=3&lang=${lang}`, { viewport: { width, height: 900 } });
      // From the first trials ("too few trials to say") to figures: one height.
      const heights = [await page.evaluate(() => document.getElementById('result').getBoundingClientRect().height)];
      for (let k = 0; k < 6; k++) {
        await page.waitForTimeout(400);
        heights.push(await page.evaluate(() => document.getElementById('result').getBoundingClientRect().height));
      }
      const trials = await page.evaluate(() => window.bgloop.playground.trialCount());
      assert.ok(trials > 10, `it plays (${trials} trials)`);
      assert.ok(Math.max(...heights) - Math.min(...heights) < 1, `a steady height: ${heights.map((h) => h.toFixed(0)).join(', ')}`);
      const cut = await page.evaluate(() => {
        const box = document.getElementById('result').getBoundingClientRect();
        const out = [];
        for (const el of document.querySelectorAll('#result .result-line, #result .result-heading, #result .result-run')) {
          const r = el.getBoundingClientRect();
          if (el.scrollWidth > el.clientWidth + 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.right > window.innerWidth) out.push(el.textContent);
        }
        return out;
      });
      assert.deepEqual(cut, [], 'no result text is cut or out of its box');
      const lines = await pageLines(page);
      assert.equal(lines.length, 3, `a heading and both runs: ${lines.join(' | ')}`);
      await context.close();
    });
  }
}

for (const step of [9, 10]) {
  test(`tour step ${step} ends showing the result over each window its text names`, async () => {
    const { page, context } = await openPage(browser, `${server.url}#tour=${step}`, { reducedMotion: 'reduce' });
    const text = await page.locator('#tour-text').textContent();
    const named = [...new Set([...text.matchAll(/trials (\d+)–(\d+)/g)].map((m) => `Trials ${m[1]}–${m[2]}`))];
    assert.ok(named.length >= 2, `the step names its windows: ${named}`);
    const end = Math.max(...[...text.matchAll(/trials \d+–(\d+)/g)].map((m) => Number(m[1])));
    await page.waitForFunction((n) => window.bgloop.playground.trialCount() >= n, end, { timeout: 60000, polling: 100 });
    await page.waitForFunction((named) => named.every((h) => [...document.querySelectorAll('#result-body .result-heading')].some((e) => e.textContent === h)), named, { timeout: 10000 });
    const lines = await pageLines(page);
    for (const h of named) {
      const at = lines.indexOf(h);
      assert.match(lines[at + 1], /^A: mean \|error\| \d+\.\d°/, `${h}: A's figures`);
      assert.match(lines[at + 2], /^B: mean \|error\| \d+\.\d°/, `${h}: B's figures`);
    }
    await context.close();
  });
}
