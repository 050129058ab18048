// Embedding: the postMessage host API, and start-when-visible / pause-when-hidden.
//
// Commands (host → playground): bgloop:configure {config} (config may be { a, b } for a
// comparison: run A's entries and run B's differences), bgloop:play, bgloop:pause,
// bgloop:reset {seed?}, bgloop:step, bgloop:getState, bgloop:tour {step?, tour?} (open a step of
// the tour, or load a tour given as an object of the tour file's shape).
// Events (playground → host): bgloop:ready, bgloop:trial {record, records, b?} (once per frame:
// every trial finished since the last one, oldest first; `record` is the last; `b` the same for
// run B while comparing), bgloop:resize {height} (the content's height, whenever it changes),
// bgloop:state {…},
// bgloop:error {message, command}.

export const COMMANDS = ['bgloop:configure', 'bgloop:play', 'bgloop:pause', 'bgloop:reset', 'bgloop:step', 'bgloop:getState', 'bgloop:tour'];

/** Sends an event to the host page, if there is one. */
export function tellHost(type, payload = {}) {
  if (window.parent !== window) window.parent.postMessage({ type, ...payload }, '*');
}

/** Handles host commands; `api` supplies configure/play/pause/reset/step/state. Never throws. */
export function listenToHost(api) {
  window.addEventListener('message', (event) => {
    if (window.parent === window || event.source !== window.parent) return;
    const data = event.data;
    const fail = (message, command) => tellHost('bgloop:error', { message, command });
    if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof data.type !== 'string') {
      fail('a message must be an object { type: "bgloop:…", … }', null);
      return;
    }
    const { type } = data;
    if (!type.startsWith('bgloop:')) return; // another library's message: not ours to answer
    if (!COMMANDS.includes(type)) {
      fail(`unknown command ${JSON.stringify(type.slice(0, 60))}; commands are ${COMMANDS.join(', ')}`, type.slice(0, 60));
      return;
    }
    try {
      let done;
      switch (type) {
        case 'bgloop:configure':
          if (typeof data.config !== 'object' || data.config === null || Array.isArray(data.config)) {
            throw new Error('bgloop:configure needs { config: { key: value, … } }');
          }
          api.configure(data.config);
          break;
        case 'bgloop:play': api.play(); break;
        case 'bgloop:pause': api.pause(); break;
        case 'bgloop:reset':
          if (data.seed !== undefined && typeof data.seed !== 'number') throw new Error('`seed` must be a number');
          api.reset(data.seed);
          break;
        case 'bgloop:step': done = api.step(); break;
        case 'bgloop:tour': done = api.tour(data); break;
        default: break;
      }
      // A step runs in slices: its state is reported when the trial has ended.
      Promise.resolve(done)
        .then(() => tellHost('bgloop:state', api.state()))
        .catch((e) => fail((e && e.message) || String(e), type));
    } catch (e) {
      fail((e && e.message) || String(e), type);
    }
  });
}

/** Plays while the page is on screen (unless the reader paused it). A reader who prefers reduced
 * motion sees no animation: `still` shows the result at once instead (a link's end trial). */
export function playWhenVisible(target, { play, pause, isUserPaused, still, shown }) {
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const io = new IntersectionObserver((entries) => {
    const visible = entries.some((e) => e.isIntersecting);
    if (visible) shown?.();
    if (!visible) pause();
    else if (isUserPaused()) return;
    else if (reduced) still?.();
    else play();
  }, { threshold: 0.2 });
  io.observe(target);
  // A hidden tab (or a host that hides the frame's document) pauses too: fast-forward runs in
  // tasks that a hidden page would otherwise keep running.
  let visible = true;
  new IntersectionObserver((entries) => { visible = entries.some((e) => e.isIntersecting); }, { threshold: 0.2 }).observe(target);
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) pause();
    else if (visible) {
      shown?.();
      if (!isUserPaused()) (reduced ? still?.() : play());
    }
  });
  return { reducedMotion: reduced };
}
