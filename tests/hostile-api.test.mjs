// Hostile JavaScript values thrown at every method of the wasm API, in Node: deep nesting, throwing
// getters, Proxies (revoked, or whose traps throw), symbols, BigInt, typed arrays, huge objects,
// wrong types — every value at every argument of every method. Each call may throw an Error,
// never trap, and after every call a canary must still work: the object is never locked
// ("recursive use of an object") and the module never poisoned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initSync, Playground, Words } = await import(path.join(root, 'web', 'pkg', 'bgloop.js'));
initSync({ module: readFileSync(path.join(root, 'web', 'pkg', 'bgloop_bg.wasm')) });
// The second module (sweeps, tours), as the page loads it on first use.
const extras = await import(path.join(root, 'web', 'pkg', 'extras.js'));
extras.initSync({ module: readFileSync(path.join(root, 'web', 'pkg', 'extras_bg.wasm')) });
const { Sweeps, Tours, Figures } = extras;

function deep(levels, leaf = 0.5) {
  let o = leaf;
  for (let i = 0; i < levels; i++) o = { loop_strength: o };
  return o;
}

function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Hostile values, each built fresh (getters and proxies are stateful). */
const makers = [
  () => undefined, () => null, () => NaN, () => -Infinity, () => 1e308, () => -0, () => 0.5,
  () => '', () => 'rotation', () => '#loop_strength=0.2&seed=9', () => 'x'.repeat(100_000),
  () => Symbol('s'), () => 10n ** 30n, () => true,
  () => [], () => [1, 2, 3], () => new Float64Array(8), () => new Uint8Array(1 << 16),
  () => ({}), () => ({ loop_strength: 0.5 }), () => ({ loop_strength: deep(10_000) }), () => deep(10_000),
  () => ({ get loop_strength() { throw new Error('getter'); } }),
  () => ({ get loop_strength() { throw 1; } }),
  () => new Proxy({}, { ownKeys() { throw new Error('ownKeys'); } }),
  () => new Proxy({ a: 1 }, { get() { throw new Error('get'); } }),
  () => new Proxy({}, { getPrototypeOf() { throw new Error('proto'); } }),
  () => new Proxy([], { get() { throw new Error('array get'); } }),
  revoked,
  () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
  () => ({ [Symbol('k')]: 1 }),
  () => Object.create(null),
  () => ({ toString() { throw new Error('toString'); }, valueOf() { throw new Error('valueOf'); } }),
  () => globalThis,
  () => [{ value: 1, seed: 1, trials: 50, final_error: 3, executed: 1 }],
  () => [deep(5000)],
  () => function f() {},
];

/** Every method, with arguments that work: each hostile value is tried in each position in turn,
 * the other positions keeping these, so the call reaches the code behind every argument. */
