// The Sweep panel's chart: the curve or map (drawn by core) and its data table, the map read in
// words (the cell under the pointer, or chosen with the arrow keys), the SVG and PNG exports, and
// an empty chart when a sweep is forgotten.

import { extrasNow } from './extras.js';
import { fitCanvas } from './charts.js';
import { download, svgToPng } from './export.js';
import { t, fixed, num, message } from './i18n.js';
import { writeTable } from './describe.js';
import { measureOf } from './sweep-form.js';

/** The sweep functions of the second module (loaded before a sweep starts: `startSweep`). */
const sweeps = () => extrasNow().Sweeps;

/** The size of an exported sweep figure, CSS px (as `bgloop sweep --figure`). */
const SWEEP_FIGURE_SIZE = [900, 520];

/** The sweep `state` as an SVG figure (the one `bgloop sweep --figure` draws). */
function sweepSvg(pg, { spec, outcomes }) {
  const shown = pg.view().shown;
  const marker = spec.param2 ? [shown[spec.param], shown[spec.param2]] : null;
  return sweeps().svg(spec.param, [spec.from, spec.to], spec.param2, spec.values, spec.values2 ?? [], outcomes, [spec.seeds, spec.trials], marker, SWEEP_FIGURE_SIZE, measureOf(spec));
}

/** The export buttons: enabled once a sweep has finished; SVG, or the SVG drawn as a PNG at 2×. */
export function setupExport(pg, state) {
  const name = () => `bgloop-sweep-${state.spec.param}${state.spec.param2 ? `-${state.spec.param2}` : ''}`;
  document.getElementById('sweep-svg').addEventListener('click', () => download(`${name()}.svg`, sweepSvg(pg, state), 'image/svg+xml'));
  document.getElementById('sweep-png').addEventListener('click', async () => download(`${name()}.png`, await svgToPng(sweepSvg(pg, state), SWEEP_FIGURE_SIZE, 2), 'image/png'));
  return (done) => ['sweep-svg', 'sweep-png'].forEach((id) => { document.getElementById(id).disabled = !done; });
}

/** Draws the sweep so far: its curve, or its map (and says the cell being read). */
export function drawSweep(pg, state, canvas, hc, readout) {
  const { spec, outcomes } = state;
  // Nothing to draw before a sweep, or while its module is on its way (it is drawn once there).
  if (!spec || !extrasNow()) return;
  const Sweeps = sweeps();
  if (spec.param2) {
    const shown = pg.view().shown;
    state.layout = Sweeps.drawMap(canvas, spec.param, spec.param2, spec.values, spec.values2, outcomes, fitCanvas(canvas), hc, [shown[spec.param], shown[spec.param2]], measureOf(spec));
    readout.show();
  } else {
    Sweeps.draw(canvas, spec.param, spec.from, spec.to, outcomes, fitCanvas(canvas), hc, measureOf(spec));
  }
  // The sweep in words (core's): the canvas's name with its counts, and its data table.
  const d = Sweeps.describe(outcomes, spec.param, spec.param2, spec.values, spec.values2 ?? [], measureOf(spec));
  canvas.setAttribute('aria-label', d.label);
  const box = document.querySelector('details.data[data-view="sweep"] .data-body');
  if (box) writeTable(box, d.table);
}

/** The line below the map that says the cell being read. */
export const $readout = () => document.getElementById('sweep-readout');

/** Least time between two draws of a running sweep, ms. */
export const DRAW_EVERY_MS = 250;

/** The sweep's summary per value or cell (core's), computed again only when new outcomes came —
 * and while a sweep runs at most every DRAW_EVERY_MS: a pointer moving over the map reads it. */
function pointsOf(state) {
  const { spec, outcomes } = state;
  const now = performance.now();
  const stale = state.pointsFor !== outcomes.length && (outcomes.length === state.total || !state.pointsAt || now - state.pointsAt > DRAW_EVERY_MS);
  if (!state.points || state.pointsSpec !== spec || stale) {
    state.points = sweeps().points(outcomes, spec.param, spec.param2);
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
export function setupReadout(state, canvas, out) {
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
      state.cellSaid = regimeSaid(sweeps().cell(state.outcomes, spec.param, spec.param2, x, y));
    }
    const regime = cell ? state.cellSaid : '';
    out.textContent = t('sweep-cell-at', { x: `${spec.param} ${num(x)}`, y: `${spec.param2} ${num(y)}`, said: `${regime}${said}` });
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
export function forget(state, { progress, canvas }) {
  state.spec = null;
  state.outcomes = [];
  state.layout = null;
  $readout().textContent = '';
  progress.value = 0;
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
  document.querySelector('details.data[data-view="sweep"] .data-body')?.replaceChildren();
  // The canvas's name goes back to the catalog's, not the last sweep's counts.
  const label = message('sweep-canvas', null).attributes['aria-label'];
  if (label) canvas.setAttribute('aria-label', label);
}
