// Share and export: the copy-link button, CSV / JSON / PNG / SVG exports and the Embed dialog.

import { copyText } from './permalink.js';
import { download, stem, svgToPng, FIGURE_SIZE } from './export.js';
import { t } from './i18n.js';
import { loadExtras, extrasNow } from './extras.js';

const $ = (id) => document.getElementById(id);

/** The column width the snippets are measured for, CSS px (a typical article column). */
export const COLUMN = 680;
/** The views an embed can show (the rest of the page is never shown in an embed). */
const VIEWS = ['intro', 'reach', 'learning', 'circuit', 'activity'];
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The `<bgloop-demo>` snippet: the element's script (from this site) and the element (in
 * `lang`'s language if one was chosen). */
export function elementSnippet(site, link, hide, lang = null) {
  const script = new URL('web/bgloop-embed.js', site).href;
  const hidden = (hide.length ? ` hide="${attr(hide.join(','))}"` : '') + (lang ? ` lang="${attr(lang)}"` : '');
  // `<\/script>`: the single-file build inlines this module in a <script>, which a plain
  // closing tag would end.
  return `<script src="${attr(script)}" defer><\/script>\n<bgloop-demo link="${attr(link)}"${hidden}></bgloop-demo>`;
}

/** The iframe snippet for embedding `src`: the frame, titled `title` (the preset's title; the
 * generic one without a preset), at `height` px (measured for a COLUMN-wide frame: what a site
 * that allows no scripts gets), then three lines of script that size it to its content at any
 * width (the embed says its height, `bgloop:resize`), so no view is ever cut. */
export function embedSnippet(src, height = 640, title = t('embed-frame-title')) {
  // The script finds its frame by the message's source, so two demos on one page (even of one
  // link) each get their own height.
  const frame = `<iframe data-bgloop src="${attr(src)}" title="${attr(title)}" width="${COLUMN}" height="${Math.ceil(height)}" style="border:0;width:100%;max-width:${COLUMN}px" loading="lazy"></iframe>`;
  const fit = `<script>addEventListener("message", function (e) { var fs = document.querySelectorAll("iframe[data-bgloop]");
  for (var i = 0; i < fs.length; i++) if (e.source === fs[i].contentWindow && e.data && e.data.type === "bgloop:resize" && e.data.height > 0) fs[i].style.height = Math.ceil(e.data.height) + "px";
});<\/script>`;
  return `${frame}\n${fit}`;
}

/** The Embed dialog: choices (views, end trial, loop), both snippets and a live preview whose
 * measured height the iframe snippet uses. */
function setupEmbedDialog(pg, viewOptions, say) {
  const dialog = $('embed-dialog');
  const boxes = [...document.querySelectorAll('input[name="embed-view"]')];
  const preview = $('embed-preview');
  let measured = null;
  const write = () => {
    const c = readChoices(boxes);
    if (!c) return;
    const src = writeSnippets(pg, viewOptions(), c, measured);
    if (preview.dataset.src !== src) {
      preview.dataset.src = src;
      measured = null;
      preview.src = src;
    }
  };
  // The preview (this site, so its messages are trusted by origin) says its content height.
  window.addEventListener('message', (e) => {
    if (e.source !== preview.contentWindow || e.origin !== location.origin) return;
    if (e.data?.type === 'bgloop:resize' && Number.isFinite(e.data.height)) {
      measured = e.data.height;
      preview.style.height = `${Math.ceil(measured)}px`;
      preview.parentElement.style.height = `${Math.ceil(measured / 2)}px`;
      write();
    }
  });
  dialog.addEventListener('input', write);
  dialog.addEventListener('change', write);
  wireEmbedButtons(dialog, preview, { write, viewOptions, say });
}

/** The dialog's choices — the views shown (`boxes`), the end trial and loop — or null when the
 * end trial is not a trial (the problem is said in the dialog). */
function readChoices(boxes) {
  const problem = $('embed-problem');
  try {
    const to = $('embed-to').value.trim();
    const n = Number(to);
    if (to !== '' && (!Number.isInteger(n) || n < 1 || n > 100000)) throw new Error(t('embed-stop-range', { value: to.slice(0, 20) }));
    const hide = VIEWS.filter((v) => !boxes.find((b) => b.value === v).checked);
    problem.hidden = true;
    return { to: to === '' ? null : n, loop: $('embed-loop').checked, hide };
  } catch (e) {
    problem.hidden = false;
    problem.textContent = e.message;
    return null;
  }
}

