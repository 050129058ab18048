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
 * One parameter's control, built from its schema entry `spec`: a slider and a number box (real),
 * a number box (int) or a menu, with its meaning, the scheduled changes to come, a note outside
 * the range the model was built for, and its error message. Registers itself in `inputs`.
 */
function makeControl(spec, onChange, inputs, linkTerms) {
  const id = `p-${spec.key}`;
  const live = spec.live ? el('span', { class: 'live-tag', 'aria-hidden': 'true', title: liveTitle(), text: t('live-tag') }) : null;
  const label = el('label', { htmlFor: id }, spec.label, spec.unit ? el('span', { class: 'unit', text: ` (${spec.unit_text.trim() || spec.unit})` }) : null);
  const wrap = el('div', { class: 'param' }, label, live);
  const meaning = el('p', { class: 'meaning', id: `${id}-meaning` });
  linkTerms(meaning, spec.meaning);
  if (spec.live) meaning.append(el('span', { class: 'visually-hidden', text: ` ${t('live-note')}` }));
  const bad = el('p', { class: 'bad', id: `${id}-bad`, role: 'alert', hidden: true });
  // A change of this parameter scheduled for a later trial (a live change, an event of the
  // link): the control shows the value now, and says what it becomes and when.
  const later = el('p', { class: 'scheduled', id: `${id}-scheduled`, hidden: true });
  // Outside the range the model was built for (schema `built_for`): say what goes wrong there.
  const note = el('p', { class: 'note', id: `${id}-note`, hidden: true });
  const b = spec.built_for;
  const checkRange = (v) => {
    const x = Number(v);
    const outside = b && Number.isFinite(x) && (x < b.min || x > b.max);
    note.hidden = !outside;
    note.textContent = outside ? t('built-for', { range: `${num(b.min)}–${num(b.max)}${spec.unit_text}`, why: b.why }) : '';
  };
  const report = (msg) => { bad.hidden = !msg; bad.textContent = msg || ''; };
  const d = spec.domain;
  let get; let set; let elems = [];
  if (d.type === 'real') {
    const range = el('input', { type: 'range', id, min: d.min, max: d.max, step: d.step, 'aria-describedby': `${id}-meaning ${id}-note` });
    const box = el('input', { type: 'number', min: d.min, max: d.max, step: d.step, 'aria-label': t('number-box', { label: spec.label }), inputMode: 'decimal' });
    const valuetext = (v) => range.setAttribute('aria-valuetext', `${num(Number(v))}${spec.unit_text}`);
    set = (v) => { range.value = v; box.value = v; valuetext(v); checkRange(v); };
    range.addEventListener('input', () => { box.value = range.value; valuetext(range.value); checkRange(range.value); report(onChange(spec.key, range.value, false)); });
    range.addEventListener('change', () => report(onChange(spec.key, range.value, true)));
    box.addEventListener('change', () => { checkRange(box.value); report(onChange(spec.key, box.value, true)); });
    wrap.append(el('div', { class: 'row' }, range, box));
    get = () => box.value;
    elems = [range, box];
  } else if (d.type === 'int') {
    const box = el('input', { type: 'number', id, min: d.min, max: d.max, step: 1, 'aria-describedby': `${id}-meaning`, inputMode: 'numeric' });
    set = (v) => { box.value = v; };
    box.addEventListener('change', () => report(onChange(spec.key, box.value, true)));
    wrap.append(el('div', { class: 'row single' }, box));
    get = () => box.value;
    elems = [box];
  } else {
    const options = d.type === 'set' ? d.values.map(String) : d.options;
    // A choice shows its name in the reader's language; the value (and the link) keeps the key.
    const names = d.type === 'set' ? d.values.map(num) : (d.option_labels ?? d.options);
    const sel = el('select', { id, 'aria-describedby': `${id}-meaning` }, ...options.map((o, i) => el('option', { value: o, text: names[i] })));
    set = (v) => { sel.value = String(v); };
    sel.addEventListener('change', () => report(onChange(spec.key, sel.value, true)));
    wrap.append(el('div', { class: 'row single' }, sel));
    get = () => sel.value;
    elems = [sel];
  }
  wrap.title = spec.meaning;
  wrap.append(later, meaning, note, bad);
  const scheduled = (text) => { later.hidden = !text; later.textContent = text || ''; };
  inputs.set(spec.key, { set, get, report, scheduled, unit: spec.unit_text, live: spec.live, busy: () => elems.includes(document.activeElement) });
  return wrap;
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
  sayAhead('number-box', schema.filter((s) => s.domain.type === 'real').map((s) => ({ label: s.label })));
  const make = (spec) => makeControl(spec, onChange, inputs, linkTerms);
  const primary = schema.filter((s) => s.primary);
  root.replaceChildren();
  const main = el('fieldset', { class: 'group' }, el('legend', { text: t('params-key') }));
  primary.forEach((s) => main.append(make(s)));
  root.append(main);

  // The other parameters, grouped as the schema groups them: its ordinary groups under "More
  // parameters", the groups it marks advanced under "Advanced".
  const more = el('details', { class: 'more' }, el('summary', { text: t('params-more') }));
  const advanced = el('details', { class: 'advanced' }, el('summary', { text: t('params-advanced') }));
  const groups = new Map();
  for (const s of schema.filter((x) => !x.primary)) {
    if (!groups.has(s.group)) groups.set(s.group, { label: s.group_label, advanced: s.advanced, specs: [] });
    groups.get(s.group).specs.push(s);
  }
  for (const g of groups.values()) {
    const fs = el('fieldset', { class: 'group' }, el('legend', { text: g.label }));
    g.specs.forEach((s) => fs.append(make(s)));
    (g.advanced ? advanced : more).append(fs);
  }
  root.append(more, advanced);

  return {
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
    /** Says under each control the changes still to come (`events` of the run in focus:
     * `{ trial, key, text, applied }`): "→ 1 from trial 156", "→ 0..60 over trials 1–400". */
    schedule(events) {
      const upcoming = new Map();
      for (const e of events) {
        if (e.applied) continue;
        const m = /^@(\d+)(?:-(\d+))?\.[^=]+=(.*)$/.exec(e.text);
        if (!m) continue;
        const c = inputs.get(e.key);
        const unit = c?.unit ?? '';
        // The link's numbers, written for the reader (a decimal comma in French).
        const said = (v) => (Number.isFinite(Number(v)) && v !== '' ? num(Number(v)) : v);
        const [from, to] = m[3].split('..');
        const words = m[2]
          ? t('scheduled-ramp', { from: `${said(from)}${unit}`, to: `${said(to ?? from)}${unit}`, first: Number(m[1]), last: Number(m[2]) })
          : t('scheduled-step', { value: `${said(m[3])}${unit}`, trial: Number(m[1]) });
        upcoming.set(e.key, [...(upcoming.get(e.key) || []), words]);
      }
      for (const [key, c] of inputs) c.scheduled(upcoming.has(key) ? t('scheduled-note', { changes: upcoming.get(key).join('; ') }) : null);
    },
  };
}
