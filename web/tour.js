// The guided tour: steps are data (core's built-in tour, or a checked JSON file), shown one at a
// time above the views. Each step opens its experiment, runs its trials at its speed and outlines
// the view to look at. Back / Next, ← / →, focus on the step's title; under reduced motion a step
// shows its end state at once. Tours are read by the second module (extras.js), loaded when a
// tour is first opened; until then the tour's button says the step count index.html gives it (a
// test keeps it the built-in tour's).

import { t } from './i18n.js';
import { loadExtras, extrasNow } from './extras.js';

const $ = (id) => document.getElementById(id);

/** The most characters of a tour's JSON (core refuses more; checked here before it is copied in). */
export const MAX_TOUR_CHARS = 65_536;
/** How long a tour file may take to arrive, ms. */
const FETCH_MS = 10_000;

/** The tour's JSON text from `candidate` (JSON text or an object), refused when too long. */
function tourText(candidate) {
  const json = typeof candidate === 'string' ? candidate : JSON.stringify(candidate);
  if (typeof json !== 'string') throw new Error('a tour must be an object { title, steps } or its JSON text');
  if (json.length > MAX_TOUR_CHARS) {
    throw new Error(`the tour is ${json.length} characters long; at most ${MAX_TOUR_CHARS}`);
  }
  return json;
}

