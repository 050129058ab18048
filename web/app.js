// The page's state: the app object the other modules share (the model, the page-only state, the
// views and the status line), and the page's link (web/state.js keeps its view options).

import { Words } from './pkg/bgloop.js';
import { Views, prefersContrast } from './charts.js';
import { syncHash } from './permalink.js';
import { StatusLine } from './status.js';
import { describer } from './describe.js';
import { render } from './render.js';
import { t } from './i18n.js';
import { checkKeepers, writeOptions } from './state.js';

const $ = (id) => document.getElementById(id);

/** An error's words (its message, or the thing itself as text). */
export const message = (e) => (e && e.message) || String(e);

/**
 * The page's state and elements, shared by the wiring functions of the other modules. What the
 * page shows of the model comes from one snapshot (`pg.view()`) rendered by `app.render()` after
 * any change; what belongs to the page alone (embedding, hidden parts, the reader's pause, trials
 * already reported to a host) lives in `app.ui`.
 */
export function createApp(pg) {
  /** Page-only state: in an embed?, the parts hidden (`hide=`), whether the reader paused, the
   * high-contrast theme, the trial the run stops at (`to=`) and whether it then starts again
   * (`loop=`), the last run generation rendered, and the trials of A and B already told to the
   * host. */
  const ui = { embedded: false, hiddenParts: [], userPaused: false, highContrast: prefersContrast(), endTrial: null, window: null, loop: false, sweep: null, lang: null, focus: null, tourAt: null, generation: null, reported: 0, reportedB: 0, links: 0 };
  const app = {
    pg,
    ui,
    schema: Words.schema(),
    presets: Words.presets(),
    viewTable: Words.viewOptions(),
    views: new Views(pg, { reach: $('reach'), learning: $('learning'), activity: $('activity'), circuit: $('circuit'), showHand: $('show-hand') }, { highContrast: () => ui.highContrast, focus: () => ui.focus }),
    status: new StatusLine($('status'), $('announce')),
    describe: describer(pg),
    speed: $('speed'),
    /** Says the content's height to the host again (set by the embed layout). */
    tellHeight: () => {},
  };
  // Every view option of core's table is kept by the page (web/state.js), and nothing else.
  checkKeepers(app.viewTable);
  document.body.classList.toggle('hc', ui.highContrast);
  app.setHighContrast = (on) => setHighContrast(app, on);
  app.setFocus = (view) => setFocus(app, view);
  app.showError = (e) => { const box = $('error'); box.hidden = !e; box.textContent = e ? message(e) : ''; };
  app.say = (text) => { $('share-status').textContent = text; };
  // The address bar always holds the running experiment.
  app.viewOptions = () => writeOptions(app);
  app.link = () => syncHash(pg, app.viewOptions);
  app.fullLink = () => fullLink(app);
  app.render = (opts) => render(app, opts);
  // Many changes in one frame (a flood of host messages) render once, in the next frame.
  let queued = false;
  app.changed = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; app.render(); });
  };
  return app;
}

/** Enlarges `view` (`reach`, `learning`, `circuit`, `activity`) for a projector, or shows every
 * view again (`null`): the layout, the chart's text size, the view buttons and the link follow. */
function setFocus(app, view) {
  app.ui.focus = view;
  if (view) document.body.dataset.focus = view; else delete document.body.dataset.focus;
  for (const b of document.querySelectorAll('button.enlarge')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
  app.views.invalidate(); app.views.draw();
  app.link?.();
}

/** Switches the high-contrast theme of the page and every chart. */
function setHighContrast(app, on) {
  app.ui.highContrast = on;
  document.body.classList.toggle('hc', on);
  const box = $('high-contrast');
  if (box) box.checked = on;
  app.views.invalidate(); app.views.draw();
  app.sweep?.redraw();
  app.link?.();
}

/** The full page's link to the running experiment (an embed's link without `embed=`). */
function fullLink(app) {
  const v = app.viewOptions();
  delete v.embed;
  return `${location.href.split('#')[0]}#${app.pg.permalink(v)}`;
}

/** The hand-path and high-contrast checkboxes: the first is kept in the link, the second switches
 * the theme. */
export function setupViewToggles(app) {
  $('show-hand').addEventListener('change', app.link);
  const contrast = $('high-contrast');
  contrast.checked = app.ui.highContrast;
  contrast.addEventListener('change', () => app.setHighContrast(contrast.checked));
  // Each view's Enlarge button: pressed, the view fills the page beside the result; again, back.
  for (const b of document.querySelectorAll('button.enlarge')) {
    b.addEventListener('click', () => {
      app.setFocus(app.ui.focus === b.dataset.view ? null : b.dataset.view);
      b.scrollIntoView({ block: 'nearest' });
    });
  }
  // A printed page carries the link that replays its run (the controls are not printed).
  window.addEventListener('beforeprint', () => {
    $('print-link').textContent = t('print-link', { link: app.fullLink() });
  });
}
