// The transport: Play / Pause / Step / Reset and the speed control, and the player that runs the
// model's trials frame by frame.

import { Player } from './player.js';
import { tellHost } from './embed.js';
import { message } from './app.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** Play / Pause / Step / Reset and the speed control. */
export function setupTransport(app) {
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
