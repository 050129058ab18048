// The status line under the transport and its screen-reader twin: drawn at most every 0.4 s,
// announced at most every 2 s (and at once after a deliberate action), so each announcement can be
// heard to the end.

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** What the status line says about `pg`'s run. */
export function statusText(pg) {
  const halted = pg.halted();
  if (halted) return `Stopped: ${halted}`;
  const r = pg.lastRecord();
  if (!r) {
    const t = pg.timeInTrial();
    return t > 0 ? `Trial 1 in progress · ${fmt(t, 0)} ms` : 'Ready: press Play, or Step for one trial.';
  }
  // A reach that was not made has no error to show (an error of 0° would read as a perfect reach).
  const outcome = (x, sep) => (x.executed
    ? [`error ${fmt(x.error_deg)}°`, `reward ${fmt(x.reward, 2)}`, `reach ${fmt(x.reach_ms, 0)} ms`].join(sep)
    : ['not executed (no reach, no reward)'].join(sep));
  if (pg.comparing) {
    // In fast-forward run B may be a few trials behind A (it runs on another core): then its
    // latest trial is shown with its number.
    let b = pg.recordsAfter(r.trial - 1, 'B')[0];
    if (!b) b = pg.recordsAfter(Math.max(0, r.trial - 500), 'B').at(-1);
    const run = (name, x) => (x ? `${name}: ${x.phase}, ${outcome(x, ', ')}` : `${name}: —`);
    const bName = b && b.trial !== r.trial ? `B (trial ${b.trial})` : 'B';
    return `Trial ${r.trial} · ${run('A', r)} · ${run(bName, b)}`;
  }
  return `Trial ${r.trial} · ${r.phase} · ${outcome(r, ' · ')}`;
}

export class StatusLine {
  constructor(pg, line, announcer) {
    this.pg = pg;
    this.line = line;
    this.announcer = announcer;
    this.lastShown = 0;
    this.lastSpoken = 0;
  }

  /** Redraws the line (throttled unless `force`) and announces it when due. */
  update(force = false) {
    const now = performance.now();
    if (!force && now - this.lastShown < 400) return;
    this.lastShown = now;
    const text = statusText(this.pg);
    this.line.textContent = text;
    if (force || now - this.lastSpoken > 2000) {
      this.lastSpoken = now;
      if (this.announcer.textContent !== text) this.announcer.textContent = text;
    }
  }
}
