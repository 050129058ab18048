// Two runs on two cores: while the page fast-forwards a comparison, a worker runs run B's twin and
// hands B back as it goes, so this thread runs only run A. Wherever workers are unavailable (the
// single-file page opened from disk) run B simply keeps running here, as it does at the slower
// speeds; the results are the same either way, bit for bit.

export class TwinFeed {
  constructor(pg) {
    this.pg = pg;
    this.worker = null;
    this.feed = null;
    this.broken = false;
    /** Handovers of run B taken from the worker so far (for scripts and tests). */
    this.handovers = 0;
    /** Runs of B the worker reported failing (a divergence met there first). */
    this.failures = 0;
  }

  /** Loads the worker ahead of need (when a comparison starts playing): its module then compiles
   * while run A's first trials run. */
  prepare() {
    if (!this.broken && this.pg.view().comparing) this.ensureWorker();
  }

  /** Called as run A advances in fast-forward: starts the feed, or tells the twin how far A is. */
  sync() {
    const pg = this.pg;
    if (this.broken) return;
    // The feed in progress, or a new one (null when not comparing): any change to the session
    // ends a feed, and the next one starts the twin again from where B is.
    let start = pg.feed(true);
    if (!start) return;
    if (start.feed !== this.feed) {
      if (!this.ensureWorker()) { pg.feed(false); return; }
      if (!start.state) {
        // A feed someone else started (a script): end it, and start ours from where B is.
        pg.feed(false);
        start = pg.feed(true);
        if (!start?.state) return;
      }
      this.feed = start.feed;
      this.worker.postMessage(
        {
          type: 'start',
          feed: start.feed,
          link: start.link,
          state: start.state,
          traceEveryMs: start.traceEveryMs,
          traceRings: start.traceRings,
          target: pg.trialCount(),
        },
        [start.state.buffer],
      );
    } else {
      this.worker.postMessage({ type: 'target', feed: this.feed, target: pg.trialCount() });
    }
  }

  /** Ends the feed: run B is brought level with run A here (the few trials the twin had left). */
  stop() {
    if (this.feed !== null) {
      this.worker?.postMessage({ type: 'stop' });
      this.feed = null;
    }
    this.pg.feed(false);
  }

  /** `stop`, leaving an error of run B to the player's next slice (which meets it again). */
  stopQuietly() {
    try {
      this.stop();
    } catch {
      // B is halted: the next step reports it.
    }
  }

  ensureWorker() {
    if (this.worker) return true;
    try {
      this.worker = new Worker(new URL('./twin-worker.js', import.meta.url), { type: 'module' });
    } catch {
      this.broken = true;
      return false;
    }
    this.worker.onmessage = ({ data }) => {
      if (!data || typeof data !== 'object') return;
      if (data.feed !== this.feed) return;
      if (data.error) {
        // The worker cannot run B (its module or the twin failed to load): B runs here from now
        // on. Otherwise B failed on the worker (a divergence): B is brought level here, meets the
        // same failure, and the player reports it on its next slice.
        if (data.fatal) this.broken = true;
        else this.failures += 1;
        this.stopQuietly();
        return;
      }
      try {
        if (this.pg.feedB(data.feed, data.state)) this.handovers += 1;
      } catch {
        // The core ended the feed (a handover it could not take); B catches up here.
        this.stopQuietly();
      }
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.broken = true;
      this.worker = null;
      this.stopQuietly();
    };
    return true;
  }
}
