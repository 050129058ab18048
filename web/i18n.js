// Languages: which one the reader reads, loading its catalog on demand, and the page's words by
// id. The catalogs are Fluent files in web/locales/<code>/; English is compiled into the wasm
// module (the first load fetches nothing more), French and Spanish are fetched when chosen. The
// sentences are made in Rust (core's i18n), so the page, the CLI and the errors say the same.

import { Words } from './pkg/bgloop.js';
import { speak, hasCatalog } from './extras.js';

/** The attributes a catalog message may set on its element (`.aria-label = …`; `.href`: the
 * teacher's page in the reader's language). */
const ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'content', 'alt', 'href']);

/** The languages there are: `[{ code, name }]`. */
export const languages = () => Words.languages();

/** Ids asked for that the catalog lacks, each said once on the console. */
const missing = new Set();

/** The current language's fixed words (every message without arguments) and decimal mark, read
 * from the model in one call per language: a language switch does not cross into wasm once per
 * word. Messages with arguments are formatted by the model each time (plurals, numbers). */
let fixedWords = null;

/** The fixed words of the model's language (read on first use and after each switch). */
function words() {
  if (!fixedWords) fixedWords = Words.messages();
  return fixedWords;
}

/** The code of the language the page reads in (`en`, `fr`, `es`), without asking the model. */
export const currentLanguage = () => words().lang;

/** Words with arguments said ahead, in one call, for the current language: `id\0args` → text. */
const ahead = new Map();

/** The key of message `id` with `args` in {@link ahead}. */
const aheadKey = (id, args) => `${id}\u0000${JSON.stringify(args)}`;

/** Forgets the fixed words and the words said ahead (the model's language changed). */
const forgetWords = () => { fixedWords = null; ahead.clear(); };

/** Says message `id` with each of `list`'s arguments in one call to the model, so that the `t`
 * calls that follow (a title per glossary term, a label per number box) need none. */
export function sayAhead(id, list) {
  const fresh = list.filter((a) => !ahead.has(aheadKey(id, a)));
  if (!fresh.length) return;
  const texts = Words.texts(id, fresh);
  fresh.forEach((a, i) => ahead.set(aheadKey(id, a), texts[i]));
}

/** Whether `args` carries anything. */
const hasArgs = (args) => args !== null && args !== undefined && Object.keys(args).length > 0;

/** Message `id` as `{ value, attributes }`, with `args` filled in. */
export function message(id, args) {
  if (!hasArgs(args)) {
    const m = (fixedWords ?? words()).messages[id];
    if (m) return m;
  }
  return Words.message(id, hasArgs(args) ? args : null);
}

/** Whether the catalog has no message `id` (neither a value nor attributes). */
const isMissing = (id) => {
  const m = Words.message(id, null);
  return (m.value === null || m.value === undefined) && Object.keys(m.attributes).length === 0;
};

/** The text of message `id` in the page's language, with `args` (`{ name: text or number }`).
 * An id the catalog lacks shows as itself and is an error on the console (every browser test
 * fails on console errors, so an id built at run time, `speed-${i}`, cannot go missing quietly). */
export const t = (id, args) => {
  const fixed = hasArgs(args) ? undefined : (fixedWords ?? words()).messages[id];
  const early = fixed || !hasArgs(args) ? undefined : ahead.get(aheadKey(id, args));
  const text = fixed ? (fixed.value ?? id) : (early ?? Words.t(id, args ?? null));
  if (text === id && !missing.has(id) && isMissing(id)) {
    missing.add(id);
    console.error(`bgloop: the catalog has no message \`${id}\``);
  }
  return text;
};

/** `x` written for the reader's language (a decimal comma in French and Spanish): the shortest
 * exact form, as the model writes it (the model itself for the rare number JavaScript would
 * write otherwise: exponents, -0, not finite). */
export const num = (x) => {
  const a = Math.abs(x);
  if (typeof x !== 'number' || !Number.isFinite(x) || Object.is(x, -0) || (x !== 0 && (a < 1e-6 || a >= 1e16))) {
    return Words.formatNumber(x);
  }
  const mark = (fixedWords ?? words()).mark;
  const s = String(x);
  return mark === '.' ? s : s.replace('.', mark);
};

/** `x` with `decimals` decimals, written for the reader's language. */
export const fixed = (x, decimals) => Words.formatFixed(x, decimals);

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
  const files = Words.catalogFiles();
  return Promise.all(files.map(async (file) => {
    const url = new URL(`./locales/${code}/${file}`, import.meta.url);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`the ${code} catalog could not be loaded: ${file} answered ${r.status}`);
    return r.text();
  }));
}

/**
 * Switches the page (and every playground in it: each wasm module holds the language, and this is
 * the one place that sets it) to `code`: fetches its catalog the first time, then writes every
 * element marked `data-l10n-id` again. Resolves (true) once the page reads in that language, or
 * (false) without switching if `isCurrent()` says a newer choice was made meanwhile.
 */
export async function useLanguage(pg, code, isCurrent = () => true) {
  // The files are fetched unless both modules have them (a script may have set the page's
  // module's language itself).
  const files = Words.hasLanguage(code) && hasCatalog(code) ? [] : await fetchCatalog(code);
  // A newer choice (another link, the menu) came while this catalog was on its way: it wins.
  if (!isCurrent()) return false;
  Words.setLanguage(code, files);
  speak(code, files);
  forgetWords();
  words();
  document.documentElement.lang = code;
  translate(document);
  return true;
}

/** Writes the text and attributes of every element under `root` marked `data-l10n-id`. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-l10n-id]')) {
    const args = el.dataset.l10nArgs ? JSON.parse(el.dataset.l10nArgs) : null;
    const m = message(el.dataset.l10nId, args);
    if (m.value !== null && m.value !== undefined) el.textContent = m.value;
    for (const [name, value] of Object.entries(m.attributes)) {
      if (ATTRIBUTES.has(name)) el.setAttribute(name, value);
    }
  }
}
