// The end trial (`to=`, the Run-to control) and `loop=`: playing stops there, or starts over; a
// link with an end trial runs to it on opening. Also Step, which runs one trial and stops.

import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** The end trial (`to=`, the Run-to control) and `loop=`: playing stops there, or starts over. */
export function setupEnd(app) {
  const { pg, ui } = app;
  /**
   * Plays, up to the end trial if one is set. At the end: with `loop`, the run starts again; else
   * the reader's Play goes on past it (the end is dropped from the link), and an automatic start
   * (an embed scrolled into view) does nothing.
   */
  app.play = ({ byReader = true } = {}) => {
    if (byReader) ui.userPaused = false;
    app.showError(null);
    const atEnd = ui.endTrial !== null && pg.trialCount() >= ui.endTrial;
    if (atEnd && ui.loop) {
      pg.reset();
      app.render();
    } else if (atEnd && byReader) {
      ui.endTrial = null;
      app.render();
    } else if (atEnd) {
      return;
    }
    app.player.limit = null;
    app.setPlaying(true);
    if (ui.endTrial !== null) app.player.playUntil(ui.endTrial);
  };
  app.player.onLimit = () => {
    app.setPlaying(false);
    // A looping demo starts again after a moment to look at the end.
    if (ui.endTrial !== null && ui.loop) {
      setTimeout(() => { if (!ui.userPaused && !app.player.playing) app.play({ byReader: false }); }, 2500);
    }
  };
  setupRunTo(app);
  // Step runs one trial in slices (a trial of several seconds at a fine time step never blocks).
  app.stepOne = () => {
    const before = pg.trialCount();
    app.setPlaying(false);
    // Pausing at a counted speed finished the trial in progress: that was the step.
    if (pg.trialCount() > before) { app.showError(null); app.render(); return Promise.resolve(); }
    return app.player.stepTrial().then(() => { app.showError(null); app.render(); });
  };
}

/** The Run-to control's Go button: a trial after the present one becomes the end trial, and
 * playing starts; anything else is refused with the reason. */
function setupRunTo(app) {
  const { pg, ui } = app;
  $('run-to-go').addEventListener('click', () => {
    const field = $('run-to');
    const n = Number(field.value);
    if (field.value.trim() === '' || !Number.isInteger(n) || n < 1 || n > 100000) {
      app.showError(new Error(t('run-to-not-a-trial', { value: field.value.trim().slice(0, 20) || t('run-to-nothing') })));
      return;
    }
    if (n <= pg.trialCount()) {
      app.showError(new Error(t('run-to-already', { trial: n, done: pg.trialCount() })));
      return;
    }
    ui.endTrial = n;
    // Windows that would end after the new end could never be complete: they go.
    if (ui.window) {
      const kept = ui.window.split(',').filter((w) => Number(w.split('-')[1]) <= n);
      pg.setWindows(kept.join(','));
    }
    app.play();
  });
}

/**
 * A link with an end trial (`to=N`) runs to it on opening and stops there — at its speed, or at
 * once under reduced motion. An embed starts when it is scrolled into view instead.
 */
export function runToEnd(app) {
  const { ui } = app;
  if (ui.endTrial === null || ui.embedded) return;
  if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) runAtOnce(app);
  else app.play({ byReader: false });
}

/** Runs to the end trial at once (no animation) and shows the result there. */
export function runAtOnce(app) {
  const { pg, ui } = app;
  if (ui.endTrial === null || pg.trialCount() >= ui.endTrial) return;
  pg.runTrials(ui.endTrial - pg.trialCount());
  app.render();
}
