// Writes dist/: the static site (index.html, web/, web/pkg/) that works from any static host or
// sub-path, and dist/bgloop.html, one self-contained file (CSS, JS and wasm inlined) that works when
// opened from disk. Run after scripts/build.sh has produced web/pkg.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');

/** The modules `entry` imports, depth first, each before the modules that import it. */
function dependencyOrder(entry, seen = new Set(), out = []) {
  if (seen.has(entry)) return out;
  seen.add(entry);
  const dir = path.posix.dirname(entry);
  for (const [, from] of read(entry).matchAll(/^import\s+.+?\s+from\s+'(.+?)';\s*$/gm)) {
    dependencyOrder(path.posix.normalize(path.posix.join(dir, from)), seen, out);
  }
  // A module loaded when first used (`import('./clip.js')`) is inlined too.
  for (const [, from] of read(entry).matchAll(/\bimport\('(\.\/.+?)'\)/g)) {
    dependencyOrder(path.posix.normalize(path.posix.join(dir, from)), seen, out);
  }
  out.push(entry);
  return out;
}
const MODULES = dependencyOrder('web/main.js');

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(path.join(dist, 'web', 'pkg'), { recursive: true });
// Link previews need absolute image URLs: set BGLOOP_SITE_URL (e.g. https://me.github.io/bgloop/)
// when building for a site.
let page = read('index.html');
if (process.env.BGLOOP_SITE_URL) {
  const site = new URL(process.env.BGLOOP_SITE_URL);
  page = page.replaceAll('content="web/preview.png"', `content="${new URL('web/preview.png', site).href}"`);
}
fs.writeFileSync(path.join(dist, 'index.html'), page);
for (const f of fs.readdirSync(path.join(root, 'web'))) {
  // sweep-worker.js is copied too: workers load it by URL.
  if (/\.(js|css|png)$/.test(f)) fs.copyFileSync(path.join(root, 'web', f), path.join(dist, 'web', f));
}
// Each preset's preview image and landing page (written by `bgloop share` in scripts/build.sh).
fs.mkdirSync(path.join(dist, 'web', 'share'), { recursive: true });
const shared = path.join(root, 'web', 'share');
if (!fs.existsSync(shared)) throw new Error('web/share is missing: scripts/build.sh writes it (bgloop share --out web/share)');
for (const f of fs.readdirSync(shared)) {
  if (/\.(html|png)$/.test(f)) fs.copyFileSync(path.join(root, 'web', 'share', f), path.join(dist, 'web', 'share', f));
}
// The message catalogs: the page fetches a language's files when a reader chooses it.
for (const lang of fs.readdirSync(path.join(root, 'web', 'locales'))) {
  fs.mkdirSync(path.join(dist, 'web', 'locales', lang), { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'web', 'locales', lang))) {
    if (f.endsWith('.ftl')) fs.copyFileSync(path.join(root, 'web', 'locales', lang, f), path.join(dist, 'web', 'locales', lang, f));
  }
}
// The one-line embedding script, at the site's root too, and the example article and tour.
fs.copyFileSync(path.join(root, 'web', 'bgloop-embed.js'), path.join(dist, 'bgloop-embed.js'));
fs.mkdirSync(path.join(dist, 'examples'), { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'examples'))) {
  if (/\.(html|json|png|css|js)$/.test(f)) fs.copyFileSync(path.join(root, 'examples', f), path.join(dist, 'examples', f));
}
// The teacher's kit (plan, worksheet, answer key), in each language (its links open ../index.html).
fs.mkdirSync(path.join(dist, 'docs'), { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'docs'))) {
  if (/^(teaching|worksheet|key)(\.\w+)?\.html$|^kit\.css$/.test(f)) fs.copyFileSync(path.join(root, 'docs', f), path.join(dist, 'docs', f));
}
for (const f of ['bgloop.js', 'bgloop_bg.wasm', 'bgloop.d.ts', 'extras.js', 'extras_bg.wasm', 'extras.d.ts']) {
  fs.copyFileSync(path.join(root, 'web', 'pkg', f), path.join(dist, 'web', 'pkg', f));
}

