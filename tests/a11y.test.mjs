// Accessibility: an axe-core audit, the keyboard, visible focus, the announced status and the
// high-contrast theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open(hash = '', viewport = { width: 1280, height: 900 }) {
  // bypassCSP only so that the audit script can be injected; the page's own policy is tested elsewhere.
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, context };
}

async function audit(page) {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

for (const [name, hash, viewport] of [
  ['the full page', '', undefined],
  ['the page with the Advanced parameters open and high contrast', '#preset=babbling', undefined],
  ['the embedded page', '#preset=rotation&embed=1', undefined],
  ['a phone screen', '', { width: 360, height: 740 }],
  ['the guided tour open, with a comparison and a change listed', '#tour=5', undefined],
  ['an embedded tour step', '#embed=1&tour=4', undefined],
]) {
  test(`axe-core finds no serious or critical violations: ${name}`, async () => {
    const { page, context } = await open(hash, viewport);
    if (name.includes('Advanced')) {
      await page.getByText('Advanced', { exact: true }).click();
      await page.getByLabel('High contrast (projectors)').check();
    }
    const play = page.getByRole('button', { name: 'Play', exact: true });
    if (!hash.includes('tour=') && await play.isEnabled()) await play.click(); // the embedded page plays by itself
    // Audit a playing page: wait until a trial has finished.
    await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 1, null, { timeout: 20000, polling: 50 });
    const violations = await audit(page);
    assert.deepEqual(violations, []);
    await context.close();
  });
}

test('every control is reachable and usable from the keyboard, with a visible focus', async () => {
  const { page, context } = await open();
  // Every group open, so every control is in the tab order.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const seen = [];
  let wrapped = false;
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      e.dataset.visited = '1';
      return { id: e.id, tag: e.tagName, label: e.getAttribute('aria-label') || e.labels?.[0]?.textContent?.trim() || e.textContent.trim().slice(0, 30), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (info.tag === 'BODY') { wrapped = true; break; } // wrapped around: every control was visited
    seen.push(info);
    assert.ok(info.outline, `focus is visible on ${info.tag}#${info.id} (${info.label})`);
  }
  assert.ok(wrapped, `the tab order ends (${seen.length} stops)`);
  // Every visible, enabled control was a tab stop.
  const missed = await page.evaluate(() => [...document.querySelectorAll('input, select, button, summary, a[href], textarea')]
    .filter((e) => e.offsetParent !== null && !e.disabled && e.tabIndex >= 0 && !e.dataset.visited)
    .map((e) => `${e.tagName}#${e.id || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 20)}`));
  assert.deepEqual(missed, [], 'controls the keyboard never reached');
  const ids = seen.map((s) => s.id);
  // The first stop skips to Play (the header and the preset's paragraph, with its glossary terms,
  // come before it in the page).
  assert.equal(seen[0].label, 'Skip to Play and the result', 'the first tab stop skips to Play');
  await page.evaluate(() => document.querySelector('.skip[data-skip=run]').click());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'play', 'the skip lands on Play');
  for (const id of ['preset', 'play', 'step', 'reset', 'speed', 'copy-link', 'export-csv', 'p-loop_strength', 'p-seed', 'sweep-run']) assert.ok(ids.includes(id), `${id} is in the tab order`);
  // Operate the transport with the keyboard.
  await page.locator('#step').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.bgloop.playground.trialCount() === 1, null, { polling: 20 });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.bgloop.playground.trialCount() === 2, null, { polling: 20 });
  await page.locator('#speed').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#speed-out').textContent(), '100 trials/s');
  await context.close();
});

test('the status region announces the result at a readable rate while playing fast', async () => {
  const { page, context } = await open();
  await page.evaluate(() => {
    window.__announced = [];
    new MutationObserver(() => window.__announced.push([performance.now(), document.getElementById('announce').textContent]))
      .observe(document.getElementById('announce'), { childList: true, characterData: true, subtree: true });
  });
  await page.locator('#speed').focus();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // Wait for three announcements while playing (the status line meanwhile changes every frame).
  await page.waitForFunction(() => window.__announced.length >= 3, null, { timeout: 40000, polling: 100 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const ann = await page.evaluate(() => window.__announced);
  const during = ann.slice(0, 3);
  for (let i = 1; i < during.length; i++) {
    const gap = during[i][0] - during[i - 1][0];
    assert.ok(gap >= 4900, `announcements at least 5 s apart (${gap.toFixed(0)} ms)`);
  }
  assert.match(ann.at(-1)[1], /^Trial \d+\. Last 50 trials \(\d+–\d+\): mean \|error\|/);
  assert.equal(await page.getByRole('status').filter({ hasText: 'Trial' }).count(), 1, 'one live region carries trial outcomes');
  await context.close();
});

test('the high-contrast theme switches the page and the charts', async () => {
  const { page, context } = await open();
  const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('.status')).backgroundColor);
  const before = await bg();
  // The charts' pixels: dark ink (axes, labels, lines) before and after the switch.
  const dark = () => page.evaluate(() => {
    let n = 0;
    for (const id of ['reach', 'learning', 'activity']) {
      const c = document.getElementById(id);
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] + d[i + 1] + d[i + 2] < 150) n++;
    }
    return n;
  });
  const darkBefore = await dark();
  await page.getByLabel('High contrast (projectors)').check();
  assert.ok(await page.evaluate(() => document.body.classList.contains('hc')));
  assert.notEqual(await bg(), before);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const darkAfter = await dark();
  assert.ok(darkAfter > darkBefore * 1.2, `the charts are redrawn darker (${darkBefore} → ${darkAfter} dark pixels)`);
  await context.close();
});

