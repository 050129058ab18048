// The Sweep panel: final |error| — or another measure, or the regime of each run — against a
// parameter over seeds, computed by Web Workers on all cores, with progress, ETA and Cancel.
import { Playground } from './pkg/bgloop.js';
import { fitCanvas } from './charts.js';
import { download, svgToPng } from './export.js';
import { t, fixed, num } from './i18n.js';
import { writeTable } from './describe.js';

/** The size of an exported sweep figure, CSS px (as `bgloop sweep --figure`). */
const SWEEP_FIGURE_SIZE = [900, 520];

/** The sweep `state` as an SVG figure (the one `bgloop sweep --figure` draws). */
function sweepSvg(pg, { spec, outcomes }) {
  const shown = pg.shownConfig();
  const marker = spec.param2 ? [shown[spec.param], shown[spec.param2]] : null;
  return Playground.sweepSvg(spec.param, [spec.from, spec.to], spec.param2, spec.values, spec.values2 ?? [], outcomes, [spec.seeds, spec.trials], marker, SWEEP_FIGURE_SIZE, measureOf(spec));
}

/** The export buttons: enabled once a sweep has finished; SVG, or the SVG drawn as a PNG at 2×. */
function setupExport(pg, state) {
  const name = () => `bgloop-sweep-${state.spec.param}${state.spec.param2 ? `-${state.spec.param2}` : ''}`;
  document.getElementById('sweep-svg').addEventListener('click', () => download(`${name()}.svg`, sweepSvg(pg, state), 'image/svg+xml'));
  document.getElementById('sweep-png').addEventListener('click', async () => download(`${name()}.png`, await svgToPng(sweepSvg(pg, state), SWEEP_FIGURE_SIZE, 2), 'image/png'));
  return (done) => ['sweep-svg', 'sweep-png'].forEach((id) => { document.getElementById(id).disabled = !done; });
}

/** A field's number; an empty or non-numeric field is refused with its name (never read as 0). */
function fieldNumber(input, name) {
  const text = input.value.trim();
  const x = Number(text);
  if (text === '') throw new Error(t('sweep-empty', { field: name }));
  if (!Number.isFinite(x)) throw new Error(t('sweep-not-a-number', { field: name, value: text.slice(0, 40) }));
  return x;
}

/** Fills a parameter menu with the real-valued parameters and keeps its From/To in range; with
 * `none`, the menu starts with that choice (no second parameter: a curve, not a map). */
function setupParamMenu(schema, { param, from, to }, { initial, none = null }) {
  const real = schema.filter((s) => s.domain.type === 'real');
  fillParamMenu(schema, param, none);
  param.value = initial;
  const starts = { loop_strength: [0.25, 1.5], dopamine: [0.5, 1.5] };
  const syncRange = () => {
    const s = real.find((x) => x.key === param.value);
    from.disabled = to.disabled = !s;
    if (!s) return;
    from.min = to.min = s.domain.min; from.max = to.max = s.domain.max; from.step = to.step = s.domain.step;
    [from.value, to.value] = starts[param.value] ?? [s.domain.min, s.domain.max];
  };
  param.addEventListener('change', syncRange);
  syncRange();
}

/** The entries of a parameter menu, in the page's language (the chosen key is kept). */
function fillParamMenu(schema, param, none) {
  const chosen = param.value;
  param.replaceChildren();
  if (none) param.append(new Option(none, ''));
  for (const s of schema.filter((x) => x.domain.type === 'real')) param.append(new Option(`${s.label} (${s.key})`, s.key));
  param.value = chosen;
}

/** The measures a sweep can show (core's keys), in menu order. */
const MEASURES = ['error', 'executed', 'reward', 'reach', 'adapt', 'regime'];

/** What the sweep `spec` shows: the menu's choice when it started, or what its link asked for. */
const measureOf = (spec) => spec?.measure ?? 'error';

/** Fills the "Show" menu in the page's language (the choice is kept). */
function fillMeasureMenu(menu) {
  const chosen = menu.value || 'error';
  menu.replaceChildren(...MEASURES.map((m) => new Option(t(`measure-${m}`), m)));
  menu.value = chosen;
}