const methods = [
  ['configure', [{ loop_strength: 1 }]], ['usePreset', ['rotation']], ['usePreset', [null]],
  ['openPermalink', ['#seed=3&ring_size=16&trial_ms=300']], ['permalink', [{ hand: '1' }]], ['reset', [1]],
  ['recordTraces', [1, true]], ['step', [10]], ['stepTrial', []], ['stepTrial', [5]], ['runTrials', [1]],
  ['trialCount', []], ['view', [0]], ['view', [{ A: 0, B: 0 }]], ['describe', []], ['column', ['error_deg', 'A']],
  ['curve', [10, 'A']], ['csv', []], ['json', []], ['traces', []],
  ['draw', [null, 'reach', { scale: 1, highContrast: false, hand: true }]], ['figure', [true, 'https://example.org/']],
  ['intervene', ['loop_strength', 0.5]], ['editEvent', [5, 'loop_strength', 'cancel']], ['editEvent', [5, 'loop_strength', 'keep']],
  ['compare', []], ['compare', [false]], ['compare', [{ a: {}, b: { loop_strength: 0.25 } }]], ['setWindows', ['1-2']],
  ['setHistoryCap', [1000]], ['feed', [true]], ['feedB', [1, new Float64Array(4)]], ['feed', [false]], ['handover', [0]],
  ['sweepJobs', ['loop_strength', 0.5, 1, 3, 1, 10]],
];
const statics = [
  ['twin', ['#seed=2', new Float64Array(8)]],
];
const words = [
  ['schema', []], ['presets', []], ['viewOptions', []],
  ['glossary', []], ['languages', []], ['catalogFiles', []], ['language', []], ['hasLanguage', ['fr']],
  ['setLanguage', ['en', null]], ['message', ['play', null]], ['messages', []], ['t', ['tour-open', { steps: 3 }]],
  ['texts', ['tour-open', [{ steps: 1 }]]], ['formatNumber', [0.5]], ['formatFixed', [0.5, 2]], ['phaseNames', []],
  ['memoryBytes', []],
];
const sweeps = [
  ['points', [[], 'loop_strength', null]],
  ['cell', [[], 'loop_strength', null, 0.5]], ['describe', [[], 'loop_strength', null, [0.5], []]],
  ['run', [{ ring_size: 16, trial_ms: 300 }, 'loop_strength', 0.5, 1, 5]],
  ['draw', [null, 'loop_strength', 0, 1, [], 1, false]], ['drawMap', [null, 'loop_strength', 'dopamine', [0.5], [1], [], 1, false]],
  ['svg', ['loop_strength', [0, 1], null, [0.5], [], [], [1, 10], null, [600, 400]]],
];
const tours = [['builtin', []], ['parse', ['{"title":"t","steps":[]}']]];
/** A small figure to draw (read once the module is loaded, below). */
const figures = [['svg', [null, 600, 400]]];
/** The second module's own functions (its language, set as the page sets it). */
const extraFunctions = [['useLanguage', ['en', null]]];

/** The names a class exports to JavaScript: its methods (instance or static), not wasm-bindgen's own. */
function exported(target) {
  const own = Object.getOwnPropertyNames(target).filter((n) => typeof target[n] === 'function' || Object.getOwnPropertyDescriptor(target, n).get);
  return own.filter((n) => !['constructor', 'free', '__wrap', '__destroy_into_raw', 'length', 'name', 'prototype'].includes(n)).sort();
}

test('Playground is one door: at most 30 methods, and this test calls every method of each class', () => {
  const instance = exported(Playground.prototype);
  const own = [...instance, ...exported(Playground)];
  assert.ok(own.length + 1 <= 30, `Playground exports ${own.length} methods and its constructor: ${own.join(', ')}`);
  assert.deepEqual([...new Set(methods.map(([n]) => n))].sort(), instance, 'every instance method is attacked');
  assert.deepEqual(statics.map(([n]) => n).sort(), exported(Playground), 'every static method is attacked');
  assert.deepEqual(words.map(([n]) => n).sort(), exported(Words), 'every Words function is attacked');
  assert.deepEqual(sweeps.map(([n]) => n).sort(), exported(Sweeps), 'every Sweeps function is attacked');
  assert.deepEqual(tours.map(([n]) => n).sort(), exported(Tours), 'every Tours function is attacked');
  assert.deepEqual(figures.map(([n]) => n).sort(), exported(Figures), 'every Figures function is attacked');
  const free = Object.keys(extras).filter((n) => typeof extras[n] === 'function' && !/^[A-Z]/.test(n) && !['default', 'initSync'].includes(n));
  assert.deepEqual(extraFunctions.map(([n]) => n).sort(), free.sort(), 'every function of the second module is attacked');
});

function canary(pg) {
  assert.ok(Array.isArray(Words.schema()), 'the module answers');
  pg.configure({ loop_strength: 1 });
  const before = pg.trialCount();
  assert.equal(pg.runTrials(1), 1, 'the object still simulates');
  assert.equal(pg.trialCount(), before + 1);
}

