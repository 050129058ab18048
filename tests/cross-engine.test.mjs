// "The same link gives the same run in any browser": the determinism links run in Firefox
// (SpiderMonkey) and WebKitGTK (JavaScriptCore) and their CSV is compared byte for byte with the
// native CLI (Chromium's V8 runs the same check in share.test.mjs and wasm-node in Node); then a
// smoke test of the page in each engine. Chromium keeps the full e2e suite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { serve, ROOT } from './server.mjs';
import { firefox, webkit } from './engines.mjs';
import { DETERMINISM_LINKS, inkedFraction, colourFraction } from './links.mjs';

const CLI = path.join(ROOT, 'target', 'release', 'bgloop');
let server;
before(async () => { server = await serve(); });
after(() => server?.close());

const cli = (link, trials) => {
  const r = spawnSync(CLI, ['run', '--permalink', link, '--trials', String(trials)], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};


for (const [name, launch] of [['Firefox', firefox], ['WebKit', webkit]]) {
  test(`${name}: every determinism link gives the CLI's CSV byte for byte; the page plays, draws, shares and embeds`, { timeout: 600_000 }, async (t) => {
    // A browser that dies under the test (WebKitWebDriver then answers "Could not parse script
    // result", a WebDriverError) is started again once; a wrong CSV, a page that does not become
    // ready or any failed assertion fails at once.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await check(name, launch, t);
        return;
      } catch (e) {
        const crashed = e && /WebDriverError|ProtocolError|TargetCloseError/.test(e.name || '');
        if (!crashed || attempt >= 2) throw e;
        t.diagnostic(`${name}: the browser failed under the test (${e.name}: ${e.message}); starting it again`);
      }
    }
  });
}

async function check(name, launch, t) {
  const engine = await launch();
  t.diagnostic(`${name}: ${engine.version}`);
  try {
    for (const [link, trials] of DETERMINISM_LINKS) {
      await engine.goto(server.url + link);
      const csv = await engine.evaluate((n) => { window.bgloop.playground.runTrials(n); return window.bgloop.playground.csv(); }, trials);
      assert.equal(csv, cli(link, trials), `${name}: ${link}`);
    }

    // Smoke: load, Play advances the status line, every view is drawn.
    await engine.goto(`${server.url}#preset=rotation&seed=3&speed=3`);
    const CURSOR = [0xc2, 0x41, 0x0c];
    const before = {};
    for (const id of ['reach', 'learning']) before[id] = await engine.evaluate(colourFraction, id, CURSOR);
    await engine.evaluate(() => { document.getElementById('play').click(); return true; });
    await engine.evaluate(() => new Promise((resolve, reject) => {
      const end = performance.now() + 20000;
      const check = () => {
        if (window.bgloop.playground.trialCount() >= 5) resolve();
        else if (performance.now() > end) reject(new Error('Play did not advance'));
        else setTimeout(check, 50);
      };
      check();
    }));
    await engine.evaluate(() => { document.getElementById('pause').click(); return true; });
    // The line is redrawn in the next animation frame after Pause.
    const status = await engine.evaluate(() => new Promise((resolve) => {
      const end = performance.now() + 5000;
      const check = () => {
        const text = document.getElementById('status').textContent;
        if (/^Trial \d+ · /.test(text) || performance.now() > end) resolve(text); else setTimeout(check, 50);
      };
      check();
    }));
    assert.match(status, /^Trial \d+ · /, `${name}: the status line follows the run`);
    for (const id of ['reach', 'learning', 'activity', 'circuit']) {
      assert.ok(await engine.evaluate(inkedFraction, id) > 0.01, `${name}: the ${id} view is drawn`);
    }
    // …and shows the run, not only its frame and legend: more pixels in the cursor's colour
    // (cursor paths, the |error| curve) than before the first trial.
    for (const id of ['reach', 'learning']) {
      const share = await engine.evaluate(colourFraction, id, CURSOR);
      assert.ok(share > before[id] + 0.0003, `${name}: the ${id} view draws the run (${(before[id] * 100).toFixed(2)}% → ${(share * 100).toFixed(2)}% in the cursor colour)`);
    }

    // A copied link replays the same run, a live change included: finish the trial in
    // progress, change the loop from the next trial, run on, take the address bar, open it in a
    // fresh load and run as many trials.
    const { href, n, csv } = await engine.evaluate(async () => {
      const pg = window.bgloop.playground;
      if (pg.view().time_in_trial_ms > 0) pg.stepTrial();
      window.bgloop.intervene('loop_strength', 0.5);
      pg.runTrials(3);
      window.bgloop.link();
      return { href: location.href, n: pg.trialCount(), csv: pg.csv() };
    });
    assert.match(decodeURIComponent(href), /@\d+\.loop_strength=0\.5/, `${name}: the change is in the link`);
    await engine.goto(href);
    const again = await engine.evaluate((k) => { window.bgloop.playground.runTrials(k); return window.bgloop.playground.csv(); }, n);
    assert.equal(again, csv, `${name}: the link replays the run`);

    // The embed at 760 × 640: Play / Pause / Reset, the reach and the learning view in the frame.
    await engine.resize(760, 640);
    await engine.goto(`${server.url}#preset=rotation&seed=3&embed=1`);
    const fit = await engine.evaluate(() => {
      const bottom = (sel) => document.querySelector(sel).getBoundingClientRect().bottom;
      return { h: innerHeight, w: innerWidth, play: bottom('#play'), reach: bottom('#reach'), learning: bottom('#learning') };
    });
    assert.ok(Math.abs(fit.w - 760) <= 2 && Math.abs(fit.h - 640) <= 2, `${name}: viewport ${fit.w} × ${fit.h}`);
    for (const k of ['play', 'reach', 'learning']) assert.ok(fit[k] <= fit.h, `${name}: ${k} ends at ${fit[k]} px of ${fit.h}`);
    // Last (once, under a full run, WebKit's next page after a clip did not become ready in 30 s;
    // alone it loads in half a second): Record clip: a WebM where the engine encodes video (WebCodecs), else the frames as PNGs in
    // a ZIP — either way a clip of the trials asked for.
    const clip = await engine.evaluate(() => window.bgloop.recordClip({ from: 1, to: 4 }).then((c) => ({ kind: c.kind, frames: c.frames, bytes: c.bytes, type: c.blob.type })));
    t.diagnostic(`${name}: Record clip gives ${clip.kind} (${clip.bytes} bytes)`);
    assert.ok(['webm', 'png-zip'].includes(clip.kind) && clip.frames === 4 && clip.bytes > 1000, `${name}: ${JSON.stringify(clip)}`);
    assert.equal(clip.type, clip.kind === 'webm' ? 'video/webm' : 'application/zip');

    assert.deepEqual(await engine.errors(), [], `${name}: no errors`);
  } finally {
    await engine.close().catch(() => {});
  }
}