/** Draws the sweep so far: its curve, or its map (and says the cell being read). */
function drawSweep(pg, state, canvas, hc, readout) {
  const { spec, outcomes } = state;
  if (!spec) return;
  if (spec.param2) {
    const shown = pg.shownConfig();
    state.layout = Playground.drawSweepMap(canvas, spec.param, spec.param2, spec.values, spec.values2, outcomes, fitCanvas(canvas), hc, [shown[spec.param], shown[spec.param2]], measureOf(spec));
    readout.show();
  } else {
    Playground.drawSweep(canvas, spec.param, spec.from, spec.to, outcomes, fitCanvas(canvas), hc, measureOf(spec));
  }
  // The sweep in words (core's): the canvas's name with its counts, and its data table.
  const d = Playground.describeSweep(outcomes, spec.param, spec.param2, spec.values, spec.values2 ?? [], measureOf(spec));
  canvas.setAttribute('aria-label', d.label);
  const box = document.querySelector('details.data[data-view="sweep"] .data-body');
  if (box) writeTable(box, d.table);
}

/** The two parameter menus: the swept parameter, and the second one of a map (or none). */
function setupMenus(schema, els) {
  setupParamMenu(schema, els, { initial: 'loop_strength' });
  setupParamMenu(schema, { param: els.param2, from: els.from2, to: els.to2 }, { initial: '', none: t('sweep-none') });
  const syncCount2 = () => { els.count2.disabled = !els.param2.value; };
  els.param2.addEventListener('change', syncCount2);
  syncCount2();
}

/** The sweep the form asks for: its jobs (from core, which checks the ranges), the number of
 * workers, and its spec; an error names the field. */
function readForm(pg, els) {
  const { param, from, to, count, seeds, trials, workers } = els;
  const n = fieldNumber(workers, t('sweep-workers'));
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(t('sweep-workers-range', { value: workers.value.slice(0, 20) }));
  const [f, upTo, c, s, tr] = [[from, 'sweep-from'], [to, 'sweep-to'], [count, 'sweep-count'], [seeds, 'sweep-seeds'], [trials, 'sweep-trials']].map(([el, id]) => fieldNumber(el, t(id)));
  const param2 = els.param2.value || null;
  const range2 = param2 ? [[els.from2, 'sweep-from2'], [els.to2, 'sweep-to2'], [els.count2, 'sweep-count2']].map(([el, id]) => fieldNumber(el, t(id))) : null;
  const jobs = pg.sweepJobs(param.value, f, upTo, c, s, tr, param2, range2);
  const uniq = (xs) => [...new Set(xs)];
  const spec = {
    param: param.value, from: f, to: upTo, trials: tr, seeds: s, base: pg.pendingEntries(), param2,
    values: uniq(jobs.map((j) => j.value)), values2: param2 ? uniq(jobs.map((j) => j.value2)) : null,
    count: c, range2, measure: els.measure.value || 'error',
  };
  return { jobs, n, spec };
}

/**
 * Wires the panel; `pg` supplies the pending configuration that the sweep varies, and
 * `highContrast()` the page's theme.
 */
export function setupSweep(pg, schema, els, { highContrast, onStart, budget = Infinity, trialMs = 2 }) {
  const { param, workers, run, cancel, progress, status, canvas } = els;
  setupMenus(schema, els);
  fillMeasureMenu(els.measure);
  // Another measure redraws the sweep at once (the runs carry every measure) and is kept in the
  // link.
  els.measure.addEventListener('change', () => {
    if (state.spec) state.spec.measure = els.measure.value;
    state.points = null;
    draw();
    readout.show();
    if (state.spec) onStart?.();
  });
  const cores = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 16));
  workers.max = cores;
  workers.value = cores;

  // `said`: the status line as an id and its arguments, to say again in a new language.
  const state = { pool: [], outcomes: [], spec: null, said: ['sweep-ready', null] };
  const say = (id, args = null) => { state.said = [id, args]; status.textContent = t(id, args); };
  say('sweep-ready');
  const draw = () => drawSweep(pg, state, canvas, highContrast(), readout);

  new ResizeObserver(draw).observe(canvas.parentElement);
  const readout = setupReadout(state, canvas, $readout());
  const exportable = setupExport(pg, state);
  /** Stops the workers; says `id` (with `args`) if given. */
  const stop = (id = null, args = null) => {
    exportable(Boolean(state.spec) && state.outcomes.length > 0 && state.outcomes.length === state.total);
    for (const w of state.pool) w.terminate();
    state.pool = [];
    run.disabled = false;
    cancel.disabled = true;
    if (id) say(id, args);
  };
  cancel.addEventListener('click', () => stop('sweep-cancelled', { runs: state.outcomes.length }));

  const ask = els.ask;
  run.addEventListener('click', () => {
    let jobs;
    let n;
    ask.hidden = true;
    try {
      ({ jobs, n, spec: state.spec } = readForm(pg, els));
    } catch (e) {
      say('sweep-problem', { why: e.message });
      return;
    }
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
  });
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
      fillParamMenu(fresh, param, null);
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
      if (!embedded && size.work <= budget) { run.click(); return; }
      // Not started: the old sweep's map goes, the address keeps the link's sweep.
      forget(state, els);
      state.spec = null;
      const seconds = Math.max(1, Math.round((size.work * trialMs) / 1000 / size.workers));
      say('sweep-ask', { runs: size.runs, trials: size.trials, seconds, workers: size.workers });
      ask.hidden = false;
      onStart?.();
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

