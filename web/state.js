// What the page keeps of itself in its link: one keeper per view option of core's table
// (`Words.viewOptions().options`), driven by that table both ways — a link's options are read into
// the page by `readOptions`, and `writeOptions` gives back the options the link keeps. A view
// option core adds without a keeper here stops the page at load (`checkKeepers`), and a keeper
// without its option too: the table and this file cannot drift apart.

const $ = (id) => document.getElementById(id);

/** A flag as a link writes it: `'1'`, or left out. */
const flag = (on) => (on ? '1' : undefined);

/**
 * How the page keeps each view option. `read(app, value)` applies a link's value (`undefined`
 * when the link has none); `write(app)` gives the value the link keeps (`undefined`: left out).
 * `step`: a tour step's link sets it too; the others belong to the page as it was opened (the
 * embed layout, hidden parts, theme, language, tour step).
 */
export const KEEPERS = {
  embed: {
    read: (app, v) => { app.ui.embedded = v === '1'; },
    write: (app) => flag(app.ui.embedded),
  },
  hide: {
    read: (app, v) => { app.ui.hiddenParts = (v || '').split(',').filter(Boolean); },
    write: (app) => app.ui.hiddenParts.join(',') || undefined,
  },
  speed: {
    step: true,
    read: (app, v) => { if (v !== undefined) app.speed.value = v; },
    write: (app) => app.speed.value,
  },
  hand: {
    step: true,
    read: (app, v) => { $('show-hand').checked = v === '1'; },
    write: () => flag($('show-hand').checked),
  },
  hc: {
    // Left out, the theme stays as the reader's system asks.
    read: (app, v) => { if (v !== undefined) app.setHighContrast(v === '1'); },
    write: (app) => flag(app.ui.highContrast),
  },
  to: {
    step: true,
    read: (app, v) => { app.ui.endTrial = v !== undefined ? Number(v) : null; },
    write: (app) => (app.ui.endTrial === null ? undefined : String(app.ui.endTrial)),
  },
  window: {
    // Core reads a link's windows itself (the result is said over them); the page keeps the
    // snapshot's.
    read: () => {},
    write: (app) => app.ui.window ?? undefined,
  },
  loop: {
    step: true,
    read: (app, v) => { app.ui.loop = v === '1'; },
    write: (app) => flag(app.ui.loop),
  },
  sweep: {
    step: true,
    read: (app, v) => {
      app.ui.sweep = v ?? null;
      document.body.classList.toggle('has-sweep', Boolean(v));
    },
    write: (app) => app.sweep?.linkValue() || undefined,
  },
  focus: {
    step: true,
    read: (app, v) => app.setFocus(v ?? null),
    write: (app) => app.ui.focus || undefined,
  },
  lang: {
    // Left out, the page keeps the language it reads in.
    read: (app, v) => { if (v !== undefined) app.ui.lang = v; },
    write: (app) => app.ui.lang || undefined,
  },
  tour: {
    read: (app, v) => { app.ui.tourAt = v ?? null; },
    write: (app) => app.tour?.linkValue() || undefined,
  },
};

/** Throws unless every view option of core's table has a keeper here, and every keeper its
 * option. */
export function checkKeepers(table) {
  const keys = table.options.map((o) => o.key).sort();
  const kept = Object.keys(KEEPERS).sort();
  if (keys.join() !== kept.join()) {
    throw new Error(`web/state.js keeps ${kept.join(', ')}; core's view options are ${keys.join(', ')}`);
  }
}

/**
 * Reads a link's view options (`{ key: text }`, as `openPermalink` gives them) into the page:
 * every option, or with `step` only those a tour step's link sets. An option the link leaves
 * out takes its default.
 */
export function readOptions(app, options, { step = false } = {}) {
  for (const { key } of app.viewTable.options) {
    const keeper = KEEPERS[key];
    if (!step || keeper.step) keeper.read(app, options[key]);
  }
}

/** The page's view options as its link keeps them, in core's table order. */
export function writeOptions(app) {
  const out = {};
  for (const { key } of app.viewTable.options) {
    const v = KEEPERS[key].write(app);
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}
