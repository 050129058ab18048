// Wires the page: loads the wasm model, opens the link in the address bar, builds the controls from
// the schema, runs the player and keeps the views, the status line and the address bar current.
// Science lives in Rust; this only asks and draws.

import init, { Playground } from './pkg/bgloop.js';
import { Views } from './charts.js';
import { buildControls } from './controls.js';
import { Player } from './player.js';
import { showLinkProblems, syncHash, copyText } from './permalink.js';
import { download, stem, viewsPng } from './export.js';
import { listenToHost, tellHost, playWhenVisible } from './embed.js';
import { setupSweep } from './sweep.js';

const $ = (id) => document.getElementById(id);
const message = (e) => (e && e.message) || String(e);

async function main() {
  // The single-file build (dist/bgloop.html) carries the wasm bytes inline.
  await init(globalThis.BGLOOP_WASM_BYTES ? { module_or_path: globalThis.BGLOOP_WASM_BYTES } : undefined);
  const pg = new Playground(undefined);
  const schema = Playground.schema();
  const presets = Playground.presets();
  const viewTable = Playground.viewOptions();

  const views = new Views(pg, { reach: $('reach'), learning: $('learning'), activity: $('activity'), showHand: $('show-hand') });
  const status = $('status');
  const errorBox = $('error');
  const pendingNote = $('pending');
  const resetButton = $('reset');
  const playButton = $('play');
  const pauseButton = $('pause');
  const presetSelect = $('preset');
  const speed = $('speed');
  const shareStatus = $('share-status');
  let embedded = false;
  let userPaused = false;
  let hidden = '';

  const showError = (e) => { errorBox.hidden = !e; errorBox.textContent = e ? message(e) : ''; };
  const say = (text) => { shareStatus.textContent = text; };
  const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

  // Status line: drawn at most every 0.4 s; announced to screen readers at most every 2 s (and at
  // once after a deliberate action), so each announcement can be heard to the end.
  const announcer = $('announce');
  let lastShown = 0;
  let lastSpoken = 0;
  const setStatus = (text, force) => {
    status.textContent = text;
    const now = performance.now();
    if (force || now - lastSpoken > 2000) {
      lastSpoken = now;
      if (announcer.textContent !== text) announcer.textContent = text;
    }
  };
  const updateStatus = (force = false) => {
    const now = performance.now();
    if (!force && now - lastShown < 400) return;
    lastShown = now;
    const text = statusText();
    setStatus(text, force);
  };
  const statusText = () => {
    const halted = pg.halted();
    if (halted) return `Stopped: ${halted}`;
    const r = pg.lastRecord();
    if (!r) {
      const t = pg.timeInTrial();
      return t > 0 ? `Trial 1 in progress · ${fmt(t, 0)} ms` : 'Ready: press Play, or Step for one trial.';
    }
    const reach = r.executed ? `reach ${fmt(r.reach_ms, 0)} ms` : 'not executed';
    return `Trial ${r.trial} · ${r.phase} · error ${fmt(r.error_deg)}° · reward ${fmt(r.reward, 2)} · ${reach}`;
  };

  // The address bar always holds the running experiment.
  const viewOptions = () => {
    const v = { speed: speed.value };
    if ($('show-hand').checked) v.hand = '1';
    if (embedded) v.embed = '1';
    if (hidden) v.hide = hidden;
    return v;
  };
  const link = () => syncHash(pg, viewOptions);
  const fullLink = () => {
    const v = viewOptions();
    delete v.embed;
    return `${location.href.split('#')[0]}#${pg.permalink(v)}`;
  };

  const redraw = () => { views.invalidate(); views.draw(); updateStatus(true); };
  const refreshPending = () => {
    const changed = pg.hasPendingChanges();
    pendingNote.hidden = !changed;
    resetButton.classList.toggle('attention', changed);
  };

  let reported = 0;
  const reportTrials = () => {
    const n = pg.trialCount();
    if (embedded && n > reported) {
      const r = pg.lastRecord();
      if (r) tellHost('bgloop:trial', { record: r });
    }
    reported = n;
  };

  const player = new Player(pg, { speeds: viewTable.speeds, defaultSpeed: viewTable.default_speed }, {
    onFrame: () => { views.invalidate(); views.draw(); updateStatus(); reportTrials(); },
    onError: (e) => { showError(e); setPlaying(false); redraw(); tellHost('bgloop:error', { message: message(e), command: null }); },
  });
  const setPlaying = (on) => {
    if (on) player.play(); else player.pause();
    playButton.disabled = on;
    pauseButton.disabled = !on;
    playButton.classList.toggle('primary', !on);
    pauseButton.classList.toggle('primary', on);
    if (!on) { views.invalidate(); views.draw(); updateStatus(true); }
  };

  // Controls from the schema.
  const controls = buildControls($('controls'), schema, (key, value) => {
    try {
      pg.configure({ [key]: value });
      refreshPending();
      return null;
    } catch (e) {
      return message(e);
    }
  });
  const afterReset = () => {
    controls.sync(pg.pendingConfig());
    presetSelect.value = pg.preset || '';
    const p = presets.find((x) => x.name === pg.preset);
    $('preset-watch').textContent = p ? p.watch
      : 'The default model: one target at 0°, no rotation. Choose a preset to reproduce one of the paper\'s claims.';
    refreshPending();
    reported = pg.trialCount();
    link();
    redraw();
  };

  // Presets.
  presetSelect.append(new Option('Custom (defaults)', ''));
  for (const p of presets) presetSelect.append(new Option(`${p.title} (${p.claim})`, p.name));
  presetSelect.addEventListener('change', () => {
    try {
      if (presetSelect.value) pg.usePreset(presetSelect.value); else pg.useDefaults();
      pg.reset();
      showError(null);
    } catch (e) { showError(e); }
    afterReset();
  });

  // Transport.
  const reset = (seed) => { pg.reset(seed); showError(null); afterReset(); };
  const stepOne = () => { setPlaying(false); pg.stepTrial(); showError(null); redraw(); reportTrials(); };
  playButton.addEventListener('click', () => { userPaused = false; showError(null); setPlaying(true); });
  pauseButton.addEventListener('click', () => { userPaused = true; setPlaying(false); });
  $('step').addEventListener('click', () => { try { stepOne(); } catch (e) { showError(e); redraw(); } });
  resetButton.addEventListener('click', () => { try { reset(); } catch (e) { showError(e); } });
  const speedOut = $('speed-out');
  speed.max = String(viewTable.speeds.length - 1);
  speed.value = String(viewTable.default_speed);
  const applySpeed = () => {
    const s = viewTable.speeds[Number(speed.value)] || viewTable.speeds[viewTable.default_speed];
    speedOut.textContent = s.label;
    speed.setAttribute('aria-valuetext', s.label);
    player.setSpeed(Number(speed.value));
  };
  speed.addEventListener('input', () => { applySpeed(); link(); });
  $('show-hand').addEventListener('change', link);
  const contrast = $('high-contrast');
  contrast.checked = views.highContrast;
  contrast.addEventListener('change', () => views.setHighContrast(contrast.checked));

  // Share and export.
  $('copy-link').addEventListener('click', async () => {
    const ok = await copyText(link());
    say(ok ? 'Link copied: it reproduces this run exactly.' : 'Copy the address bar: it holds this run.');
  });
  $('export-csv').addEventListener('click', () => { download(`${stem(pg)}.csv`, pg.csv(), 'text/csv'); say('CSV exported.'); });
  $('export-json').addEventListener('click', () => { download(`${stem(pg)}.json`, pg.json(), 'application/json'); say('JSON exported.'); });
  $('export-figure').addEventListener('click', async () => {
    views.invalidate(); views.draw();
    download(`${stem(pg)}.png`, await viewsPng([$('reach'), $('learning'), $('activity')]), 'image/png');
    say('Figure exported as PNG.');
  });
  $('export-svg').addEventListener('click', () => {
    download(`${stem(pg)}.svg`, pg.figureSvg($('show-hand').checked, 1200, 460), 'image/svg+xml');
    say('Figure exported as SVG.');
  });
  const dialog = $('embed-dialog');
  $('embed').addEventListener('click', () => {
    const v = viewOptions();
    v.embed = '1';
    const src = `${location.href.split('#')[0]}#${pg.permalink(v)}`;
    const code = $('embed-code');
    code.value = `<iframe src="${src.replace(/"/g, '&quot;')}" title="bgloop: reward-driven adaptation in a basal ganglia–cortex loop model" width="760" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>`;
    dialog.showModal();
    code.select();
  });
  $('copy-embed').addEventListener('click', async () => {
    const ok = await copyText($('embed-code').value);
    say(ok ? 'Embed code copied.' : 'Select the code and copy it.');
    dialog.close();
  });
  $('close-embed').addEventListener('click', () => dialog.close());
  setupSweep(pg, schema, {
    param: $('sweep-param'), from: $('sweep-from'), to: $('sweep-to'), count: $('sweep-count'), seeds: $('sweep-seeds'),
    trials: $('sweep-trials'), workers: $('sweep-workers'), run: $('sweep-run'), cancel: $('sweep-cancel'),
    progress: $('sweep-progress'), status: $('sweep-status'), canvas: $('sweep-canvas'),
  });
  $('dismiss-problems').addEventListener('click', () => { $('link-problems').hidden = true; });

  // Open the link in the address bar (or the rotation preset).
  const banner = $('link-problems');
  if (location.hash.length > 1) {
    const opened = pg.openPermalink(location.hash);
    showLinkProblems(banner, opened);
    const v = opened.view;
    if (v.hand === '1') $('show-hand').checked = true;
    if (v.speed !== undefined) speed.value = v.speed;
    embedded = v.embed === '1';
    hidden = v.hide || '';
  } else {
    pg.usePreset('rotation');
    pg.reset();
  }
  for (const name of hidden.split(',').filter(Boolean)) {
    document.querySelectorAll(`[data-part="${name}"]`).forEach((e) => e.setAttribute('data-hidden', ''));
    document.getElementById(`p-${name}`)?.closest('.param')?.setAttribute('data-hidden', '');
  }
  applySpeed();
  afterReset();

  const api = {
    configure: (config) => { pg.configure(config); reset(); },
    play: () => { userPaused = false; setPlaying(true); },
    pause: () => { userPaused = true; setPlaying(false); },
    reset: (seed) => reset(seed),
    step: () => stepOne(),
    state: () => ({ config: pg.config(), preset: pg.preset ?? null, trial: pg.trialCount(), playing: player.playing, permalink: fullLink(), lastRecord: pg.lastRecord() }),
  };
  if (embedded) {
    document.body.classList.add('embed');
    const open = $('open-full');
    open.href = fullLink();
    open.hidden = false;
    const refreshOpen = () => { open.href = fullLink(); };
    resetButton.addEventListener('click', refreshOpen);
    playWhenVisible(document.querySelector('.layout'), { play: () => setPlaying(true), pause: () => setPlaying(false), isUserPaused: () => userPaused });
  }
  listenToHost(api);

  window.bgloop = {
    playground: pg,
    get config() { return pg.config(); },
    get pendingConfig() { return pg.pendingConfig(); },
    schema,
    views: viewTable,
    presets,
    play: api.play,
    pause: api.pause,
    reset: api.reset,
    link,
    redraw,
  };
  document.documentElement.dataset.ready = 'true';
  tellHost('bgloop:ready', api.state());
}

main().catch((e) => {
  const s = document.getElementById('status');
  if (s) s.textContent = `The model could not start: ${message(e)}`;
  console.error(e);
});