test('hostile values at every argument of every method: errors only, never a trap, a lock or poison', () => {
  const pg = new Playground(undefined);
  pg.configure({ ring_size: 16, trial_ms: 300 });
  pg.reset(1);
  let calls = 0;
  let errors = 0;
  const tried = new Set();
  const call = (target, name, args, label) => {
    try {
      const out = target[name](...args);
      if (out instanceof Playground) out.free();
    } catch (e) {
      errors++;
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label} trapped: ${e}`);
      assert.doesNotMatch(String(e?.message ?? e), /recursive use|unreachable|memory access/, `${label}: ${e}`);
    }
    calls++;
    canary(pg);
    // Keep the run small and the next call's state plain.
    if (pg.trialCount() > 50) pg.reset(1);
    pg.feed(false);
    if (Words.language() !== 'en') Words.setLanguage('en', null);
  };
  figures[0][1][0] = pg.figure(true); // a real figure, read from this run
  for (const [target, list] of [[pg, methods], [Playground, statics], [Words, words], [Sweeps, sweeps], [Tours, tours], [Figures, figures], [extras, extraFunctions]]) {
    for (const [li, [name, good]] of list.entries()) {
      if (good.length === 0) { call(target, name, [], name); tried.add(`${name}[${li}]()`); continue; }
      for (let at = 0; at < good.length; at++) {
        makers.forEach((make, k) => {
          const args = good.map((g, i) => (i === at ? make() : g));
          call(target, name, args, `${name} argument ${at} = maker ${k}`);
          tried.add(`${name}#${li}#${at}#${k}`);
        });
      }
    }
  }
  // Every hostile value once as the constructor's argument.
  for (const make of makers) {
    try { new Playground(make()).free(); } catch (e) { errors++; assert.ok(!(e instanceof WebAssembly.RuntimeError), String(e)); }
    canary(pg);
  }
  const pairs = [...methods, ...statics, ...words, ...sweeps, ...tours, ...figures, ...extraFunctions].reduce((n, [, good]) => n + good.length, 0) * makers.length;
  assert.equal([...tried].filter((t) => t.includes('#')).length, pairs, 'every (argument, value) pair was tried');
  assert.ok(calls > 2000 && errors > 1000, `${calls} calls, ${errors} errors`);
  pg.free();
});

