// "Record clip" (issue #33): the run from trial a to b drawn frame by frame from its link, encoded
// as WebM in Chromium; the same link gives the same frames, the video decodes to them, and the
// dialog says what the clip will be and what it is before it is downloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A page on `hash`, ready; its CSP bypassed so the test can play the clip in a <video>. */
async function open(hash, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + hash);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, context, problems };
}

const record = (page, options) => page.evaluate(async (o) => {
  const c = await window.bgloop.recordClip(o);
  return { kind: c.kind, frames: c.frames, seconds: c.seconds, bytes: c.bytes, digests: c.digests };
}, options);

test('the same link gives the same frames; another seed gives others; the recorder loads only when used', async () => {
  const { page, context, problems } = await open('#preset=strong-vs-weak&seed=2');
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/clip\.js$/.test(r.name)));
  assert.equal(await loaded(), false, 'web/clip.js is not loaded with the page');
  const first = await record(page, { from: 11, to: 24, digests: true });
  assert.equal(await loaded(), true);
  assert.equal(first.frames, 14);
  assert.equal(first.digests.length, 14);
  assert.equal(new Set(first.digests).size, 14, 'each trial is its own frame');
  // The same link in a fresh page, after playing and pausing elsewhere in the run: the same frames.
  const again = await open('#preset=strong-vs-weak&seed=2');
  await again.page.evaluate(() => window.bgloop.playground.runTrials(57));
  const second = await record(again.page, { from: 11, to: 24, digests: true });
  assert.deepEqual(second.digests, first.digests, 'the same link gives the same frames');
  await again.context.close();
  const other = await open('#preset=strong-vs-weak&seed=3');
  const third = await record(other.page, { from: 11, to: 24, digests: true });
  assert.notDeepEqual(third.digests, first.digests, 'another seed gives other frames');
  await other.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the WebM plays: a <video> decodes it at 1280 × 720 for its stated length, and its last frame is the poster', async () => {
  const { page, context, problems } = await open('#preset=rotation&seed=4', { bypassCSP: true });
  const seen = await page.evaluate(async () => {
    const c = await window.bgloop.recordClip({ from: 1, to: 40 });
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(c.blob);
    document.body.append(video);
    await new Promise((resolve, reject) => {
      video.onloadeddata = resolve;
      video.onerror = () => reject(new Error(`video: ${video.error?.message}`));
      setTimeout(() => reject(new Error(`the video did not load in 15 s (readyState ${video.readyState})`)), 15000);
    });
    // The last frame, decoded, against the poster (the last frame before encoding).
    video.currentTime = c.seconds - 0.05;
    await new Promise((resolve, reject) => { video.onseeked = resolve; setTimeout(() => reject(new Error('the video did not seek in 15 s')), 15000); });
    // The learning chart's part of a frame (its curves grow trial by trial), at half size.
    const W = 358; const H = 190;
    const grab = (source) => {
      const canvas = document.createElement('canvas');
      canvas.width = W; canvas.height = H;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(source, 540, 96, 716, 380, 0, 0, W, H);
      return ctx.getImageData(0, 0, W, H).data;
    };
    // The share of pixels that differ by more than a lossy codec's blur (a line that is not there).
    const apart = (x, y) => {
      let n = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.max(Math.abs(x[i] - y[i]), Math.abs(x[i + 1] - y[i + 1]), Math.abs(x[i + 2] - y[i + 2])) > 96) n += 1;
      }
      return n / (x.length / 4);
    };
    const decoded = grab(video);
    const poster = await createImageBitmap(c.poster);
    const expected = grab(poster);
    const diff = apart(decoded, expected);
    // …and a frame that is not the last is not the poster (the video moves).
    video.currentTime = 0.05;
    await new Promise((resolve, reject) => { video.onseeked = resolve; setTimeout(() => reject(new Error('the video did not seek in 15 s')), 15000); });
    const far = apart(grab(video), expected);
    return { kind: c.kind, type: c.blob.type, seconds: c.seconds, duration: video.duration, w: video.videoWidth, h: video.videoHeight, diff, far };
  });
  assert.equal(seen.kind, 'webm');
  assert.equal(seen.type, 'video/webm');
  assert.deepEqual([seen.w, seen.h], [1280, 720]);
  assert.ok(Math.abs(seen.duration - seen.seconds) < 0.15, `plays ${seen.duration} s for a stated ${seen.seconds} s`);
  const pct = (x) => `${(x * 100).toFixed(2)}% of pixels`;
  assert.ok(seen.diff < 0.005, `the decoded last frame is the poster (${pct(seen.diff)} apart)`);
  assert.ok(seen.far > 0.008 && seen.far > 4 * seen.diff, `the first frame is not the last (${pct(seen.far)} apart, the last ${pct(seen.diff)})`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Record clip dialog says the clip before recording and its size after; a bad range is refused naming the field; the download is the clip', async () => {
  const { page, context, problems } = await open('#preset=rotation&seed=1&speed=4&to=60');
  await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 60 && document.getElementById('pause').disabled, null, { timeout: 30000 });
  await page.getByRole('button', { name: 'Record clip' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a clip' });
  await dialog.waitFor();
  assert.equal(await page.locator('#clip-from').inputValue(), '1');
  assert.equal(await page.locator('#clip-to').inputValue(), '60');
  await page.waitForFunction(() => document.getElementById('clip-plan').textContent !== '');
  const plan = await page.locator('#clip-plan').textContent();
  const [frames, seconds, fps] = plan.match(/[\d.]+/g).map(Number);
  assert.equal(frames, 60, plan);
  assert.equal(seconds, frames / fps, plan);
  // A range that ends before it starts: refused, naming the field and its range; Record disabled.
  await page.locator('#clip-to').fill('0');
  await page.waitForSelector('#clip-problem:not([hidden])');
  assert.match(await page.locator('#clip-problem').textContent(), /^To trial: a whole number from 1 to 100000/);
  assert.equal(await page.locator('#clip-record').isDisabled(), true);
  await page.locator('#clip-from').fill('31');
  await page.locator('#clip-to').fill('50');
  await page.waitForFunction(() => document.getElementById('clip-problem').hidden);
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  const download = page.getByRole('button', { name: /^Download the clip/ });
  await download.waitFor({ timeout: 30000 });
  const said = await page.locator('#clip-done').textContent();
  assert.match(said, /^Ready: a WebM video of 20 frames, 2 s, \d+ KB\.$/, said);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  assert.match(file.suggestedFilename(), /^bgloop-rotation-seed1-trial60-clip-31-50\.webm$/);
  const fs = await import('node:fs');
  const bytes = fs.readFileSync(await file.path());
  assert.equal(bytes.readUInt32BE(0), 0x1a45dfa3, 'an EBML (WebM) file');
  const kb = Number(said.match(/(\d+) KB/)[1]);
  assert.ok(Math.abs(bytes.length / 1000 - kb) <= 1, `the size said (${kb} KB) is the file's (${bytes.length} bytes)`);
  const [poster] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the poster (PNG)' }).click()]);
  assert.equal(fs.readFileSync(await poster.path()).toString('latin1', 1, 4), 'PNG');
  assert.deepEqual(problems, []);
  await context.close();
});

