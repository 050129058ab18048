// Run B's twin: continues a comparison's run B from the state the page hands over and runs it
// trial by trial up to the count run A has reached, handing B back after each short slice.
import init, { Playground } from './pkg/bgloop.js';

/** A slice of trials ends after this long, ms, so the page sees B's curve grow smoothly. */
const SLICE_MS = 60;

// A module that cannot load is reported at the first start (the page then runs B itself).
const ready = init().then(() => null, (e) => (e && e.message) || String(e));
let twin = null;
let feed = null;
let target = 0;
let handed = 0;
let working = false;

function work() {
  working = false;
  if (!twin) return;
  const start = performance.now();
  let ran = 0;
  try {
    while (twin.trialCount() < target && performance.now() - start < SLICE_MS) {
      twin.runTrials(1);
      ran += 1;
    }
    if (ran) {
      const state = twin.handover(handed);
      handed = twin.trialCount();
      self.postMessage({ feed, state }, [state.buffer]);
    }
  } catch (e) {
    // The page runs B itself from its last handover, and meets the same error there.
    self.postMessage({ feed, error: (e && e.message) || String(e) });
    twin.free();
    twin = null;
    return;
  }
  if (twin.trialCount() < target) schedule();
}

function schedule() {
  if (!working) {
    working = true;
    setTimeout(work, 0);
  }
}

/** Whether `data` is a message this worker understands (anything else is ignored: a malformed
 * message must not stop the worker for the session). */
function understood(data) {
  if (!data || typeof data !== 'object' || typeof data.type !== 'string') return false;
  const count = (x) => Number.isSafeInteger(x) && x >= 0;
  switch (data.type) {
    case 'start':
      return count(data.feed) && typeof data.link === 'string' && data.state instanceof Float64Array
        && count(data.target) && (data.traceEveryMs === null || Number.isFinite(data.traceEveryMs))
        && typeof data.traceRings === 'boolean';
    case 'target': return count(data.feed) && count(data.target);
    case 'stop': return true;
    default: return false;
  }
}

self.onmessage = async ({ data }) => {
  if (!understood(data)) return;
  const failed = await ready;
  if (failed) {
    if (data.type === 'start') self.postMessage({ feed: data.feed, error: failed, fatal: true });
    return;
  }
  if (data.type === 'start') {
    twin?.free();
    twin = null;
    feed = data.feed;
    try {
      twin = Playground.twin(data.link, data.state);
      // Traces as the page records them, so B's last trial is drawn as it would have been there.
      twin.recordTraces(data.traceEveryMs, data.traceRings);
    } catch (e) {
      self.postMessage({ feed, error: (e && e.message) || String(e), fatal: true });
      return;
    }
    handed = twin.trialCount();
    target = data.target;
    schedule();
  } else if (data.type === 'target' && data.feed === feed) {
    target = data.target;
    schedule();
  } else if (data.type === 'stop') {
    twin?.free();
    twin = null;
    feed = null;
  }
};
