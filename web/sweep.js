// The Sweep panel: final |error| — or another measure, or the regime of each run — against a
// parameter over seeds, computed by Web Workers on all cores, with progress, ETA and Cancel.
// The form is sweep-form.js's, the chart sweep-chart.js's; this module runs the sweep.
import { t, fixed } from './i18n.js';
import { loadExtras, extrasNow } from './extras.js';
import { setupMenus, fillParamMenu, fillMeasureMenu, readForm, sweepLink, fillFromLink } from './sweep-form.js';
import { drawSweep, setupReadout, setupExport, forget, $readout, DRAW_EVERY_MS } from './sweep-chart.js';

/**
 * Wires the panel; `pg` supplies the pending configuration that the sweep varies, and
 * `highContrast()` the page's theme.
 */
export function setupSweep(pg, schema, els, { highContrast, onStart, budget = Infinity, trialMs = 2 }) {
  setupMenus(schema, els);
  fillMeasureMenu(els.measure);
  const cores = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 16));
  els.workers.max = cores;
  els.workers.value = cores;
  const panel = sweepPanel(pg, els, { highContrast, onStart, budget, trialMs });
  // Another measure redraws the sweep at once (the runs carry every measure) and is kept in the
  // link.
  els.measure.addEventListener('change', () => changeMeasure(panel));
  els.cancel.addEventListener('click', () => panel.stop('sweep-cancelled', { runs: panel.state.outcomes.length }));
  els.run.addEventListener('click', () => startSweep(panel));
  return sweepControls(panel);
}

/**
 * The panel's state and what acts on it: `say` (the status line), `draw`, the map's `readout`,
 * `exportable` (the export buttons) and `stop`; with the elements and the options.
 */
function sweepPanel(pg, els, options) {
  const { run, cancel, status, canvas } = els;
  // `said`: the status line as an id and its arguments, to say again in a new language.
  const state = { pool: [], outcomes: [], spec: null, said: ['sweep-ready', null] };
  const panel = { pg, els, state, ...options };
  panel.say = (id, args = null) => { state.said = [id, args]; status.textContent = t(id, args); };
  panel.say('sweep-ready');
  panel.draw = () => drawSweep(pg, state, canvas, options.highContrast(), panel.readout);
  new ResizeObserver(panel.draw).observe(canvas.parentElement);
  panel.readout = setupReadout(state, canvas, $readout());
  panel.exportable = setupExport(pg, state);
  /** Stops the workers; says `id` (with `args`) if given. */
  panel.stop = (id = null, args = null) => {
    panel.exportable(Boolean(state.spec) && state.outcomes.length > 0 && state.outcomes.length === state.total);
    for (const w of state.pool) w.terminate();
    state.pool = [];
    run.disabled = false;
    cancel.disabled = true;
    if (id) panel.say(id, args);
  };
  return panel;
}

/** Shows the sweep in the measure just chosen (the runs carry every measure); a sweep shown keeps
 * it in the link. */
function changeMeasure({ state, els, draw, readout, onStart }) {
  if (state.spec) state.spec.measure = els.measure.value;
  state.points = null;
  draw();
  readout.show();
  if (state.spec) onStart?.();
}

/** Starts the sweep the form asks for on the workers (a form that cannot be run says why). */
async function startSweep({ pg, els, state, say, draw, stop, exportable, onStart }) {
  const { run, cancel, progress } = els;
  let jobs;
  let n;
  els.ask.hidden = true;
  try {
    ({ jobs, n, spec: state.spec } = readForm(pg, els));
  } catch (e) {
    say('sweep-problem', { why: e.message });
    return;
  }
  run.disabled = true;
  // The sweep's module (its workers load it too) is loaded the first time a sweep starts.
  const { spec } = state;
  try {
    if (!extrasNow()) say('sweep-loading');
    await loadExtras();
  } catch (e) {
    run.disabled = false;
    say('sweep-problem', { why: e.message });
    return;
  }
  // A link opened meanwhile has forgotten this sweep.
  if (state.spec !== spec) return;
  state.outcomes = [];
  state.paused = false;
  state.total = jobs.length;
  exportable(false);
  progress.max = jobs.length;
  progress.value = 0;
  run.disabled = true;
  cancel.disabled = false;
  startWorkers(state, jobs, n, { progress, say, draw, stop });
  onStart?.();
}

