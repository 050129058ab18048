// Starts the page: loads the wasm model (in the reader's language), creates the app, sets up each
// part of the page from its own module, opens the link in the address bar and says the page is
// ready. Science lives in Rust; the page only asks and draws. Each concern has its own module;
// this file only starts them.

import init, { Playground } from './pkg/bgloop.js';
import { createApp, setupViewToggles, message } from './app.js';
import { setupTransport } from './transport.js';
import { setupEnd } from './end.js';
import { setupKeys, setupSkips } from './keys.js';
import { setupEvents } from './events.js';
import { setupCompare } from './compare.js';
import { setupParameters } from './parameters.js';
import { setupLanguage, relinkHints } from './language.js';
import { setupLinks, openFirstAddress, reopen } from './address.js';
import { expose } from './api.js';
import { tellHost } from './embed.js';
import { setupSweep } from './sweep.js';
import { setupShare } from './share.js';
import { setupClip } from './clip-dialog.js';
import { setupListen } from './listen.js';
import { setupTour } from './tour.js';
import { setupGlossary } from './glossary.js';
import { t, chooseLanguage, useLanguage } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** Loads the model and its language, sets up the page, opens the address bar's link, and says the
 * page is ready (`data-ready` on the document, `bgloop:ready` to a host). */
async function main() {
  // The single-file build (dist/bgloop.html) carries the wasm bytes inline.
  performance.mark('bgloop:modules');
  await init(globalThis.BGLOOP_WASM_BYTES ? { module_or_path: globalThis.BGLOOP_WASM_BYTES } : undefined);
  performance.mark('bgloop:wasm');
  const pg = new Playground(undefined);
  // The language: the link's `lang=`, else the browser's; English needs no fetch.
  // (The last `lang=` wins, as core reads a link: a host's `lang` attribute after its link's.)
  const lang = chooseLanguage(new URLSearchParams(location.hash.slice(1)).getAll('lang').pop());
  let langProblem = null;
  if (lang !== 'en') await useLanguage(pg, lang).catch((e) => { langProblem = e; });
  const app = createApp(pg);
  setupPage(app);
  await openFirstAddress(app, langProblem);
  // A link typed into the address bar, or a host changing the iframe's hash, opens that
  // experiment exactly as a fresh load would (our own replaceState never fires this).
  window.addEventListener('hashchange', () => reopen(app, api));
  const api = expose(app);
  app.player.twin.prepare();
  document.documentElement.dataset.ready = 'true';
  tellHost('bgloop:ready', { ...api.state(), title: document.getElementById('intro-title')?.textContent || null });
}

/** Sets up every part of the page, each from its own module, in the order they rely on each
 * other: the glossary before the texts that link its terms, the player before what plays. */
function setupPage(app) {
  app.glossary = setupGlossary();
  relinkHints(app);
  setupTransport(app);
  setupEnd(app);
  setupKeys(app);
  setupEvents(app);
  setupCompare(app);
  setupParameters(app);
  setupLanguage(app);
  setupViewToggles(app);
  setupShare(app.pg, app.views, app);
  app.recordClip = setupClip(app);
  setupLinks(app);
  app.tour = setupTour(app);
  // A tour that cannot be opened (a file that fails, a step that does not exist) is said on the
  // page and, in an embed, to the host.
  app.onTourProblem = (message) => tellHost('bgloop:error', { message, command: 'bgloop:tour' });
  app.sweep = setupSweepPanel(app);
  setupSkips();
  setupListen(app.pg, $('listen'), { say: (text) => app.status.announce(text, { force: true }) });
}

/** The Sweep panel on its elements, drawn in the page's theme; a sweep started goes into the link.
 * Its "Run this sweep" button (a link's sweep too large to run at once) starts it. */
function setupSweepPanel(app) {
  const sweep = setupSweep(app.pg, app.schema, {
    param: $('sweep-param'), from: $('sweep-from'), to: $('sweep-to'), count: $('sweep-count'), seeds: $('sweep-seeds'),
    param2: $('sweep-param2'), from2: $('sweep-from2'), to2: $('sweep-to2'), count2: $('sweep-count2'),
    trials: $('sweep-trials'), workers: $('sweep-workers'), run: $('sweep-run'), cancel: $('sweep-cancel'),
    progress: $('sweep-progress'), status: $('sweep-status'), canvas: $('sweep-canvas'), ask: $('sweep-ask'),
    measure: $('sweep-measure'),
  }, { highContrast: () => app.ui.highContrast, onStart: () => app.link(), budget: app.viewTable.sweep_budget, trialMs: app.viewTable.sweep_trial_ms });
  $('sweep-ask-run').addEventListener('click', () => $('sweep-run').click());
  return sweep;
}

main().catch((e) => {
  const s = document.getElementById('status');
  // The catalog may be what failed: this sentence needs none.
  let said;
  try { said = t('start-failed', { why: message(e) }); } catch { said = `The model could not start: ${message(e)}`; }
  if (s) s.textContent = said;
  tellHost('bgloop:error', { message: said });
  console.error(e);
});