const $readout = () => document.getElementById('sweep-readout');

/** Least time between two draws of a running sweep, ms. */
const DRAW_EVERY_MS = 250;

/** The sweep's summary per value or cell (core's), computed again only when new outcomes came —
 * and while a sweep runs at most every DRAW_EVERY_MS: a pointer moving over the map reads it. */
function pointsOf(state) {
  const { spec, outcomes } = state;
  const now = performance.now();
  const stale = state.pointsFor !== outcomes.length && (outcomes.length === state.total || !state.pointsAt || now - state.pointsAt > DRAW_EVERY_MS);
  if (!state.points || state.pointsSpec !== spec || stale) {
    state.points = Playground.sweepPoints(outcomes, spec.param, spec.param2);
    state.pointsFor = outcomes.length;
    state.pointsAt = now;
    state.pointsSpec = spec;
  }
  return state.points;
}

/**
 * Reading a map: the cell under the pointer, or the cell chosen with the arrow keys once the map
 * has focus, is said in words below it — both parameters, the mean final |error| ± SD and the
 * seeds' range (from core's summary).
 */
function setupReadout(state, canvas, out) {
  let at = null; // [i, j]: indices into the values of each axis
  const say = () => {
    const { spec, layout } = state;
    if (!spec?.param2 || !layout || !at) { out.textContent = ''; return; }
    const [x, y] = [spec.values[at[0]], spec.values2[at[1]]];
    const cell = pointsOf(state).find((p) => p.value === x && p.value2 === y);
    const diverged = cell?.diverged ? t('sweep-cell-diverged', { n: cell.diverged }) : '';
    let said = t('sweep-cell-pending');
    if (cell && cell.n === 0) said = t('sweep-cell-all-diverged', { n: cell.diverged });
    else if (cell) said = t('sweep-cell', { mean: fixed(cell.mean, 1), sd: fixed(cell.sd, 1), n: cell.n, min: fixed(cell.min, 1), max: fixed(cell.max, 1), diverged });
    // The cell's figures from core, computed again only when the cell or its runs changed.
    const key = `${x},${y},${state.outcomes.length},${spec.measure}`;
    if (cell && state.cellKey !== key) {
      state.cellKey = key;
      state.cellSaid = regimeSaid(Playground.sweepCell(state.outcomes, spec.param, spec.param2, x, y));
    }
    const regime = cell ? state.cellSaid : '';
    out.textContent = `${spec.param} ${num(x)}, ${spec.param2} ${num(y)}: ${regime}${said}`;
  };
  const nearest = (values, v) => values.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(values[best] - v) ? i : best), 0);
  canvas.addEventListener('pointermove', (e) => {
    const { spec, layout } = state;
    if (!spec?.param2 || !layout) return;
    const r = canvas.getBoundingClientRect();
    const [px, py] = [(e.clientX - r.left) * (canvas.width / r.width), (e.clientY - r.top) * (canvas.height / r.height)];
    const [l, t, rt, b] = layout.pixels;
    if (px < l || px > rt || py < t || py > b) return;
    const x = layout.x[0] + ((px - l) / (rt - l)) * (layout.x[1] - layout.x[0]);
    const y = layout.y[1] - ((py - t) / (b - t)) * (layout.y[1] - layout.y[0]);
    at = [nearest(spec.values, x), nearest(spec.values2, y)];
    say();
  });
  canvas.tabIndex = 0;
  canvas.addEventListener('keydown', (e) => {
    const { spec } = state;
    const move = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
    if (!spec?.param2 || !move) return;
    e.preventDefault();
    at = at ?? [0, 0];
    at = [Math.max(0, Math.min(spec.values.length - 1, at[0] + move[0])), Math.max(0, Math.min(spec.values2.length - 1, at[1] + move[1]))];
    say();
  });
  canvas.addEventListener('focus', () => { if (state.spec?.param2) { at = at ?? [0, 0]; say(); } });
  return { show: say };
}

