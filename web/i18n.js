// Languages: which one the reader reads, loading its catalog on demand, and the page's words by
// id. The catalogs are Fluent files in web/locales/<code>/; English is compiled into the wasm
// module (the first load fetches nothing more), French and Spanish are fetched when chosen. The
// sentences are made in Rust (core's i18n), so the page, the CLI and the errors say the same.

import { Playground } from './pkg/bgloop.js';

/** The attributes a catalog message may set on its element (`.aria-label = …`; `.href`: the
 * teacher's page in the reader's language). */
const ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'content', 'alt', 'href']);

/** The languages there are: `[{ code, name }]`. */
export const languages = () => Playground.languages();

/** Ids asked for that the catalog lacks, each said once on the console. */
const missing = new Set();

/** Whether the catalog has no message `id` (neither a value nor attributes). */
const isMissing = (id) => {
  const m = Playground.message(id, null);
  return (m.value === null || m.value === undefined) && Object.keys(m.attributes).length === 0;
};

/** The text of message `id` in the page's language, with `args` (`{ name: text or number }`).
 * An id the catalog lacks shows as itself and is an error on the console (every browser test
 * fails on console errors, so an id built at run time, `speed-${i}`, cannot go missing quietly). */
export const t = (id, args) => {
  const text = Playground.t(id, args ?? null);
  if (text === id && !missing.has(id) && isMissing(id)) {
    missing.add(id);
    console.error(`bgloop: the catalog has no message \`${id}\``);
  }
  return text;
};

/** `x` written for the reader's language (a decimal comma in French and Spanish). */
export const num = (x) => Playground.formatNumber(x);

/** `x` with `decimals` decimals, written for the reader's language. */
export const fixed = (x, decimals) => Playground.formatFixed(x, decimals);

/**
 * The language to open in: the link's `lang=` if it names one, else the first of the browser's
 * languages bgloop speaks, else English.
 */
export function chooseLanguage(fromLink) {
  const codes = languages().map((l) => l.code);
  // A tag's language, as core reads `lang=`: `fr`, `FR`, `fr-CA` and `fr_CA` are French.
  const primary = (tag) => String(tag || '').toLowerCase().split(/[-_]/)[0];
  if (codes.includes(primary(fromLink))) return primary(fromLink);
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (codes.includes(primary(tag))) return primary(tag);
  }
  return 'en';
}

/** The text of every catalog file of `code`, fetched in parallel from web/locales/<code>/. */
async function fetchCatalog(code) {
  // The single-file build carries its catalogs inside (it is opened from disk).
  const inside = globalThis.BGLOOP_CATALOGS?.[code];
  if (inside) return inside;
  const files = Playground.catalogFiles();
  return Promise.all(files.map(async (file) => {
    const url = new URL(`./locales/${code}/${file}`, import.meta.url);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`the ${code} catalog could not be loaded: ${file} answered ${r.status}`);
    return r.text();
  }));
}

/**
 * Switches `pg` and the page to `code`: fetches its catalog the first time, then writes every
 * element marked `data-l10n-id` again. Resolves (true) once the page reads in that language, or
 * (false) without switching if `isCurrent()` says a newer choice was made meanwhile.
 */
export async function useLanguage(pg, code, isCurrent = () => true) {
  const files = Playground.hasLanguage(code) ? [] : await fetchCatalog(code);
  // A newer choice (another link, the menu) came while this catalog was on its way: it wins.
  if (!isCurrent()) return false;
  pg.setLanguage(code, files);
  document.documentElement.lang = code;
  translate(document);
  return true;
}

/** Writes the text and attributes of every element under `root` marked `data-l10n-id`. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-l10n-id]')) {
    const args = el.dataset.l10nArgs ? JSON.parse(el.dataset.l10nArgs) : null;
    const m = Playground.message(el.dataset.l10nId, args);
    if (m.value !== null && m.value !== undefined) el.textContent = m.value;
    for (const [name, value] of Object.entries(m.attributes)) {
      if (ATTRIBUTES.has(name)) el.setAttribute(name, value);
    }
  }
}
