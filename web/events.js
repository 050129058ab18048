// Live changes: the list of a run's events under the learning view, each removable until it
// applies (the controls mark them too).

import { Playground } from './pkg/bgloop.js';
import { t, currentLanguage } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** Live changes and their list under the learning view (each can be removed until it applies). */
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
      if (!e.applied) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '✕';
        remove.setAttribute('aria-label', Playground.message('event-remove', { trial: e.trial, change: e.label }).attributes['aria-label']);
        remove.addEventListener('click', () => {
          pg.cancelEvent(e.trial, e.key);
          app.render();
        });
        item.append(remove);
      }
      list.append(item);
    }
  };
}
