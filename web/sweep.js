// The Sweep panel: final |error| against a parameter over seeds, computed by Web Workers on all
// cores, with progress, ETA and Cancel.
import { Playground } from './pkg/bgloop.js';
import { fitCanvas } from './charts.js';

/** Wires the panel; `pg` supplies the pending configuration that the sweep varies. */
export function setupSweep(pg, schema, els) {
  const { param, from, to, count, seeds, trials, workers, run, cancel, progress, status, canvas } = els;
  const real = schema.filter((s) => s.domain.type === 'real');
  for (const s of real) param.append(new Option(`${s.label} (${s.key})`, s.key));
  param.value = 'loop_strength';
  const syncRange = () => {
    const s = real.find((x) => x.key === param.value);
    from.min = to.min = s.domain.min; from.max = to.max = s.domain.max; from.step = to.step = s.domain.step;
    if (param.value === 'loop_strength') { from.value = 0.25; to.value = 1.5; } else { from.value = s.domain.min; to.value = s.domain.max; }
  };
  param.addEventListener('change', syncRange);
  syncRange();
  const cores = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 16));
  workers.max = cores;
  workers.value = cores;

  let pool = [];
  let outcomes = [];
  let spec = null;
  const hc = window.matchMedia?.('(prefers-contrast: more)').matches ?? false;
  const draw = () => {
    if (!spec) return;
    Playground.drawSweep(canvas, spec.param, spec.from, spec.to, outcomes, fitCanvas(canvas), hc);
  };
  new ResizeObserver(draw).observe(canvas.parentElement);

  const stop = (text) => {
    for (const w of pool) w.terminate();
    pool = [];
    run.disabled = false;
    cancel.disabled = true;
    if (text) status.textContent = text;
  };
  cancel.addEventListener('click', () => stop(`Cancelled after ${outcomes.length} runs.`));

  run.addEventListener('click', () => {
    let jobs;
    const n = Number(workers.value);
    try {
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`\`workers\` = ${workers.value} must be a whole number in 1–64`);
      jobs = pg.sweepJobs(param.value, Number(from.value), Number(to.value), Number(count.value), Number(seeds.value), Number(trials.value));
    } catch (e) {
      status.textContent = e.message;
      return;
    }
    spec = { param: param.value, from: Number(from.value), to: Number(to.value), trials: Number(trials.value), base: pg.pendingConfig() };
    outcomes = [];
    progress.max = jobs.length;
    progress.value = 0;
    run.disabled = true;
    cancel.disabled = false;
    const started = performance.now();
    let nextJob = 0;
    let failed = null;
    const dispatch = (w) => {
      if (nextJob >= jobs.length) return;
      const j = jobs[nextJob++];
      w.postMessage({ id: nextJob, base: spec.base, param: spec.param, value: j.value, seed: j.seed, trials: spec.trials });
    };
    try {
      for (let i = 0; i < Math.min(n, jobs.length); i++) {
        const w = new Worker(new URL('./sweep-worker.js', import.meta.url), { type: 'module' });
        w.onmessage = (e) => {
          if (e.data.error) { failed = e.data.error; stop(`The sweep stopped: ${failed}`); return; }
          outcomes.push(e.data.outcome);
          progress.value = outcomes.length;
          const elapsed = (performance.now() - started) / 1000;
          const left = (elapsed / outcomes.length) * (jobs.length - outcomes.length);
          status.textContent = outcomes.length < jobs.length
            ? `${outcomes.length} of ${jobs.length} runs · ${elapsed.toFixed(1)} s · about ${left.toFixed(0)} s left`
            : `Done: ${jobs.length} runs in ${elapsed.toFixed(1)} s on ${pool.length} workers.`;
          draw();
          if (outcomes.length === jobs.length) stop(null); else dispatch(w);
        };
        w.onerror = (e) => { e.preventDefault(); stop('Sweeps need Web Workers: serve the page over HTTP (npm start) rather than opening the file.'); };
        pool.push(w);
        dispatch(w);
      }
      status.textContent = `0 of ${jobs.length} runs on ${pool.length} workers…`;
      draw();
    } catch (e) {
      stop(`Sweeps need Web Workers (${e.message}).`);
    }
  });
}