/**
 * A cell's regime and its figures in words (core's `sweepCell`): "no movement (3 of 3 seeds):
 * 12% of reaches executed, reach time 290 ms, mean reward 0.05 — why: … · ", or '' for runs
 * made before regimes.
 */
function regimeSaid(c) {
  if (!c || c.regimes.length === 0) return '';
  const [[regime, count]] = c.regimes;
  const others = c.regimes.slice(1).map(([r, n]) => `${t(`regime-${r}`)} ${n}`).join(', ');
  const figures = [
    c.executed != null ? t('sweep-cell-executed', { percent: fixed(100 * c.executed, 0) }) : null,
    c.reach_ms != null ? t('sweep-cell-reach', { ms: fixed(c.reach_ms, 0) }) : t('sweep-cell-no-reach'),
    c.reward != null ? t('sweep-cell-reward', { reward: fixed(c.reward, 2) }) : null,
    t('sweep-cell-adapted', { n: c.adapted_runs, runs: c.runs }),
  ].filter(Boolean).join(', ');
  return t('sweep-cell-regime', {
    regime: t(`regime-${regime}`), count, runs: c.runs - c.diverged,
    others: others ? t('sweep-cell-others', { others }) : '', figures, why: t(`regime-why-${regime}`),
  });
}

/** Forgets the last sweep: no spec, no outcomes, an empty plot. */
function forget(state, { progress, canvas }) {
  state.spec = null;
  state.outcomes = [];
  state.layout = null;
  $readout().textContent = '';
  progress.value = 0;
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
  document.querySelector('details.data[data-view="sweep"] .data-body')?.replaceChildren();
  // The canvas's name goes back to the catalog's, not the last sweep's counts.
  const label = Playground.message('sweep-canvas', null).attributes['aria-label'];
  if (label) canvas.setAttribute('aria-label', label);
}

/** A started sweep `spec` as a link's `sweep=` value (null for none). */
function sweepLink(spec) {
  if (!spec) return null;
  const axis = (p, f, t, c) => `${p}:${f}:${t}:${c}`;
  const parts = [axis(spec.param, spec.from, spec.to, spec.count)];
  if (spec.param2) parts.push(axis(spec.param2, ...spec.range2));
  parts.push(`seeds:${spec.seeds}`, `trials:${spec.trials}`);
  if (measureOf(spec) !== 'error') parts.push(`measure:${spec.measure}`);
  return parts.join(',');
}

/** Fills the panel's fields from a link's `sweep=` value (already checked by core). */
function fillFromLink(els, value) {
  const set = (el, v) => { el.value = String(v); el.dispatchEvent(new Event('change')); };
  const axes = [];
  let measure = 'error';
  for (const part of value.split(',')) {
    const [k, ...rest] = part.split(':');
    if (k === 'seeds') els.seeds.value = rest[0];
    else if (k === 'trials') els.trials.value = rest[0];
    else if (k === 'measure') measure = rest[0];
    else axes.push([k, ...rest]);
  }
  const [first, second] = axes;
  set(els.param, first[0]);
  [els.from.value, els.to.value, els.count.value] = first.slice(1);
  set(els.param2, second ? second[0] : '');
  if (second) [els.from2.value, els.to2.value, els.count2.value] = second.slice(1);
  els.measure.value = measure;
}

/** Runs `jobs` on `n` Web Workers, reporting progress and an ETA, drawing as outcomes arrive (at
 * most once a frame). */
function startWorkers(state, jobs, n, { progress, say, draw, stop }) {
  // Drawn a few times a second at most, and never more than a fifth of the time: a map of 100,000
  // runs takes a third of a second to draw, and the page must stay responsive meanwhile.
  let queued = false;
  let lastDraw = 0;
  let drawCost = 0;
  const drawNow = () => {
    const t0 = performance.now();
    draw();
    drawCost = performance.now() - t0;
    lastDraw = performance.now();
  };
  const drawSoon = () => {
    if (queued) return;
    queued = true;
    const wait = Math.max(0, lastDraw + Math.max(DRAW_EVERY_MS, 4 * drawCost) - performance.now());
    setTimeout(() => requestAnimationFrame(() => { queued = false; drawNow(); }), wait);
  };
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
    if (outcomes.length === jobs.length) { drawNow(); stop(); return; }
    drawSoon();
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
