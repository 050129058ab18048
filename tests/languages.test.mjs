// The page in French and Spanish, as a reader of each language meets it: no English left on
// screen, errors that name the field and the range in the reader's language, the tour from end
// to end, a language menu that switches without touching the run, links that replay the same run
// in every language, catalogs fetched only when chosen, and nothing cut at 1280 or 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { serve, ROOT } from './server.mjs';

let browser; let server;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const open = (hash = '', options = {}) => openPage(browser, server.url + hash, options);

/** A catalog's plain messages and attributes, `id` or `id.attr` → text (select expressions and
 * messages with variables are left out: they are checked through the pages that use them). */
function catalog(lang) {
  const out = new Map();
  const dir = path.join(ROOT, 'web', 'locales', lang);
  for (const f of fs.readdirSync(dir)) {
    let id = null;
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const m = /^([a-z][\w-]*) = (.*)$/.exec(line);
      const a = /^ {4}\.([\w-]+) = (.*)$/.exec(line);
      if (m) { id = m[1]; out.set(id, m[2]); } else if (/^[a-z][\w-]* =\s*$/.test(line)) { id = line.split(' ')[0]; } else if (a && id) out.set(`${id}.${a[1]}`, a[2]);
    }
  }
  for (const [k, v] of out) if (v.includes('{') || v.trim() === '') out.delete(k);
  return out;
}

/** The English texts a page in `lang` must not show: those its catalog says otherwise. Words
 * both languages write alike (Pause, Cortex, GPi, rotation) are not English left behind. */
function englishOnly(lang) {
  const en = catalog('en');
  const other = catalog(lang);
  return [...en].filter(([k, v]) => other.has(k) && other.get(k) !== v && v.length >= 4 && !/^[\d\W]+$/.test(v)).map(([, v]) => v);
}

/** Every text a reader sees: visible text nodes (not code), the chosen option of each menu, and
 * the labels screen readers and tooltips give. */
const visibleTexts = (page) => page.evaluate(() => {
  const seen = [];
  const shown = (el) => el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('code, script, style, option, textarea') || !shown(el)) continue;
    const t = n.textContent.replace(/\s+/g, ' ').trim();
    if (t) seen.push(t);
  }
  for (const s of document.querySelectorAll('select')) if (shown(s) && s.selectedOptions[0]) seen.push(s.selectedOptions[0].textContent.trim());
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!shown(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(a)) seen.push(el.getAttribute(a));
  }
  return seen;
});

/** The English strings of `forbidden` found among `texts`: a text that is one, or contains a
 * long one (a sentence left in English inside a translated paragraph). */
function leftovers(texts, forbidden) {
  const found = new Set();
  for (const t of texts) {
    for (const e of forbidden) if (t === e || (e.length >= 24 && t.includes(e))) found.add(e);
  }
  return [...found];
}

/** Each English id with the variables its value and attributes use (select expressions too). */
function variablesById() {
  const out = new Map();
  const dir = path.join(ROOT, 'web', 'locales', 'en');
  for (const f of fs.readdirSync(dir)) {
    let id = null;
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const m = /^(-?[a-z][\w-]*) =/.exec(line);
      if (m) { id = m[1]; out.set(id, new Set()); }
      if (id && !line.startsWith('#')) for (const [, v] of line.matchAll(/\{\s*\$(\w+)/g)) out.get(id).add(v);
    }
  }
  return out;
}

/** The keys of the object literal that starts at `from` in `src` (just after its `{`). */
function argumentNames(src, from) {
  const names = [];
  let depth = 0; let part = ''; let quote = null;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote) { if (c === quote && src[i - 1] !== '\\') quote = null; part += c; continue; }
    if (c === "'" || c === '"' || c === '`') { quote = c; part += c; continue; }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) {
      if (depth === 0) { names.push(part); break; }
      depth--;
    }
    if (c === ',' && depth === 0) { names.push(part); part = ''; continue; }
    part += c;
  }
  return names.map((p) => /^\s*(\w+)\s*(?::|$)/.exec(p)?.[1]).filter(Boolean);
}