/** Turns one ES module into a function scope that returns its exports. */
function wrap(file) {
  const dir = path.posix.dirname(file);
  let src = read(file);
  const exported = [];
  src = src.replace(/^import\s+(.+?)\s+from\s+'(.+?)';\s*$/gm, (_, what, from) => {
    const key = path.posix.normalize(path.posix.join(dir, from));
    const parts = [];
    const named = what.match(/\{(.+)\}/);
    const def = what.replace(/\{.*\}/, '').replace(/,\s*$/, '').trim();
    if (def) parts.push(`const ${def} = __modules[${JSON.stringify(key)}].default;`);
    if (named) {
      const names = named[1].split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.replace(/\s+as\s+/, ': '));
      parts.push(`const { ${names.join(', ')} } = __modules[${JSON.stringify(key)}];`);
    }
    return parts.join('\n');
  });
  src = src.replace(/^export\s+\{(.+?)\};?\s*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      exported.push(`${JSON.stringify(as || local)}: ${local}`);
    }
    return '';
  });
  src = src.replace(/^export\s+((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    exported.push(`${JSON.stringify(name)}: ${name}`);
    return `${kind} ${name}`;
  });
  // Inlined, a module loaded when used is already there.
  src = src.replace(/\bimport\('(\.\/.+?)'\)/g, (_, from) => `Promise.resolve(__modules[${JSON.stringify(path.posix.normalize(path.posix.join(dir, from)))}])`);
  if (/^\s*(import|export)\s/m.test(src)) throw new Error(`${file}: an import or export the bundler does not understand`);
  return `__modules[${JSON.stringify(file)}] = (() => {\n${src}\nreturn { ${exported.join(', ')} };\n})();\n`;
}

const wasm = fs.readFileSync(path.join(root, 'web', 'pkg', 'bgloop_bg.wasm'));
const extrasWasm = fs.readFileSync(path.join(root, 'web', 'pkg', 'extras_bg.wasm'));
// Opened from disk the single file can fetch nothing: every language's catalog goes inside
// (English is in the wasm module already), in the order web/i18n.js hands them to the model.
const pkg = await import(path.join(root, 'web', 'pkg', 'bgloop.js'));
pkg.initSync({ module: fs.readFileSync(path.join(root, 'web', 'pkg', 'bgloop_bg.wasm')) });
const CATALOG_FILES = pkg.Words.catalogFiles();
const catalogs = Object.fromEntries(fs.readdirSync(path.join(root, 'web', 'locales')).filter((l) => l !== 'en')
  .map((l) => [l, CATALOG_FILES.map((f) => read(`web/locales/${l}/${f}`))]));
const script = [
  'const __modules = {};',
  `globalThis.BGLOOP_WASM_BYTES = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));`,
  // The second module (sweeps, tours) too: opened from disk, the file can fetch nothing.
  `globalThis.BGLOOP_EXTRAS_BYTES = Uint8Array.from(atob(${JSON.stringify(extrasWasm.toString('base64'))}), (c) => c.charCodeAt(0));`,
  `globalThis.BGLOOP_CATALOGS = ${JSON.stringify(catalogs).replace(/</g, '\\u003c')};`,
  ...MODULES.map(wrap),
].join('\n');
// An inline script ends at the first `</script` in its text, whatever the JavaScript means by it.
if (/<\/script/i.test(script)) throw new Error('a module holds "</script": write <\\/script> in its strings');
const css = read('web/style.css');
const sha = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; style-src ${sha(css)}; style-src-attr 'unsafe-inline'; img-src data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'`;
let html = read('index.html');
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = html.replace('<link rel="stylesheet" href="web/style.css">', () => `<style>${css}</style>`);
html = html.replace('<script type="module" src="web/main.js"></script>', () => `<script type="module">${script}</script>`);
// Everything is inline: no preloads (and no comment about them).
html = html.replace(/<!-- Fetched in parallel[\s\S]*?-->\n/, '').replace(/<link rel="(?:module)?preload"[^>]*>\n/g, '');
if (html.includes('src="web/') || html.includes('href="web/')) throw new Error('dist/bgloop.html still refers to web/');
fs.writeFileSync(path.join(dist, 'bgloop.html'), html);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`[dist] dist/ (static site) and dist/bgloop.html (${kb(html.length)}, single file)`);
