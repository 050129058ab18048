// A sweep worker: runs sweep jobs with its own copy of the model, in the second module (it needs
// nothing of the page's).
import init, { Sweeps } from './pkg/extras.js';

const ready = init();
self.onmessage = async (event) => {
  await ready;
  const { id, base, param, value, seed, trials, param2, value2 } = event.data;
  try {
    self.postMessage({ id, outcome: Sweeps.run(base, param, value, seed, trials, param2 ?? null, value2 ?? null) });
  } catch (e) {
    self.postMessage({ id, error: (e && e.message) || String(e) });
  }
};