/** Writes both snippets for the page's view options `v` and the dialog's choices `c`, the iframe
 * at its `measured` height once known; returns the embed's address (the preview shows it). */
function writeSnippets(pg, v, c, measured) {
  // The demo is the experiment: a sweep (recomputed by every reader) and a tour step stay out.
  delete v.to; delete v.loop; delete v.tour; delete v.hide; delete v.sweep;
  if (c.to !== null) v.to = String(c.to);
  if (c.loop && c.to !== null) v.loop = '1';
  // The element says its language as an attribute; the iframe keeps it in its link.
  const lang = v.lang ?? null;
  delete v.lang;
  const link = pg.permalink(v);
  const site = location.href.split('#')[0];
  $('embed-code').value = elementSnippet(site, `#${link}`, c.hide, lang);
  const hide = c.hide.length ? `&hide=${c.hide.join(',')}` : '';
  const src = `${site}#${link}&embed=1${hide}${lang ? `&lang=${lang}` : ''}`;
  $('embed-iframe').value = embedSnippet(src, measured ?? 640, frameTitle());
  $('embed-height').textContent = measured ? t('embed-measured', { height: Math.ceil(measured), width: COLUMN }) : t('embed-measuring');
  return src;
}

/** The embed's title: the running preset's, else the generic one (two demos on a page differ). */
function frameTitle() {
  const title = document.getElementById('intro-title')?.textContent ?? '';
  return title ? t('embed-frame-title-of', { title }) : t('embed-frame-title');
}

/** The dialog's buttons: Embed opens it (with the page's end trial and loop), the copy buttons
 * copy a snippet, Close closes it and empties the preview. */
function wireEmbedButtons(dialog, preview, { write, viewOptions, say }) {
  $('embed').addEventListener('click', () => {
    const v = viewOptions();
    $('embed-to').value = v.to ?? '';
    $('embed-loop').checked = v.loop === '1';
    write();
    dialog.showModal();
    $('embed-code').select();
  });
  $('copy-embed').addEventListener('click', async () => {
    const ok = await copyText($('embed-code').value);
    say(t(ok ? 'copied-element' : 'copy-by-hand'));
  });
  $('copy-iframe').addEventListener('click', async () => {
    const ok = await copyText($('embed-iframe').value);
    say(t(ok ? 'copied-iframe' : 'copy-by-hand'));
  });
  $('close-embed').addEventListener('click', () => { dialog.close(); preview.src = 'about:blank'; delete preview.dataset.src; });
}

/**
 * Wires the share panel. `link()` syncs and returns the address bar's link; `viewOptions()` gives
 * the page's view options; `say(text)` reports to the share status line.
 */
export function setupShare(pg, views, { link, viewOptions, say }) {
  // In fast-forward a comparison's run B may be a few trials behind on its worker: exports bring it
  // level first (a divergence of B met on the way is reported by the player's next slice).
  const level = () => { try { pg.feed(false); } catch { /* reported by the player */ } };
  $('copy-link').addEventListener('click', async () => {
    const ok = await copyText(link());
    say(t(ok ? 'copied-link' : 'copy-address-bar'));
  });
  $('export-csv').addEventListener('click', () => { level(); download(`${stem(pg)}.csv`, pg.csv(), 'text/csv'); say(t('exported-csv')); });
  $('export-json').addEventListener('click', () => { level(); download(`${stem(pg)}.json`, pg.json(), 'application/json'); say(t('exported-json')); });
  // One figure for both files: a title, the settings, seed, trials and the link, the views and a
  // caption (the PNG is the SVG drawn at twice its size).
  // The figure is read at the click; the second module (loaded on the first export) draws it.
  const figure = async () => {
    level();
    const [w, h] = FIGURE_SIZE;
    const read = pg.figure($('show-hand').checked, location.href.split('#')[0]);
    if (!extrasNow()) say(t('figure-loading'));
    return (await loadExtras()).Figures.svg(read, w, h);
  };
  $('export-figure').addEventListener('click', async () => {
    try {
      download(`${stem(pg)}.png`, await svgToPng(await figure(), FIGURE_SIZE, 2), 'image/png');
      say(t('exported-png'));
    } catch (e) {
      say(t('png-failed', { why: (e && e.message) || String(e) }));
    }
  });
  $('export-svg').addEventListener('click', async () => {
    try {
      download(`${stem(pg)}.svg`, await figure(), 'image/svg+xml');
      say(t('exported-svg'));
    } catch (e) {
      say(t('svg-failed', { why: (e && e.message) || String(e) }));
    }
  });
  setupEmbedDialog(pg, viewOptions, say);
}
