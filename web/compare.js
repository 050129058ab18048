// Comparing two runs: the Compare / End comparison buttons and what the page says while a
// comparison runs.

import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** The Compare / End comparison buttons. */
export function setupCompare(app) {
  const { pg } = app;
  const group = document.querySelector('.compare');
  const start = $('compare');
  const end = $('end-compare');
  const note = $('compare-note');
  app.renderCompare = (view) => {
    const on = view.comparing;
    start.hidden = on;
    end.hidden = !on;
    group.classList.toggle('on', on);
    document.body.classList.toggle('comparing', on);
    $('learning-hint').textContent = t(on ? 'view-learning-hint-compare' : 'view-learning-hint');
    $('activity-run').hidden = !on;
    const names = view.run_names;
    note.textContent = names
      ? t(app.ui.embedded ? 'compare-now' : 'compare-now-pinned', { a: names[0], b: names[1] })
      : t('compare-note');
  };
  start.addEventListener('click', () => {
    pg.compare();
    app.render();
    end.focus();
  });
  end.addEventListener('click', () => {
    pg.compare(false);
    app.render();
    start.focus();
  });
}
