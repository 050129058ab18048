// The parameters: their controls (built from the schema once; a change of language writes their
// words again), the preset menu, and the parts and controls a link hides (`hide=`).

import { buildControls } from './controls.js';
import { message } from './app.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** The parameter controls (from the schema) and the preset menu. */
export function setupParameters(app) {
  const { pg } = app;
  const presetSelect = $('preset');
  buildParameters(app);
  presetSelect.addEventListener('change', () => {
    try {
      pg.usePreset(presetSelect.value || null);
      pg.reset();
      app.showError(null);
    } catch (e) { app.showError(e); }
    app.render();
  });
}

/** Writes the controls' and the preset menu's words again in the page's new language (the
 * controls stay: their values, what is open and the focus do not move). */
export function relanguageParameters(app) {
  app.controls.relabel(app.schema);
  presetEntries(app);
  app.renderPreset(app.ui.presetShown, { again: true });
}

/** The preset menu's entries, in the page's language (the choice is kept). */
function presetEntries({ presets }) {
  const presetSelect = $('preset');
  const chosen = presetSelect.value;
  presetSelect.replaceChildren(new Option(t('preset-custom'), ''));
  // Titles for readers; the claim ids (C1…C5) stay in the docs and the CLI.
  for (const p of presets) presetSelect.append(new Option(p.title, p.name));
  presetSelect.value = chosen;
}

/** Builds the controls and the preset menu's entries. */
function buildParameters(app) {
  const { pg } = app;
  const presetSelect = $('preset');
  const specs = new Map(app.schema.map((s) => [s.key, s]));
  const begun = () => pg.trialCount() > 0 || pg.view().time_in_trial_ms > 0;
  const controls = buildControls($('controls'), app.schema, { linkTerms: app.glossary.linkTerms }, (key, value, final) => {
    try {
      const spec = specs.get(key);
      if (spec && spec.live) {
        // A live parameter changes the running experiment from its next trial (on release of
        // a slider once the run has begun), and the change is kept as an event of the run.
        if (!final && begun()) return null;
        const from = pg.intervene(key, value);
        // The note says the change as core says it; a change back to the value in force is no
        // change, and says nothing.
        const view = pg.view();
        const event = from > 1 ? view.events.find((e) => e.trial === from && e.key === key) : null;
        const live = $('live');
        live.hidden = !event;
        live.textContent = event ? t(view.comparing ? 'live-kept-b' : 'live-kept', { change: event.description, trial: from }) : '';
      } else {
        pg.configure({ [key]: value });
      }
      app.render();
      return null;
    } catch (e) {
      return message(e);
    }
  });
  app.controls = controls;
  let watched = null;
  app.renderPreset = (name, { again = false } = {}) => {
    presetSelect.value = name || '';
    app.ui.presetShown = name;
    if (watched === (name || '') && !again) return;
    watched = name || '';
    const p = app.presets.find((x) => x.name === name);
    app.glossary.linkTerms($('preset-watch'), p ? p.watch : t('preset-custom-watch'));
    // An embed's title and plain sentence: the preset's, in the reader's language.
    $('intro').hidden = !p;
    $('intro-title').textContent = p ? p.title : '';
    app.glossary.linkTerms($('intro-sentence'), p ? p.description : '');
  };
  presetEntries(app);
}

/** Hides the parts and parameter controls the link names (`hide=`). */
export function markHidden(app) {
  for (const name of app.ui.hiddenParts) {
    document.querySelectorAll(`[data-part="${name}"]`).forEach((e) => e.setAttribute('data-hidden', ''));
    document.getElementById(`p-${name}`)?.closest('.param')?.setAttribute('data-hidden', '');
  }
}
