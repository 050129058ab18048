// The Sweep panel's form: the parameter and measure menus (in the page's language), the sweep the
// form asks for (checked by core), and a link's `sweep=` value written from a sweep and read back
// into the form.

import { t } from './i18n.js';

/** The measures a sweep can show (core's keys), in menu order. */
const MEASURES = ['error', 'executed', 'reward', 'reach', 'adapt', 'regime'];

/** What the sweep `spec` shows: the menu's choice when it started, or what its link asked for. */
export const measureOf = (spec) => spec?.measure ?? 'error';

/** A field's number; an empty or non-numeric field is refused with its name (never read as 0). */
function fieldNumber(input, name) {
  const text = input.value.trim();
  const x = Number(text);
  if (text === '') throw new Error(t('sweep-empty', { field: name }));
  if (!Number.isFinite(x)) throw new Error(t('sweep-not-a-number', { field: name, value: text.slice(0, 40) }));
  return x;
}

/** The two parameter menus: the swept parameter, and the second one of a map (or none). */
export function setupMenus(schema, els) {
  setupParamMenu(schema, els, { initial: 'loop_strength' });
  setupParamMenu(schema, { param: els.param2, from: els.from2, to: els.to2 }, { initial: '', none: t('sweep-none') });
  const syncCount2 = () => { els.count2.disabled = !els.param2.value; };
  els.param2.addEventListener('change', syncCount2);
  syncCount2();
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

/** Writes `entries` (`[[value, text]]`) into `menu`: the first time its options, then (a new
 * language) only their words — the menu, its choice and the focus stay. */
function fillMenu(menu, entries) {
  const same = menu.options.length === entries.length && entries.every(([v], i) => menu.options[i].value === v);
  if (same) entries.forEach(([, text], i) => { menu.options[i].textContent = text; });
  else menu.replaceChildren(...entries.map(([v, text]) => new Option(text, v)));
}

/** The entries of a parameter menu, in the page's language (the chosen key is kept). */
export function fillParamMenu(schema, param, none) {
  const chosen = param.value;
  const real = schema.filter((x) => x.domain.type === 'real').map((s) => [s.key, `${s.label} (${s.key})`]);
  fillMenu(param, none ? [['', none], ...real] : real);
  param.value = chosen;
}

/** Fills the "Show" menu in the page's language (the choice is kept). */
export function fillMeasureMenu(menu) {
  const chosen = menu.value || 'error';
  fillMenu(menu, MEASURES.map((m) => [m, t(`measure-${m}`)]));
  menu.value = chosen;
}

/** The sweep the form asks for: its jobs (from core, which checks the ranges), the number of
 * workers, and its spec; an error names the field. */
export function readForm(pg, els) {
  const { param, from, to, count, seeds, trials, workers } = els;
  const n = fieldNumber(workers, t('sweep-workers'));
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(t('sweep-workers-range', { value: workers.value.slice(0, 20) }));
  const [f, upTo, c, s, tr] = [[from, 'sweep-from'], [to, 'sweep-to'], [count, 'sweep-count'], [seeds, 'sweep-seeds'], [trials, 'sweep-trials']].map(([el, id]) => fieldNumber(el, t(id)));
  const param2 = els.param2.value || null;
  const range2 = param2 ? [[els.from2, 'sweep-from2'], [els.to2, 'sweep-to2'], [els.count2, 'sweep-count2']].map(([el, id]) => fieldNumber(el, t(id))) : null;
  const jobs = pg.sweepJobs(param.value, f, upTo, c, s, tr, param2, range2);
  const uniq = (xs) => [...new Set(xs)];
  const spec = {
    param: param.value, from: f, to: upTo, trials: tr, seeds: s, base: pg.view().pending_entries, param2,
    values: uniq(jobs.map((j) => j.value)), values2: param2 ? uniq(jobs.map((j) => j.value2)) : null,
    count: c, range2, measure: els.measure.value || 'error',
  };
  return { jobs, n, spec };
}

/** A started sweep `spec` as a link's `sweep=` value (null for none). */
export function sweepLink(spec) {
  if (!spec) return null;
  const axis = (p, f, t, c) => `${p}:${f}:${t}:${c}`;
  const parts = [axis(spec.param, spec.from, spec.to, spec.count)];
  if (spec.param2) parts.push(axis(spec.param2, ...spec.range2));
  parts.push(`seeds:${spec.seeds}`, `trials:${spec.trials}`);
  if (measureOf(spec) !== 'error') parts.push(`measure:${spec.measure}`);
  return parts.join(',');
}

/** Fills the panel's fields from a link's `sweep=` value (already checked by core). */
export function fillFromLink(els, value) {
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
