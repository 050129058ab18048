// The status line under the transport, and the screen-reader announcements. The line is drawn at
// most every 0.4 s. Announcements say the result (core's sentence over the window), not one
// trial: at most one every 5 s while playing, so each is heard to the end, and always at once
// after a deliberate act (the end of a run, a `to=` end, a tour step's end, a live change, a
// Reset), unless the words are the same.

/** Least time between two announcements while playing, ms. */
export const ANNOUNCE_EVERY_MS = 5000;

export class StatusLine {
  constructor(line, announcer) {
    this.line = line;
    this.announcer = announcer;
    this.lastShown = 0;
    this.lastSpoken = -Infinity;
  }

  /** Shows `text` (throttled unless `force`). */
  show(text, { force = false } = {}) {
    const now = performance.now();
    if (!force && now - this.lastShown < 400) return;
    this.lastShown = now;
    this.line.textContent = text;
  }

  /** Announces `text` now if `force`, else if the last announcement is 5 s old. */
  announce(text, { force = false } = {}) {
    const now = performance.now();
    if (!force && now - this.lastSpoken < ANNOUNCE_EVERY_MS) return;
    if (this.announcer.textContent === text) return;
    this.lastSpoken = now;
    this.announcer.textContent = text;
  }
}
