// The four views (reach, learning, activity, circuit): HiDPI canvas sizing and redraws through
// the wasm chart code.

/** Sizes a canvas's backing store to its CSS box × devicePixelRatio; returns the ratio. */
export function fitCanvas(canvas) {
  const dpr = Math.min(window.devicePixelRatio || 1, 4);
  const rect = canvas.getBoundingClientRect();
  const w = Math.max(1, Math.round(rect.width * dpr));
  const h = Math.max(1, Math.round(rect.height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return dpr;
}

/** How much larger an enlarged view draws its text and lines: its 11 px labels become 19 px, for a
 * projector. */
export const FOCUS_ZOOM = 1.7;

/** Whether the reader's system asks for more contrast: the page's starting theme. */
export const prefersContrast = () => window.matchMedia?.('(prefers-contrast: more)').matches ?? false;

/** Owns the four canvases and redraws them when the model or their size changes. */
export class Views {
  /** `highContrast()` says the page's theme (the page's store holds it). */
  constructor(playground, { reach, learning, activity, circuit, showHand }, { highContrast, focus = () => null }) {
    this.pg = playground;
    this.focus = focus;
    this.canvases = { reach, learning, activity, circuit };
    this.showHand = showHand;
    this.highContrast = highContrast;
    this.dirty = true;
    this.firstDrawn = false;
    const ro = new ResizeObserver(() => { this.dirty = true; this.draw(); });
    for (const c of Object.values(this.canvases)) ro.observe(c.parentElement);
    showHand.addEventListener('change', () => { this.dirty = true; this.draw(); });
  }

  /** Marks the views stale (the model changed). */
  invalidate() { this.dirty = true; }

  /** Redraws every view if anything changed since the last draw. */
  draw() {
    if (!this.dirty) return;
    this.dirty = false;
    const { reach, learning, activity, circuit } = this.canvases;
    const hc = this.highContrast();
    // An enlarged view (focus=) is drawn with its text and lines FOCUS_ZOOM times larger.
    const scale = (name, canvas) => fitCanvas(canvas) * (this.focus() === name ? FOCUS_ZOOM : 1);
    this.pg.draw(reach, 'reach', { hand: this.showHand.checked, scale: scale('reach', reach), highContrast: hc });
    this.pg.draw(learning, 'learning', { scale: scale('learning', learning), highContrast: hc });
    this.pg.draw(activity, 'activity', { scale: scale('activity', activity), highContrast: hc });
    // A hidden view (hide=circuit) has no box to fit: skip it.
    if (circuit.offsetParent !== null) this.pg.draw(circuit, 'circuit', { scale: scale('circuit', circuit), highContrast: hc });
    if (!this.firstDrawn) {
      this.firstDrawn = true;
      performance.mark('bgloop:first-chart');
    }
  }
}
