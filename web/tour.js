// The guided tour: steps are data (core's built-in tour, or a checked JSON file), shown one at a
// time above the views. Each step opens its experiment, runs its trials at its speed and outlines
// the view to look at. Back / Next, ← / →, focus on the step's title; under reduced motion a step
// shows its end state at once.

import { Playground } from './pkg/bgloop.js';

const $ = (id) => document.getElementById(id);

/**
 * Wires the tour. `app` supplies `pg`, `openLink(link)` (opens an experiment as a fresh load
 * would), `runTrials(n, speed)` (plays until n trials have run), `setPlaying`, `redraw` and `link`.
 */
export function setupTour(app) {
  const section = $('tour');
  const title = $('tour-title');
  const text = $('tour-text');
  const counter = $('tour-counter');
  const back = $('tour-back');
  const next = $('tour-next');
  const problem = $('tour-problem');
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  let tour = Playground.tour();
  $('tour-open').textContent = `Take the tour: the paper in ${tour.steps.length} steps`;
  let source = null; // the path of a tour file, or null for the built-in tour
  let index = -1;

  const outline = (view) => {
    document.querySelectorAll('.tour-focus').forEach((e) => e.classList.remove('tour-focus'));
    if (view) document.querySelector(`.views [data-part="${view}"]`)?.classList.add('tour-focus');
  };

  /** Shows step `i` (from 0) and runs it. */
  const show = (i, { focus = true } = {}) => {
    index = Math.max(0, Math.min(tour.steps.length - 1, i));
    const step = tour.steps[index];
    section.hidden = false;
    problem.hidden = true;
    counter.textContent = `${tour.title} · step ${index + 1} of ${tour.steps.length}`;
    title.textContent = step.title;
    text.textContent = step.text;
    back.disabled = index === 0;
    next.textContent = index === tour.steps.length - 1 ? 'Finish' : 'Next →';
    app.openLink(step.link, { speed: step.speed });
    outline(step.view);
    app.link();
    if (focus) title.focus();
    if (step.trials > 0) {
      if (reduced) {
        app.pg.runTrials(step.trials);
        app.redraw();
      } else {
        app.runTrials(step.trials);
      }
    }
  };

  const close = () => {
    index = -1;
    section.hidden = true;
    outline(null);
    app.setPlaying(false);
    app.link();
    $('tour-open').focus();
  };

  back.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => (index >= tour.steps.length - 1 ? close() : show(index + 1)));
  $('tour-close').addEventListener('click', close);
  $('tour-open').addEventListener('click', () => show(0));
  document.addEventListener('keydown', (e) => {
    if (index < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) return;
    if (e.key === 'ArrowRight' && index < tour.steps.length - 1) { e.preventDefault(); show(index + 1); }
    else if (e.key === 'ArrowLeft' && index > 0) { e.preventDefault(); show(index - 1); }
    else if (e.key === 'Escape') close();
  });

  const fail = (message) => {
    section.hidden = false;
    problem.hidden = false;
    problem.textContent = message;
  };

  return {
    /** The step shown (from 1), or the tour file, for the link; null when closed. */
    linkValue: () => (index < 0 ? null : (source ?? String(index + 1))),
    /** Opens step `n` (from 1) of the current tour. */
    step: (n, opts) => show(n - 1, opts),
    /** Replaces the tour with `candidate` (an object or JSON text), checked by core; opens step 1. */
    load(candidate, opts) {
      const json = typeof candidate === 'string' ? candidate : JSON.stringify(candidate);
      tour = Playground.parseTour(json);
      show(0, opts);
    },
    /** Opens the tour named by a link's `tour=` value: a step number or a same-origin file. */
    async open(value, opts) {
      if (/^\d+$/.test(value)) { show(Number(value) - 1, opts); return; }
      try {
        const response = await fetch(new URL(value, location.href), { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`${value}: HTTP ${response.status}`);
        tour = Playground.parseTour(await response.text());
        source = value;
        show(0, opts);
      } catch (e) {
        fail(`The tour ${value} could not be opened: ${(e && e.message) || e}`);
      }
    },
    close,
  };
}
