// The house's rules for product code (issues #22, #32): no function over 60 lines, in Rust or in the
// page's JavaScript, and the bindings' lib.rs only forwards (well under 400 lines). Tests and
// examples are not product code. (No two core modules import each other: crates/core/tests/modules.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';

const MAX_LINES = 60;

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
 * The code of `text` with strings, template literals, comments, char literals (Rust) and regular
 * expressions (JS) blanked out, line breaks kept: what is left can be matched brace by brace.
 */
function blank(text, rust) {
  const out = text.split('');
  const n = text.length;
  const wipe = (from, to) => { for (let k = from; k < to && k < n; k++) if (out[k] !== '\n') out[k] = ' '; };
  let i = 0;
  let prev = '';
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') { const e = text.indexOf('\n', i); const end = e < 0 ? n : e; wipe(i, end); i = end; continue; }
    if (c === '/' && next === '*') { const e = text.indexOf('*/', i + 2); const end = e < 0 ? n : e + 2; wipe(i, end); i = end; continue; }
    if (rust && c === 'r' && (next === '"' || next === '#') && !/\w/.test(text[i - 1] || '')) {
      const m = /^r(#*)"/.exec(text.slice(i, i + 10));
      if (m) { const close = `"${m[1]}`; const e = text.indexOf(close, i + m[0].length); const end = e < 0 ? n : e + close.length; wipe(i, end); i = end; prev = '"'; continue; }
    }
    if (c === '"' || (!rust && (c === '\'' || c === '`'))) {
      let j = i + 1;
      while (j < n && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      wipe(i, j + 1); i = j + 1; prev = c; continue;
    }
    if (rust && c === '\'') {
      // A char literal ('{', '\n', '\''), or a lifetime ('a), which is left alone.
      const end = text[i + 1] === '\\' ? text.indexOf('\'', i + 3) + 1 : (text[i + 2] === '\'' ? i + 3 : -1);
      if (end > 0) { wipe(i, end); i = end; prev = '\''; continue; }
    }
    if (!rust && c === '/' && /[(,=:[!&|?{};]|^$/.test(prev)) {
      // A regular expression literal: to its closing slash, classes and escapes included.
      let j = i + 1; let inClass = false;
      while (j < n && text[j] !== '\n' && (inClass || text[j] !== '/')) {
        if (text[j] === '\\') j += 1; else if (text[j] === '[') inClass = true; else if (text[j] === ']') inClass = false;
        j += 1;
      }
      wipe(i, j + 1); i = j + 1; prev = '/'; continue;
    }
    if (!/\s/.test(c)) prev = c;
    i += 1;
  }
  return out.join('');
}

/**
 * The functions of a source file longer than `MAX_LINES`, measured by their braces: every body
 * that a function opens — `fn`, a Rust closure `|…| {`, `function`, a method `name(…) {`, an arrow
 * `=> {` — from the line of its `{` to the line of the matching `}`. Rust test modules (from
 * `#[cfg(test)]` on) are skipped.
 */
function longFunctions(file) {
  const rust = file.endsWith('.rs');
  let text = readFileSync(file, 'utf8');
  if (rust) {
    const t = text.search(/^\s*#\[cfg\(test\)\]/m);
    if (t >= 0) text = text.slice(0, t);
  }
  const code = blank(text, rust);
  const lineOf = (k) => code.slice(0, k).split('\n').length;
  const long = [];
  const stack = [];
  for (let k = 0; k < code.length; k++) {
    const c = code[k];
    if (c === '{') {
      // What stands before this brace on its line (and the line before, for a signature that wraps).
      const lineStart = code.lastIndexOf('\n', code.lastIndexOf('\n', k - 1) - 1) + 1;
      const before = code.slice(lineStart, k);
      const opens = rust
        ? /\bfn\s+\w+[^;{}]*$|\|[^|{};]*\|\s*(?:->\s*[^{;]+)?$|\bmove\s*$/.test(before)
        : /\bfunction\b[^;]*\)\s*$|=>\s*$|^\s*(?:(?:static|async|get|set)\s+)*[\w$]+\s*\([^;]*\)\s*$/m.test(before.split('\n').pop() || before);
      const name = (/\bfn\s+(\w+)/.exec(before) || /function\*?\s*([\w$]+)/.exec(before) || /([\w$]+)\s*(?:=|:)\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>\s*$/.exec(before) || /([\w$]+)\s*\([^)]*\)\s*$/.exec(before) || [])[1] || '(closure)';
      stack.push(opens ? { k, name } : null);
    } else if (c === '}') {
      const open = stack.pop();
      if (open) {
        const lines = lineOf(k) - lineOf(open.k) + 1;
        if (lines > MAX_LINES) long.push(`${path.relative(ROOT, file)}:${lineOf(open.k)} ${open.name} (${lines} lines)`);
      }
    }
  }
  return long;
}

test('the measure sees arrow functions, methods and closures, and braces in strings do not fool it', () => {
  const body = (n) => Array.from({ length: n }, (_, i) => `  x${i} += 1;`).join('\n');
  const tmp = path.join(ROOT, 'target', 'house-probe');
  const probe = (name, text) => { const p = `${tmp}-${name}`; writeFileSync(p, text); return longFunctions(p); };
  assert.equal(probe('arrow.js', `const f = (a) => {\n${body(MAX_LINES + 9)}\n};\n`).length, 1, 'a long arrow function');
  assert.equal(probe('method.js', `class A {\n  m(a) {\n${body(MAX_LINES + 5)}\n  }\n}\n`).length, 1, 'a long method');
  assert.equal(probe('edge.js', `function f(a) {\n${body(MAX_LINES - 1)}\n}\n`).length, 1, `a function of ${MAX_LINES + 1} lines`);
  assert.equal(probe('fits.js', `function f(a) {\n${body(MAX_LINES - 2)}\n}\n`).length, 0, `a function of ${MAX_LINES} lines`);
  assert.equal(probe('destructured.js', `function f(a, { b, c = 2 }) {\n${body(MAX_LINES + 5)}\n}\n`).length, 1, 'a function that destructures its parameters');
  assert.equal(probe('short.js', `const f = (a) => {\n  const s = '}}}}';\n  const r = /[}]+/g;\n${body(MAX_LINES - 5)}\n};\n`).length, 0, 'braces in strings and regexes');
  assert.equal(probe('closure.rs', `fn f() {\n    let g = |x: u32| {\n${body(MAX_LINES + 5)}\n    };\n}\n`).length, 2, 'a Rust closure (and its fn)');
  assert.equal(probe('chars.rs', `fn f(c: char) -> bool {\n    matches!(c, '{' | '}')\n}\nfn g<'a>(s: &'a str) -> &'a str {\n${body(10)}\n    s\n}\n`).length, 0, 'char literals and lifetimes');
});

test(`no product function is over ${MAX_LINES} lines`, () => {
  const sources = [
    ...files(path.join(ROOT, 'crates'), '.rs').filter((f) => f.includes(`${path.sep}src${path.sep}`)),
    ...files(path.join(ROOT, 'web'), '.js').filter((f) => !f.includes(`${path.sep}pkg${path.sep}`)),
  ];
  assert.ok(sources.length > 40, `${sources.length} files read`);
  assert.deepEqual(sources.flatMap(longFunctions), []);
});

const MAX_FILE_LINES = 400;

/** The product lines of a source file: a Rust file up to its test module, a JS file whole. */
function productLines(file) {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.rs')) {
    const t = text.search(/^\s*#\[cfg\(test\)\]/m);
    if (t >= 0) text = text.slice(0, t);
  }
  return text.trimEnd().split('\n').length;
}

test(`no file of session/, permalink/, the CLI or web/ has over ${MAX_FILE_LINES} lines of product code`, () => {
  const core = path.join(ROOT, 'crates', 'core', 'src');
  const rooms = [
    ...files(path.join(core, 'session'), '.rs'),
    ...files(path.join(core, 'permalink'), '.rs'),
    ...files(path.join(ROOT, 'crates', 'cli', 'src'), '.rs'),
    ...files(path.join(ROOT, 'web'), '.js').filter((f) => !f.includes(`${path.sep}pkg${path.sep}`)),
  ];
  assert.ok(rooms.length > 30, `${rooms.length} files read`);
  const big = rooms.map((f) => [path.relative(ROOT, f), productLines(f)]).filter(([, n]) => n > MAX_FILE_LINES);
  assert.deepEqual(big, []);
  // The measure reads a test module as not product code, and counts the rest.
  const probe = path.join(ROOT, 'target', 'house-probe-size.rs');
  writeFileSync(probe, `${'fn f() {}\n'.repeat(MAX_FILE_LINES + 1)}#[cfg(test)]\nmod tests {}\n`);
  assert.equal(productLines(probe), MAX_FILE_LINES + 1);
  writeFileSync(probe, `${'fn f() {}\n'.repeat(10)}#[cfg(test)]\nmod tests {\n${'  // x\n'.repeat(900)}}\n`);
  assert.equal(productLines(probe), 10);
});

test('the bindings\' lib.rs forwards and converts only: well under 400 lines, no model logic', () => {
  const lib = readFileSync(path.join(ROOT, 'crates', 'bindings', 'src', 'lib.rs'), 'utf8');
  const n = lib.split('\n').length;
  assert.ok(n < 400, `${n} lines`);
  for (const modelWord of ['Simulation', 'run_trial(', 'record::', 'schedule()', 'sweep::run']) {
    assert.ok(!lib.includes(modelWord), `lib.rs uses ${modelWord}`);
  }
});

test('the Pages workflow runs the tests where they can pass: a Debian bookworm container, as root, with .ci/run', () => {
  const workflow = readFileSync(path.join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8');
  const job = workflow.slice(workflow.indexOf('\n  test:'), workflow.indexOf('\n  build:'));
  assert.ok(job.length > 0, 'a test job');
  const os = readFileSync('/etc/os-release', 'utf8');
  const codename = /VERSION_CODENAME=(\w+)/.exec(os)?.[1];
  assert.ok(codename, 'this machine names its Debian release');
  assert.match(job, new RegExp(`container:\\s*\\n\\s*image: node:\\d+-${codename}\\b`), `the container is Debian ${codename}, as this machine`);
  assert.match(job, /options: --user root/, 'as root (the Slurm test needs it)');
  const ci = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
  assert.match(ci, /npm test/, '.ci/run runs the README\'s test command');
  assert.match(job, /run: bash \.ci\/run/, 'the job runs what CI runs');
  assert.match(job, /CI: 'true'/, 'with CI=true, as CI');
  assert.doesNotMatch(job, /sudo/, 'no sudo: the container is root');
  // The publishing job waits for it.
  assert.match(workflow, /build:\n(?:.*\n)*?\s+needs: test/);
});
