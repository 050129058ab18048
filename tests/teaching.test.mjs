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
  assert.equal(await page.evaluate(() => window.bgloop.playground.timeInTrial()), 0, 'no trial left half run');
  assert.match(await page.locator('#status').textContent(), /^Trial \d+ ·/);
  await context.close();
});
