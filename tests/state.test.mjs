// The page keeps its view options in one store driven by core's table both ways (web/state.js):
// every option of the table has a keeper and no keeper is without its option, each option a link
// carries is read into the page and written back the same, and a tour step's link sets only the
// options a step owns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('web/state.js keeps exactly the view options of core\'s table', async () => {
  const { page, context } = await openPage(browser, `${server.url}#preset=rotation`);
  const { kept, table } = await page.evaluate(async () => {
    const { KEEPERS } = await import('./web/state.js');
    return { kept: Object.keys(KEEPERS).sort(), table: window.bgloop.views.options.map((o) => o.key).sort() };
  });
  assert.deepEqual(kept, table);
  // A table with an option the page does not keep stops the page at load, naming both lists.
  const refused = await page.evaluate(async () => {
    const { checkKeepers } = await import('./web/state.js');
    try { checkKeepers({ options: [...window.bgloop.views.options, { key: 'zoom' }] }); return 'accepted'; } catch (e) { return e.message; }
  });
  assert.match(refused, /web\/state\.js keeps .*; core's view options are .*zoom/);
  await context.close();
});

test('every view option a link carries is read into the page and written back into its link', async () => {
  // Each option the table names, given a value the page keeps as it is (not the defaults).
  const options = 'hand=1&hc=1&to=90&window=41-60&loop=1&focus=learning&speed=3&hide=intro';
  const { page, context, problems } = await openPage(browser, `${server.url}#preset=rotation&seed=4&${options}`);
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 90, null, { timeout: 30000 });
  const kept = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
  for (const entry of options.split('&')) {
    const [key, value] = entry.split('=');
    assert.equal(kept[key], value, `${key} kept in the link: ${JSON.stringify(kept)}`);
  }
  assert.equal(await page.locator('#show-hand').isChecked(), true, 'hand= checks the hand paths');
  assert.ok(await page.evaluate(() => document.body.classList.contains('hc')), 'hc=1 switches the theme');
  // A tour step's link sets the step's own options (here: no hand paths) and leaves the page's
  // (the theme, the hidden parts) as they were.
  await page.evaluate(() => window.bgloop.tour.load(JSON.stringify({ title: 'T', steps: [{ title: 'a', text: 'b', link: 'preset=rotation&seed=2', trials: 0, view: 'learning' }] }), { focus: false }));
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('tour') === '1', null, { timeout: 10000 });
  const after = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
  assert.equal(after.hand, undefined, 'the step has no hand paths');
  assert.equal(after.hc, '1', 'the theme stays');
  assert.equal(after.hide, 'intro', 'the hidden parts stay');
  assert.equal(await page.locator('#show-hand').isChecked(), false);
  assert.deepEqual(problems, []);
  await context.close();
});
