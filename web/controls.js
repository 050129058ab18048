// Controls generated from the core parameter schema: no parameter is listed in JavaScript.

import { t, num, sayAhead } from './i18n.js';

const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
};

/** The live tag's tooltip. */
const liveTitle = () => t('live-tag-title');

/**
 * The input of a control for `spec`'s domain: a slider and a number box (real), a number box
 * (int) or a menu. `cur()` is the control's spec now (its words change with the language);
 * `changed(value, final)` reports an edit. Returns `{ row, set, get, elems, words }`, where
 * `words()` writes the input's own words again.
 */
function makeInput(spec, id, cur, changed, checkRange) {
  const d = spec.domain;
  if (d.type === 'real') {
    const range = el('input', { type: 'range', id, min: d.min, max: d.max, step: d.step, 'aria-describedby': `${id}-meaning ${id}-note` });
    const box = el('input', { type: 'number', min: d.min, max: d.max, step: d.step, inputMode: 'decimal' });
    const valuetext = (v) => range.setAttribute('aria-valuetext', `${num(Number(v))}${cur().unit_text}`);
    range.addEventListener('input', () => { box.value = range.value; valuetext(range.value); checkRange(range.value); changed(range.value, false); });
    range.addEventListener('change', () => changed(range.value, true));
    box.addEventListener('change', () => { checkRange(box.value); changed(box.value, true); });
    return {
      row: el('div', { class: 'row' }, range, box),
      set: (v) => { range.value = v; box.value = v; valuetext(v); checkRange(v); },
      get: () => box.value,
      elems: [range, box],
      words: () => { box.setAttribute('aria-label', t('number-box', { label: cur().label })); valuetext(box.value); checkRange(box.value); },
    };
  }
  if (d.type === 'int') {
    const box = el('input', { type: 'number', id, min: d.min, max: d.max, step: 1, 'aria-describedby': `${id}-meaning`, inputMode: 'numeric' });
    box.addEventListener('change', () => changed(box.value, true));
    return { row: el('div', { class: 'row single' }, box), set: (v) => { box.value = v; }, get: () => box.value, elems: [box], words: () => {} };
  }
  const options = d.type === 'set' ? d.values.map(String) : d.options;
  const sel = el('select', { id, 'aria-describedby': `${id}-meaning` }, ...options.map((o) => el('option', { value: o })));
  sel.addEventListener('change', () => changed(sel.value, true));
  // A choice shows its name in the reader's language; the value (and the link) keeps the key.
  const words = () => {
    const { domain } = cur();
    const names = domain.type === 'set' ? domain.values.map(num) : (domain.option_labels ?? domain.options);
    [...sel.options].forEach((o, i) => { o.textContent = names[i]; });
  };
  return { row: el('div', { class: 'row single' }, sel), set: (v) => { sel.value = String(v); }, get: () => sel.value, elems: [sel], words };
}

/**
 * One parameter's control, built from its schema entry `spec`: its input, its meaning, the
 * scheduled changes to come, a note outside the range the model was built for, and its error
 * message. Registers itself in `inputs`, with `relabel(spec)` to write its words again in a new
 * language (the control itself, its value and focus stay).
 */
function makeControl(first, onChange, inputs, linkTerms) {
  let spec = first;
  const id = `p-${spec.key}`;
  const live = spec.live ? el('span', { class: 'live-tag', 'aria-hidden': 'true' }) : null;
  const label = el('label', { htmlFor: id });
  const wrap = el('div', { class: 'param' }, label, live);
  const meaning = el('p', { class: 'meaning', id: `${id}-meaning` });
  const bad = el('p', { class: 'bad', id: `${id}-bad`, role: 'alert', hidden: true });
  // A change of this parameter scheduled for a later trial (a live change, an event of the
  // link): the control shows the value now, and says what it becomes and when.
  const later = el('p', { class: 'scheduled', id: `${id}-scheduled`, hidden: true });
  // Outside the range the model was built for (schema `built_for`): say what goes wrong there.
  const note = el('p', { class: 'note', id: `${id}-note`, hidden: true });
  const checkRange = (v) => {
    const b = spec.built_for;
    const x = Number(v);
    const outside = b && Number.isFinite(x) && (x < b.min || x > b.max);
    note.hidden = !outside;
    note.textContent = outside ? t('built-for', { range: `${num(b.min)}–${num(b.max)}${spec.unit_text}`, why: b.why }) : '';
  };
  const report = (msg) => { bad.hidden = !msg; bad.textContent = msg || ''; };
  const input = makeInput(spec, id, () => spec, (value, final) => report(onChange(spec.key, value, final)), checkRange);
  const relabel = (next) => {
    spec = next;
    label.replaceChildren(spec.label, ...(spec.unit ? [el('span', { class: 'unit', text: ` (${spec.unit_text.trim() || spec.unit})` })] : []));
    if (live) { live.title = liveTitle(); live.textContent = t('live-tag'); }
    linkTerms(meaning, spec.meaning);
    if (spec.live) meaning.append(el('span', { class: 'visually-hidden', text: ` ${t('live-note')}` }));
    wrap.title = spec.meaning;
    input.words();
  };
  relabel(spec);
  wrap.append(input.row, later, meaning, note, bad);
  const scheduled = (text) => { later.hidden = !text; later.textContent = text || ''; };
  const { set, get, elems } = input;
  inputs.set(spec.key, { set, get, report, scheduled, relabel, busy: () => elems.includes(document.activeElement) });
  return wrap;
}

