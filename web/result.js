// The result beside the status line: per window (the last 50 trials run, or those a link, a tour
// step or an activity names), each run's mean |error| and spread, reward, reaches made and reach
// time — the words and numbers come from core (the snapshot's `said`), never computed here.
// Each run's line keeps room for its widest text in the reader's language (core's `widest`), so
// the box never changes height while the run plays.

/** Writes `said` (the snapshot's results, in the reader's words) into `box`; does nothing if the
 * text is unchanged. Returns whether it wrote. */
export function renderResult(box, said) {
  const key = JSON.stringify(said);
  if (box.dataset.key === key) return false;
  box.dataset.key = key;
  const parts = [];
  for (const window of said) {
    const heading = document.createElement('p');
    heading.className = 'result-heading';
    heading.textContent = window.heading;
    const list = document.createElement('ul');
    list.className = 'result-runs';
    for (const [run, line] of window.runs) {
      const item = document.createElement('li');
      if (run) {
        const name = document.createElement('span');
        name.className = `result-run run-${run.toLowerCase()}`;
        name.textContent = run;
        item.append(name);
      }
      const text = document.createElement('span');
      text.className = 'result-line';
      text.textContent = line;
      // The widest line, invisible, in the same grid cell: the row is always as tall as it.
      const room = document.createElement('span');
      room.className = 'result-room';
      room.setAttribute('aria-hidden', 'true');
      room.textContent = window.widest;
      const cell = document.createElement('span');
      cell.className = 'result-cell';
      cell.append(text, room);
      item.append(cell);
      list.append(item);
    }
    parts.push(heading, list);
  }
  box.replaceChildren(...parts);
  return true;
}

/** The result as one paragraph: a sentence per window (for announcements and text
 * alternatives). */
export const resultSentence = (said) => said.map((w) => w.sentence).join(' ');
