// Takes a screenshot of the playground as a reader sees it, for looking at a change (not a test).
//   node scripts/shot.mjs '#preset=rotation&seed=1' NAME [WIDTH] [HEIGHT] [TRIALS] [JS]
// runs TRIALS trials at once (the last with its activity recorded), then evaluates JS in the page
// (optional), and writes
// /tmp/shots/NAME.png (full page); prints the status line. Needs `npm start`'s build (web/pkg).
import fs from 'node:fs';
import { launch } from '../tests/browser.mjs';
import { serve } from '../tests/server.mjs';

const [,, hash = '', name = 'shot', w = '1280', h = '800', trials = '0', actions = ''] = process.argv;
fs.mkdirSync('/tmp/shots', { recursive: true });
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(server.url + hash);
await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
if (+trials) {
  await page.evaluate((n) => {
    const pg = window.bgloop.playground;
    if (n > 1) pg.runTrials(n - 1);
    pg.stepTrial();
    window.bgloop.redraw();
  }, +trials);
}
if (actions) await page.evaluate(actions);
await page.waitForTimeout(400);
await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
console.log(await page.evaluate(() => document.getElementById('status')?.textContent));
await browser.close();
server.close();
