// Live changes: the list of a run's events under the learning view, each removable until it
// applies (the controls mark them too).

import { t, currentLanguage, message } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** The button that removes a change not yet applied. */
function removeButton(app, e) {
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = '✕';
  remove.setAttribute('aria-label', message('event-remove', { trial: e.trial, change: e.label }).attributes['aria-label']);
  remove.addEventListener('click', () => {
    app.pg.editEvent(e.trial, e.key, 'cancel');
    app.render();
  });
  return remove;
}

/** The button that keeps a live change as a scheduled event after Reset. */
function keepButton(app, e) {
  const keep = document.createElement('button');
  keep.type = 'button';
  keep.className = 'keep';
  const m = message('event-keep', { trial: e.trial, change: e.label });
  keep.textContent = m.value;
  keep.title = m.attributes.title;
  keep.setAttribute('aria-label', m.attributes['aria-label']);
  keep.addEventListener('click', () => {
    app.pg.editEvent(e.trial, e.key, 'keep');
    app.render();
  });
  return keep;
}

/** What a live change kept as a scheduled event says of itself. */
function keptNote() {
  const note = document.createElement('span');
  note.className = 'kept';
  note.textContent = t('event-kept');
  return note;
}

/** Live changes and their list under the learning view (each can be removed until it applies;
 * a live change can be kept as a scheduled event after Reset). */
export function setupEvents(app) {
  const { pg } = app;
  const list = $('events');
  let shown = '';
  app.renderEvents = (events) => {
    // The same events in another language are other words: the language is part of the key.
    const key = currentLanguage() + JSON.stringify(events);
    if (key === shown) return;
    shown = key;
    app.controls.schedule(events);
    list.replaceChildren();
    list.hidden = events.length === 0;
    for (const e of events) {
      const item = document.createElement('li');
      item.className = e.applied ? 'applied' : 'scheduled';
      item.append(t('event-item', { trial: e.trial, change: e.label }));
      if (!e.applied) item.append(removeButton(app, e));
      // A live change: Reset starts over with the value the control shows, unless it is kept.
      if (e.live) item.append(' ', e.kept ? keptNote() : keepButton(app, e));
      list.append(item);
    }
  };
}
