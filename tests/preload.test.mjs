// The page fetches its first-load modules and the wasm in parallel (index.html's preload links), so
// the list must be the import graph of web/main.js: a module missing from it would load a round trip
// later; one that is no longer imported would be fetched for nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';

/** web/main.js and every module it imports, statically, as site paths. */
function importGraph() {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, from] of text.matchAll(/^import\s+.+?\s+from\s+'(.+?)';/gm)) walk(path.posix.join(path.posix.dirname(file), from));
  };
  walk('web/main.js');
  return seen;
}

test('index.html preloads the wasm and exactly the modules web/main.js imports', () => {
  const html = readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const graph = importGraph();
  graph.delete('web/main.js'); // the entry point itself is the page's script
  assert.deepEqual([...preloaded].sort(), [...graph].sort());
  assert.match(html, /<link rel="preload" href="web\/pkg\/bgloop_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
});
