// The page's language: the language menu, a change of language while the page runs (every word
// and view written again), and a language that could not be loaded.

import { Words } from './pkg/bgloop.js';
import { message } from './app.js';
import { relanguageParameters } from './parameters.js';
import { t, languages, useLanguage, currentLanguage } from './i18n.js';

const $ = (id) => document.getElementById(id);

/**
 * The language menu, and a change of language while the page runs: the catalog is loaded, the
 * page's words written again and every view rebuilt in it; the run goes on untouched (a link
 * replays the same run in every language).
 */
export function setupLanguage(app) {
  const menu = $('lang');
  for (const l of languages()) {
    // Each language's name in that language, marked as such (WCAG 3.1.2).
    const option = new Option(l.name, l.code);
    option.lang = l.code;
    menu.append(option);
  }
  menu.value = currentLanguage();
  /** Reads the page in `code` from now on, as the reader chose it (so the link keeps it). */
  let asked = 0;
  app.setLanguage = async (code) => {
    // The last choice wins, whatever order the catalogs arrive in.
    const mine = ++asked;
    const before = currentLanguage();
    if (!(await useLanguage(app.pg, code, () => mine === asked))) return;
    if (code !== before) {
      app.schema = Words.schema();
      app.presets = Words.presets();
      // The speeds' names scripts read (`bgloop.views`), from the words just read.
      app.viewTable.speeds.forEach((speed, i) => { speed.label = t(`speed-${i}`); });
      app.glossary.reload();
      relinkHints(app);
      relanguageParameters(app);
      app.tour.relanguage();
      app.sweep.relanguage(app.schema);
      app.applySpeed();
      app.views.invalidate();
    }
    menu.value = code;
    app.ui.lang = code;
    app.render();
  };
  menu.addEventListener('change', () => {
    app.setLanguage(menu.value).catch((e) => { app.showError(e); menu.value = currentLanguage(); });
  });
}

/** A language whose catalog could not be loaded: the page stays in English and says why (in the
 * link's problems, which playing does not clear), and the link does not claim the language. */
export function sayLanguageProblem(app, e) {
  console.error(e);
  app.ui.lang = null;
  const banner = $('link-problems');
  const li = document.createElement('li');
  li.textContent = message(e);
  banner.querySelector('ul').append(li);
  banner.hidden = false;
  app.link();
}

/** The views' hints name the loop's parts and numbers: their first uses open the glossary. */
export function relinkHints(app) {
  for (const id of ['view-reach-hint', 'view-circuit-hint', 'view-activity-hint']) {
    const h = document.querySelector(`[data-l10n-id="${id}"]`);
    if (h) app.glossary.linkTerms(h, t(id));
  }
}
