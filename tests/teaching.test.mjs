// Teaching that works (issue #23), as its readers meet it in Chromium: a link that carries a result
// (`to=N` runs to trial N and stops there, in the page and in an embed), the Run-to control, a
// pause that lands between trials, and a tour step whose view is on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const trials = (page) => page.evaluate(() => window.bgloop.playground.trialCount());
const playing = (page) => page.evaluate(() => !document.getElementById('pause').disabled);

test('a link with to=300 opens, runs and stops at trial 300, says so, and keeps to= in the address bar', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#preset=rotation&seed=1&speed=4&to=300`);
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 300 && document.getElementById('pause').disabled, null, { timeout: 60000, polling: 100 });
  await page.waitForTimeout(600);
  assert.equal(await trials(page), 300, 'stopped exactly at trial 300');
  assert.equal(await playing(page), false);
  assert.match(await page.locator('#status').textContent(), /^Trial 300 ·/);
  assert.equal(await page.locator('#end-note').textContent(), 'Stopped at trial 300, where this link ends. Play goes on from here.');
  assert.match(await page.evaluate(() => location.hash), /&to=300/);
  assert.equal(await page.locator('#run-to').inputValue(), '300');
  // Play goes on past the end, and the link no longer ends there.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() > 305, null, { timeout: 30000, polling: 50 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  assert.doesNotMatch(await page.evaluate(() => location.hash), /to=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Run to N plays to trial N and stops; a trial already run is refused with the reason', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&seed=2&speed=4`);
  await page.getByLabel('Run to trial').fill('40');
  await page.getByRole('button', { name: 'Run to', exact: true }).click();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 40 && document.getElementById('pause').disabled, null, { timeout: 30000, polling: 50 });
  await page.waitForTimeout(300);
  assert.equal(await trials(page), 40);
  assert.match(await page.evaluate(() => location.hash), /&to=40/);
  await page.getByLabel('Run to trial').fill('20');
  await page.getByRole('button', { name: 'Run to', exact: true }).click();
  assert.match(await page.locator('#error').textContent(), /trial 20 has already run \(40 trials so far\)/);
  await page.getByLabel('Run to trial').fill('2.5');
  await page.getByRole('button', { name: 'Run to', exact: true }).click();
  assert.match(await page.locator('#error').textContent(), /`to` = 2.5 must be a trial number in 1–100000/);
  await context.close();
});

test('an embed with to=60 plays when shown and stops at trial 60; with loop=1 it starts again', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&seed=3&speed=4&to=60&embed=1`, { viewport: { width: 680, height: 700 } });
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 60 && document.getElementById('pause').disabled, null, { timeout: 30000, polling: 50 });
  await page.waitForTimeout(800);
  assert.equal(await trials(page), 60, 'the embed stopped at its end');
  await context.close();
  const looping = await openPage(browser, `${server.url}#preset=rotation&seed=3&speed=4&to=30&loop=1&embed=1`, { viewport: { width: 680, height: 700 } });
  await looping.page.waitForFunction(() => window.bgloop.playground.trialCount() >= 30, null, { timeout: 30000, polling: 50 });
  // After a moment at the end the run starts again from trial 1.
  await looping.page.waitForFunction(() => window.bgloop.playground.trialCount() < 30, null, { timeout: 10000, polling: 50 });
  await looping.context.close();
});

