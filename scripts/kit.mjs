// The teacher's kit: from docs/teaching[.<lang>].md, one text per language, three pages each —
// the plan (docs/teaching[.<lang>].html, projectable: it holds no answer), the worksheet
// (docs/worksheet[.<lang>].html: a box for each prediction, observation and explanation, an
// activity per printed sheet) and the answer key (docs/key[.<lang>].html: the text's quoted
// paragraphs). `node scripts/kit.mjs` writes them; tests/teaching.test.mjs checks they are fresh.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = path.join(root, 'docs');

/** The languages with a kit text, English first. */
export function languages() {
  return fs.readdirSync(docs)
    .map((f) => f.match(/^teaching(?:\.(\w+))?\.md$/))
    .filter(Boolean)
    .map((m) => m[1] || 'en')
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** A page's file name in a language: `teaching.html`, `teaching.fr.html`. */
const fileOf = (page, lang) => (lang === 'en' ? `${page}.html` : `${page}.${lang}.html`);

/** HTML-escapes text. */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The inline markdown the kit uses: **bold**, *italic*, `code` and [text](link). */
function inline(text) {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/\*([^*]+)\*/g, '<i>$1</i>')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
}

/** A kit text read into its words (the `<!-- kit … -->` block), title and sections of blocks. */
export function parse(source) {
  const head = source.match(/^<!-- kit\n([\s\S]*?)\n-->\n/);
  if (!head) throw new Error('a kit text starts with its <!-- kit … --> block');
  const words = Object.fromEntries(head[1].split('\n').map((l) => {
    const at = l.indexOf(': ');
    return [l.slice(0, at).trim(), l.slice(at + 2).trim()];
  }));
  const blocks = source.slice(head[0].length).split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean).map((b) => {
    if (b.startsWith('# ')) return { kind: 'h1', text: b.slice(2) };
    if (b.startsWith('## ')) return { kind: 'h2', text: b.slice(3) };
    if (b.startsWith('- ')) return { kind: 'list', items: b.split(/\n- /).map((i) => i.replace(/^- /, '').replace(/\s*\n\s*/g, ' ')) };
    if (b.startsWith('> ')) return { kind: 'answer', text: b.split('\n').map((l) => l.replace(/^>\s?/, '')).join(' ') };
    return { kind: 'p', text: b.replace(/\s*\n\s*/g, ' ') };
  });
  const title = blocks.find((b) => b.kind === 'h1')?.text;
  const sections = [];
  for (const b of blocks) {
    if (b.kind === 'h1') continue;
    if (b.kind === 'h2') sections.push({ heading: b.text, blocks: [] });
    else if (sections.length === 0) sections.push({ heading: null, blocks: [b] });
    else sections[sections.length - 1].blocks.push(b);
  }
  return { words, title, sections };
}

/** Whether a section is an activity (it carries a link to the playground). */
const isActivity = (s) => s.heading && s.blocks.some((b) => b.kind === 'p' && b.text.includes('](../index.html#'));

/** A block as HTML. */
function block(b) {
  if (b.kind === 'list') return `<ul>\n${b.items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`;
  return `<p>${inline(b.text)}</p>`;
}

/** The head and frame shared by the three pages. */
function frame(lang, title, words, body) {
  const home = lang === 'en' ? '../index.html' : `../index.html#lang=${lang}`;
  const pages = words.pages.split(' · ');
  const nav = ['teaching', 'worksheet', 'key']
    .map((p, i) => `<a href="${fileOf(p, lang)}">${escape(pages[i])}</a>`)
    .join(' · ');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../examples/article.css">
<link rel="stylesheet" href="kit.css">
</head>
<body>
<main>
<!-- Written by scripts/kit.mjs from docs/${lang === 'en' ? 'teaching.md' : `teaching.${lang}.md`}: edit that text, then run node scripts/kit.mjs. -->
<nav class="kit-pages">${nav}</nav>
<h1>${escape(title)}</h1>
${body}
<p class="kit-back"><a href="${home}">${escape(words.back)}</a></p>
</main>
</body>
</html>
`;
}

/** The plan: every section, without the answers. */
function plan(kit, lang) {
  const body = kit.sections.map((s) => [
    s.heading ? `<h2>${inline(s.heading)}</h2>` : '',
    ...s.blocks.filter((b) => b.kind !== 'answer').map(block),
  ].filter(Boolean).join('\n')).join('\n');
  return frame(lang, kit.title, kit.words, body);
}

/** The worksheet: each activity's question, link and context, and a box under each step. */
function worksheet(kit, lang) {
  const w = kit.words;
  const boxes = [w['box-predict'], w['box-run'], w['box-explain']];
  const body = [
    `<p class="kit-name">${escape(w.name)} <span class="kit-line"></span> ${escape(w.date)} <span class="kit-line"></span></p>`,
    ...kit.sections.filter(isActivity).map((s) => {
      const steps = s.blocks.find((b) => b.kind === 'list')?.items ?? [];
      if (steps.length !== boxes.length) throw new Error(`${s.heading}: an activity has ${boxes.length} steps (predict, run, explain)`);
      return [
        '<section class="kit-activity">',
        `<h2>${inline(s.heading)}</h2>`,
        ...s.blocks.filter((b) => b.kind === 'p').map(block),
        ...steps.map((step, i) => `<p>${inline(step)}</p>\n<div class="kit-box"><span>${escape(boxes[i])}</span></div>`),
        '</section>',
      ].join('\n');
    }),
  ].join('\n');
  return frame(lang, w.worksheet, w, body);
}

/** The answer key: each activity's link, what the model shows and the answer. */
function key(kit, lang) {
  const body = kit.sections.filter(isActivity).map((s) => [
    `<h2>${inline(s.heading)}</h2>`,
    ...s.blocks.filter((b) => b.kind === 'p' && b.text.includes('](../index.html#')).map(block),
    ...s.blocks.filter((b) => b.kind === 'answer').map(block),
  ].join('\n')).join('\n');
  return frame(lang, kit.words.key, kit.words, body);
}

/** The kit's pages in `lang`, by file name. */
export function pages(lang) {
  const kit = parse(fs.readFileSync(path.join(docs, lang === 'en' ? 'teaching.md' : `teaching.${lang}.md`), 'utf8'));
  return {
    [fileOf('teaching', lang)]: plan(kit, lang),
    [fileOf('worksheet', lang)]: worksheet(kit, lang),
    [fileOf('key', lang)]: key(kit, lang),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const lang of languages()) {
    for (const [file, html] of Object.entries(pages(lang))) {
      fs.writeFileSync(path.join(docs, file), html);
      console.log(`[kit] docs/${file}`);
    }
  }
}
