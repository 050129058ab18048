// The page's wasm module, loaded in Node, must produce exactly the native CLI's CSV for the same
// configuration and seed: bit-identical results on both targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DETERMINISM_LINKS } from './links.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'target', 'release', 'bgloop');
const { initSync, Playground, Words } = await import(path.join(root, 'web', 'pkg', 'bgloop.js'));
initSync({ module: readFileSync(path.join(root, 'web', 'pkg', 'bgloop_bg.wasm')) });
// The second module (sweeps, tours), as the page loads it on first use.
const extras = await import(path.join(root, 'web', 'pkg', 'extras.js'));
extras.initSync({ module: readFileSync(path.join(root, 'web', 'pkg', 'extras_bg.wasm')) });
const { Sweeps, Tours } = extras;

function native(args) {
  assert.ok(existsSync(cli), `build the CLI first: ${cli}`);
  const r = spawnSync(cli, ['run', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const cases = [
  { name: 'rotation preset, seed 1, 200 trials', preset: 'rotation', config: {}, seed: 1, trials: 200 },
  { name: 'babbling preset, seed 3, 120 trials', preset: 'babbling', config: {}, seed: 3, trials: 120 },
  { name: 'custom: weak loop, 4 targets, covariance rule, cortex noise', preset: null,
    config: { loop_strength: 0.6, targets: 4, plasticity_rule: 'covariance', cortex_noise: 0.05, dt_ms: 0.25, ring_size: 48 }, seed: 9, trials: 60 },
];

for (const c of cases) {
  test(`wasm equals native: ${c.name}`, () => {
    const pg = new Playground(undefined);
    if (c.preset) pg.usePreset(c.preset);
    pg.configure(c.config);
    pg.reset(c.seed);
    pg.runTrials(c.trials);
    const args = ['--trials', String(c.trials), '--seed', String(c.seed)];
    if (c.preset) args.push('--preset', c.preset);
    for (const [k, v] of Object.entries(c.config)) args.push('--set', `${k}=${v}`);
    const wasmCsv = pg.csv();
    assert.equal(wasmCsv.split('\n').length, c.trials + 2);
    assert.equal(wasmCsv, native(args));
    pg.free();
  });
}

test('errors from JS name the field and the allowed range', () => {
  assert.throws(() => new Playground({ rotation_deg: 120 }), /`rotation_deg` = 120 is out of range -90–90°/);
  const pg = new Playground(undefined);
  assert.throws(() => pg.configure({ dt_ms: 'fast' }), /`dt_ms` = "fast" is not a number \(allowed: 0.1–1 ms\)/);
  assert.throws(() => pg.runTrials(-3), /`n` = -3 is out of range 0–100000/);
  assert.equal(pg.runTrials(2), 2, 'still usable after errors');
  pg.free();
});

for (const [link, trials] of DETERMINISM_LINKS) {
  test(`wasm equals native, byte for byte, on ${link}`, () => {
    const pg = new Playground(undefined);
    const opened = pg.openPermalink(link);
    assert.deepEqual(opened.rejected, []);
    pg.runTrials(trials);
    assert.equal(pg.csv(), native(['--permalink', link, '--trials', String(trials)]));
    pg.free();
  });
}

test('stepTrial on a comparison brings run B level, trial for trial', () => {
  const pg = new Playground(undefined);
  pg.openPermalink('#preset=strong-vs-weak&seed=2');
  assert.ok(pg.view().comparing);
  for (let i = 0; i < 3; i += 1) pg.stepTrial();
  const a = pg.column('trial', 'A');
  const b = pg.column('trial', 'B');
  assert.deepEqual(Array.from(b), [1, 2, 3], 'B ran every trial A ran');
  assert.deepEqual(Array.from(a), Array.from(b));
  // …and B's records are the ones the CLI computes for the same link.
  assert.equal(pg.csv(), native(['--permalink', '#preset=strong-vs-weak&seed=2', '--trials', '3']));
  pg.free();
});

test('the schema objects carry the fields the bindings document', () => {
  const doc = readFileSync(path.join(root, 'crates', 'bindings', 'src', 'catalog.rs'), 'utf8');
  const listed = /as core's `ParamSpec` serialises it \(([^)]*)\)/s.exec(doc.replace(/\n\s*\/\/\/\s*/g, ' '))[1]
    .split(';')[0].split(',').map((s) => s.trim());
  // As sets: the page's schema is written in its language through a JSON value, whose keys are
  // in alphabetical order.
  assert.deepEqual(Object.keys(Words.schema()[0]).sort(), [...listed].sort());
});

test('a map job or map spec that names one parameter twice is refused at the boundary', () => {
  assert.throws(() => Sweeps.run({}, 'loop_strength', 0.5, 1, 60, 'loop_strength', 1), /`loop_strength` is swept already/);
  const pg = new Playground(undefined);
  assert.throws(() => pg.sweepJobs('loop_strength', 0, 1, 2, 1, 60, 'loop_strength', [0, 1, 2]), /`loop_strength` is swept already/);
  assert.throws(() => pg.sweepJobs('loop_strength', 0, 1, 200, 100, 60, 'dopamine', [0.5, 1.5, 200]), /at most 100000/);
  pg.free();
});

test('setLanguage refuses an incomplete or oversized catalog and the page keeps its language; unknown message arguments are ignored', () => {
  const pg = new Playground(undefined);
  assert.throws(() => Words.setLanguage('es', ['play = Reproducir\n', '', '', '', '']), /the es catalog does not match the page \(\d+ problems; first: es lacks `/);
  assert.throws(() => Words.setLanguage('es', ['x = ' + 'a'.repeat(600 * 1024), '', '', '', '']), /es\/page\.ftl is \d+ bytes long; a catalog file holds at most 524288/);
  assert.throws(() => Words.setLanguage('de', []), /`lang` = "de" is not a language bgloop speaks: en, fr, es/);
  assert.equal(Words.language(), 'en');
  assert.equal(Words.t('tour-open', { steps: 3, bogus: 1, constructor: 2 }), 'Take the tour: the paper in 3 steps');
  const files = Words.catalogFiles().map((f) => readFileSync(path.join(root, 'web', 'locales', 'es', f), 'utf8'));
  Words.setLanguage('es', files);
  assert.equal(Words.language(), 'es');
  assert.match(Words.t('tour-open', { steps: 3 }), /3/);
  // A sweep the form cannot run is refused in the page's language, each message from the catalog.
  const refusal = (f) => { try { f(); } catch (e) { return e.message; } return 'accepted'; };
  const said = [
    refusal(() => pg.sweepJobs('loop_strength', 0.5, 0.5, 3, 1, 60)),
    refusal(() => pg.sweepJobs('reward', 0, 1, 3, 1, 60)),
    refusal(() => pg.sweepJobs('loop_strength', 0, 1, 2, 1, 60, 'loop_strength', [0, 1, 2])),
    refusal(() => pg.sweepJobs('loop_strength', 0, 1, 200, 100, 60, 'dopamine', [0.5, 1.5, 200])),
    refusal(() => pg.sweepJobs('loop_strength', 0, 9, 3, 1, 60)),
  ];
  const spanish = ['sweep-one-value', 'sweep-not-real', 'sweep-twice', 'sweep-too-many-runs'].map((id) => Words.message(id, null).value ?? '');
  Words.setLanguage('en', []);
  const english = ['sweep-one-value', 'sweep-not-real', 'sweep-twice', 'sweep-too-many-runs'].map((id) => Words.message(id, null).value ?? '');
  // The longest stretch of a catalog value between its variables: words the sentence must carry.
  const longest = (value) => value.split(/\{[^}]*\}/).map((p) => p.replace(/`/g, '').trim()).sort((x, y) => y.length - x.length)[0];
  said.slice(0, 4).forEach((text, i) => {
    assert.ok(longest(spanish[i]).length > 8 && text.includes(longest(spanish[i])), `${text} (expected "${longest(spanish[i])}")`);
    assert.ok(!text.includes(longest(english[i])), `${text} is English`);
  });
  assert.match(said[4], /fuera del rango/, said[4]);
  pg.free();
});

test('the JSON export carries the result, the snapshot\'s numbers, equal to bgloop run --summary --format json', () => {
  const pg = new Playground(undefined);
  pg.openPermalink('preset=strong-vs-weak&seed=4&window=101-150,151-200');
  pg.runTrials(200);
  const doc = JSON.parse(pg.json());
  assert.deepEqual(doc.result, pg.view().results);
  assert.equal(doc.result.length, 2);
  assert.deepEqual(doc.result[1].window, { from: 151, to: 200 });
  const mean = (rs) => rs.reduce((s, r) => s + Math.abs(r.error_deg), 0) / rs.length;
  const b = doc.runs[1].records.filter((r) => r.trial >= 151 && r.trial <= 200);
  assert.equal(doc.result[1].b.figures.error_deg.mean, mean(b), 'the mean over the window, from the records');
  const r = spawnSync(cli, ['run', '--permalink', 'preset=strong-vs-weak&seed=4&window=101-150,151-200', '--trials', '200', '--summary', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), doc.result, 'native and wasm state the same result');
  pg.free();
});
