// The page's second wasm module (core's `bgloop-extras`: sweeps, tours and the figure's SVG),
// loaded the first time something uses it — a sweep, the tour, a figure export, a host or a script — so the first load carries only what
// the first chart needs. Its memory is apart from the page module's, so it keeps its own
// language: `speak` (called by i18n.js at every switch) tells it, the page's one place that sets
// the language.

/** The loaded module, once it is ready (null before). */
let loaded = null;
/** The module on its way (null before the first use, and again after a failed load). */
let loading = null;
/** The page's language and, for each language read so far, its catalog files' text. */
let language = 'en';
const catalogs = new Map();

/** The module, if it has been loaded: `{ Sweeps, Tours, Figures, useLanguage }` (else null). */
export const extrasNow = () => loaded;

/** Whether the catalog files of `code` are kept here for the module (English needs none). */
export const hasCatalog = (code) => code === 'en' || catalogs.has(code);

/** Tells the module (now, or when it loads) that the page reads `code`, whose catalog files'
 * text is `files` (empty when the page module had read that language before). */
export function speak(code, files) {
  if (files?.length) catalogs.set(code, files);
  language = code;
  loaded?.useLanguage(code, catalogs.get(code) ?? null);
}

/** The module, loaded on first use (`{ Sweeps, Tours, Figures, useLanguage }`), in the page's
 * language. */
export function loadExtras() {
  loading ??= (async () => {
    const m = await import('./pkg/extras.js');
    // The single-file build (dist/bgloop.html) carries the module's bytes inline.
    await m.default(globalThis.BGLOOP_EXTRAS_BYTES ? { module_or_path: globalThis.BGLOOP_EXTRAS_BYTES } : undefined);
    m.useLanguage(language, catalogs.get(language) ?? null);
    // A plain object (a module namespace cannot be wrapped by a script that counts calls).
    loaded = { Sweeps: m.Sweeps, Tours: m.Tours, Figures: m.Figures, useLanguage: m.useLanguage };
    return loaded;
  })().catch((e) => {
    loading = null;
    throw new Error(`the module for sweeps, tours and figures could not be loaded: ${(e && e.message) || e}`);
  });
  return loading;
}
