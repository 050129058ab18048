// The door between the page and the model (issue #32): the link is encoded when the experiment
// changes, not per animation frame, and how many times the page crosses into wasm for a language
// switch is measured.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open(hash = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return page;
}

const encodes = (page) => page.evaluate(() => window.bgloop.playground.view().link_encodes);
const trials = (page) => page.evaluate(() => window.bgloop.playground.trialCount());

test('over 5 s of play the link is encoded at most once per change, and the address bar follows each change', async () => {
  const page = await open('#preset=rotation&speed=2');
  const start = await encodes(page);
  const t0 = await trials(page);
  await page.click('#play');
  await page.waitForTimeout(5000);
  const played = await trials(page);
  assert.ok(played > t0 + 3, `the run played (${t0} → ${played} trials)`);
  assert.ok(await encodes(page) - start <= 1, `no change, ${await encodes(page) - start} encodings over 5 s of play`);
  // One live change while playing: one more encoding, and the address bar carries the event.
  const before = await encodes(page);
  const from = await page.evaluate(() => window.bgloop.intervene('loop_strength', 0.5));
  await page.waitForTimeout(2500);
  const after = await encodes(page);
  assert.ok(after - before >= 1 && after - before <= 2, `${after - before} encodings for one change`);
  await page.waitForFunction((f) => location.hash.includes(`@${f}.loop_strength=0.5`), from, { timeout: 5000 });
  await page.close();
});

test('a language switch makes at most 20 calls into wasm (words are read in batches, not one call per word)', async () => {
  const page = await open('#preset=rotation');
  const calls = await page.evaluate(async () => {
    const pg = window.bgloop.playground;
    const Class = pg.constructor;
    let n = 0;
    // Methods and getters (a getter such as `comparing` is a call into wasm too).
    const wrap = (obj, name) => {
      const d = Object.getOwnPropertyDescriptor(obj, name);
      if (!d || name === 'constructor') return;
      if (typeof d.value === 'function') {
        const f = d.value;
        obj[name] = function counted(...args) { n += 1; return f.apply(this, args); };
      } else if (d.get) {
        const g = d.get;
        Object.defineProperty(obj, name, { ...d, get() { n += 1; return g.call(this); } });
      }
    };
    // The playground's methods, and every function of the Words namespace and of the second
    // module (loaded, as after a reader used a sweep: it too follows the language).
    const extras = await window.bgloop.extras();
    for (const name of Object.getOwnPropertyNames(Class.prototype)) wrap(Class.prototype, name);
    wrap(extras, 'useLanguage');
    for (const cls of [Class, window.bgloop.Words, extras.Sweeps, extras.Tours]) {
      for (const name of Object.getOwnPropertyNames(cls)) if (!['length', 'name', 'prototype', '__wrap'].includes(name)) wrap(cls, name);
    }
    // The controls are kept through the switch (their words are written again, not rebuilt).
    window.__control = document.getElementById('p-loop_strength');
    const menu = document.getElementById('lang');
    menu.value = 'fr';
    menu.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => { const check = () => (document.documentElement.lang === 'fr' ? r() : setTimeout(check, 20)); check(); });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return n;
  });
  console.log(`# a language switch made ${calls} calls into wasm`);
  assert.ok(calls > 0, 'the count sees the calls');
  assert.ok(calls <= 20, `${calls} calls`);
  // And the page reads French: a control's label, a number box's name, a glossary button's title.
  const words = await page.evaluate(() => ({
    same: document.getElementById('p-loop_strength') === window.__control,
    label: document.querySelector('label[for=p-loop_strength]').firstChild.textContent,
    french: window.bgloop.schema.find((s) => s.key === 'loop_strength').label,
    box: document.querySelector('#controls input[type=number]').getAttribute('aria-label'),
    term: document.querySelector('button.term')?.title,
    num: document.querySelector('#controls input[type=range]').getAttribute('aria-valuetext'),
  }));
  assert.ok(words.same, 'the control is the same element after the switch: it was not rebuilt');
  assert.equal(words.label, words.french, 'its label is written again in French');
  assert.match(words.box, /\(nombre\)$/, words.box);
  // Scripts read the speeds in the page's language too (`bgloop.views`).
  const speed = await page.evaluate(() => window.bgloop.views.speeds.map((s) => s.label).join(' | '));
  assert.doesNotMatch(speed, /slow motion|real time|fast-forward/, speed);
  assert.match(speed, /ralenti \| temps réel/, speed);
  assert.match(words.term ?? '', /signifie|sens|veut dire/i, words.term);
  console.log(`# ${JSON.stringify(words)}`);
  await page.close();
});
