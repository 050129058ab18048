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
const { initSync, Playground } = await import(path.join(root, 'web', 'pkg', 'bgloop.js'));
initSync({ module: readFileSync(path.join(root, 'web', 'pkg', 'bgloop_bg.wasm')) });

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
  ['configure', [{ loop_strength: 1 }]], ['usePreset', ['rotation']], ['useDefaults', []],
  ['openPermalink', ['#seed=3&ring_size=16&trial_ms=300']], ['permalink', [{ hand: '1' }]], ['reset', [1]],
  ['recordTraces', [1, true]], ['step', [10]], ['stepTrial', []], ['runTrials', [1]], ['config', []],
  ['pendingConfig', []], ['hasPendingChanges', []], ['sweepJobs', ['loop_strength', 0.5, 1, 3, 1, 10]],
  ['trialCount', []], ['timeInTrial', []], ['lastRecord', []], ['column', ['error_deg', 'A']], ['phaseCodes', []],
  ['phaseOf', [1]], ['currentTrial', []], ['csv', []], ['json', []], ['traceHand', []], ['traceRings', []],
  ['ringSize', []], ['halted', []], ['drawReach', [null, true, 1, false]], ['drawLearning', [null, 1, false]],
  ['drawActivity', [null, 1, false]], ['drawCircuit', [null, 1, false]], ['figureSvg', [true, 600, 400]],
  ['intervene', ['loop_strength', 0.5]], ['cancelEvent', [5, 'loop_strength']], ['markers', []], ['events', []],
  ['compare', []], ['endComparison', []], ['runNames', []], ['shownConfig', []], ['pendingEntries', []],
  ['configureComparison', [{}, { loop_strength: 0.25 }]], ['recordsAfter', [0, 'A']], ['stepTrialSlice', [5]],
  ['setHistoryCap', [1000]], ['startFeed', []], ['feedB', [1, new Float64Array(4)]], ['stopFeed', []],
  ['feeding', []], ['handover', [0]],
];
const statics = [
  ['schema', []], ['presets', []], ['viewOptions', []], ['tour', []], ['parseTour', ['{"title":"t","steps":[]}']],
  ['runSweepJob', [{ ring_size: 16, trial_ms: 300 }, 'loop_strength', 0.5, 1, 5]],
  ['drawSweep', [null, 'loop_strength', 0, 1, [], 1, false]], ['phaseNames', []], ['twin', ['#seed=2', new Float64Array(8)]],
];

function canary(pg) {
  assert.ok(Array.isArray(Playground.schema()), 'the module answers');
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
    if (pg.feeding() != null) pg.stopFeed();
  };
  for (const [target, list] of [[pg, methods], [Playground, statics]]) {
    for (const [name, good] of list) {
      if (good.length === 0) { call(target, name, [], name); tried.add(`${name}()`); continue; }
      for (let at = 0; at < good.length; at++) {
        makers.forEach((make, k) => {
          const args = good.map((g, i) => (i === at ? make() : g));
          call(target, name, args, `${name} argument ${at} = maker ${k}`);
          tried.add(`${name}#${at}#${k}`);
        });
      }
    }
  }
  // Every hostile value once as the constructor's argument.
  for (const make of makers) {
    try { new Playground(make()).free(); } catch (e) { errors++; assert.ok(!(e instanceof WebAssembly.RuntimeError), String(e)); }
    canary(pg);
  }
  const pairs = [...methods, ...statics].reduce((n, [, good]) => n + good.length, 0) * makers.length;
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
  assert.match(msg(() => pg.drawActivity(null, 1, false)), /`canvas` must be a <canvas> element/);
  assert.match(msg(() => pg.intervene('ring_size', 32)), /`@1\.ring_size=32`: `ring_size` cannot change during a run \(it applies on Reset\)/);
  assert.match(msg(() => pg.intervene('gpi_output', 7)), /`gpi_output` = 7 is out of range 0–1/);
  assert.match(msg(() => pg.recordsAfter(0, 'C')), /`run` must be "A" or "B"/);
  assert.match(msg(() => pg.configureComparison({}, { loop_strength: 9 })), /run B: `loop_strength` = 9 is out of range 0–2/);
  assert.match(msg(() => pg.cancelEvent(0.5, 'gpi_output')), /`trial` = 0.5 is out of range 1–1000000/);
  assert.match(msg(() => pg.feedB(1, [1, 2])), /`state` must be a Float64Array \(a handover\), not object/);
  assert.match(msg(() => pg.feedB(-1, new Float64Array(4))), /`feed` = -1 is out of range/);
  assert.match(msg(() => Playground.twin('#seed=2', new Float64Array(8))), /handover is malformed \(unknown format\)/);
  assert.match(msg(() => Playground.twin('#seed=2', new Float64Array([1, 64, 0, 0]))), /handover is malformed \(too short\)/);
  assert.match(msg(() => Playground.twin('#seed=2', new Float64Array([1, 32, 0, 0]))), /for 32 units per ring, this run has 64/);
  assert.equal(pg.runTrials(1), 1);
  pg.free();
});
