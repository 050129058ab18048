// The status line under the transport and its screen-reader twin: drawn at most every 0.4 s,
// announced at most every 2 s (and at once after a deliberate action), so each announcement can be
// heard to the end. What it says comes from core (the snapshot's `status`).

export class StatusLine {
  constructor(line, announcer) {
    this.line = line;
    this.announcer = announcer;
    this.lastShown = 0;
    this.lastSpoken = 0;
  }

  /** Shows `text` (throttled unless `force`) and announces it when due. */
  show(text, { force = false } = {}) {
    const now = performance.now();
    if (!force && now - this.lastShown < 400) return;
    this.lastShown = now;
    this.line.textContent = text;
    if (force || now - this.lastSpoken > 2000) {
      this.lastSpoken = now;
      if (this.announcer.textContent !== text) this.announcer.textContent = text;
    }
  }
}