test('the messages say what is wrong', () => {
  const pg = new Playground(undefined);
  const msg = (f) => { try { f(); } catch (e) { return e.message; } return 'no error'; };
  assert.match(msg(() => pg.configure({ loop_strength: deep(10_000) })), /`loop_strength` must be a number, a string or a boolean, not object/);
  assert.match(msg(() => pg.configure({ get loop_strength() { throw 1; } })), /reading `loop_strength` threw/);
  assert.match(msg(() => pg.configure(revoked())), /could not be read/);
  assert.match(msg(() => pg.configure(new Proxy({}, { ownKeys() { throw 1; } }))), /keys could not be read/);
  assert.match(msg(() => pg.configure(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])))), /has 100000 keys; at most 256/);
  assert.match(msg(() => pg.column(123)), /`name` must be a string, not number/);
  assert.match(msg(() => pg.openPermalink({})), /`link` must be a string, not object/);
  assert.match(msg(() => pg.usePreset(5)), /`name` must be a string, not number/);
  assert.match(msg(() => pg.draw(null, 'activity', { scale: 1 })), /`canvas` must be a <canvas> element/);
  assert.match(msg(() => pg.draw(null, 'activity', { scale: 'big' })), /`options.scale` must be a number \(0.25–8\)/);
  assert.match(msg(() => pg.draw(null, 'reach', { colour: 1 })), /`options` may hold scale, highContrast and hand, not "colour"/);
  assert.match(msg(() => pg.view('recent')), /`since` must be a trial number or \{ A, B \}/);
  assert.match(msg(() => pg.view(-1)), /`since` = -1 is out of range/);
  assert.match(msg(() => pg.editEvent(2, 'gpi_output', 'drop')), /`action` must be "cancel" or "keep", not "drop"/);
  assert.match(msg(() => pg.stepTrial('soon')), /`ms` must be a number of milliseconds, or left out/);
  assert.match(msg(() => pg.intervene('ring_size', 32)), /`@1\.ring_size=32`: `ring_size` cannot change during a run \(it applies on Reset\)/);
  assert.match(msg(() => pg.intervene('gpi_output', 7)), /`gpi_output` = 7 is out of range 0–1/);
  assert.match(msg(() => pg.column('error_deg', 'C')), /`run` must be "A" or "B"/);
  assert.match(msg(() => pg.compare({ a: {}, b: { loop_strength: 9 } })), /run B: `loop_strength` = 9 is out of range 0–2/);
  assert.match(msg(() => pg.compare({ b: { loop_strength: 0.25 }, c: 1 })), /`what` may hold `a` and `b`, not "c"/);
  assert.match(msg(() => pg.compare({ a: {} })), /`what\.b` must say how run B differs from A/);
  assert.match(msg(() => pg.compare('yes')), /`what` must be true \(start\), false \(end\) or \{ a, b \}/);
  assert.match(msg(() => pg.editEvent(0.5, 'gpi_output', 'cancel')), /`trial` = 0.5 is out of range 1–1000000/);
  assert.match(msg(() => pg.feedB(1, [1, 2])), /`state` must be a Float64Array \(a handover\), not object/);
  assert.match(msg(() => pg.feedB(-1, new Float64Array(4))), /`feed` = -1 is out of range/);
  assert.match(msg(() => Playground.twin('#seed=2', new Float64Array(8))), /handover is malformed \(unknown format\)/);
  assert.match(msg(() => Playground.twin('#seed=2', new Float64Array([1, 64, 0, 0]))), /handover is malformed \(too short\)/);
  assert.match(msg(() => Playground.twin('#seed=2', new Float64Array([1, 32, 0, 0]))), /for 32 units per ring, this run has 64/);
  // A figure whose lists do not fit together (rings for 16 units, one sample's worth) is refused
  // before anything is drawn (drawing would index out of them).
  pg.recordTraces(1, true);
  pg.runTrials(1);
  const figure = JSON.parse(pg.figure(true));
  assert.ok(figure.trace.time_ms.length > 1, 'the figure carries a trace');
  figure.trace.n = 16;
  figure.trace.rings = [0.5];
  assert.match(msg(() => Figures.svg(JSON.stringify(figure), 600, 400)), /`figure` is not a figure from Playground\.figure: its lists do not fit together/);
  assert.match(msg(() => Figures.svg('{"nope": 1}', 600, 400)), /`figure` is not a figure from Playground\.figure: missing field/);
  assert.equal(pg.runTrials(1), 1);
  pg.free();
});

test('view and draw read their options as documented: a key left undefined is a default, a wrong one is named', () => {
  const pg = new Playground(undefined);
  pg.configure({ ring_size: 16, trial_ms: 300 });
  pg.reset(1);
  pg.runTrials(3);
  const msg = (f) => { try { f(); } catch (e) { return e.message; } return 'no error'; };
  // Records since trial 1 for A; B's list is there, empty, when not comparing.
  const v = pg.view({ A: 1, B: undefined });
  assert.deepEqual(v.records.A.map((r) => r.trial), [2, 3]);
  assert.deepEqual(v.records.B, []);
  assert.equal(v.last_record.trial, 3);
  assert.equal(pg.view(3).records.A.length, 0);
  assert.equal(pg.view().records, undefined, 'no records unless asked');
  // draw's options: a non-object, a scale out of range, a key set to undefined.
  assert.match(msg(() => pg.draw(null, 'learning', 2)), /`options` must be an object \{ scale, highContrast, hand \}/);
  assert.match(msg(() => pg.draw(null, 'learning', { scale: 99 })), /`options.scale` = 99 is out of range 0.25–8/);
  assert.match(msg(() => pg.draw(null, 'learning', { scale: 1, hand: undefined })), /`canvas` must be a <canvas> element/, 'undefined is a default');
  assert.match(msg(() => pg.draw(null, 'chart', {})), /`part` must be "reach", "learning", "circuit" or "activity", not "chart"/);
  pg.free();
});