test('every id the page asks for exists in the catalog, with the arguments it uses', () => {
  const known = variablesById();
  const asked = [];
  for (const f of fs.readdirSync(path.join(ROOT, 'web')).filter((x) => x.endsWith('.js'))) {
    const src = fs.readFileSync(path.join(ROOT, 'web', f), 'utf8');
    // t('id', { a, b: … }), t(cond ? 'x' : 'y', { … }), Words.message('id', { … })
    for (const m of src.matchAll(/\b(?:t|message)\(\s*(?:[\w.]+\s*\?\s*'([\w-]+)'\s*:\s*'([\w-]+)'|'([\w-]+)')\s*(,\s*\{)?/g)) {
      const names = m[4] ? argumentNames(src, m.index + m[0].length) : [];
      for (const id of [m[1], m[2], m[3]].filter(Boolean)) asked.push({ at: f, id, names });
    }
  }
  const html = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  for (const [, id] of html.matchAll(/data-l10n-id="([\w-]+)"/g)) asked.push({ at: 'index.html', id, names: null });
  assert.ok(asked.length > 100, `the page asks for ${asked.length} ids`);
  const problems = [];
  for (const { at, id, names } of asked) {
    if (!known.has(id)) { problems.push(`${at}: \`${id}\` is in no catalog`); continue; }
    if (names && [...known.get(id)].sort().join() !== [...new Set(names)].sort().join()) {
      problems.push(`${at}: \`${id}\` takes { ${[...known.get(id)].join(', ')} }, the page gives { ${names.join(', ')} }`);
    }
  }
  assert.deepEqual(problems, []);
});

for (const [lang, hash] of [['fr', '#lang=fr&preset=rotation&seed=2&to=30'], ['es', '#lang=es&preset=rotation&seed=2&to=30'], ['es', '#lang=es&tour=1']]) {
  test(`${hash} shows no English string of the English catalog, and the page says its language`, async () => {
    const { page, context, problems } = await open(hash, { reducedMotion: 'reduce' });
    await page.waitForFunction(() => window.bgloop.playground.trialCount() >= 1, null, { timeout: 20000 });
    // Open what a reader opens: the parameter groups.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const texts = await visibleTexts(page);
    assert.ok(texts.length > 150, `the page shows its texts (${texts.length})`);
    assert.deepEqual(leftovers(texts, englishOnly(lang)), [], `English left on the ${lang} page`);
    // The status line (written in core) and the learning chart's words are in the language too.
    const status = await page.locator('#status').textContent();
    assert.match(status, lang === 'fr' ? /^Essai \d+ · / : /^Ensayo \d+ · /, status);
    assert.match(status, /\d,\d/, `a decimal comma: ${status}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a bad value says in French which field and which range, with decimal commas', async () => {
  const { page, context, problems } = await open('#lang=fr&preset=rotation&dopamine=2.5&loop_strength=abc');
  const banner = await page.locator('#link-problems').textContent();
  assert.match(banner, /Certaines entrées de ce lien/);
  assert.match(banner, /`dopamine` = 2,5 est hors de l'intervalle 0–2/, banner);
  assert.match(banner, /`loop_strength` = "abc" n'est pas un nombre/, banner);
  // The link's view options too.
  const { page: v, context: cv } = await open('#lang=fr&preset=rotation&to=abc&speed=9&hide=nope&hc=2');
  const options = await v.locator('#link-problems').textContent();
  assert.match(options, /`to` = "abc" doit être un numéro d'essai dans 1–100000/, options);
  assert.match(options, /`speed` = "9" doit être un nombre entier dans 0–4/, options);
  assert.match(options, /`hide` nomme "nope", qui n'est ni une partie de la page/, options);
  assert.match(options, /`hc` = "2" doit valoir 1 ou 0/, options);
  await cv.close();
  assert.doesNotMatch(banner, /is out of range|is not a number/, 'not in English');
  // A value typed into a control by hand.
  const box = page.getByRole('spinbutton', { name: /Force de la boucle/ });
  await box.fill('7.5');
  await box.dispatchEvent('change');
  const bad = await page.locator('#p-loop_strength-bad').textContent();
  assert.match(bad, /`loop_strength` = 7,5/, bad);
  assert.match(bad, /0–2/, bad);
  assert.doesNotMatch(bad, /out of range/);
  // An error from a script's config is said in the page's language too.
  const thrown = await page.evaluate(() => { try { window.bgloop.playground.configure({ dopamine: -1 }); return null; } catch (e) { return e.message; } });
  assert.match(thrown, /`dopamine` = -1/);
  assert.doesNotMatch(thrown, /out of range/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a run that diverges says why in Spanish, naming the population and the likely cause', async () => {
  const { page, context, problems } = await open('#lang=es&g_sc=3&dopamine=2&g_gs=0&cortical_inhibition=0&cortical_recurrence=3.8&cortical_drive=0.5&cue_strength=2&trial_ms=3000&go_ms=3000&g_ct=3');
  const said = await page.evaluate(() => { try { window.bgloop.playground.runTrials(20); return null; } catch (e) { return e.message; } });
  const view = await page.evaluate(() => window.bgloop.playground.view());
  const why = said ?? view.halted;
  assert.match(why, /^la simulación divergió en el ensayo \d+ a los [\d,]+ ms: tasa de \S+ .*Causa probable: .*Reinicia con otros valores\.$/, why);
  assert.match(view.status, /^Detenido: la simulación divergió/, view.status);
  assert.deepEqual(problems.filter((p) => !p.includes('diverg')), []);
  await context.close();
});

for (const lang of ['fr', 'es']) {
  test(`the tour in ${lang} runs from the first step to the last, every step in ${lang}`, async () => {
    const { page, context, problems } = await open(`#lang=${lang}`, { reducedMotion: 'reduce' });
    const tour = await page.evaluate(async () => (await window.bgloop.extras()).Tours.builtin());
    const en = catalog('en');
    await page.locator('#tour-open').click();
    for (let i = 0; i < tour.steps.length; i++) {
      await page.waitForFunction((n) => document.getElementById('tour-counter').textContent.includes(`${n}`), i + 1);
      const title = await page.locator('#tour-title').textContent();
      const text = await page.locator('#tour-text').textContent();
      assert.equal(title, tour.steps[i].title);
      assert.notEqual(title, en.get(`tour-step-${i + 1}`), `step ${i + 1} is translated`);
      assert.equal(text, tour.steps[i].text, `step ${i + 1}'s text, its terms linked`);
      const trials = await page.evaluate(() => window.bgloop.playground.trialCount());
      assert.equal(trials, tour.steps[i].trials, `step ${i + 1} ran its trials`);
      const next = page.locator('#tour-next');
      assert.notEqual(await next.textContent(), i === tour.steps.length - 1 ? 'Finish' : 'Next →');
      await next.click();
    }
    assert.ok(await page.locator('#tour').isHidden(), 'the last step closes the tour');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the language menu switches the page and keeps the run; links replay the same run in every language', async () => {
  const { page, context, problems } = await open('#preset=rotation&seed=3&to=25', { reducedMotion: 'reduce' });
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/locales/')) requests.push(new URL(r.url()).pathname); });
  await page.waitForFunction(() => window.bgloop.playground.trialCount() === 25);
  const csv = await page.evaluate(() => window.bgloop.playground.csv());
  await page.getByLabel('Language').selectOption('fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.locator('#play').textContent(), 'Lecture');
  assert.match(await page.locator('#status').textContent(), /^Essai 25 · /);
  assert.equal(await page.evaluate(() => window.bgloop.playground.trialCount()), 25, 'the run is untouched');
  assert.equal(await page.evaluate(() => window.bgloop.playground.csv()), csv, 'the data is the same');
  const hash = await page.evaluate(() => decodeURIComponent(location.hash));
  assert.match(hash, /lang=fr/, 'the link keeps the chosen language');
  assert.equal(requests.filter((r) => r.includes('/fr/')).length, 5, `the French catalog was fetched once: ${requests}`);
  // The controls were rebuilt in French, the chart words too (the learning view's canvas is
  // drawn again), and the preset's paragraph.
  assert.match(await page.locator('label[for="p-loop_strength"]').textContent(), /Force de la boucle/);
  assert.match(await page.locator('#preset-watch').textContent(), /essais/);
  // The French link opens the same run: the same numbers.
  const { page: fr, context: c2 } = await open(`#${hash.slice(1)}`, { reducedMotion: 'reduce' });
  await fr.waitForFunction(() => window.bgloop.playground.trialCount() === 25);
  assert.equal(await fr.evaluate(() => window.bgloop.playground.csv()), csv, 'the same run in French');
  assert.equal(await fr.evaluate(() => document.documentElement.lang), 'fr');
  // What the page wrote itself is written again: a scheduled change's list entry and control
  // note, a finished sweep's status; a hidden control stays hidden.
  await c2.close();
  // (One run with two scheduled changes: a comparison cannot be swept.)
  const { page: p3, context: c3 } = await open('#preset=rotation&seed=3&@301.learning_rate=0&@401.rotation_deg=50&to=5&hide=dopamine', { reducedMotion: 'reduce' });
  await p3.waitForFunction(() => window.bgloop.playground.trialCount() === 5);
  await p3.locator('#sweep-trials').fill('50');
  await p3.locator('#sweep-count').fill('2');
  await p3.locator('#sweep-seeds').fill('1');
  await p3.locator('#sweep-run').click();
  await p3.waitForFunction(() => /^Done:/.test(document.getElementById('sweep-status').textContent), null, { timeout: 60000 });
  await p3.getByLabel('Language').selectOption('fr');
  await p3.waitForFunction(() => document.documentElement.lang === 'fr');
  const events = await p3.locator('#events li').allTextContents();
  assert.ok(events.length >= 2 && events.every((e) => /^à partir de l'essai \d+/.test(e)), events.join(' | '));
  assert.match(await p3.locator('#p-rotation_deg-scheduled').textContent(), /à partir de l'essai 401/);
  assert.match(await p3.locator('#sweep-status').textContent(), /^Terminé/);
  assert.equal(await p3.evaluate(() => document.getElementById('p-dopamine').closest('.param').hasAttribute('data-hidden')), true, 'hide=dopamine holds');
  await c3.close();
  // Back to English, nothing fetched again.
  await page.getByLabel('Langue').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('#play').textContent(), 'Play');
  assert.match(await page.locator('#status').textContent(), /^Trial 25 · /);
  assert.equal(requests.length, 5);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an English page fetches no catalog; the browser\'s language chooses when the link does not', async () => {
  const { page, context } = await open('#preset=rotation', { locale: 'en-GB' });
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('/locales/')));
  assert.deepEqual(fetched, []);
  await context.close();
  const { page: es, context: c2, problems } = await open('#preset=rotation', { locale: 'es-MX' });
  await es.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await es.locator('#lang').inputValue(), 'es');
  assert.doesNotMatch(await es.evaluate(() => location.hash), /lang=/, 'a language the reader did not choose stays out of the link');
  assert.deepEqual(problems, []);
  await c2.close();
  // A language bgloop does not speak is said, and the page opens in English.
  const { page: de, context: c3 } = await open('#lang=de&preset=rotation');
  assert.match(await de.locator('#link-problems').textContent(), /`lang` = "de" is not a language bgloop speaks: en, fr, es/);
  assert.equal(await de.evaluate(() => document.documentElement.lang), 'en');
  await c3.close();
});

test('the Embed dialog and <bgloop-demo lang> keep the language', async () => {
  const { page, context } = await open('#lang=es&preset=rotation&seed=2');
  await page.locator('#embed').click();
  const element = await page.locator('#embed-code').inputValue();
  assert.match(element, / lang="es"><\/bgloop-demo>$/, element);
  assert.match(await page.locator('#embed-iframe').inputValue(), /&amp;lang=es|&lang=es/);
  await context.close();
  const host = await browser.newContext({ locale: 'en-US' });
  const p = await host.newPage();
  await p.setContent('<!doctype html><html><body><article style="width:680px"></article></body></html>');
  await p.evaluate((url) => {
    const s = document.createElement('script');
    s.src = `${url}web/bgloop-embed.js`;
    document.head.append(s);
    const demo = document.createElement('bgloop-demo');
    demo.setAttribute('link', '#preset=rotation&seed=1');
    demo.setAttribute('lang', 'fr');
    document.querySelector('article').append(demo);
  }, server.url);
  const frame = p.frameLocator('bgloop-demo iframe');
  await frame.locator('html[data-ready=true][lang=fr]').waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('#play').textContent(), 'Lecture');
  await host.close();
});

for (const [lang, w, h] of [['fr', 1280, 800], ['fr', 390, 844], ['es', 1280, 800], ['es', 1024, 768], ['es', 390, 844]]) {
  test(`in ${lang} at ${w} px nothing is cut or overlaps: buttons, labels and menus hold their words`, async () => {
    const { page, context } = await open(`#lang=${lang}&preset=rotation&seed=1&to=20`, { viewport: { width: w, height: h }, reducedMotion: 'reduce' });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const found = await page.evaluate(() => {
      const out = [];
      if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
      const shown = (el) => el.checkVisibility({ checkVisibilityCSS: true }) && el.getBoundingClientRect().width > 0;
      const els = [...document.querySelectorAll('button, label, select, legend, summary, h1, h2, figcaption, .status, .live-tag')].filter(shown);
      for (const el of els) {
        // Text cut: content wider than its box (ellipsis or clipping).
        // Text cut or spilling: content wider than its box (a button's word past its border).
        const spills = el.tagName === 'BUTTON' || getComputedStyle(el).overflowX !== 'visible';
        if (el.scrollWidth > el.clientWidth + 2 && spills) out.push(`cut: ${el.id || el.tagName} "${el.textContent.trim().slice(0, 40)}"`);
        const r = el.getBoundingClientRect();
        if (r.right > innerWidth + 1) out.push(`past the edge: ${el.id || el.tagName} "${el.textContent.trim().slice(0, 40)}"`);
        // Out of its panel: a row of buttons wider than the panel that holds it is clipped there.
        const box = el.closest('.panel, .view, .tour, dialog')?.getBoundingClientRect();
        if (box && (r.right > box.right + 1 || r.left < box.left - 1)) out.push(`out of its panel: ${el.id || el.tagName} "${el.textContent.trim().slice(0, 40)}"`);
      }
      // Buttons side by side must not overlap.
      const buttons = [...document.querySelectorAll('button')].filter(shown).map((b) => [b, b.getBoundingClientRect()]);
      for (let i = 0; i < buttons.length; i++) {
        for (let j = i + 1; j < buttons.length; j++) {
          const [a, ra] = buttons[i]; const [b, rb] = buttons[j];
          if (a.contains(b) || b.contains(a)) continue;
          const ox = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const oy = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (ox > 2 && oy > 2) out.push(`overlap: "${a.textContent.trim()}" and "${b.textContent.trim()}"`);
        }
      }
      return out;
    });
    assert.deepEqual(found, []);
    fs.mkdirSync('/tmp/shots', { recursive: true });
    await page.screenshot({ path: `/tmp/shots/lang-${lang}-${w}.png`, fullPage: true });
    await context.close();
  });
}

test('every id the page builds at run time exists (enumerated), and a missing one is a console error', async () => {
  const { initSync, Playground, Words } = await import(path.join(ROOT, 'web', 'pkg', 'bgloop.js'));
  initSync({ module: fs.readFileSync(path.join(ROOT, 'web', 'pkg', 'bgloop_bg.wasm')) });
  const exists = (id) => { const m = Words.message(id, null); return (m.value ?? null) !== null || Object.keys(m.attributes).length > 0; };
  const built = [
    // `speed-${i}` (the speed menu), `phase-${name}`, `population-${key}`, `table-${state}`,
    // `param-${key}`, `group-${group}`, `option-${value}`: every value their code can build.
    ...Words.viewOptions().speeds.map((_, i) => `speed-${i}`),
    ...Words.phaseNames().map((p) => `phase-${p}`),
    ...['cortex', 'striatum', 'stn', 'gpi', 'thalamus'].map((p) => `population-${p}`),
    ...['above', 'below', 'near'].map((s) => `table-${s}`),
    ...Words.schema().flatMap((s) => [`param-${s.key}`, ...(s.domain?.options ?? []).map((o) => `option-${o}`)]),
  ];
  assert.ok(built.length > 70, `${built.length} ids`);
  assert.deepEqual(built.filter((id) => !exists(id)), []);
  // At run time, an id the catalog lacks is said on the console (which the browser tests watch).
  const { page, context, problems } = await openPage(browser, `${server.url}#preset=rotation`);
  await page.evaluate(async () => { const m = await import('./web/i18n.js'); m.t('speed-99'); m.t('play'); });
  assert.deepEqual(problems, ['bgloop: the catalog has no message `speed-99`']);
  await context.close();
});
