// A projector view (issue #33): focus=learning (or the view's Enlarge button) gives the learning
// chart at least 70% of a 1024 × 768 screen, its text at 18 px or more, the result beside it; the
// button and the link follow each other; a bad focus= is refused by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The chart's 11 px labels as drawn, CSS px: the scale the page passes over the screen's ratio. */
const LABEL_PX = 11;

async function open(hash) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.addInitScript(() => {
    // Records the scale each learning draw gets (the chart's text grows with it).
    window.__scales = [];
    const patch = () => {
      const P = window.bgloop?.playground?.constructor;
      if (!P || P.prototype.__patched) return;
      const draw = P.prototype.draw;
      P.prototype.draw = function (canvas, part, options) {
        if (part === 'learning') window.__scales.push(options.scale / devicePixelRatio);
        return draw.call(this, canvas, part, options);
      };
      P.prototype.__patched = true;
    };
    setInterval(patch, 5);
  });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return page;
}

const boxes = (page) => page.evaluate(() => {
  const box = (id) => { const r = document.getElementById(id).getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width }; };
  return { learning: box('learning'), result: box('result'), reach: box('reach'), width: innerWidth, height: innerHeight };
});

test('focus=learning at 1024 × 768 gives the learning chart at least 70% of the width, text of 18 px or more, and the result beside it', async () => {
  for (const hc of ['', '&hc=1']) {
    const page = await open(`#preset=strong-vs-weak&seed=2&focus=learning${hc}`);
    await page.evaluate(() => { window.bgloop.playground.runTrials(60); window.bgloop.redraw(); });
    await page.waitForTimeout(200);
    const b = await boxes(page);
    assert.ok(b.learning.width >= 0.7 * b.width, `the learning chart is ${b.learning.width} of ${b.width} px`);
    assert.equal(b.reach.width, 0, 'the other views step aside');
    assert.ok(b.result.left >= b.learning.right && b.result.top < b.learning.bottom && b.result.bottom > b.learning.top && b.result.bottom <= b.height, `the result beside the chart: ${JSON.stringify(b.result)}`);
    const zoom = await page.evaluate(() => window.__scales.at(-1));
    assert.ok(LABEL_PX * zoom >= 18, `chart text ${(LABEL_PX * zoom).toFixed(1)} px`);
    assert.equal(await page.locator('button.enlarge[data-view=learning]').getAttribute('aria-pressed'), 'true');
    await page.close();
  }
});

test('the Enlarge button and the link follow each other; a bad focus= is refused naming the field and the views', async () => {
  const page = await open('#preset=rotation&seed=2');
  const before = await boxes(page);
  await page.locator('button.enlarge[data-view=reach]').click();
  await page.waitForFunction(() => location.hash.includes('focus=reach'));
  assert.ok((await boxes(page)).learning.width === 0, 'reach alone');
  await page.locator('button.enlarge[data-view=reach]').click();
  await page.waitForFunction(() => !location.hash.includes('focus='));
  assert.equal((await boxes(page)).learning.width, before.learning.width, 'every view back');
  await page.evaluate(() => { location.hash = '#preset=rotation&focus=everything'; });
  await page.waitForFunction(() => !document.getElementById('link-problems').hidden);
  const said = await page.locator('#link-problems').textContent();
  assert.match(said, /focus/);
  assert.match(said, /reach, learning, circuit, activity/);
  await page.close();
});
