// The house's rules for product code (issue #22): no function over 80 lines, in Rust or in the
// page's JavaScript, and the bindings' lib.rs only forwards (well under 400 lines). Tests and
// examples are not product code. (No two core modules import each other: crates/core/tests/modules.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';

const MAX_LINES = 80;

/** Every file under `dir` whose name ends with `ext`. */
function files(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

/**
 * The functions of a source file longer than `MAX_LINES`: each starts at a `fn` (Rust) or
 * `function` (JS) line and ends at the first line holding only its indentation and `}`. Rust
 * test modules (from `#[cfg(test)]` on) are skipped.
 */
function longFunctions(file) {
  const rust = file.endsWith('.rs');
  let lines = readFileSync(file, 'utf8').split('\n');
  if (rust) {
    const t = lines.findIndex((l) => /^\s*#\[cfg\(test\)\]/.test(l));
    if (t >= 0) lines = lines.slice(0, t);
  }
  const start = rust
    ? /^(\s*)(?:pub(?:\([a-z]+\))? )?(?:const )?(?:async )?(?:unsafe )?fn (\w+)/
    : /^(\s*)(?:export )?(?:async )?function\*? ?(\w+)/;
  const long = [];
  lines.forEach((line, i) => {
    const m = start.exec(line);
    if (!m) return;
    const end = lines.findIndex((l, j) => j > i && (l === `${m[1]}}` || l === `${m[1]}};`));
    if (end >= 0 && end - i + 1 > MAX_LINES) long.push(`${path.relative(ROOT, file)}:${i + 1} ${m[2]} (${end - i + 1} lines)`);
  });
  return long;
}

test(`no product function is over ${MAX_LINES} lines`, () => {
  const sources = [
    ...files(path.join(ROOT, 'crates'), '.rs').filter((f) => f.includes(`${path.sep}src${path.sep}`)),
    ...files(path.join(ROOT, 'web'), '.js').filter((f) => !f.includes(`${path.sep}pkg${path.sep}`)),
  ];
  assert.ok(sources.length > 40, `${sources.length} files read`);
  assert.deepEqual(sources.flatMap(longFunctions), []);
});

test('the bindings\' lib.rs forwards and converts only: well under 400 lines, no model logic', () => {
  const lib = readFileSync(path.join(ROOT, 'crates', 'bindings', 'src', 'lib.rs'), 'utf8');
  const n = lib.split('\n').length;
  assert.ok(n < 400, `${n} lines`);
  for (const modelWord of ['Simulation', 'run_trial(', 'record::', 'schedule()', 'sweep::run']) {
    assert.ok(!lib.includes(modelWord), `lib.rs uses ${modelWord}`);
  }
});
