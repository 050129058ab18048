// <bgloop-demo>: one line to embed the playground in an article.
//
//   <script src="https://YOUR-HOST/bgloop/bgloop-embed.js" defer></script>
//   <bgloop-demo link="#preset=weak-loop&seed=3" hide="activity"></bgloop-demo>
//
// The element creates a lazy, titled iframe of the playground in its embed layout, sizes it to its
// content (the playground posts `bgloop:resize`), and wraps the postMessage API: methods play(),
// pause(), reset(seed), step(), configure(config), tour(step) and getState(), and DOM events
// `bgloop-ready`, `bgloop-trial`, `bgloop-state`, `bgloop-error` and `bgloop-resize` (the message in
// `event.detail`). Attributes: `link` (a permalink fragment), `hide` (parts to hide), `tour` (a tour
// step), `lang` (the playground's language: en, fr or es; by default the reader's browser's), `src` (the playground's address; by default next to this script), `height` (the starting
// height in px), `title`. No dependencies; MIT licence, like the rest of bgloop.
//
// States (`demo.state`): `detached` (not in a document), `loading` (the frame is opening an
// experiment: commands wait, in order, up to 64 of them), `ready` (commands go straight to the
// playground). A change of `link`, `hide`, `tour`, `lang` or `src`, or moving the element (which reloads
// its frame), goes back to `loading`; the playground's `bgloop:ready` (sent again after every
// change) makes it `ready` and sends what waited. A payload that cannot be posted (a function, a
// DOM node) throws at the call; a command over the limit is dropped with a `bgloop-error` event.

const SCRIPT_URL = document.currentScript ? document.currentScript.src : '';

/** The playground's page: `src`, or the index.html this script belongs to (beside it, or one
 * folder up when the script is served from the site's `web/` folder). */
function playgroundUrl(src) {
  if (src) return new URL(src, location.href);
  const base = SCRIPT_URL || location.href;
  return new URL(/\/web\/bgloop-embed\.js(\?|#|$)/.test(base) ? '../index.html' : 'index.html', base);
}

/** Strips a leading `#` or `?` from a link fragment. */
const bare = (link) => (link || '').replace(/^[#?]/, '');

/** The most commands that wait for the playground to load. */
const MAX_QUEUE = 64;

class BgloopDemo extends HTMLElement {
  static get observedAttributes() { return ['link', 'hide', 'tour', 'lang', 'src']; }

  constructor() {
    super();
    this.frame = null;
    /** `detached`, `loading` or `ready` (see the header). */
    this.state = 'detached';
    this.queue = [];
    this.onMessage = this.onMessage.bind(this);
  }

  connectedCallback() {
    // Inserted again, the frame reloads its document: wait for it to say it is ready.
    this.state = 'loading';
    if (!this.frame) {
      this.style.display = this.style.display || 'block';
      const frame = document.createElement('iframe');
      frame.title = this.getAttribute('title') || 'bgloop: an interactive model of reward-driven adaptation in a basal ganglia–cortex loop';
      frame.loading = 'lazy';
      frame.style.cssText = 'border:0;width:100%;display:block';
      frame.style.height = `${Number(this.getAttribute('height')) || 640}px`;
      frame.setAttribute('allow', 'clipboard-write');
      this.frame = frame;
      this.append(frame);
      this.load();
    }
    window.addEventListener('message', this.onMessage);
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
    this.state = 'detached';
  }

  attributeChangedCallback(name, before, after) {
    if (this.frame && before !== after) this.load();
  }

  /** The iframe's address for the current attributes. */
  src() {
    const url = playgroundUrl(this.getAttribute('src'));
    const parts = [bare(this.getAttribute('link')), 'embed=1'];
    const hide = this.getAttribute('hide');
    if (hide) parts.push(`hide=${encodeURIComponent(hide).replace(/%2C/gi, ',')}`);
    const tour = this.getAttribute('tour');
    if (tour) parts.push(`tour=${encodeURIComponent(tour)}`);
    // After the link's entries, so the attribute wins over a `lang=` in the link.
    const lang = this.getAttribute('lang');
    if (lang) parts.push(`lang=${encodeURIComponent(lang)}`);
    url.hash = parts.filter(Boolean).join('&');
    return url.href;
  }

  load() {
    const src = this.src();
    // Only a web page may be framed: a `javascript:`, `data:` or `blob:` address would run script
    // in (or as) the host page. Such an element stays empty and says why.
    const scheme = new URL(src).protocol;
    if (scheme !== 'http:' && scheme !== 'https:') {
      this.frame.removeAttribute('src');
      const detail = { type: 'bgloop:error', command: null, message: `src: only an http: or https: address can be embedded, not ${scheme}` };
      this.dispatchEvent(new CustomEvent('bgloop-error', { detail, bubbles: true }));
      return;
    }
    if (this.frame.src !== src) {
      // A new document, or the same one opening another experiment (a hash change): either way
      // the playground says ready again when it has.
      if (this.state === 'ready') this.state = 'loading';
      this.frame.src = src;
    }
  }

  onMessage(event) {
    if (!this.frame || event.source !== this.frame.contentWindow) return;
    const data = event.data;
    if (!data || typeof data.type !== 'string' || !data.type.startsWith('bgloop:')) return;
    if (data.type === 'bgloop:resize' && Number.isFinite(data.height) && data.height > 0) {
      this.frame.style.height = `${Math.ceil(data.height)}px`;
    }
    if (data.type === 'bgloop:ready' && typeof data.title === 'string' && data.title && !this.hasAttribute('title')) {
      // The demo's own title (its preset's), so two demos on one page are told apart.
      this.frame.title = data.title.slice(0, 200);
    }
    if (data.type === 'bgloop:ready' && this.state !== 'detached') {
      // Commands given before the playground was ready are sent now, in order.
      this.state = 'ready';
      for (const message of this.queue.splice(0)) this.post(message);
    }
    this.dispatchEvent(new CustomEvent(data.type.replace(':', '-'), { detail: data, bubbles: true }));
  }

  /** Sends a command now if the playground is ready, else queues it. A payload that cannot be
   * posted throws here, at the call, and nothing is queued. */
  send(type, payload = {}) {
    const message = structuredClone({ type, ...payload });
    if (this.state === 'ready') { this.post(message); return; }
    if (this.queue.length >= MAX_QUEUE) {
      const detail = { type: 'bgloop:error', command: type, message: `${MAX_QUEUE} commands are already waiting for the playground to load; ${type} was dropped` };
      this.dispatchEvent(new CustomEvent('bgloop-error', { detail, bubbles: true }));
      return;
    }
    this.queue.push(message);
  }

  post(message) {
    this.frame?.contentWindow?.postMessage(message, new URL(this.frame.src).origin);
  }

  play() { this.send('bgloop:play'); }
  pause() { this.send('bgloop:pause'); }
  reset(seed) { this.send('bgloop:reset', seed === undefined ? {} : { seed }); }
  step() { this.send('bgloop:step'); }
  /** Applies parameters (or `{ a, b }` for a comparison) and restarts. */
  configure(config) { this.send('bgloop:configure', { config }); }
  /** Opens a step of the tour (`tour(3)`), or loads a tour object (`tour({ title, steps })`). */
  tour(stepOrTour) { this.send('bgloop:tour', typeof stepOrTour === 'number' ? { step: stepOrTour } : { tour: stepOrTour }); }
  getState() { this.send('bgloop:getState'); }
}

if (!customElements.get('bgloop-demo')) customElements.define('bgloop-demo', BgloopDemo);
