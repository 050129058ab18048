// The links every engine must replay as the native CLI does, byte for byte, with the trials each
// runs: golden configurations, a v1 link, schedules (steps and ramps), comparisons (a preset, B's own
// event) and the story presets. Used by tests/wasm-node.test.mjs (wasm in Node) and
// tests/cross-engine.test.mjs (Chromium, Firefox, WebKit).
import { readFileSync } from 'node:fs';

/** The link version the model writes, read from core (`record::VERSION`): links copied now carry `v=` with it. */
export const VERSION = Number(readFileSync(new URL('../crates/core/src/record.rs', import.meta.url), 'utf8').match(/pub const VERSION: u32 = (\d+);/)[1]);

export const DETERMINISM_LINKS = [
  ['#preset=rotation&seed=1', 12],
  ['#preset=babbling&seed=7', 12],
  ['#v=1&preset=rotation&seed=1', 12],
  ['#v=2&preset=rotation&seed=1', 12],
  ['#preset=rotation&seed=4&@6.gpi_output=0&@2-5.rotation_deg=0..30&targets=2', 14],
  ['#preset=strong-vs-weak&seed=2', 20],
  ['#preset=rotation&seed=5&b.@8.loop_strength=0.25&cortex_noise=0.01', 16],
  ['#preset=savings&seed=1', 510], // past both events (trials 301 and 501)
  ['#preset=shaping&seed=3', 30],
  ['#v=3&preset=rotation&seed=2&dopamine=0.6', 40], // v3: the level does not reach the teaching signal
  ['#preset=rotation&seed=2&dopamine=0.6', 40], // v4: bursts scaled by the dopamine left
];

/** In the page: the fraction of canvas `id`'s pixels that are drawn (opaque, not near white). */
export function inkedFraction(id) {
  const c = document.getElementById(id);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
  return n / (d.length / 4);
}

/** In the page: the fraction of canvas `id`'s pixels within a small distance of colour `rgb`. */
export function colourFraction(id, rgb) {
  const c = document.getElementById(id);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 0 && Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 60) n++;
  }
  return n / (d.length / 4);
}
