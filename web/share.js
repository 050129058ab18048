// Share and export: the copy-link button, CSV / JSON / PNG / SVG exports and the Embed dialog.

import { copyText } from './permalink.js';
import { download, stem, svgToPng, FIGURE_SIZE } from './export.js';

const $ = (id) => document.getElementById(id);

/** The iframe snippet for embedding `src`. */
export function embedSnippet(src) {
  return `<iframe src="${src.replace(/"/g, '&quot;')}" title="bgloop: reward-driven adaptation in a basal ganglia–cortex loop model" width="760" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/**
 * Wires the share panel. `link()` syncs and returns the address bar's link; `viewOptions()` gives
 * the page's view options; `say(text)` reports to the share status line.
 */
export function setupShare(pg, views, { link, viewOptions, say }) {
  // In fast-forward a comparison's run B may be a few trials behind on its worker: exports bring it
  // level first (a divergence of B met on the way is reported by the player's next slice).
  const level = () => { try { if (pg.feeding() != null) pg.stopFeed(); } catch { /* reported by the player */ } };
  $('copy-link').addEventListener('click', async () => {
    const ok = await copyText(link());
    say(ok ? 'Link copied: it reproduces this run exactly.' : 'Copy the address bar: it holds this run.');
  });
  $('export-csv').addEventListener('click', () => { level(); download(`${stem(pg)}.csv`, pg.csv(), 'text/csv'); say('CSV exported.'); });
  $('export-json').addEventListener('click', () => { level(); download(`${stem(pg)}.json`, pg.json(), 'application/json'); say('JSON exported.'); });
  // One figure for both files: a title, the settings, seed, trials and the link, the views and a
  // caption (the PNG is the SVG drawn at twice its size).
  const figure = () => {
    level();
    const [w, h] = FIGURE_SIZE;
    return pg.figureSvg($('show-hand').checked, w, h, location.href.split('#')[0]);
  };
  $('export-figure').addEventListener('click', async () => {
    try {
      download(`${stem(pg)}.png`, await svgToPng(figure(), FIGURE_SIZE, 2), 'image/png');
      say('Figure exported as PNG.');
    } catch (e) {
      say(`The PNG could not be made: ${(e && e.message) || e}`);
    }
  });
  $('export-svg').addEventListener('click', () => {
    download(`${stem(pg)}.svg`, figure(), 'image/svg+xml');
    say('Figure exported as SVG.');
  });
  const dialog = $('embed-dialog');
  const code = $('embed-code');
  $('embed').addEventListener('click', () => {
    const v = viewOptions();
    v.embed = '1';
    code.value = embedSnippet(`${location.href.split('#')[0]}#${pg.permalink(v)}`);
    dialog.showModal();
    code.select();
  });
  $('copy-embed').addEventListener('click', async () => {
    const ok = await copyText(code.value);
    say(ok ? 'Embed code copied.' : 'Select the code and copy it.');
    dialog.close();
  });
  $('close-embed').addEventListener('click', () => dialog.close());
}
