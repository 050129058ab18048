// "Record clip": the run from trial `from` to `to` as a video, drawn frame by frame from the link
// (its seed and schedule) in a model of its own — not a screen capture, so the same link gives the
// same frames on any machine with the same browser — with the title, the result and the link
// burnt in, in the reader's language. Encoded as WebM (VP8) where the browser has WebCodecs; where
// it has not, the frames come as PNGs in a ZIP. Loaded only when a clip is recorded.
import { Playground } from './pkg/bgloop.js';
import { t } from './i18n.js';
import { webm, zip } from './webm.js';

/** The clip's size and pace: 720p, a trial a frame, ten frames a second. */
export const CLIP = { width: 1280, height: 720, fps: 10 };

/** The most trials one clip may hold (a minute and a half at ten a second… and then some). */
export const MAX_CLIP_TRIALS = 2000;

/** The chart text's scale in a frame: readable when the video plays small. */
const CHART_SCALE = 1.35;

/** Why `from`/`to` cannot make a clip, in words naming the field and its range; or null. */
export function clipProblem(from, to, last = 100_000) {
  const whole = (x) => Number.isInteger(x) && x >= 1 && x <= last;
  if (!whole(from)) return t('clip-error-from', { last });
  if (!whole(to) || to < from) return t('clip-error-to', { from: whole(from) ? from : 1, last });
  if (to - from + 1 > MAX_CLIP_TRIALS) return t('clip-error-long', { most: MAX_CLIP_TRIALS });
  return null;
}

/** A canvas of `w × h` pixels, not on the page. */
function canvasOf(w, h) {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

/** `text` cut with "…" to fit `width` pixels in `ctx`'s font. */
function fit(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0; let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid; else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** Draws one frame of `pg` (at the end of a trial) onto `frame`. */
function drawFrame(frame, pg, parts, { title, link, from, to, hc }) {
  const ctx = frame.getContext('2d');
  const ink = '#111827';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, CLIP.width, CLIP.height);
  pg.draw(parts.reach, 'reach', { scale: CHART_SCALE, highContrast: hc });
  pg.draw(parts.learning, 'learning', { scale: CHART_SCALE, highContrast: hc });
  ctx.drawImage(parts.reach, 24, 96);
  ctx.drawImage(parts.learning, 540, 96);
  ctx.fillStyle = ink;
  ctx.textBaseline = 'alphabetic';
  ctx.font = 'bold 30px system-ui, sans-serif';
  ctx.fillText(fit(ctx, title, CLIP.width - 48), 24, 44);
  const view = pg.view();
  ctx.font = '20px system-ui, sans-serif';
  ctx.fillStyle = '#374151';
  ctx.fillText(fit(ctx, t('clip-trial', { trial: view.trials, from, to }), CLIP.width - 48), 24, 76);
  // The result: each window's heading and each run's line, as the page's Result box says it.
  let y = 510;
  for (const window of view.said) {
    ctx.font = 'bold 17px system-ui, sans-serif';
    ctx.fillStyle = ink;
    ctx.fillText(fit(ctx, window.heading, 716), 540, y);
    y += 26;
    ctx.font = '15px system-ui, sans-serif';
    for (const [run, line] of window.runs) {
      ctx.fillText(fit(ctx, run ? t('result-run', { run, line }) : line, 716), 540, y);
      y += 22;
    }
    y += 8;
    if (y > 660) break;
  }
  ctx.font = '15px system-ui, sans-serif';
  ctx.fillStyle = '#9a3412';
  ctx.fillText(fit(ctx, link, CLIP.width - 48), 24, CLIP.height - 20);
}

/** SHA-256 of a frame's pixels, hex (the same link gives the same frames: a test compares them). */
async function digest(frame) {
  const pixels = frame.getContext('2d').getImageData(0, 0, CLIP.width, CLIP.height).data;
  const hash = await crypto.subtle.digest('SHA-256', pixels);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** WebKitGTK (WebKit on Linux) has VideoEncoder, but asking it about VP8 crashes or hangs the
 * page (WebKitGTK 2.50, measured): there the frames come as PNGs. */
const webkitOnLinux = () => {
  const ua = navigator.userAgent;
  return /AppleWebKit/.test(ua) && !/Chrome|Chromium|Edg\//.test(ua) && /Linux|X11/.test(ua);
};

/** Whether this browser can encode the clip as VP8 video. */
export async function canEncodeVideo() {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined' || webkitOnLinux()) return false;
  try {
    return (await VideoEncoder.isConfigSupported(encoderConfig())).supported === true;
  } catch {
    return false;
  }
}

const encoderConfig = () => ({ codec: 'vp8', width: CLIP.width, height: CLIP.height, bitrate: 2_500_000, framerate: CLIP.fps });

/** A canvas as PNG bytes. */
async function png(canvas) {
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

/** A VP8 encoder of the clip's frames into `chunks` (`{ data, key, ms }`); `failed()` is its
 * asynchronous error, if any. */
function vp8Encoder(chunks) {
  let failure = null;
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      chunks.push({ data, key: chunk.type === 'key', ms: Math.round(chunk.timestamp / 1000) });
    },
    error: (e) => { failure = e; },
  });
  encoder.configure(encoderConfig());
  return { encoder, failed: () => failure };
}