/** A tour file's text, read with a size cap and a time limit (a response that never ends fails). */
async function fetchTour(url) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_MS);
  try {
    const response = await fetch(url, { credentials: 'same-origin', signal: abort.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_TOUR_CHARS * 4) {
        abort.abort();
        throw new Error(`the file is larger than a tour may be (${MAX_TOUR_CHARS} characters)`);
      }
      chunks.push(value);
    }
    return tourText(new TextDecoder().decode(await new Blob(chunks).arrayBuffer()));
  } catch (e) {
    if (abort.signal.aborted && !(e && /larger than/.test(e.message))) {
      throw new Error(`it did not arrive within ${FETCH_MS / 1000} s`);
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Shows step `index` (from 0) of `tour`: its words, where it is in the tour, and the buttons. */
function fillStep({ section, problem, counter, title, text, back, next }, tour, index, linkTerms) {
  const step = tour.steps[index];
  section.hidden = false;
  problem.hidden = true;
  counter.textContent = `${tour.title} · ${t('tour-counter', { step: index + 1, steps: tour.steps.length })}`;
  title.textContent = step.title;
  linkTerms(text, step.text);
  back.disabled = index === 0;
  next.textContent = t(index === tour.steps.length - 1 ? 'tour-finish' : 'tour-next');
}

/** The tour in the file at `file` (a path on this site), read and checked by core. */
async function tourFile(file) {
  const url = new URL(file, location.href);
  if (url.origin !== location.origin) throw new Error('a tour file must come from this site');
  const text = await fetchTour(url);
  return (await loadExtras()).Tours.parse(text);
}

/** The tour, the built-in one read on first use (one reading for every caller; a tour loaded
 * meanwhile is kept). The button says the module is on its way meanwhile. */
function readTour(state) {
  if (state.tour) return Promise.resolve(state.tour);
  state.reading ??= (async () => {
    const open = $('tour-open');
    let { steps } = JSON.parse(open.dataset.l10nArgs);
    if (!extrasNow()) { open.setAttribute('aria-busy', 'true'); open.textContent = t('tour-loading'); }
    try {
      const builtIn = (await loadExtras()).Tours.builtin();
      steps = builtIn.steps.length;
      state.tour ??= builtIn;
      return state.tour;
    } finally {
      state.reading = null;
      open.removeAttribute('aria-busy');
      name(steps);
    }
  })();
  return state.reading;
}

/** Names the tour's button with the built-in tour's step count (kept for the next language). */
function name(steps) {
  const open = $('tour-open');
  open.dataset.l10nArgs = JSON.stringify({ steps });
  open.textContent = t('tour-open', { steps });
}

/** Shows a tour that could not be opened on the page and, in an embed, to the host. */
function sayProblem(app, { section, problem }, text) {
  section.hidden = false;
  problem.hidden = false;
  problem.textContent = text;
  app.onTourProblem?.(text);
}

/** Outlines the view a step talks about (none for `null`) and brings it on screen, just below
 * the step's text (which stays put while a tour is open). */
function outline(view, reduced) {
  document.querySelectorAll('.tour-focus').forEach((e) => e.classList.remove('tour-focus'));
  document.body.classList.toggle('touring', Boolean(view));
  if (!view) return;
  // A tall part (the sweep panel, its form above its map) outlines its `.tour-target`: what the
  // step talks about, so it fits below the step's text.
  const part = document.querySelector(`.views [data-part="${view}"]`);
  const shown = part?.querySelector('.tour-target') ?? part;
  if (!shown) return;
  shown.classList.add('tour-focus');
  document.documentElement.style.setProperty('--tour-h', `${Math.ceil($('tour').getBoundingClientRect().height)}px`);
  shown.scrollIntoView({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
}

/** Runs a step's trials: played at its speed, or at once under reduced motion. The step's end is
 * the run's end trial, so an embed that starts when scrolled into view stops there too. */
function runStep(app, step, reduced) {
  app.ui.endTrial = step.trials > 0 ? step.trials : null;
  app.ui.loop = false;
  app.ui.userPaused = false;
  if (step.trials <= 0) return;
  if (reduced) {
    app.pg.runTrials(step.trials);
    app.render();
  } else {
    app.play({ byReader: false });
  }
}

/** → and ← move through an open tour, Escape closes it (not while typing in a field). */
function listenToKeys({ at, count, show, close }) {
  document.addEventListener('keydown', (e) => {
    const index = at();
    // A dialog over the page (the glossary, the keys) has the keys to itself.
    if (index < 0 || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    if (e.key === 'ArrowRight' && index < count() - 1) { e.preventDefault(); show(index + 1); }
    else if (e.key === 'ArrowLeft' && index > 0) { e.preventDefault(); show(index - 1); }
    else if (e.key === 'Escape') close();
  });
}

/** The tour's buttons and keys: back, replay, next (or close on the last step), close, open. */
function wireButtons({ back, next }, { at, count, show, close, start }) {
  back.addEventListener('click', () => show(at() - 1));
  $('tour-replay').addEventListener('click', () => show(at()));
  next.addEventListener('click', () => (at() >= count() - 1 ? close() : show(at() + 1)));
  $('tour-close').addEventListener('click', close);
  $('tour-open').addEventListener('click', start);
  listenToKeys({ at, count, show, close });
}

/** Closes the tour: its text goes, the run stops where it is, focus returns to the tour's button. */
function closer(app, section, reduced, forget) {
  return () => {
    forget();
    section.hidden = true;
    app.ui.endTrial = null;
    outline(null, reduced);
    app.setPlaying(false);
    app.link();
    $('tour-open').focus();
  };
}

/** Step `n` (from 1) of `tour`, or an error naming the steps there are. */
function checkStep(tour, n) {
  if (Number.isInteger(n) && n >= 1 && n <= tour.steps.length) return n;
  throw new Error(t('tour-no-step', { step: String(n).slice(0, 20), steps: tour.steps.length }));
}

/**
 * Wires the tour. `app` supplies `pg`, `openLink(link)` (opens an experiment as a fresh load
 * would), `runTrials(n, speed)` (plays until n trials have run), `setPlaying`, `render` and `link`.
 */
export function setupTour(app) {
  const els = { section: $('tour'), title: $('tour-title'), text: $('tour-text'), counter: $('tour-counter'), back: $('tour-back'), next: $('tour-next'), problem: $('tour-problem') };
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  /** The tour (`tour`); where it came from (`source`: a tour file's path, '' for a tour given as
   * an object, null for the built-in tour); the step shown (`index`, from 0; -1 when closed); the
   * tours opened so far (`opened`, see `open`). */
  const state = { tour: null, source: null, index: -1, opened: 0, pending: null, reading: null };
  const ensure = () => readTour(state);

  /** Shows step `i` (from 0) and runs it (nothing before a tour is read). */
  const show = (i, { focus = true } = {}) => {
    const { tour } = state;
    if (!tour) return;
    state.index = Math.max(0, Math.min(tour.steps.length - 1, i));
    const step = tour.steps[state.index];
    fillStep(els, tour, state.index, app.glossary.linkTerms);
    app.openLink(step.link, { speed: step.speed });
    outline(step.view, reduced);
    app.link();
    if (focus) els.title.focus({ preventScroll: true });
    runStep(app, step, reduced);
  };

  const close = closer(app, els.section, reduced, () => { state.index = -1; });

  const fail = (text) => sayProblem(app, els, text);
  /** The tour's button: its first step, once the tour is read (a link opened meanwhile wins). */
  const start = () => {
    const link = app.linkNumber?.();
    return ensure().then(() => { if (link === app.linkNumber?.()) show(0); }, (e) => fail(t('tour-failed', { why: e.message })));
  };

  wireButtons(els, { at: () => state.index, count: () => state.tour?.steps.length ?? 0, show, close, start });

  return tourControls(app, state, els, { show, close, fail, ensure });
}

/** What the page, its links, a host and scripts may ask of the tour (`app.tour`). */
function tourControls(app, state, els, { show, close, fail, ensure }) {
  return {
    /** The step shown (from 1), or the tour file and its step (`file.json:3`), for the link;
     * null when closed. */
    linkValue: () => (state.index < 0 ? state.pending : (state.source ? `${state.source}:${state.index + 1}` : String(state.index + 1))),
    /** Opens step `n` (from 1) of the current tour; an error names the steps there are. */
    async step(n, opts) {
      show(checkStep(state.tour ?? await ensure(), n) - 1, opts);
    },
    /** Replaces the tour with `candidate` (an object or JSON text), checked by core; opens step 1. */
    async load(candidate, opts) {
      const mine = ++state.opened;
      const text = tourText(candidate);
      const { Tours } = await loadExtras();
      // A newer tour was opened while the module was on its way: it wins.
      if (mine !== state.opened) return;
      state.tour = Tours.parse(text);
      state.source = '';
      show(0, opts);
    },
    /** Opens the tour named by a link's `tour=` value: a step number, or a same-origin file
     * with an optional step (`tours/mine.json:2`). A step that does not exist is said. */
    open(value, opts) {
      return openTour(app, state, value, opts, { show, fail, ensure });
    },
    /** Writes the tour again in the page's new language (the step shown is not run again). */
    relanguage() {
      // Never opened: the button was written again from index.html's count with the page.
      const m = extrasNow();
      if (!m || !state.tour) return;
      const builtIn = m.Tours.builtin();
      if (state.source === null) state.tour = builtIn;
      name(builtIn.steps.length);
      if (state.index >= 0) fillStep(els, state.tour, state.index, app.glossary.linkTerms);
    },
    close,
  };
}

/** Opens a link's `tour=` value (see `open`): a step of the current tour, or a step of a tour file
 * once it has arrived — dropped if a newer tour or link was opened meanwhile. */
async function openTour(app, state, value, opts, { show, fail, ensure }) {
  // Each opening is numbered: a file that arrives after a newer link was opened is dropped.
  const mine = ++state.opened;
  const link = app.linkNumber?.();
  // Until the step shows, the address keeps the link's `tour=`.
  state.pending = value;
  try {
    await openStep(app, state, value, opts, { show, fail, ensure, mine, link });
  } finally {
    if (mine === state.opened) state.pending = null;
  }
}

/** [`openTour`]'s work: the step of the current tour (at once when it has been read), or of a
 * tour file. */
async function openStep(app, state, value, opts, { show, fail, ensure, mine, link }) {
  if (/^\d+$/.test(value)) {
    try {
      const tour = state.tour ?? await ensure();
      if (mine !== state.opened || link !== app.linkNumber?.()) return;
      show(checkStep(tour, Number(value)) - 1, opts);
    } catch (e) { fail(t('tour-failed', { why: e.message })); }
    return;
  }
  const [, file, at] = /^(.*?)(?::(\d+))?$/.exec(value);
  try {
    const loaded = await tourFile(file);
    if (mine !== state.opened || link !== app.linkNumber?.()) return;
    state.tour = loaded;
    state.source = file;
    show(checkStep(state.tour, at ? Number(at) : 1) - 1, opts);
  } catch (e) {
    if (mine !== state.opened || link !== app.linkNumber?.()) return;
    fail(t('tour-file-failed', { file: file.slice(0, 80), why: (e && e.message) || String(e) }));
  }
}
