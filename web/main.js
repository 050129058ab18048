// Wires the page: loads the wasm model, builds the controls from its schema, runs the player and
// keeps the views and the status line current. Science lives in Rust; this only asks and draws.

import init, { Playground } from './pkg/bgloop.js';
import { Views } from './charts.js';
import { buildControls } from './controls.js';
import { Player, SPEEDS } from './player.js';

const $ = (id) => document.getElementById(id);
const message = (e) => (e && e.message) || String(e);

async function main() {
  await init();
  const pg = new Playground(undefined);
  const schema = Playground.schema();
  const presets = Playground.presets();

  const views = new Views(pg, { reach: $('reach'), learning: $('learning'), activity: $('activity'), showHand: $('show-hand') });
  const status = $('status');
  const errorBox = $('error');
  const pending = $('pending');
  const resetButton = $('reset');

  const showError = (e) => { errorBox.hidden = !e; errorBox.textContent = e ? message(e) : ''; };
  const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  let lastAnnounce = 0;
  const updateStatus = (force = false) => {
    const now = performance.now();
    if (!force && now - lastAnnounce < 400) return;
    lastAnnounce = now;
    const r = pg.lastRecord();
    if (!r) {
      const t = pg.timeInTrial();
      status.textContent = t > 0 ? `Trial 1 in progress · ${fmt(t, 0)} ms` : 'Ready: press Play, or Step for one trial.';
      return;
    }
    const reach = r.executed ? `reach ${fmt(r.reach_ms, 0)} ms` : 'not executed';
    status.textContent = `Trial ${r.trial} · ${r.phase} · error ${fmt(r.error_deg)}° · reward ${fmt(r.reward, 2)} · ${reach}`;
  };
  const refreshPending = () => {
    const changed = pg.hasPendingChanges();
    pending.hidden = !changed;
    resetButton.classList.toggle('attention', changed);
    resetButton.textContent = 'Reset';
  };

  const player = new Player(pg, {
    onFrame: () => { views.invalidate(); views.draw(); updateStatus(); },
    onError: (e) => { showError(e); setPlaying(false); views.invalidate(); views.draw(); updateStatus(true); },
  });

  const playButton = $('play');
  const pauseButton = $('pause');
  const setPlaying = (on) => {
    if (on) player.play(); else player.pause();
    playButton.disabled = on;
    pauseButton.disabled = !on;
    playButton.classList.toggle('primary', !on);
    pauseButton.classList.toggle('primary', on);
    if (!on) updateStatus(true);
  };

  // Controls from the schema.
  const controls = buildControls($('controls'), schema, (key, value) => {
    try {
      pg.configure({ [key]: value });
      refreshPending();
      $('preset').value = pg.hasPendingChanges() ? '' : $('preset').value;
      return null;
    } catch (e) {
      return message(e);
    }
  });

  // Presets.
  const presetSelect = $('preset');
  presetSelect.append(new Option('Custom (defaults)', ''));
  for (const p of presets) presetSelect.append(new Option(`${p.title} (${p.claim})`, p.name));
  const watch = $('preset-watch');
  const defaults = Object.fromEntries(schema.map((s) => [s.key, s.default]));
  const choosePreset = (name) => {
    try {
      if (name) pg.usePreset(name);
      else pg.configure({ ...defaults, seed: pg.pendingConfig().seed });
      pg.reset();
      showError(null);
    } catch (e) {
      showError(e);
    }
    const p = presets.find((x) => x.name === name);
    watch.textContent = p ? p.watch : 'The default model: one target at 0°, no rotation. Choose a preset to reproduce one of the paper\'s claims.';
    controls.sync(pg.pendingConfig());
    refreshPending();
    views.invalidate(); views.draw(); updateStatus(true);
  };
  presetSelect.addEventListener('change', () => choosePreset(presetSelect.value));

  // Transport.
  playButton.addEventListener('click', () => { showError(null); setPlaying(true); });
  pauseButton.addEventListener('click', () => setPlaying(false));
  $('step').addEventListener('click', () => {
    setPlaying(false);
    try { pg.stepTrial(); showError(null); } catch (e) { showError(e); }
    views.invalidate(); views.draw(); updateStatus(true);
  });
  resetButton.addEventListener('click', () => {
    try { pg.reset(); showError(null); } catch (e) { showError(e); }
    refreshPending();
    views.invalidate(); views.draw(); updateStatus(true);
  });
  const speed = $('speed');
  const speedOut = $('speed-out');
  const applySpeed = () => {
    const s = SPEEDS[Number(speed.value)] || SPEEDS[2];
    speedOut.textContent = s.label;
    speed.setAttribute('aria-valuetext', s.label);
    player.setSpeed(Number(speed.value));
  };
  speed.addEventListener('input', applySpeed);
  applySpeed();

  choosePreset('rotation');
  presetSelect.value = 'rotation';

  window.bgloop = {
    playground: pg,
    get config() { return pg.config(); },
    get pendingConfig() { return pg.pendingConfig(); },
    schema,
    presets,
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    redraw: () => { views.invalidate(); views.draw(); updateStatus(true); },
  };
  document.documentElement.dataset.ready = 'true';
}

main().catch((e) => {
  const s = document.getElementById('status');
  if (s) s.textContent = `The model could not start: ${message(e)}`;
  console.error(e);
});
