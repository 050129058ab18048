// Listen: the learning curve as sound, on demand (off until pressed). Pitch follows each run's mean
// |error| over the trials run (core's result over equal blocks, `pg.curve`): higher is further off
// target — 0° sounds at 220 Hz, each 30° one octave higher, up to 60°. Run A plays on the left with
// a smooth tone (sine), run B on the right with a buzzier one (triangle), together, so a listener
// hears B stay high while A falls. The same schedule renders in an OfflineAudioContext for tests.

import { t } from './i18n.js';

/** Length of the sound, s, and how many points of the curve it plays. */
export const SECONDS = 4;
export const POINTS = 60;
const LOW_HZ = 220;

/** The pitch of a mean |error| of `deg` degrees, Hz (one octave per 30°, 0–60° shown). */
export const pitchOf = (deg) => LOW_HZ * 2 ** (Math.min(Math.max(deg, 0), 60) / 30);

/**
 * Schedules `curves` ([{ run, values: Float64Array }], one per run) on `ctx` (an AudioContext or
 * OfflineAudioContext) from `start`: each run a tone whose pitch steps through its values over
 * SECONDS, panned left (A) or right (B). Returns the oscillators (to stop them early).
 */
export function schedule(ctx, curves, start = ctx.currentTime) {
  const voices = [];
  for (const { run, values } of curves) {
    if (!values.length) continue;
    const osc = ctx.createOscillator();
    osc.type = run === 'B' ? 'triangle' : 'sine';
    const gain = ctx.createGain();
    const pan = ctx.createStereoPanner();
    pan.pan.value = curves.length > 1 ? (run === 'B' ? 0.8 : -0.8) : 0;
    const step = SECONDS / values.length;
    let last = LOW_HZ;
    values.forEach((v, k) => {
      if (Number.isFinite(v)) last = pitchOf(v);
      osc.frequency.setValueAtTime(last, start + k * step);
    });
    // Soft edges: no click at the start or the end.
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.2, start + 0.05);
    gain.gain.setValueAtTime(0.2, start + SECONDS - 0.05);
    gain.gain.linearRampToValueAtTime(0, start + SECONDS);
    osc.connect(gain).connect(pan).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + SECONDS);
    voices.push(osc);
  }
  return voices;
}

/** The curves of `pg`'s runs (A, and B while comparing). */
export function curvesOf(pg) {
  const runs = pg.view().comparing ? ['A', 'B'] : ['A'];
  return runs.map((run) => ({ run, values: pg.curve(POINTS, run) }));
}

/**
 * Wires the Listen button: press to play the curve of the trials run so far, press again to
 * stop. `say` tells a screen reader what plays.
 */
export function setupListen(pg, button, { say }) {
  let ctx = null;
  let voices = [];
  const stop = () => {
    voices.forEach((v) => { try { v.stop(); } catch { /* already stopped */ } });
    voices = [];
    button.setAttribute('aria-pressed', 'false');
  };
  button.addEventListener('click', async () => {
    if (voices.length) { stop(); return; }
    const curves = curvesOf(pg);
    if (!curves[0].values.length) { say(t('listen-nothing')); return; }
    ctx ??= new AudioContext();
    await ctx.resume();
    voices = schedule(ctx, curves);
    button.setAttribute('aria-pressed', 'true');
    say(t(pg.view().comparing ? 'listen-playing-both' : 'listen-playing'));
    voices[0].onended = () => { voices = []; button.setAttribute('aria-pressed', 'false'); };
  });
  return { stop };
}