/** Encodes `frame` as the clip's `k`-th frame, keeping the encoder's queue short. */
async function encodeFrame({ encoder, failed }, frame, k) {
  if (failed()) throw failed();
  const vf = new VideoFrame(frame, { timestamp: Math.round((k * 1e6) / CLIP.fps), duration: Math.round(1e6 / CLIP.fps) });
  try {
    encoder.encode(vf, { keyFrame: k % 50 === 0 });
  } finally {
    vf.close();
  }
  // Memory stays flat on long clips.
  while (encoder.encodeQueueSize > 4) await new Promise((r) => setTimeout(r, 5));
}

/** A model replaying `link`, stopped after trial `from - 1`, recording the next trial's traces. */
function replay(link, from) {
  const pg = new Playground(undefined);
  try {
    // No ring traces while skipping ahead: only the frames' trials need them.
    pg.recordTraces(2, false);
    const opened = pg.openPermalink(link);
    if (opened.rejected?.length) throw new Error(t('clip-error-link'));
    if (from > 1) pg.runTrials(from - 1);
    pg.recordTraces(2, true);
    return pg;
  } catch (e) {
    pg.free();
    throw e;
  }
}

/**
 * Records trials `from`–`to` of the run `link` (a permalink without `#`) replays. `onProgress(done,
 * total)` is told after each frame; `digests` asks for each frame's pixel hash. Returns `{ kind:
 * 'webm' | 'png-zip', blob, poster (a PNG Blob of the last frame), frames, seconds, bytes,
 * digests? }`.
 */
export async function recordClip({ link, title, from, to, hc = false, onProgress = () => {}, digests = false, video = true }) {
  const problem = clipProblem(from, to);
  if (problem) throw new Error(problem);
  const pg = replay(link, from);
  const chunks = [];
  const vp8 = video && (await canEncodeVideo()) ? vp8Encoder(chunks) : null;
  try {
    const frame = canvasOf(CLIP.width, CLIP.height);
    const parts = { reach: canvasOf(500, 540), learning: canvasOf(716, 380) };
    const total = to - from + 1;
    const pngs = [];
    const hashes = [];
    const shown = `${location.href.split('#')[0]}#${link}`;
    for (let k = 0; k < total; k += 1) {
      pg.stepTrial();
      drawFrame(frame, pg, parts, { title, link: shown, from, to, hc });
      if (digests) hashes.push(await digest(frame));
      if (vp8) await encodeFrame(vp8, frame, k);
      else pngs.push({ name: `frame-${String(from + k).padStart(6, '0')}.png`, data: await png(frame) });
      onProgress(k + 1, total);
    }
    if (vp8) await vp8.encoder.flush();
    if (vp8?.failed()) throw vp8.failed();
    const poster = new Blob([await png(frame)], { type: 'image/png' });
    const bytes = vp8 ? webm(chunks, CLIP) : zip(pngs);
    const blob = new Blob([bytes], { type: vp8 ? 'video/webm' : 'application/zip' });
    return { kind: vp8 ? 'webm' : 'png-zip', blob, poster, frames: total, seconds: total / CLIP.fps, bytes: blob.size, ...(digests ? { digests: hashes } : {}) };
  } finally {
    if (vp8 && vp8.encoder.state !== 'closed') vp8.encoder.close();
    pg.free();
  }
}
