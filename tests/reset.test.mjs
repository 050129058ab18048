// Reset starts over with what the controls show (issue #33): a live change made during a run is
// an event of that run (its link replays it), but Reset starts trial 1 at the value the control
// shows, with no change scheduled, unless the reader keeps the change in the events list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Moves the Loop strength slider to `value` as a reader would (input, then change on release). */
const slide = (page, value) => page.evaluate((v) => {
  const range = document.getElementById('p-loop_strength');
  range.value = String(v);
  range.dispatchEvent(new Event('input', { bubbles: true }));
  range.dispatchEvent(new Event('change', { bubbles: true }));
}, value);

const state = (page) => page.evaluate(() => {
  const pg = window.bgloop.playground;
  return { trials: pg.trialCount(), shown: pg.view().shown.loop_strength, running: pg.view().config.loop_strength, events: pg.view().events, hash: location.hash };
});

test('after changing Loop strength on a played run, Reset starts trial 1 at the new value with no scheduled change; a kept change is replayed', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}#preset=rotation&seed=3`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  await page.evaluate(() => { window.bgloop.playground.runTrials(41); window.bgloop.redraw(); });
  await slide(page, 0.75);
  let s = await state(page);
  assert.equal(s.events.length, 1, 'the live change is an event of the run');
  assert.match(s.hash, /@42\.loop_strength=0\.75/, 'and the link replays it');
  // The events list offers to keep it; not pressed, Reset folds it into the start.
  assert.equal(await page.locator('#events button.keep').count(), 1);
  await page.click('#reset');
  s = await state(page);
  assert.equal(s.trials, 0);
  assert.equal(s.running, 0.75, 'trial 1 runs at the value the control showed');
  assert.equal(s.shown, 0.75, 'the control still shows it');
  assert.deepEqual(s.events, [], 'no change is scheduled');
  assert.doesNotMatch(s.hash, /@42/);
  assert.match(s.hash, /loop_strength=0\.75/);
  // Kept: Reset replays it from its trial.
  await page.evaluate(() => { window.bgloop.playground.runTrials(10); window.bgloop.redraw(); });
  await slide(page, 0.5);
  await page.click('#events button.keep');
  assert.match(await page.locator('#events').innerText(), /kept after Reset/);
  await page.click('#reset');
  s = await state(page);
  assert.equal(s.running, 0.75, 'starts as before the kept change');
  assert.deepEqual(s.events.map((e) => [e.trial, e.key]), [[11, 'loop_strength']]);
  assert.match(s.hash, /@11\.loop_strength=0\.5/);
  await page.close();
});