/** The accessibility tree's nodes that are not ignored: { role, name }. */
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '' }));
}

test('every view\'s text alternative and data table say what the model holds now (pg.describe), on screen and in the accessibility tree', async () => {
  const { page, context } = await open('#preset=strong-vs-weak&seed=2&to=120');
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 120 && !document.getElementById('play').disabled, null, { timeout: 60000, polling: 100 });
  await page.evaluate(() => { document.querySelectorAll('details.data').forEach((d) => { d.open = true; }); window.bgloop.redraw(); });
  const { described, shown } = await page.evaluate(() => {
    const d = window.bgloop.playground.describe();
    const shown = {};
    for (const view of ['reach', 'learning', 'circuit', 'activity']) {
      const table = document.querySelector(`details.data[data-view="${view}"] table`);
      shown[view] = {
        label: document.getElementById(view).getAttribute('aria-label'),
        table: {
          caption: table.caption.textContent,
          head: [...table.tHead.rows[0].cells].map((c) => c.textContent),
          rows: [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
        },
      };
    }
    return { described: d, shown };
  });
  assert.deepEqual(shown, described);
  // What the views say is the run: the learning view states the result the Result box shows, the
  // reach view the last trial, the learning table 12 blocks of 10 trials for each run.
  const resultLines = await page.evaluate(() => [...document.querySelectorAll('#result-body .result-line')].map((e) => e.textContent));
  for (const line of resultLines) assert.ok(shown.learning.label.includes(line), `the learning view says "${line}"`);
  assert.match(shown.reach.label, /trial 120: target/);
  assert.equal(shown.learning.table.rows.length, 24);
  assert.equal(shown.learning.table.rows.at(-1)[0], '111–120');
  const ax = await axNodes(page);
  for (const view of ['reach', 'learning', 'circuit', 'activity']) {
    assert.ok(ax.some((n) => n.role === 'image' && n.name === shown[view].label), `the ${view} canvas is an image named with its numbers`);
  }
  assert.ok(ax.some((n) => n.role === 'table'), 'the data tables are tables');
  assert.ok(ax.some((n) => n.role === 'heading' && n.name === 'Screen summary'), 'a screen summary');
  const summary = await page.locator('#summary-state').textContent();
  assert.match(summary, /^Now: paused after 120 trials\. Last 50 trials \(71–120\)/);
  await context.close();
});