/** What the page may ask of the panel (`app.sweep`). */
function sweepControls(panel) {
  const { els, state, say, draw, readout, stop } = panel;
  return {
    /** The outcomes of the current or last sweep (`{ value, seed, final_error, … }`), as they came. */
    outcomes: () => state.outcomes.slice(),
    /** Draws the map again (the theme changed). */
    redraw: draw,
    /** Stops any sweep and forgets the last one (a link without a sweep was opened). */
    clear() {
      stop();
      state.pendingLink = null;
      els.ask.hidden = true;
      forget(state, els);
      say('sweep-ready');
    },
    /** The last sweep started, as a link's `sweep=` value (null before any). */
    linkValue: () => (state.spec ? sweepLink(state.spec) : state.pendingLink ?? null),
    /** Writes the panel's menus, readout and chart again in the page's (new) language. */
    relanguage(fresh) {
      fillParamMenu(fresh, els.param, null);
      fillParamMenu(fresh, els.param2, t('sweep-none'));
      fillMeasureMenu(els.measure);
      say(...state.said);
      readout.show();
      draw();
    },
    /**
     * Fills the panel from a link's `sweep=` value (checked by core) and runs it — at once if it
     * is within the link budget, else (and always in an embed) only once the reader says yes,
     * told its size and about how long it takes.
     */
    fromLink(value, { embedded = false } = {}) {
      sweepFromLink(panel, value, embedded);
    },
    /** Stops handing out runs (the page is hidden or scrolled away); the runs under way finish. */
    pause() { state.paused = true; },
    /** Hands out runs again. */
    resume() {
      if (!state.paused) return;
      state.paused = false;
      state.resume?.();
    },
  };
}

/** Fills the panel from a link's `sweep=` value and runs it, or asks first (see `fromLink`). */
function sweepFromLink(panel, value, embedded) {
  const { pg, els, state, say, stop, budget, trialMs, onStart } = panel;
  stop();
  fillFromLink(els, value);
  let size;
  try {
    const { jobs, n, spec } = readForm(pg, els);
    size = { runs: jobs.length, trials: spec.trials, workers: n, work: jobs.length * spec.trials };
  } catch (e) {
    // Refused: the old sweep's map and link go too.
    forget(state, els);
    state.spec = null;
    state.pendingLink = null;
    say('sweep-problem', { why: e.message });
    return;
  }
  state.pendingLink = value;
  if (!embedded && size.work <= budget) { els.run.click(); return; }
  // Not started: the old sweep's map goes, the address keeps the link's sweep.
  forget(state, els);
  state.spec = null;
  const seconds = Math.max(1, Math.round((size.work * trialMs) / 1000 / size.workers));
  say('sweep-ask', { runs: size.runs, trials: size.trials, seconds, workers: size.workers });
  els.ask.hidden = false;
  onStart?.();
}

/**
 * `draw` for a running sweep: drawn a few times a second at most, and never more than a fifth of
 * the time (a map of 100,000 runs takes a third of a second to draw, and the page must stay
 * responsive meanwhile). `soon()` draws when it may, `now()` at once.
 */
function throttledDraw(draw) {
  let queued = false;
  let lastDraw = 0;
  let drawCost = 0;
  const now = () => {
    const t0 = performance.now();
    draw();
    drawCost = performance.now() - t0;
    lastDraw = performance.now();
  };
  const soon = () => {
    if (queued) return;
    queued = true;
    const wait = Math.max(0, lastDraw + Math.max(DRAW_EVERY_MS, 4 * drawCost) - performance.now());
    setTimeout(() => requestAnimationFrame(() => { queued = false; now(); }), wait);
  };
  return { now, soon };
}

/** Runs `jobs` on `n` Web Workers, reporting progress and an ETA, drawing as outcomes arrive (at
 * most once a frame). */
function startWorkers(state, jobs, n, { progress, say, draw, stop }) {
  const drawing = throttledDraw(draw);
  const { spec } = state;
  const started = performance.now();
  let nextJob = 0;
  const idle = [];
  const dispatch = (w) => {
    if (nextJob >= jobs.length) return;
    // Paused (the page is hidden): the worker waits until resumed.
    if (state.paused) { idle.push(w); return; }
    const j = jobs[nextJob++];
    w.postMessage({ id: nextJob, base: spec.base, param: spec.param, value: j.value, seed: j.seed, trials: spec.trials, param2: spec.param2, value2: j.value2 ?? null });
  };
  const onOutcome = (w, outcome) => {
    const { outcomes } = state;
    outcomes.push(outcome);
    progress.value = outcomes.length;
    const elapsed = (performance.now() - started) / 1000;
    const left = (elapsed / outcomes.length) * (jobs.length - outcomes.length);
    if (outcomes.length < jobs.length) say('sweep-running', { done: outcomes.length, runs: jobs.length, seconds: fixed(elapsed, 1), left: fixed(left, 0) });
    else say('sweep-done', { runs: jobs.length, seconds: fixed(elapsed, 1), workers: state.pool.length });
    if (outcomes.length === jobs.length) { drawing.now(); stop(); return; }
    drawing.soon();
    dispatch(w);
  };
  state.resume = () => { while (idle.length) dispatch(idle.pop()); };
  try {
    for (let i = 0; i < Math.min(n, jobs.length); i++) {
      const w = new Worker(new URL('./sweep-worker.js', import.meta.url), { type: 'module' });
      w.onmessage = (e) => {
        if (e.data.error) stop('sweep-stopped', { why: e.data.error });
        else onOutcome(w, e.data.outcome);
      };
      w.onerror = (e) => { e.preventDefault(); stop('sweep-no-workers'); };
      state.pool.push(w);
      dispatch(w);
    }
    say('sweep-starting', { runs: jobs.length, workers: state.pool.length });
    draw();
  } catch (e) {
    stop('sweep-no-workers-because', { why: e.message });
  }
}