test('where video cannot be encoded the frames come as PNGs in a ZIP, one per trial', async () => {
  const { page, context, problems } = await open('#preset=rotation&seed=1');
  const zip = await page.evaluate(async () => {
    const c = await window.bgloop.recordClip({ from: 5, to: 12, video: false });
    const bytes = new Uint8Array(await c.blob.arrayBuffer());
    let files = 0;
    for (let i = 0; i + 3 < bytes.length; i += 1) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4) files += 1;
    const name = new TextDecoder().decode(bytes.slice(30, 30 + 16));
    return { kind: c.kind, files, name, frames: c.frames };
  });
  // A script's bad input is refused with the field and its range, never a throw.
  const refused = await page.evaluate(async () => Promise.all(
    [null, { from: -1, to: 3 }, { from: 1, to: 3000 }, { from: 5, to: 2 }].map((o) => window.bgloop.recordClip(o).then(() => 'made', (e) => e.message)),
  ));
  assert.match(refused[0], /^To trial: a whole number from 1 to/);
  assert.match(refused[1], /^From trial: a whole number from 1 to/);
  assert.match(refused[2], /at most 2000 trials/);
  assert.match(refused[3], /^To trial: a whole number from 5 to/);
  assert.equal(zip.kind, 'png-zip');
  assert.equal(zip.files, 8);
  assert.equal(zip.name, 'frame-000005.png');
  assert.deepEqual(problems, []);
  await context.close();
});
