// Wires the page: loads the wasm model, opens the link in the address bar, builds the controls from
// the schema, runs the player and keeps the views, the status line and the address bar current.
// Science lives in Rust; this only asks and draws. Each concern has its own module; this file is
// the wiring.

import init, { Playground } from './pkg/bgloop.js';
import { Views, prefersContrast } from './charts.js';
import { buildControls } from './controls.js';
import { Player } from './player.js';
import { showLinkProblems, syncHash } from './permalink.js';
import { listenToHost, tellHost, playWhenVisible } from './embed.js';
import { setupSweep } from './sweep.js';
import { setupShare } from './share.js';
import { StatusLine } from './status.js';
import { renderResult, resultSentence } from './result.js';
import { describer, renderSummary } from './describe.js';
import { setupListen } from './listen.js';
import { setupTour } from './tour.js';
import { setupGlossary } from './glossary.js';
import { t, languages, chooseLanguage, useLanguage } from './i18n.js';

const $ = (id) => document.getElementById(id);
const message = (e) => (e && e.message) || String(e);

/**
 * Shows the model as it is now: every part of the page that depends on it, from one snapshot
 * (`pg.view()`). `quiet` (animation frames) throttles the status line; any other change shows it
 * at once.
 */
function render(app, { quiet = false } = {}) {
  const { pg, ui } = app;
  const view = pg.view();
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
  reportTrials(app, view);
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
function reportTrials(app, view) {
  const { pg, ui } = app;
  const n = view.trials;
  if (ui.embedded) {
    const records = n > ui.reported ? pg.recordsAfter(ui.reported) : [];
    const payload = { record: records.length ? records[records.length - 1] : pg.lastRecord(), records };
    let bNew = 0;
    if (view.comparing) {
      // Run B may trail A (its worker hands it back in slices): B's records are sent from the
      // last one sent, so none is skipped or sent twice.
      const b = pg.recordsAfter(Math.min(ui.reportedB, ui.reported), 'B');
      payload.b = { record: b[b.length - 1], records: b };
      bNew = b.length;
      if (bNew) ui.reportedB = b[b.length - 1].trial;
    }
    if (records.length || bNew) tellHost('bgloop:trial', payload);
  }
  ui.reported = n;
  if (!view.comparing) ui.reportedB = n;
}

/**
 * The page's state and elements, shared by the wiring functions below. What the page shows of
 * the model comes from one snapshot (`pg.view()`) rendered by `app.render()` after any change;
 * what belongs to the page alone (embedding, hidden parts, the reader's pause, trials already
 * reported to a host) lives in `app.ui`.
 */
function createApp(pg) {
  /** Page-only state: in an embed?, the parts hidden (`hide=`), whether the reader paused, the
   * high-contrast theme, the trial the run stops at (`to=`) and whether it then starts again
   * (`loop=`), the last run generation rendered, and the trials of A and B already told to the
   * host. */
  const ui = { embedded: false, hiddenParts: [], userPaused: false, highContrast: prefersContrast(), endTrial: null, window: null, loop: false, sweep: null, lang: null, generation: null, reported: 0, reportedB: 0, links: 0 };
  const app = {
    pg,
    ui,
    schema: Playground.schema(),
    presets: Playground.presets(),
    viewTable: Playground.viewOptions(),
    views: new Views(pg, { reach: $('reach'), learning: $('learning'), activity: $('activity'), circuit: $('circuit'), showHand: $('show-hand') }, { highContrast: () => ui.highContrast }),
    status: new StatusLine($('status'), $('announce')),
    describe: describer(pg),
    speed: $('speed'),
    /** Says the content's height to the host again (set by the embed layout). */
    tellHeight: () => {},
  };
  document.body.classList.toggle('hc', ui.highContrast);
  /** Switches the high-contrast theme of the page and every chart. */
  app.setHighContrast = (on) => {
    ui.highContrast = on;
    document.body.classList.toggle('hc', on);
    const box = $('high-contrast');
    if (box) box.checked = on;
    app.views.invalidate(); app.views.draw();
    app.sweep?.redraw();
    app.link?.();
  };
  app.showError = (e) => { const box = $('error'); box.hidden = !e; box.textContent = e ? message(e) : ''; };
  app.say = (text) => { $('share-status').textContent = text; };
  // The address bar always holds the running experiment.
  app.viewOptions = () => {
    const v = { speed: app.speed.value };
    if ($('show-hand').checked) v.hand = '1';
    if (ui.embedded) v.embed = '1';
    if (ui.hiddenParts.length) v.hide = ui.hiddenParts.join(',');
    if (ui.highContrast) v.hc = '1';
    if (ui.endTrial !== null) v.to = String(ui.endTrial);
    if (ui.window) v.window = ui.window;
    if (ui.loop) v.loop = '1';
    if (ui.lang) v.lang = ui.lang;
    const sweep = app.sweep?.linkValue();
    if (sweep) v.sweep = sweep;
    const step = app.tour?.linkValue();
    if (step) v.tour = step;
    return v;
  };
  app.link = () => syncHash(pg, app.viewOptions);
  app.fullLink = () => {
    const v = app.viewOptions();
    delete v.embed;
    return `${location.href.split('#')[0]}#${pg.permalink(v)}`;
  };
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

/** Live changes and their list under the learning view (each can be removed until it applies). */
function setupEvents(app) {
  const { pg } = app;
  const list = $('events');
  let shown = '';
  app.renderEvents = (events) => {
    // The same events in another language are other words: the language is part of the key.
    const key = Playground.language() + JSON.stringify(events);
    if (key === shown) return;
    shown = key;
    app.controls.schedule(events);
    list.replaceChildren();
    list.hidden = events.length === 0;
    for (const e of events) {
      const item = document.createElement('li');
      item.className = e.applied ? 'applied' : 'scheduled';
      item.append(t('event-item', { trial: e.trial, change: e.label }));
      if (!e.applied) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '✕';
        remove.setAttribute('aria-label', Playground.message('event-remove', { trial: e.trial, change: e.label }).attributes['aria-label']);
        remove.addEventListener('click', () => {
          pg.cancelEvent(e.trial, e.key);
          app.render();
        });
        item.append(remove);
      }
      list.append(item);
    }
  };
}

/** The Compare / End comparison buttons. */
function setupCompare(app) {
  const { pg } = app;
  const group = document.querySelector('.compare');
  const start = $('compare');
  const end = $('end-compare');
  const note = $('compare-note');
  app.renderCompare = (view) => {
    const on = view.comparing;
    start.hidden = on;
    end.hidden = !on;
    group.classList.toggle('on', on);
    document.body.classList.toggle('comparing', on);
    $('learning-hint').textContent = t(on ? 'view-learning-hint-compare' : 'view-learning-hint');
    $('activity-run').hidden = !on;
    const names = view.run_names;
    note.textContent = names
      ? t(app.ui.embedded ? 'compare-now' : 'compare-now-pinned', { a: names[0], b: names[1] })
      : t('compare-note');
  };
  start.addEventListener('click', () => {
    pg.compare();
    app.render();
    end.focus();
  });
  end.addEventListener('click', () => {
    pg.endComparison();
    app.render();
    start.focus();
  });
}

/** Play / Pause / Step / Reset and the speed control. */
function setupTransport(app) {
  const { pg, viewTable, speed, ui } = app;
  const play = $('play');
  const pause = $('pause');
  app.player = new Player(pg, { speeds: viewTable.speeds, defaultSpeed: viewTable.default_speed }, {
    onFrame: () => app.render({ quiet: true }),
    onError: (e) => { app.showError(e); app.setPlaying(false); app.render(); tellHost('bgloop:error', { message: message(e), command: null }); },
  });
  app.setPlaying = (on) => {
    if (on) app.player.play(); else app.player.pause();
    play.disabled = on;
    pause.disabled = !on;
    play.classList.toggle('primary', !on);
    pause.classList.toggle('primary', on);
    if (!on) app.changed();
  };
  app.reset = (seed) => { pg.reset(seed); app.showError(null); app.render(); };
  // Plays until `n` trials have run, stopping at that trial's end (a tour step).
  app.runTrials = (n) => {
    ui.userPaused = false;
    app.setPlaying(true);
    app.player.playUntil(n);
  };
  play.addEventListener('click', () => app.play());
  pause.addEventListener('click', () => { ui.userPaused = true; app.setPlaying(false); });
  $('step').addEventListener('click', () => { app.stepOne().catch((e) => { app.showError(e); app.render(); }); });
  $('reset').addEventListener('click', () => { try { app.reset(); } catch (e) { app.showError(e); } });
  speed.max = String(viewTable.speeds.length - 1);
  speed.value = String(viewTable.default_speed);
  app.applySpeed = () => {
    const index = viewTable.speeds[Number(speed.value)] ? Number(speed.value) : viewTable.default_speed;
    const label = t(`speed-${index}`);
    $('speed-out').textContent = label;
    speed.setAttribute('aria-valuetext', label);
    app.player.setSpeed(Number(speed.value));
  };
  speed.addEventListener('input', () => { app.applySpeed(); app.link(); });
}

/**
 * Keyboard shortcuts: Space plays or pauses, → steps a trial, R resets, C switches high contrast,
 * ? lists them. They wait while the reader types in a field or works a control, and leave ← / →
 * to an open tour.
 */
function setupKeys(app) {
  const dialog = $('keys-dialog');
  $('keys-open').addEventListener('click', () => dialog.showModal());
  $('close-keys').addEventListener('click', () => dialog.close());
  // Single-key shortcuts can be turned off (WCAG 2.1.4): a speech-input user's words must not
  // press them. The choice is kept in this browser where storage is allowed.
  const toggle = $('keys-on');
  const stored = (() => { try { return localStorage.getItem('bgloop:keys'); } catch { return null; } })();
  toggle.checked = stored !== 'off';
  toggle.addEventListener('change', () => {
    try { localStorage.setItem('bgloop:keys', toggle.checked ? 'on' : 'off'); } catch { /* storage refused: this page only */ }
  });
  document.addEventListener('keydown', (e) => {
    if (!toggle.checked || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement || target.isContentEditable) return;
    const touring = !$('tour').hidden;
    const act = {
      ' ': () => (app.player.playing ? $('pause') : $('play')).click(),
      ArrowRight: () => { if (!touring) $('step').click(); else return false; return true; },
      r: () => $('reset').click(),
      R: () => $('reset').click(),
      c: () => app.setHighContrast(!app.ui.highContrast),
      C: () => app.setHighContrast(!app.ui.highContrast),
      '?': () => dialog.showModal(),
    }[e.key];
    // Space on a focused button or summary is that control's own key.
    if (!act || (e.key === ' ' && (target instanceof HTMLButtonElement || target.tagName === 'SUMMARY'))) return;
    if (act() === false) return;
    e.preventDefault();
  });
}

/** The skip buttons: straight to Play and the result, or to the parameters (Loop strength
 * first), without tabbing through the header. Buttons, not `#` links: the address's hash is the
 * experiment. */
function setupSkips() {
  const targets = { run: () => $('play').disabled ? $('pause') : $('play'), params: () => $('params-panel') };
  for (const b of document.querySelectorAll('.skip')) {
    b.addEventListener('click', () => {
      const target = targets[b.dataset.skip]?.();
      target?.focus();
      target?.scrollIntoView({ block: 'nearest' });
    });
  }
}

/** The end trial (`to=`, the Run-to control) and `loop=`: playing stops there, or starts over. */
function setupEnd(app) {
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
  // Step runs one trial in slices (a trial of several seconds at a fine time step never blocks).
  app.stepOne = () => {
    const before = pg.trialCount();
    app.setPlaying(false);
    // Pausing at a counted speed finished the trial in progress: that was the step.
    if (pg.trialCount() > before) { app.showError(null); app.render(); return Promise.resolve(); }
    return app.player.stepTrial().then(() => { app.showError(null); app.render(); });
  };
}

/** The parameter controls (from the schema) and the preset menu. */
function setupParameters(app) {
  const { pg } = app;
  const presetSelect = $('preset');
  buildParameters(app);
  presetSelect.addEventListener('change', () => {
    try {
      if (presetSelect.value) pg.usePreset(presetSelect.value); else pg.useDefaults();
      pg.reset();
      app.showError(null);
    } catch (e) { app.showError(e); }
    app.render();
  });
}

/** Builds (again, after a change of language) the controls and the preset menu's entries. */
function buildParameters(app) {
  const { pg, presets } = app;
  const presetSelect = $('preset');
  const specs = new Map(app.schema.map((s) => [s.key, s]));
  const begun = () => pg.trialCount() > 0 || pg.timeInTrial() > 0;
  const controls = buildControls($('controls'), app.schema, { linkTerms: app.glossary.linkTerms }, (key, value, final) => {
    try {
      const spec = specs.get(key);
      if (spec && spec.live) {
        // A live parameter changes the running experiment from its next trial (on release of
        // a slider once the run has begun), and the change is kept as an event of the run.
        if (!final && begun()) return null;
        const from = pg.intervene(key, value);
        // The note says the change as core says it; a change back to the value in force is no
        // change, and says nothing.
        const event = from > 1 ? pg.events().find((e) => e.trial === from && e.key === key) : null;
        const live = $('live');
        live.hidden = !event;
        live.textContent = event ? t(pg.comparing ? 'live-kept-b' : 'live-kept', { change: event.description, trial: from }) : '';
      } else {
        pg.configure({ [key]: value });
      }
      app.render();
      return null;
    } catch (e) {
      return message(e);
    }
  });
  app.controls = controls;
  let watched = null;
  app.renderPreset = (name) => {
    presetSelect.value = name || '';
    if (watched === (name || '')) return;
    watched = name || '';
    const p = presets.find((x) => x.name === name);
    app.glossary.linkTerms($('preset-watch'), p ? p.watch : t('preset-custom-watch'));
  };
  presetSelect.replaceChildren(new Option(t('preset-custom'), ''));
  // Titles for readers; the claim ids (C1…C5) stay in the docs and the CLI.
  for (const p of presets) presetSelect.append(new Option(p.title, p.name));
}

/**
 * The language menu, and a change of language while the page runs: the catalog is loaded, the
 * page's words written again and every view rebuilt in it; the run goes on untouched (a link
 * replays the same run in every language).
 */
function setupLanguage(app) {
  const menu = $('lang');
  for (const l of languages()) {
    // Each language's name in that language, marked as such (WCAG 3.1.2).
    const option = new Option(l.name, l.code);
    option.lang = l.code;
    menu.append(option);
  }
  menu.value = app.pg.constructor.language();
  /** Reads the page in `code` from now on, as the reader chose it (so the link keeps it). */
  let asked = 0;
  app.setLanguage = async (code) => {
    // The last choice wins, whatever order the catalogs arrive in.
    const mine = ++asked;
    const before = Playground.language();
    if (!(await useLanguage(app.pg, code, () => mine === asked))) return;
    if (code !== before) {
      app.schema = Playground.schema();
      app.presets = Playground.presets();
      app.glossary.reload();
      relinkHints(app);
      buildParameters(app);
      markHidden(app);
      app.tour.relanguage();
      app.sweep.relanguage(app.schema);
      app.applySpeed();
      app.views.invalidate();
    }
    menu.value = code;
    app.ui.lang = code;
    app.render();
  };
  menu.addEventListener('change', () => {
    app.setLanguage(menu.value).catch((e) => { app.showError(e); menu.value = Playground.language(); });
  });
}

/** A language whose catalog could not be loaded: the page stays in English and says why (in the
 * link's problems, which playing does not clear), and the link does not claim the language. */
function sayLanguageProblem(app, e) {
  console.error(e);
  app.ui.lang = null;
  const banner = $('link-problems');
  const li = document.createElement('li');
  li.textContent = message(e);
  banner.querySelector('ul').append(li);
  banner.hidden = false;
  app.link();
}

/** The views' hints name the loop's parts and numbers: their first uses open the glossary. */
function relinkHints(app) {
  for (const id of ['view-reach-hint', 'view-circuit-hint', 'view-activity-hint']) {
    const h = document.querySelector(`[data-l10n-id="${id}"]`);
    if (h) app.glossary.linkTerms(h, t(id));
  }
}

/**
 * Opens `link` as a fresh load would: its experiment, and its view options (hand path, speed,
 * embed, hide). `speed` overrides the link's. Returns the decoded link.
 */
function openLink(app, link, { speed } = {}) {
  const { pg } = app;
  app.setPlaying(false);
  const opened = pg.openPermalink(link);
  showLinkProblems($('link-problems'), opened);
  const v = opened.view;
  $('show-hand').checked = v.hand === '1';
  if (v.speed !== undefined) app.speed.value = v.speed;
  if (speed !== undefined) app.speed.value = String(speed);
  app.ui.endTrial = v.to !== undefined ? Number(v.to) : null;
  app.ui.loop = v.loop === '1';
  app.applySpeed();
  app.render();
  // A step's sweep (the tour's regime map) opens as a link's would: run at once within the link
  // budget, asked for otherwise and always in an embed; a step without one clears the last.
  app.ui.sweep = v.sweep ?? null;
  document.body.classList.toggle('has-sweep', Boolean(v.sweep));
  if (v.sweep) app.sweep?.fromLink(v.sweep, { embedded: app.ui.embedded }); else app.sweep?.clear();
  return opened;
}

/**
 * A link with an end trial (`to=N`) runs to it on opening and stops there — at its speed, or at
 * once under reduced motion. An embed starts when it is scrolled into view instead.
 */
function runToEnd(app) {
  const { ui } = app;
  if (ui.endTrial === null || ui.embedded) return;
  if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) runAtOnce(app);
  else app.play({ byReader: false });
}

