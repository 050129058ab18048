// Plain words for newcomers: core's glossary in a dialog, and the first use of each term in a text
// (a tour step, a preset's paragraph, a control's meaning) made a button that opens its entry.
// Text is written with text nodes only, never as HTML.

import { Words } from './pkg/bgloop.js';
import { t, sayAhead } from './i18n.js';

const $ = (id) => document.getElementById(id);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The glossary's entries in the page's language, and the forms to find in texts: each written
 * form as a whole word (no letter or digit either side), longest forms first. No lookbehind
 * (older Safari cannot parse one): the character before is matched and skipped. */
function readEntries() {
  const entries = Words.glossary();
  // Every term's button title, said in one call (not one per button).
  sayAhead('glossary-what', entries.map((e) => ({ term: e.term })));
  const forms = entries
    .flatMap((e) => e.written.map((w) => ({ id: e.id, term: e.term, re: new RegExp(`(^|[^\\p{L}\\p{N}])(${escape(w)})(?![\\p{L}\\p{N}])`, 'u') })))
    .sort((a, b) => b.re.source.length - a.re.source.length);
  return { entries, forms };
}

/** Wires the glossary dialog; returns `{ open(id), linkTerms(element, text), reload() }`. */
export function setupGlossary() {
  let { entries, forms } = readEntries();
  const dialog = $('glossary-dialog');
  const list = $('glossary-list');
  fillList(list, entries);
  /** Reads the glossary again in the page's (new) language. */
  const reload = () => { ({ entries, forms } = readEntries()); fillList(list, entries); };

  const open = (id) => {
    if (!dialog.open) dialog.showModal();
    list.querySelectorAll('.current').forEach((x) => x.classList.remove('current'));
    const dt = $(`term-${id}`) || list.querySelector('dt');
    dt.classList.add('current');
    dt.nextElementSibling?.classList.add('current');
    dt.scrollIntoView({ block: 'center' });
    dt.focus();
  };
  $('close-glossary').addEventListener('click', () => dialog.close());
  $('glossary-open').addEventListener('click', () => open(entries[0].id));

  /** Writes `text` into `element`; the first use of each term becomes a button to its entry. */
  const linkTerms = (element, text) => {
    element.replaceChildren(...termNodes(text, firstUses(forms, text), open));
  };
  return { open, linkTerms, reload };
}

/** Writes the glossary's `entries` into the dialog's list: each term, then its text. */
function fillList(list, entries) {
  list.replaceChildren();
  for (const e of entries) {
    const dt = document.createElement('dt');
    dt.id = `term-${e.id}`;
    dt.tabIndex = -1;
    dt.textContent = e.term;
    const dd = document.createElement('dd');
    dd.textContent = e.text;
    list.append(dt, dd);
  }
}

/** The first use of each term in `text` (by its `forms`, longest first; uses never overlap), in
 * the order they come: `{ id, term, from, to }`. */
function firstUses(forms, text) {
  const found = [];
  for (const f of forms) {
    if (found.some((m) => m.id === f.id)) continue;
    const m = f.re.exec(text);
    if (!m) continue;
    const from = m.index + m[1].length;
    const to = from + m[2].length;
    if (found.some((x) => from < x.to && x.from < to)) continue;
    found.push({ id: f.id, term: f.term, from, to });
  }
  found.sort((a, b) => a.from - b.from);
  return found;
}

/** `text` as text nodes, each use in `found` a button that opens its entry (`open(id)`). */
function termNodes(text, found, open) {
  const nodes = [];
  let at = 0;
  for (const m of found) {
    nodes.push(text.slice(at, m.from));
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'term';
    // A tab stop, opened with Enter or Space like any button (WCAG 2.1.1); the skip buttons
    // at the top jump past them to Play and to the parameters.
    b.textContent = text.slice(m.from, m.to);
    b.title = t('glossary-what', { term: m.term });
    b.addEventListener('click', () => open(m.id));
    nodes.push(b);
    at = m.to;
  }
  nodes.push(text.slice(at));
  return nodes;
}
