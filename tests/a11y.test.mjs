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
  assert.ok(ids.indexOf('play') < 5, `Play comes early in the tab order (${ids.indexOf('play')})`);
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