test('keyboard only: Loop strength is at most 8 Tab presses from the top; changed, run to a trial, the result is in the accessibility tree', async () => {
  const { page, context } = await open('#preset=rotation&seed=4');
  let presses = 0;
  let reached = false;
  // Tab through the skip buttons; "Skip to the parameters" is pressed with Enter.
  while (presses < 8 && !reached) {
    await page.keyboard.press('Tab');
    presses += 1;
    const id = await page.evaluate(() => document.activeElement.id || document.activeElement.dataset.skip || '');
    if (id === 'params') await page.keyboard.press('Enter');
    reached = id === 'p-loop_strength';
  }
  assert.ok(reached, `Loop strength reached in ${presses} Tab presses`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  const strength = await page.evaluate(() => window.bgloop.playground.view().config.loop_strength);
  assert.ok(strength < 1, `Loop strength lowered to ${strength}`);
  // Back to the Run-to field (before the parameters), type a trial, run to it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate(() => document.activeElement.id === 'run-to')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'run-to');
  await page.keyboard.type('80');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 80 && !document.getElementById('play').disabled, null, { timeout: 60000, polling: 100 });
  const ax = (await axNodes(page)).map((n) => n.name);
  assert.ok(ax.includes('Last 50 trials (31–80)'), 'the result heading');
  assert.ok(ax.some((n) => /^mean \|error\| \d+\.\d° \(SD/.test(n)), 'the result figures');
  assert.equal(await page.evaluate(() => window.bgloop.playground.view().config.loop_strength), strength, 'the run used the lowered strength');
  await context.close();
});

test('glossary terms are reachable and open their entry from the keyboard', async () => {
  const { page, context } = await open('#preset=rotation');
  const term = page.locator('#preset-watch button.term').first();
  assert.equal(await term.evaluate((b) => b.tabIndex), 0, 'a term is a tab stop');
  await term.focus();
  await page.keyboard.press('Enter');
  await page.locator('#glossary-dialog[open]').waitFor();
  assert.ok(await page.evaluate(() => document.activeElement.closest('#glossary-dialog') !== null), 'focus moves into the entry');
  await context.close();
});

test('Listen: an offline render of the learning curve whose pitch follows each run\'s mean |error|', async () => {
  const { page, context } = await open('#preset=strong-vs-weak&seed=3');
  await page.evaluate(() => { window.bgloop.playground.runTrials(200); window.bgloop.redraw(); });
  const out = await page.evaluate(async () => {
    const m = await import('./web/listen.js');
    const pg = window.bgloop.playground;
    const rate = 44100;
    const render = async (curves) => {
      const ctx = new OfflineAudioContext(2, rate * m.SECONDS, rate);
      m.schedule(ctx, curves, 0);
      const buf = await ctx.startRendering();
      return [buf.getChannelData(0), buf.getChannelData(1)];
    };
    // Zero crossings per segment: a frequency estimate.
    const hz = (x, from, to) => {
      let n = 0;
      for (let i = Math.floor(from * rate) + 1; i < Math.floor(to * rate); i++) if ((x[i - 1] < 0) !== (x[i] < 0)) n++;
      return n / 2 / (to - from);
    };
    const a = pg.curve(m.POINTS, 'A');
    const [left] = await render([{ run: 'A', values: a }]);
    const step = m.SECONDS / a.length;
    const pairs = [];
    for (let k = 2; k < a.length - 2; k += 5) pairs.push([hz(left, k * step, (k + 1) * step), m.pitchOf(a[k]), a[k]]);
    const both = await render(m.curvesOf(pg));
    const late = [hz(both[0], 3, 3.9), hz(both[1], 3, 3.9)];
    const b = pg.curve(m.POINTS, 'B');
    return { pairs, late, aLate: a.at(-3), bLate: b.at(-3), pitchA: m.pitchOf(a.at(-3)), pitchB: m.pitchOf(b.at(-3)) };
  });
  for (const [got, want, deg] of out.pairs) {
    assert.ok(Math.abs(got - want) / want < 0.08, `|error| ${deg.toFixed(1)}°: ${got.toFixed(0)} Hz heard, ${want.toFixed(0)} Hz meant`);
  }
  assert.ok(out.pairs[0][0] > out.pairs.at(-1)[0] * 1.2, 'A\'s pitch falls as it adapts');
  // Together: A on the left at A's pitch, B on the right at B's (higher: B stays 30° off).
  assert.ok(out.bLate > out.aLate + 10, `B stays off (${out.bLate.toFixed(1)}° vs ${out.aLate.toFixed(1)}°)`);
  assert.ok(Math.abs(out.late[0] - out.pitchA) / out.pitchA < 0.1, `left ${out.late[0].toFixed(0)} Hz ≈ A ${out.pitchA.toFixed(0)} Hz`);
  assert.ok(Math.abs(out.late[1] - out.pitchB) / out.pitchB < 0.1, `right ${out.late[1].toFixed(0)} Hz ≈ B ${out.pitchB.toFixed(0)} Hz`);
  // The button plays on demand and says so.
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await page.waitForFunction(() => /Playing both learning curves/.test(document.getElementById('announce').textContent));
  assert.equal(await page.locator('#listen').getAttribute('aria-pressed'), 'true');
  await context.close();
});

for (let step = 1; step <= 10; step++) {
  test(`axe-core finds no serious or critical violation in tour step ${step}`, async () => {
    const { page, context } = await open(`#tour=${step}`);
    await page.locator('#tour-title').waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(await audit(page), []);
    await context.close();
  });
}

for (const [name, opener] of [['the Embed dialog', '#embed'], ['the keyboard shortcuts', '#keys-open'], ['the glossary', '#glossary-open']]) {
  test(`axe-core finds no serious or critical violation in ${name}`, async () => {
    const { page, context } = await open('#preset=rotation');
    await page.locator(opener).click();
    await page.locator('dialog[open]').waitFor();
    assert.deepEqual(await audit(page), []);
    await context.close();
  });
}
