// Opening links: the address bar's link when the page loads and whenever it changes, and a tour
// step's link. Each opens its experiment and its view options as a fresh load would.

import { showLinkProblems } from './permalink.js';
import { tellHost } from './embed.js';
import { message } from './app.js';
import { markHidden } from './parameters.js';
import { runToEnd } from './end.js';
import { sayLanguageProblem } from './language.js';
import { currentLanguage } from './i18n.js';
import { readOptions } from './state.js';

const $ = (id) => document.getElementById(id);

/** Lets the other parts open links (`app.openLink`, a tour step's) and tell a newer link from an
 * older one (`app.linkNumber`); wires the Dismiss button of a link's problems. */
export function setupLinks(app) {
  app.openLink = (link, opts) => openLink(app, link, opts);
  // Every link opened is numbered: an answer (a tour file) that comes after a newer link is dropped.
  app.linkNumber = () => app.ui.links;
  $('dismiss-problems').addEventListener('click', () => { $('link-problems').hidden = true; });
}

/**
 * Opens `link` (a tour step's) as a fresh load would: its experiment, and the view options a
 * step sets (hand path, speed, end trial, loop, sweep, focus). `speed` overrides the link's.
 * Returns the decoded link.
 */
function openLink(app, link, { speed } = {}) {
  const { pg } = app;
  app.setPlaying(false);
  const opened = pg.openPermalink(link);
  showLinkProblems($('link-problems'), opened);
  readOptions(app, opened.view, { step: true });
  if (speed !== undefined) app.speed.value = String(speed);
  app.applySpeed();
  app.render();
  // A step's sweep (the tour's regime map) opens as a link's would: run at once within the link
  // budget, asked for otherwise and always in an embed; a step without one clears the last.
  const { sweep } = app.ui;
  if (sweep) app.sweep?.fromLink(sweep, { embedded: app.ui.embedded }); else app.sweep?.clear();
  return opened;
}

/** Opens the link in the address bar (or the rotation preset) and applies its view options;
 * returns the link's tour step (`tour=`), or null. */
function openAddress(app) {
  const { pg } = app;
  document.querySelectorAll('[data-hidden]').forEach((e) => e.removeAttribute('data-hidden'));
  if (location.hash.length > 1) {
    const opened = pg.openPermalink(location.hash);
    showLinkProblems($('link-problems'), opened);
    readOptions(app, opened.view);
  } else {
    pg.usePreset('rotation');
    pg.reset();
    pg.setWindows(null);
    readOptions(app, {});
  }
  markHidden(app);
  return app.ui.tourAt;
}

/**
 * Opens the address bar's link as the page loads, once every part is set up: its experiment and
 * view options, its language (`langProblem`: the first language could not be loaded), then its
 * tour step, or its end trial and its sweep.
 */
export async function openFirstAddress(app, langProblem) {
  const tourAt = openAddress(app);
  app.applySpeed();
  app.render();
  if (langProblem) sayLanguageProblem(app, langProblem);
  // A link whose language core reads otherwise than the first look above (a second `lang=`).
  else if (app.ui.lang && app.ui.lang !== currentLanguage()) app.setLanguage(app.ui.lang).catch((e) => sayLanguageProblem(app, e));
  // A tour step opens its own link, its sweep included; otherwise a link with a sweep recomputes
  // it (after the experiment it sweeps is open).
  // (The page is ready once the step shows: its module may still be on its way.)
  if (tourAt) await app.tour.open(tourAt, { focus: false });
  else {
    runToEnd(app);
    if (app.ui.sweep) app.sweep.fromLink(app.ui.sweep, { embedded: app.ui.embedded });
  }
}

/** Opens the address bar's new link exactly as a fresh load would; it is numbered, so answers
 * still on their way for an older link (a catalog, a tour file) are dropped. */
export async function reopen(app, api) {
  app.ui.links += 1;
  app.setPlaying(false);
  try {
    const at = openAddress(app);
    app.applySpeed();
    app.render();
    // A link in another language (a host's `lang`, one typed in) switches the page to it.
    // Always asked, even for the language shown: a catalog still on its way for an older link
    // must not win over this one.
    if (app.ui.lang) app.setLanguage(app.ui.lang).catch((e) => app.showError(e));
    // A tour step opens its own link, sweep included (a step is a fresh load of its link).
    if (at) await app.tour.open(at, { focus: false });
    else {
      runToEnd(app);
      if (app.ui.sweep) app.sweep.fromLink(app.ui.sweep, { embedded: app.ui.embedded }); else app.sweep.clear();
    }
    // A host that changed the frame's hash (an element's link, hide or tour) waits for this.
    tellHost('bgloop:ready', { ...api.state(), title: document.getElementById('intro-title')?.textContent || null });
    app.tellHeight(true);
  } catch (e) {
    app.showError(e);
    tellHost('bgloop:error', { message: message(e) });
  }
}