/** Runs to the end trial at once (no animation) and shows the result there. */
function runAtOnce(app) {
  const { pg, ui } = app;
  if (ui.endTrial === null || pg.trialCount() >= ui.endTrial) return;
  pg.runTrials(ui.endTrial - pg.trialCount());
  app.render();
}

/** Opens the link in the address bar (or the rotation preset) and applies its view options. */
function openAddress(app) {
  const { pg } = app;
  document.querySelectorAll('[data-hidden]').forEach((e) => e.removeAttribute('data-hidden'));
  let tour = null;
  if (location.hash.length > 1) {
    const opened = pg.openPermalink(location.hash);
    showLinkProblems($('link-problems'), opened);
    const v = opened.view;
    if (v.hand === '1') $('show-hand').checked = true;
    if (v.speed !== undefined) app.speed.value = v.speed;
    app.ui.embedded = v.embed === '1';
    app.ui.hiddenParts = (v.hide || '').split(',').filter(Boolean);
    app.ui.endTrial = v.to !== undefined ? Number(v.to) : null;
    app.ui.loop = v.loop === '1';
    if (v.hc !== undefined) app.setHighContrast(v.hc === '1');
    if (v.lang !== undefined) app.ui.lang = v.lang;
    app.ui.sweep = v.sweep ?? null;
    document.body.classList.toggle('has-sweep', Boolean(v.sweep));
    tour = v.tour ?? null;
  } else {
    pg.usePreset('rotation');
    pg.reset();
    pg.setWindows(null);
    Object.assign(app.ui, { embedded: false, hiddenParts: [], endTrial: null, loop: false, sweep: null });
    document.body.classList.remove('has-sweep');
  }
  markHidden(app);
  return tour;
}

