// The URL hash holds the experiment: opened on load, kept equal to the running state with
// history.replaceState, copied by "Copy link". Rejected entries of a link are listed, as text.

import { t } from './i18n.js';

/** Reads the link's problems into the dismissable banner (textContent only: never HTML). */
export function showLinkProblems(banner, result) {
  const list = banner.querySelector('ul');
  list.replaceChildren();
  const items = [...result.notes, ...result.rejected.map((r) => `${r.entry} — ${r.reason}`)];
  for (const text of items) {
    const li = document.createElement('li');
    li.textContent = text;
    list.append(li);
  }
  banner.hidden = items.length === 0;
  // Notes alone (an old link replayed as it was made, a long link cut) are not rejections.
  const lead = banner.querySelector('.problems-lead');
  if (lead) {
    lead.replaceChildren();
    const b = document.createElement('b');
    if (result.rejected.length) {
      b.textContent = t('problems-lead');
      lead.append(b, ` ${t('problems-then')}`);
    } else {
      b.textContent = t('problems-about');
      lead.append(b);
    }
  }
}

/** Keeps location.hash equal to `pg.permalink(view())`. */
export function syncHash(pg, view) {
  const hash = `#${pg.permalink(view())}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
  return location.href;
}

/** Copies `text`; falls back to a selected text field where the Clipboard API is unavailable. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const ok = document.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}
