// What a hostile page can do to the playground's outputs, in Chromium: canvases whose members throw
// (width getter, getContext, fillRect, beginPath, fillStyle/strokeStyle setters, fillText,
// putImageData, measureText) and setters on Object.prototype and Array.prototype[0] that throw
// while a result object is built. Every method × every attack may fail with an error, but
// afterwards the object must still simulate, reset and draw: no call into JavaScript is made while
// the session is borrowed, and result objects get only own properties.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('throwing canvas members and prototype setters never lock the playground (every method × every attack)', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#preset=strong-vs-weak&seed=2`);
  const report = await page.evaluate(async () => {
    const Playground = window.bgloop.playground.constructor;
    const canvasAttacks = {
      'width getter': (c) => Object.defineProperty(c, 'width', { get() { throw new Error('width'); } }),
      'height getter': (c) => Object.defineProperty(c, 'height', { get() { throw new Error('height'); } }),
      getContext: (c) => { c.getContext = () => { throw new Error('getContext'); }; },
      fillRect: (c) => { c.getContext('2d').fillRect = () => { throw new Error('fillRect'); }; },
      beginPath: (c) => { c.getContext('2d').beginPath = () => { throw new Error('beginPath'); }; },
      'fillStyle setter': (c) => Object.defineProperty(c.getContext('2d'), 'fillStyle', { set() { throw new Error('fillStyle'); } }),
      'strokeStyle setter': (c) => Object.defineProperty(c.getContext('2d'), 'strokeStyle', { set() { throw new Error('strokeStyle'); } }),
      fillText: (c) => { c.getContext('2d').fillText = () => { throw new Error('fillText'); }; },
      putImageData: (c) => { c.getContext('2d').putImageData = () => { throw new Error('putImageData'); }; },
      measureText: (c) => { c.getContext('2d').measureText = () => { throw new Error('measureText'); }; },
    };
    const keys = ['trial', 'key', 'label', 'text', 'loop_strength', 'seed', 'feed', 'state', 'link', 'title', 'steps',
      'index', 'value', 'version', 'view', 'notes', 'rejected', 'preset', 'hand_deg', 'error_deg', 'applied'];
    const protoAttacks = {
      'Object.prototype setters': () => {
        // Null-prototype descriptors: once `value` has a setter, a plain descriptor would inherit it.
        const setter = (k) => Object.assign(Object.create(null), { set() { throw new Error(`set ${k}`); }, configurable: true });
        for (const k of keys) Object.defineProperty(Object.prototype, k, setter(k));
        return () => { for (const k of keys) delete Object.prototype[k]; };
      },
      'Array.prototype[0] setter': () => {
        Object.defineProperty(Array.prototype, '0', { set() { throw new Error('set [0]'); }, configurable: true });
        return () => { delete Array.prototype[0]; };
      },
    };
    const fresh = () => {
      const pg = new Playground(undefined);
      pg.configure({ ring_size: 16, trial_ms: 300 });
      pg.compare({ a: {}, b: { loop_strength: 0.25 } });
      pg.reset(1);
      pg.recordTraces(1, true);
      pg.runTrials(3);
      return pg;
    };
    const canvas = () => { const c = document.createElement('canvas'); c.width = 300; c.height = 200; return c; };
    const draws = ['reach', 'learning', 'activity', 'circuit'].map((part) => [part, (pg, c) => pg.draw(c, part, { scale: 1, hand: true })]);
    const { Words } = window.bgloop;
    const { Sweeps, Tours, Figures } = await window.bgloop.extras();
    const outputs = [
      ['view', (pg) => pg.view({ A: 0, B: 0 })], ['describe', (pg) => pg.describe()], ['traces', (pg) => pg.traces()],
      ['stepTrial', (pg) => pg.stepTrial()], ['stepTrial slice', (pg) => pg.stepTrial(1000)],
      ['openPermalink', (pg) => pg.openPermalink('#preset=rotation&seed=3&ring_size=16&trial_ms=300')],
      ['sweep jobs', (pg) => pg.sweepJobs('loop_strength', 0.5, 1, 3, 1, 10)],
      ['feed', (pg) => pg.feed(true)], ['column', (pg) => pg.column('error_deg', 'B')], ['curve', (pg) => pg.curve(10, 'B')],
      ['handover', (pg) => pg.handover(0)],
      ['figure', (pg) => Figures.svg(pg.figure(true), 600, 400)], ['csv', (pg) => pg.csv()], ['json', (pg) => pg.json()],
      ['intervene', (pg) => pg.intervene('loop_strength', 0.5)], ['permalink', (pg) => pg.permalink({ hand: '1' })],
      ['schema', () => Words.schema()], ['presets', () => Words.presets()], ['tour', () => Tours.builtin()],
      ['viewOptions', () => Words.viewOptions()], ['messages', () => Words.messages()], ['glossary', () => Words.glossary()],
      ['view since', (pg) => pg.view(0)], ['sweep points', () => Sweeps.points([{ value: 0.5, seed: 1, trials: 10, final_error: 3, executed: 1 }], 'loop_strength', null)],
      ['sweep describe', () => Sweeps.describe([], 'loop_strength', null, [0.5], [])],
      ['sweep svg', () => Sweeps.svg('loop_strength', [0, 1], null, [0.5], [], [], [1, 10], null, [600, 400])],
    ];
    const canaryFails = [];
    let attacks = 0;
    const canary = (pg, what) => {
      try {
        pg.feed(false);
        const n = pg.trialCount();
        if (pg.runTrials(1) !== 1 || pg.trialCount() !== n + 1) throw new Error('ran no trial');
        pg.reset(2);
        pg.runTrials(2);
        const c = canvas();
        for (const [, draw] of draws) draw(pg, c);
        pg.view(0);
      } catch (e) {
        canaryFails.push(`${what}: ${e.message}`);
      }
    };
    for (const [name, attack] of Object.entries(canvasAttacks)) {
      for (const [method, draw] of draws) {
        const pg = fresh();
        const c = canvas();
        attack(c);
        attacks += 1;
        try { draw(pg, c); } catch { /* an error is fine */ }
        canary(pg, `${method} with a throwing ${name}`);
        pg.free();
      }
    }
    for (const [name, install] of Object.entries(protoAttacks)) {
      for (const [method, call] of [...outputs, ...draws.map(([m, d]) => [m, (pg) => d(pg, canvas())])]) {
        const pg = fresh();
        const uninstall = install();
        attacks += 1;
        try { call(pg); } catch { /* an error is fine */ } finally { uninstall(); }
        canary(pg, `${method} with ${name}`);
        pg.free();
      }
    }
    return { attacks, canaryFails };
  });
  assert.ok(report.attacks >= 100, `${report.attacks} attacks`);
  assert.deepEqual(report.canaryFails, [], 'the playground still simulates, resets and draws after every attack');
  // The page's own playground was never touched and still works.
  assert.equal(await page.evaluate(() => window.bgloop.playground.runTrials(1)), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