/** Hides the parts and parameter controls the link names (`hide=`); again after the controls
 * are rebuilt (a change of language). */
function markHidden(app) {
  for (const name of app.ui.hiddenParts) {
    document.querySelectorAll(`[data-part="${name}"]`).forEach((e) => e.setAttribute('data-hidden', ''));
    document.getElementById(`p-${name}`)?.closest('.param')?.setAttribute('data-hidden', '');
  }
}

/** Auto-height: the host learns the content's height whenever it changes, to size the frame.
 * Returns a function that says the height again: a host that changes only the frame's hash
 * (the Embed dialog's preview) keeps the same document, which may not resize, and waits for it. */
function autoHeight() {
  let posted = 0;
  const tell = (again = false) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (again || height !== posted) { posted = height; tellHost('bgloop:resize', { height }); }
  };
  new ResizeObserver(() => tell()).observe(document.body);
  return tell;
}

/** The host API (postMessage), the embed layout, and `window.bgloop` for scripts. */
function expose(app) {
  const { pg } = app;
  const api = {
    // `{ a, b }` sets up a comparison (run A's entries, then run B's differences); nothing
    // else may stand beside them, and B must say how it differs.
    configure: (config) => {
      if ('a' in config || 'b' in config) {
        const extra = Object.keys(config).filter((k) => k !== 'a' && k !== 'b');
        if (extra.length) {
          throw new Error(`a comparison's parameters go inside \`a\` (both runs) or \`b\` (run B's differences), not beside them: ${extra.slice(0, 10).join(', ')}`);
        }
        const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
        if ('a' in config && !isObject(config.a)) throw new Error('`a` must be an object of parameters for both runs, e.g. { loop_strength: 1 }');
        if (!isObject(config.b)) throw new Error('`b` must be an object of run B\'s differences from A, e.g. { loop_strength: 0.25 }');
        pg.configureComparison(config.a ?? {}, config.b);
      } else {
        pg.configure(config);
      }
      app.reset();
    },
    play: () => app.play(),
    pause: () => { app.ui.userPaused = true; app.setPlaying(false); },
    reset: (seed) => app.reset(seed),
    step: () => app.stepOne(),
    // `{ step }` opens a step of the tour; `{ tour }` loads a tour (checked like a file).
    tour: ({ step, tour }) => {
      if (tour !== undefined) app.tour.load(tour, { focus: false });
      if (step !== undefined) app.tour.step(step, { focus: false });
    },
    state: () => ({
      config: pg.config(), preset: pg.preset ?? null, trial: pg.trialCount(), playing: app.player.playing,
      permalink: app.fullLink(), lastRecord: pg.lastRecord(), comparing: pg.comparing, runNames: pg.runNames(), events: pg.events(),
    }),
  };
  if (app.ui.embedded) {
    document.body.classList.add('embed');
    const open = $('open-full');
    open.href = app.fullLink();
    open.hidden = false;
    $('reset').addEventListener('click', () => { open.href = app.fullLink(); });
    playWhenVisible(document.querySelector('.layout'), {
      play: () => app.play({ byReader: false }),
      pause: () => { app.sweep.pause(); app.setPlaying(false); },
      // The sweep goes on whenever the frame is seen again, whether or not the run was paused.
      shown: () => app.sweep.resume(),
      isUserPaused: () => app.ui.userPaused,
      // Under reduced motion a link's result is computed at once, not played.
      still: () => runAtOnce(app),
    });
    app.tellHeight = autoHeight();
  }
  listenToHost(api);
  window.bgloop = {
    playground: pg,
    get config() { return pg.config(); },
    get pendingConfig() { return pg.pendingConfig(); },
    get schema() { return app.schema; },
    views: app.viewTable,
    get presets() { return app.presets; },
    play: api.play,
    pause: api.pause,
    reset: api.reset,
    link: app.link,
    /** Plays (at the chosen speed) until `n` trials have run in all, then pauses. */
    runTrials: (n) => app.runTrials(n),
    /** The speed level the player runs at (an index into `views.speeds`). */
    get speedLevel() { return app.player.speedIndex; },
    /** Run B on a second core: handovers taken from the worker, and whether workers failed. */
    get twin() { return { handovers: app.player.twin.handovers, failures: app.player.twin.failures, unavailable: app.player.twin.broken }; },
    /** Renders the page from the model now (after changes made through `playground`). */
    redraw: () => app.render(),
    /** A live change from the next trial, as a control makes it: listed, marked and in the link. */
    intervene: (key, value) => { const from = pg.intervene(key, value); app.render(); return from; },
    compare: () => { pg.compare(); app.render(); },
    tour: app.tour,
    endComparison: () => { pg.endComparison(); app.render(); },
    sweepOutcomes: () => app.sweep.outcomes(),
  };
  return api;
}

