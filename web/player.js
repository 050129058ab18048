// Play / pause and speed: the simulation runs in slices inside animation frames, within a time
// budget (in fast-forward, in short tasks between frames), so the page never freezes. In
// fast-forward a comparison's run B runs on a second core (TwinFeed).

import { TwinFeed } from './twin.js';

/** Speed levels, from core's view table (`Playground.viewOptions().speeds`): simulated ms per
 * real ms (animated) or trials per second (`null` for both: as fast as possible). */
const toSpeed = (s) => ({ label: s.label, simPerReal: s.sim_per_real ?? null, trialsPerSecond: s.trials_per_second ?? Infinity });

/** Work per frame stops once this much time is used, ms; in fast-forward, work per task (tasks
 * run back to back between frames). */
const BUDGET_MS = 10;
const FAST_BUDGET_MS = 12;
/** In fast-forward the views are redrawn at most this often, ms, leaving the frames to simulate. */
const FAST_REDRAW_MS = 150;
/** Simulated time per call while running whole trials, ms: short calls keep every task small, even
 * before the browser has optimised the wasm code. */
const SLICE_MS = 40;

export class Player {
  constructor(playground, { speeds, defaultSpeed }, { onFrame, onError }) {
    this.pg = playground;
    this.speeds = speeds.map(toSpeed);
    this.onFrame = onFrame;
    this.onError = onError;
    this.playing = false;
    this.speedIndex = defaultSpeed;
    this.owed = 0;
    this.last = 0;
    this.lastDraw = 0;
    this.stepping = null;
    this.limit = null;
    this.pumping = false;
    this.channel = new MessageChannel();
    this.channel.port1.onmessage = () => this.pump();
    this.twin = new TwinFeed(playground);
    this.tick = this.tick.bind(this);
  }

  setSpeed(index) {
    this.speedIndex = Math.max(0, Math.min(this.speeds.length - 1, index | 0));
    const animated = this.speeds[this.speedIndex].simPerReal !== null;
    // Animated speeds sample finely; trial speeds coarsely (hand path and rings at 2 ms).
    // Sampling changes only with the kind of speed (a language switch re-applies the same one).
    const every = animated ? 1 : 2;
    if (every !== this.traceEveryMs) this.pg.recordTraces(every, true);
    this.traceEveryMs = every;
    this.owed = 0;
  }

  play() {
    if (this.playing) return;
    this.playing = true;
    this.twin.prepare();
    this.last = performance.now();
    requestAnimationFrame(this.tick);
  }

  pause() {
    const wasPlaying = this.playing;
    this.playing = false;
    this.limit = null;
    this.endTwin();
    // At counted speeds a pause lands between trials: the trial in progress runs to its end, so
    // the views show the last whole trial, never a fragment of the next.
    if (wasPlaying && !this.speeds[this.speedIndex].simPerReal && this.pg.view().time_in_trial_ms > 0) {
      try {
        this.pg.stepTrial();
      } catch (e) {
        this.onError(e);
      }
    }
  }

  /** Brings run B back to this thread (level with A), reporting an error B met on the way. */
  endTwin() {
    try {
      this.twin.stop();
    } catch (e) {
      this.onError(e);
    }
  }

  /**
   * Plays until `count` trials have finished in all, stopping at that trial's end (a tour step):
   * trials run in slices that end where a trial ends, so the views show the last one complete.
   */
  playUntil(count) {
    this.limit = count;
    this.play();
  }

  /**
   * Runs the trial in progress (or a new one) to its end in slices, within a frame budget each
   * frame, so a long trial never blocks the page. Resolves with its record.
   */
  stepTrial() {
    if (this.stepping) return this.stepping;
    const run = new Promise((resolve, reject) => {
      const work = () => {
        const start = performance.now();
        try {
          while (performance.now() - start < BUDGET_MS) {
            const r = this.pg.stepTrial(SLICE_MS);
            if (r) { resolve(r); return; }
          }
        } catch (e) { reject(e); return; }
        requestAnimationFrame(work);
      };
      work();
    });
    // Cleared once settled (the first slices may settle it before this line runs).
    this.stepping = run.finally(() => { this.stepping = null; });
    return this.stepping;
  }