/** The parameters that are not primary, by the schema's group: `group → { advanced, specs }`. */
function groupsOf(schema) {
  const groups = new Map();
  for (const s of schema.filter((x) => !x.primary)) {
    if (!groups.has(s.group)) groups.set(s.group, { advanced: s.advanced, specs: [] });
    groups.get(s.group).specs.push(s);
  }
  return groups;
}

/**
 * Builds every control of `schema` into `root`; `linkTerms(element, text)` writes a meaning with
 * its terms linked to the glossary. `onChange(key, value, final)` returns an error
 * message or null; `final` is false while a slider is being dragged (a live change is made when
 * it is let go).
 */
export function buildControls(root, schema, { linkTerms }, onChange) {
  const inputs = new Map();
  // Every number box's label, said in one call (not one per control).
  const sayBoxes = (specs) => sayAhead('number-box', specs.filter((s) => s.domain.type === 'real').map((s) => ({ label: s.label })));
  sayBoxes(schema);
  const make = (spec) => makeControl(spec, onChange, inputs, linkTerms);
  root.replaceChildren();
  // Each heading with the words it says, written again after a change of language.
  const headings = [];
  const heading = (tag, words) => { const h = el(tag, { text: words() }); headings.push([h, words]); return h; };
  const main = el('fieldset', { class: 'group' }, heading('legend', () => t('params-key')));
  schema.filter((s) => s.primary).forEach((s) => main.append(make(s)));
  root.append(main);

  // The others, grouped as the schema groups them: its ordinary groups under "More parameters",
  // the groups it marks advanced under "Advanced".
  const more = el('details', { class: 'more' }, heading('summary', () => t('params-more')));
  const advanced = el('details', { class: 'advanced' }, heading('summary', () => t('params-advanced')));
  let current = schema;
  for (const [group, g] of groupsOf(schema)) {
    const fs = el('fieldset', { class: 'group' }, heading('legend', () => current.find((s) => s.group === group).group_label));
    g.specs.forEach((s) => fs.append(make(s)));
    (g.advanced ? advanced : more).append(fs);
  }
  root.append(more, advanced);

  return {
    /** Writes every control's words again from `fresh` (the schema in a new language): the
     * controls stay, with their values, what is open and where the focus is. */
    relabel(fresh) {
      current = fresh;
      sayBoxes(fresh);
      for (const [h, words] of headings) h.textContent = words();
      for (const spec of fresh) inputs.get(spec.key)?.relabel(spec);
    },
    /**
     * Shows `config`'s values in the controls (leaving the one being edited), and with `clear`
     * (a new run) clears their messages.
     */
    show(config, { clear = false } = {}) {
      for (const [key, c] of inputs) {
        if (key in config && !c.busy() && String(c.get()) !== String(config[key])) c.set(config[key]);
        if (clear) c.report(null);
      }
    },
    /** Says under each control the changes still to come (`events` of the run in focus, each
     * with core's `scheduled` words: "→ 1 from trial 156", "→ 0..60 over trials 1–400"). */
    schedule(events) {
      const upcoming = new Map();
      for (const e of events) {
        if (!e.applied) upcoming.set(e.key, [...(upcoming.get(e.key) || []), e.scheduled]);
      }
      for (const [key, c] of inputs) c.scheduled(upcoming.has(key) ? t('scheduled-note', { changes: upcoming.get(key).join('; ') }) : null);
    },
  };
}
