// The page's programming interfaces: the host API (postMessage commands, see embed.js), the embed
// layout (the frame's size told to its host, playing while it is seen), and `window.bgloop` for
// scripts and tests.

import { listenToHost, tellHost, playWhenVisible } from './embed.js';
import { runAtOnce } from './end.js';
import { Words } from './pkg/bgloop.js';
import { loadExtras } from './extras.js';

const $ = (id) => document.getElementById(id);

/** The host API (postMessage), the embed layout, and `window.bgloop` for scripts. */
export function expose(app) {
  const api = hostApi(app);
  if (app.ui.embedded) layOutEmbed(app);
  listenToHost(api);
  window.bgloop = scriptingApi(app, api);
  return api;
}

/** The commands a host may send (`configure`, `play`, `pause`, `reset`, `step`, `tour`) and the
 * state it is told (`state()`). */
function hostApi(app) {
  const { pg } = app;
  return {
    configure: (config) => configure(app, config),
    play: () => app.play(),
    pause: () => { app.ui.userPaused = true; app.setPlaying(false); },
    reset: (seed) => app.reset(seed),
    step: () => app.stepOne(),
    // `{ step }` opens a step of the tour; `{ tour }` loads a tour (checked like a file).
    tour: async ({ step, tour }) => {
      if (tour !== undefined) await app.tour.load(tour, { focus: false });
      if (step !== undefined) await app.tour.step(step, { focus: false });
    },
    state: () => {
      const view = pg.view();
      return {
        config: view.config, preset: view.preset ?? null, trial: view.trials, playing: app.player.playing,
        permalink: app.fullLink(), lastRecord: view.last_record ?? null, comparing: view.comparing,
        runNames: view.run_names ?? null, events: view.events,
      };
    },
  };
}

/**
 * Configures the experiment from a host's `config` and starts it again. `{ a, b }` sets up a
 * comparison (run A's entries, then run B's differences); nothing else may stand beside them,
 * and B must say how it differs.
 */
function configure(app, config) {
  const { pg } = app;
  if ('a' in config || 'b' in config) {
    const extra = Object.keys(config).filter((k) => k !== 'a' && k !== 'b');
    if (extra.length) {
      throw new Error(`a comparison's parameters go inside \`a\` (both runs) or \`b\` (run B's differences), not beside them: ${extra.slice(0, 10).join(', ')}`);
    }
    const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
    if ('a' in config && !isObject(config.a)) throw new Error('`a` must be an object of parameters for both runs, e.g. { loop_strength: 1 }');
    if (!isObject(config.b)) throw new Error('`b` must be an object of run B\'s differences from A, e.g. { loop_strength: 0.25 }');
    pg.compare({ a: config.a ?? {}, b: config.b });
  } else {
    pg.configure(config);
  }
  app.reset();
}

/** The embed layout: the views only, a link to the full page, playing while the frame is seen,
 * and the content's height told to the host. */
function layOutEmbed(app) {
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

/** `window.bgloop`: the model and the page for scripts (and the tests), with the host API's
 * play, pause and reset. */
function scriptingApi(app, api) {
  const { pg } = app;
  return {
    playground: pg,
    /** The module's page words (`Words.t`, `Words.schema`, …). */
    Words,
    /** The second module, loaded on first use: `(await bgloop.extras()).Sweeps` (a sweep's runs,
     * summaries, charts, figure) and `.Tours` (the built-in tour, a tour read from JSON). */
    extras: loadExtras,
    get config() { return pg.view().config; },
    get pendingConfig() { return pg.view().pending_config; },
    get schema() { return app.schema; },
    /** Link view options, speed levels (named in the page's language) and parts `hide=` may name. */
    get views() { return app.viewTable; },
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
    endComparison: () => { pg.compare(false); app.render(); },
    sweepOutcomes: () => app.sweep.outcomes(),
    /** Trials `from`–`to` of the run as a clip: `{ kind: 'webm' | 'png-zip', blob, poster, frames,
     * seconds, bytes }` (`digests: true` adds each frame's pixel hash; `video: false` asks for the
     * PNG frames). */
    recordClip: (options) => app.recordClip(options),
  };
}