  /** Runs toward the limit for one frame's budget; returns whether the limit was reached. */
  runLimited(speed, elapsed, start) {
    if (speed.simPerReal) {
      this.pg.stepTrial(Math.max(elapsed * speed.simPerReal, 0.5));
    } else {
      const fast = !Number.isFinite(speed.trialsPerSecond);
      if (!fast) this.owed = Math.min(this.owed + (elapsed / 1000) * speed.trialsPerSecond, 1e6);
      const budget = fast ? FAST_BUDGET_MS : BUDGET_MS;
      while ((fast || this.owed >= 1) && this.pg.trialCount() < this.limit && performance.now() - start < budget) {
        if (this.pg.stepTrial(SLICE_MS) && !fast) this.owed -= 1;
      }
    }
    return this.pg.trialCount() >= this.limit;
  }

  /** The limit is reached: stop and show the last trial. */
  finishLimit() {
    this.playing = false;
    this.limit = null;
    this.endTwin();
    this.onFrame();
    this.onLimit?.();
  }

  /**
   * Fast-forward fills the time between animation frames too: work in tasks of FAST_BUDGET_MS,
   * back to back through a MessageChannel (which yields to input and painting in between), so the
   * page runs nearly as fast as the raw model; frames only redraw.
   */
  pump() {
    const speed = this.speeds[this.speedIndex];
    if (!this.playing || speed.simPerReal || Number.isFinite(speed.trialsPerSecond)) {
      this.pumping = false;
      this.endTwin();
      return;
    }
    const start = performance.now();
    try {
      this.twin.sync();
      if (this.limit !== null) {
        if (this.runLimited(speed, 0, start)) {
          this.pumping = false;
          this.finishLimit();
          return;
        }
      } else {
        while (performance.now() - start < FAST_BUDGET_MS) this.pg.step(SLICE_MS);
      }
      this.twin.sync();
    } catch (e) {
      this.playing = false;
      this.pumping = false;
      this.endTwin();
      this.onError(e);
      return;
    }
    this.channel.port2.postMessage(null);
  }

  tick(now) {
    if (!this.playing) return;
    // rAF time stamps can precede the performance.now() taken when play() was called.
    const elapsed = Math.max(0, Math.min(now - this.last, 100));
    this.last = now;
    const start = performance.now();
    const speed = this.speeds[this.speedIndex];
    if (!speed.simPerReal && !Number.isFinite(speed.trialsPerSecond)) {
      // Fast-forward: the pump simulates; frames redraw every FAST_REDRAW_MS.
      if (!this.pumping) {
        this.pumping = true;
        this.channel.port2.postMessage(null);
      }
      if (now - this.lastDraw >= FAST_REDRAW_MS) {
        this.lastDraw = now;
        this.onFrame();
      }
      if (this.playing) requestAnimationFrame(this.tick);
      return;
    }
    try {
      if (this.limit !== null) {
        if (this.runLimited(speed, elapsed, start)) {
          this.finishLimit();
          return;
        }
      } else if (speed.simPerReal) {
        this.pg.step(elapsed * speed.simPerReal);
      } else {
        this.owed = Math.min(this.owed + (elapsed / 1000) * speed.trialsPerSecond, 1e6);
        while (this.owed >= 1 && performance.now() - start < BUDGET_MS) {
          this.owed -= this.pg.step(SLICE_MS);
        }
      }
    } catch (e) {
      this.playing = false;
      this.onError(e);
    }
    this.lastDraw = now;
    this.onFrame();
    if (this.playing) requestAnimationFrame(this.tick);
  }
}