/** Opens the address bar's new link exactly as a fresh load would; it is numbered, so answers
 * still on their way for an older link (a catalog, a tour file) are dropped. */
function reopen(app, api) {
  app.ui.links += 1;
  app.setPlaying(false);
  try {
    const at = openAddress(app);
    app.applySpeed();
    app.render();
    // A link in another language (a host's `lang`, one typed in) switches the page to it.
    // Always asked, even for the language shown: a catalog still on its way for an older link
    // must not win over this one.
    if (app.ui.lang) app.setLanguage(app.ui.lang).catch((e) => app.showError(e));
    // A tour step opens its own link, sweep included (a step is a fresh load of its link).
    if (at) app.tour.open(at, { focus: false });
    else {
      runToEnd(app);
      if (app.ui.sweep) app.sweep.fromLink(app.ui.sweep, { embedded: app.ui.embedded }); else app.sweep.clear();
    }
    // A host that changed the frame's hash (an element's link, hide or tour) waits for this.
    tellHost('bgloop:ready', api.state());
    app.tellHeight(true);
  } catch (e) {
    app.showError(e);
    tellHost('bgloop:error', { message: message(e) });
  }
}

async function main() {
  // The single-file build (dist/bgloop.html) carries the wasm bytes inline.
  performance.mark('bgloop:modules');
  await init(globalThis.BGLOOP_WASM_BYTES ? { module_or_path: globalThis.BGLOOP_WASM_BYTES } : undefined);
  performance.mark('bgloop:wasm');
  const pg = new Playground(undefined);
  // The language: the link's `lang=`, else the browser's; English needs no fetch.
  // (The last `lang=` wins, as core reads a link: a host's `lang` attribute after its link's.)
  const lang = chooseLanguage(new URLSearchParams(location.hash.slice(1)).getAll('lang').pop());
  let langProblem = null;
  if (lang !== 'en') await useLanguage(pg, lang).catch((e) => { langProblem = e; });
  const app = createApp(pg);
  app.glossary = setupGlossary();
  relinkHints(app);
  setupTransport(app);
  setupEnd(app);
  setupKeys(app);
  setupEvents(app);
  setupCompare(app);
  setupParameters(app);
  setupLanguage(app);
  $('show-hand').addEventListener('change', app.link);
  const contrast = $('high-contrast');
  contrast.checked = app.ui.highContrast;
  contrast.addEventListener('change', () => app.setHighContrast(contrast.checked));
  setupShare(app.pg, app.views, app);
  app.openLink = (link, opts) => openLink(app, link, opts);
  // Every link opened is numbered: an answer (a tour file) that comes after a newer link is dropped.
  app.linkNumber = () => app.ui.links;
  app.tour = setupTour(app);
  // A tour that cannot be opened (a file that fails, a step that does not exist) is said on the
  // page and, in an embed, to the host.
  app.onTourProblem = (message) => tellHost('bgloop:error', { message, command: 'bgloop:tour' });
  app.sweep = setupSweep(app.pg, app.schema, {
    param: $('sweep-param'), from: $('sweep-from'), to: $('sweep-to'), count: $('sweep-count'), seeds: $('sweep-seeds'),
    param2: $('sweep-param2'), from2: $('sweep-from2'), to2: $('sweep-to2'), count2: $('sweep-count2'),
    trials: $('sweep-trials'), workers: $('sweep-workers'), run: $('sweep-run'), cancel: $('sweep-cancel'),
    progress: $('sweep-progress'), status: $('sweep-status'), canvas: $('sweep-canvas'), ask: $('sweep-ask'),
    measure: $('sweep-measure'),
  }, { highContrast: () => app.ui.highContrast, onStart: () => app.link(), budget: app.viewTable.sweep_budget, trialMs: app.viewTable.sweep_trial_ms });
  $('sweep-ask-run').addEventListener('click', () => $('sweep-run').click());
  $('dismiss-problems').addEventListener('click', () => { $('link-problems').hidden = true; });
  setupSkips();
  setupListen(app.pg, $('listen'), { say: (text) => app.status.announce(text, { force: true }) });
  const tourAt = openAddress(app);
  app.applySpeed();
  app.render();
  if (langProblem) sayLanguageProblem(app, langProblem);
  // A link whose language core reads otherwise than the first look above (a second `lang=`).
  else if (app.ui.lang && app.ui.lang !== Playground.language()) app.setLanguage(app.ui.lang).catch((e) => sayLanguageProblem(app, e));
  // A tour step opens its own link, its sweep included; otherwise a link with a sweep recomputes
  // it (after the experiment it sweeps is open).
  if (tourAt) app.tour.open(tourAt, { focus: false });
  else {
    runToEnd(app);
    if (app.ui.sweep) app.sweep.fromLink(app.ui.sweep, { embedded: app.ui.embedded });
  }
  // A link typed into the address bar, or a host changing the iframe's hash, opens that
  // experiment exactly as a fresh load would (our own replaceState never fires this).
  window.addEventListener('hashchange', () => reopen(app, api));
  const api = expose(app);
  app.player.twin.prepare();
  document.documentElement.dataset.ready = 'true';
  tellHost('bgloop:ready', api.state());
}

main().catch((e) => {
  const s = document.getElementById('status');
  // The catalog may be what failed: this sentence needs none.
  let said;
  try { said = t('start-failed', { why: message(e) }); } catch { said = `The model could not start: ${message(e)}`; }
  if (s) s.textContent = said;
  tellHost('bgloop:error', { message: said });
  console.error(e);
});
