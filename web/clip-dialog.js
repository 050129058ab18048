// The Record clip dialog and `bgloop.recordClip({ from, to })`: the trials to record, what the clip
// will be (frames, seconds) before recording, its size after, and the downloads. The recorder
// (web/clip.js and its WebM writer) is loaded the first time a clip is recorded.
import { t, num } from './i18n.js';
import { download, stem } from './export.js';

const $ = (id) => document.getElementById(id);

/** The recorder module, loaded once, when first used. */
let recorder = null;
const loadRecorder = () => (recorder ??= import('./clip.js').catch((e) => { recorder = null; throw e; }));

/** A size in bytes as the reader reads it ("1.4 MB"). */
const sizeOf = (bytes) => (bytes >= 1e6
  ? t('size-mb', { size: num(Math.round(bytes / 1e5) / 10) })
  : t('size-kb', { size: num(Math.max(1, Math.round(bytes / 1e3))) }));

/** The clip's title: the preset's title in the reader's language, or the custom run's. */
function clipTitle(app) {
  const preset = app.presets.find((p) => p.name === app.pg.view().preset);
  return preset ? preset.title : t('figure-custom');
}

/** Records trials `from`–`to` of the run the page shows now (its link replayed). */
async function record(app, { from, to, onProgress, digests = false, video = true }) {
  const { recordClip } = await loadRecorder();
  const v = app.viewOptions();
  delete v.embed;
  delete v.to;
  return recordClip({ link: app.pg.permalink(v), title: clipTitle(app), from, to, hc: app.ui.highContrast, onProgress, digests, video });
}

/** The dialog's elements. */
const elements = () => ({
  dialog: $('clip-dialog'), from: $('clip-from'), to: $('clip-to'), plan: $('clip-plan'), problem: $('clip-problem'),
  progress: $('clip-progress'), done: $('clip-done'), downloads: $('clip-downloads'), record: $('clip-record'), download: $('clip-download'),
});

/** Says what the chosen trials make (frames, seconds) or why they cannot; Record only when they can. */
async function replan(el) {
  const [a, b] = [Number(el.from.value), Number(el.to.value)];
  const { clipProblem, CLIP } = await loadRecorder();
  const why = clipProblem(a, b);
  const fromBad = clipProblem(a, a) !== null;
  el.problem.hidden = !why;
  el.problem.textContent = why ?? '';
  el.from.setAttribute('aria-invalid', String(Boolean(why) && fromBad));
  el.to.setAttribute('aria-invalid', String(Boolean(why) && !fromBad));
  el.plan.textContent = why ? '' : t('clip-plan', { frames: b - a + 1, seconds: num((b - a + 1) / CLIP.fps), fps: CLIP.fps });
  el.record.disabled = Boolean(why) || el.busy;
}

/** Records the chosen trials, showing progress; then says the clip's length and size and offers it. */
async function recordChosen(app, el) {
  const [a, b] = [Number(el.from.value), Number(el.to.value)];
  // One recording at a time: the range is fixed while it runs.
  el.busy = true;
  for (const input of [el.from, el.to, el.record]) input.disabled = true;
  el.downloads.hidden = true;
  el.progress.hidden = false;
  el.progress.value = 0;
  el.done.textContent = t('clip-recording');
  try {
    const { canEncodeVideo } = await loadRecorder();
    if (!(await canEncodeVideo())) el.done.textContent = t('clip-no-video');
    const result = await record(app, { from: a, to: b, onProgress: (n, total) => { el.progress.value = n / total; } });
    const size = sizeOf(result.bytes);
    const webm = result.kind === 'webm';
    el.done.textContent = webm
      ? t('clip-ready', { frames: result.frames, seconds: num(result.seconds), size })
      : t('clip-ready-frames', { frames: result.frames, size });
    el.download.textContent = t(webm ? 'clip-download' : 'clip-download-frames', { size });
    el.downloads.hidden = false;
    el.download.focus();
    return result;
  } catch (e) {
    el.done.textContent = t('clip-failed', { why: (e && e.message) || String(e) });
    return null;
  } finally {
    el.busy = false;
    el.progress.hidden = true;
    for (const input of [el.from, el.to, el.record]) input.disabled = false;
  }
}

/** Wires the Record clip button and dialog; returns `recordClip` for the scripting API. */
export function setupClip(app) {
  const el = elements();
  let result = null;
  $('record-clip').addEventListener('click', () => {
    const trials = app.pg.trialCount();
    const last = trials > 0 ? trials : (app.ui.endTrial ?? 100);
    el.from.value = String(Math.max(1, last - 299));
    el.to.value = String(last);
    el.done.textContent = '';
    el.downloads.hidden = true;
    el.progress.hidden = true;
    el.dialog.showModal();
    plan();
  });
  const plan = () => replan(el).catch((e) => { el.problem.hidden = false; el.problem.textContent = t('clip-failed', { why: (e && e.message) || String(e) }); });
  el.from.addEventListener('input', plan);
  el.to.addEventListener('input', plan);
  el.record.addEventListener('click', async () => { result = await recordChosen(app, el); });
  const name = () => `${stem(app.pg)}-clip-${el.from.value}-${el.to.value}`;
  el.download.addEventListener('click', () => {
    if (result) download(`${name()}.${result.kind === 'webm' ? 'webm' : 'zip'}`, result.blob);
  });
  $('clip-poster').addEventListener('click', () => { if (result) download(`${name()}-poster.png`, result.poster); });
  $('clip-close').addEventListener('click', () => el.dialog.close());
  // Whatever a script passes (nothing, null, a throwing getter), the answer is a promise: a clip,
  // or a refusal that names the field.
  return async (options) => {
    const o = options ?? {};
    return record(app, {
      from: Number(o.from ?? 1),
      to: Number(o.to ?? app.pg.trialCount()),
      digests: Boolean(o.digests),
      video: o.video !== false,
    });
  };
}