test('a pause at a counted speed lands between trials: the views show the last whole trial', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation&seed=4&speed=3`);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 8, null, { timeout: 30000, polling: 50 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  assert.equal(await page.evaluate(() => window.bgloop.playground.view().time_in_trial_ms), 0, 'no trial left half run');
  assert.match(await page.locator('#status').textContent(), /^Trial \d+ ·/);
  await context.close();
});

test('the glossary: "Words used here" lists the terms, and a term in a tour step, a preset paragraph and a control opens its entry', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#preset=rotation&seed=1`);
  await page.getByRole('button', { name: /^Take the tour: the paper in \d+ steps$/ }).click();
  const term = page.locator('#tour-text button.term', { hasText: 'GPi' }).first();
  await term.click();
  const dialog = page.locator('#glossary-dialog');
  assert.ok(await dialog.evaluate((d) => d.open), 'the glossary opens');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'term-gpi', 'at the GPi entry');
  assert.match(await page.locator('#term-gpi + dd').textContent(), /output nucleus/);
  for (const id of ['stn', 'striatum', 'thalamus', 'loop-strength', 'gpi-output', 'tonic-dopamine', 'teaching-signal', 'parkinsons']) {
    assert.equal(await page.locator(`#term-${id}`).count(), 1, id);
  }
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  // Controls' meanings and the preset's paragraph link their terms too.
  assert.ok(await page.locator('#p-dopamine-meaning button.term').count() > 0, 'Dopamine\'s meaning links a term');
  assert.ok(await page.locator('#preset-watch button.term').count() > 0, 'the preset paragraph links a term');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the teacher\'s page: three activities, each link opens the playground with its end trial and no rejected entry', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.url}docs/teaching.html`);
  await page.waitForSelector('h1');
  const links = await page.locator('a[href*="#preset="]').evaluateAll((as) => as.map((a) => a.href));
  assert.equal(links.length, 3, links.join('\n'));
  for (const href of links) {
    const p = await context.newPage();
    await p.goto(href);
    await p.waitForSelector('html[data-ready=true]', { timeout: 15000 });
    assert.equal(await p.locator('#link-problems').isHidden(), true, href);
    const to = Number(new URL(href).hash.match(/to=(\d+)/)[1]);
    assert.match(await p.locator('#end-note').textContent(), new RegExp(`trial ${to}`));
    await p.close();
  }
  await context.close();
});

test('every tour step brings its outlined view on screen, below its text, at 1280 × 800, 1024 × 768 and 390 × 844 (where the tour takes at most 40% of the height)', async () => {
  for (const [width, height] of [[1280, 800], [1024, 768], [390, 844]]) {
    const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}#preset=rotation&seed=1`);
    await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
    await page.getByRole('button', { name: /Take the tour/ }).click();
    // The tour's module arrives on first use.
    await page.waitForFunction(() => /of \d+/.test(document.getElementById('tour-counter').textContent));
    const steps = await page.evaluate(() => document.getElementById('tour-counter').textContent.match(/of (\d+)/)[1]);
    for (let i = 1; i <= Number(steps); i += 1) {
      if (i > 1) await page.getByRole('button', { name: 'Next →' }).click();
      await page.waitForTimeout(150);
      const where = await page.evaluate(() => {
        const view = document.querySelector('.tour-focus').getBoundingClientRect();
        const text = document.getElementById('tour').getBoundingClientRect();
        return { view: [view.top, view.bottom, view.left, view.right], text: [text.top, text.bottom], title: document.getElementById('tour-title').textContent };
      });
      const [top, bottom, left, right] = where.view;
      const label = `${width}×${height}, step ${i} (${where.title})`;
      assert.ok(top >= where.text[1] - 1 && bottom <= height + 1 && left >= 0 && right <= width + 1, `${label}: view ${JSON.stringify(where.view)}, text ${JSON.stringify(where.text)}`);
      assert.ok(where.text[0] >= -1 && where.text[1] <= height, `${label}: the step's text is on screen`);
      // On a phone the tour panel leaves most of the screen to the view, the status and the result.
      if (width < 700) assert.ok(where.text[1] - where.text[0] <= 0.4 * height + 1, `${label}: the tour takes ${(where.text[1] - where.text[0]).toFixed(0)} of ${height} px`);
    }
    await context.close();
  }
});

test('the teacher\'s kit: its pages are written from their texts (node scripts/kit.mjs), in every language', async () => {
  const { languages, pages } = await import('../scripts/kit.mjs');
  const fs = await import('node:fs');
  const langs = languages();
  assert.deepEqual(langs, ['en', 'es', 'fr']);
  for (const lang of langs) {
    for (const [file, html] of Object.entries(pages(lang))) {
      assert.equal(fs.readFileSync(new URL(`../docs/${file}`, import.meta.url), 'utf8'), html, `docs/${file} is stale: run node scripts/kit.mjs`);
    }
  }
});

test('the teacher\'s kit printed: the worksheet puts each activity on its own sheet with a box per step, the plan and key print without their page links; axe finds nothing serious', async () => {
  const path = await import('node:path');
  const axe = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', 'axe-core', 'axe.min.js');
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true });
  const page = await context.newPage();
  for (const lang of ['', '.fr', '.es']) {
    for (const kind of ['teaching', 'worksheet', 'key']) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${server.url}docs/${kind}${lang}.html`);
      await page.addScriptTag({ path: axe });
      const found = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
      const serious = found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0].target}`);
      assert.deepEqual(serious, [], `${kind}${lang}`);
      // The three pages link each other on screen.
      assert.equal(await page.locator('nav.kit-pages a').count(), 3, `${kind}${lang}`);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('nav.kit-pages').isVisible(), false, `${kind}${lang}: page links not printed`);
      if (kind !== 'worksheet') continue;
      const sheets = await page.locator('section.kit-activity').evaluateAll((ss) => ss.map((s) => ({
        breakBefore: getComputedStyle(s).breakBefore,
        boxes: s.querySelectorAll('.kit-box').length,
        link: s.querySelector('a[href*="#"]')?.textContent ?? '',
      })));
      assert.equal(sheets.length, 3, `${kind}${lang}`);
      sheets.forEach((s, i) => {
        assert.equal(s.boxes, 3, `${kind}${lang}: activity ${i + 1} has a box to predict, to note the result and to explain`);
        assert.match(s.link, /preset=.*&to=\d+.*hc=1/, `${kind}${lang}: activity ${i + 1} prints its link`);
        if (i > 0) assert.equal(s.breakBefore, 'page', `${kind}${lang}: activity ${i + 1} starts a sheet`);
      });
    }
  }
  await context.close();
});

test('a printed playground carries the link that replays its run and none of its controls', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#preset=rotation&seed=3&speed=4&to=40`);
  await page.waitForFunction(() => document.getElementById('pause').disabled && window.bgloop.playground.trialCount() >= 40, null, { timeout: 30000 });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printed = await page.locator('#print-link').textContent();
  assert.equal(await page.locator('#print-link').isVisible(), true);
  const link = printed.slice(printed.indexOf('http'));
  assert.equal(link, await page.evaluate(() => location.href), printed);
  for (const id of ['play', 'reset', 'lang', 'end-note', 'tour-open']) {
    assert.equal(await page.locator(`#${id}`).isVisible(), false, `#${id} is not printed`);
  }
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('#print-link').isVisible(), false, 'on screen the link is in the address bar');
  assert.deepEqual(problems, []);
  await context.close();
});
