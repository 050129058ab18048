// Rendering: shows the model as it is now, from one snapshot (`pg.view()`), in every part of the
// page that depends on it — the views, the status line and its announcement, the result, the end
// trial — and tells an embed's host about the trials that finished.

import { renderResult, resultSentence } from './result.js';
import { renderSummary } from './describe.js';
import { tellHost } from './embed.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/**
 * Shows the model as it is now: every part of the page that depends on it, from one snapshot
 * (`pg.view()`). `quiet` (animation frames) throttles the status line; any other change shows it
 * at once.
 */
export function render(app, { quiet = false } = {}) {
  const { pg, ui } = app;
  // An embed's host is told of every new record: the view carries each run's since the last told.
  const since = ui.embedded ? { A: ui.reported ?? 0, B: Math.min(ui.reportedB ?? 0, ui.reported ?? 0) } : undefined;
  const view = pg.view(since);
  const fresh = view.generation !== ui.generation;
  ui.generation = view.generation;
  if (fresh) {
    // A new run: what belonged to the old one goes.
    $('live').hidden = true;
    ui.reported = view.trials;
    ui.reportedB = view.trials;
    // A comparison: load run B's worker now, so it is ready when fast-forward starts.
    app.player?.twin.prepare();
  }
  app.controls?.show(view.shown, { clear: fresh });
  app.renderEvents?.(view.events);
  app.renderCompare?.(view);
  app.renderPreset?.(view.preset);
  $('pending').hidden = !view.pending;
  $('reset').classList.toggle('attention', view.pending);
  app.views.invalidate(); app.views.draw();
  app.status.show(view.status, { force: !quiet });
  renderResult($('result-body'), view.said);
  app.status.announce(announcement(view), { force: !quiet });
  app.describe?.({ force: !quiet });
  renderSummary(view, app.presets.find((p) => p.name === view.preset), Boolean(app.player?.playing));
  ui.window = view.window;
  renderEnd(app, view);
  reportTrials(app, view, fresh);
  app.link();
}

/** What the live region says of `view`: the trial and the result over its window(s) — or the
 * status line itself before a first trial and when the run stopped. */
function announcement(view) {
  if (view.trials === 0 || view.halted) return view.status;
  return t('announce-result', { trial: view.trials, result: resultSentence(view.said) });
}

/** Says where the run stops (`to=`), and that it stopped there; the Run-to field shows it. */
function renderEnd(app, view) {
  const { ui } = app;
  const note = $('end-note');
  const end = ui.endTrial;
  note.hidden = end === null;
  if (end !== null) {
    note.textContent = view.trials >= end
      ? t(ui.loop ? 'end-stopped-loop' : 'end-stopped', { trial: end })
      : t('end-runs-to', { trial: end });
  }
  const field = $('run-to');
  if (document.activeElement !== field) field.value = end === null ? '' : String(end);
}

/**
 * An embed tells its host about every finished trial: one event per frame with all of them
 * (and run B's, while comparing).
 */
function reportTrials(app, view, fresh) {
  const { ui } = app;
  const n = view.trials;
  if (ui.embedded && !fresh) {
    const records = view.records.A;
    const payload = { record: records.length ? records[records.length - 1] : view.last_record, records };
    let bNew = 0;
    if (view.comparing) {
      // Run B may trail A (its worker hands it back in slices): B's records are sent from the
      // last one sent, so none is skipped or sent twice.
      const b = view.records.B;
      payload.b = { record: b[b.length - 1], records: b };
      bNew = b.length;
      if (bNew) ui.reportedB = b[b.length - 1].trial;
    }
    if (records.length || bNew) tellHost('bgloop:trial', payload);
  }
  ui.reported = n;
  if (!view.comparing) ui.reportedB = n;
}
