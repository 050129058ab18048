// The views in words, for screen-reader and keyboard users (PhET's "interactive description"):
// each canvas's accessible name states what it shows now, in numbers, and each view has a data
// table a keyboard user can open; a screen summary says what is on screen, the experiment, its
// state and what to try. Every word and number comes from core and the charts crate
// (`pg.describe()`, the snapshot's result) in the reader's language: this only writes them.

import { t } from './i18n.js';
import { resultSentence } from './result.js';

const VIEWS = ['reach', 'learning', 'circuit', 'activity'];

/** Writes `table` ({ caption, head, rows }) into `box` as an HTML table (text nodes only). */
export function writeTable(box, table) {
  const el = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = table.caption;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const h of table.head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const row of table.rows) {
    const tr = document.createElement('tr');
    row.forEach((cell, i) => {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.scope = 'row';
      td.textContent = cell;
      tr.append(td);
    });
    body.append(tr);
  }
  el.append(caption, head, body);
  box.replaceChildren(el);
}

/**
 * Keeps the views' words current: at once when `force` (a deliberate act, a run's end), else at
 * most once a second while playing (a screen reader reading a name should not hear it change
 * under it every frame). Returns the descriptions written, or null.
 */
export function describer(pg) {
  let last = -Infinity;
  let key = '';
  return ({ force = false } = {}) => {
    const now = performance.now();
    if (!force && now - last < 1000) return null;
    last = now;
    const d = pg.describe();
    const text = JSON.stringify(d);
    if (text === key) return d;
    key = text;
    for (const view of VIEWS) {
      document.getElementById(view)?.setAttribute('aria-label', d[view].label);
      const box = document.querySelector(`details.data[data-view="${view}"] .data-body`);
      if (box) writeTable(box, d[view].table);
    }
    return d;
  };
}

/** The screen summary: the experiment (its title and what to watch), the state now with the
 * result, and what to try. */
export function renderSummary(view, preset, playing) {
  const set = (id, text) => { const el = document.getElementById(id); if (el.textContent !== text) el.textContent = text; };
  set('summary-experiment', preset
    ? t('summary-experiment', { title: preset.title, watch: preset.watch })
    : t('summary-custom'));
  set('summary-state', view.trials === 0
    ? t('summary-state-ready')
    : t(playing ? 'summary-state-playing' : 'summary-state', { trials: view.trials, result: resultSentence(view.said) }));
  set('summary-try', t(view.comparing ? 'summary-try-compare' : 'summary-try'));
}
