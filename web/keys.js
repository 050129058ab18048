// The keyboard: single-key shortcuts (and their dialog and off switch), and the skip buttons at
// the top of the page.

const $ = (id) => document.getElementById(id);

/**
 * Keyboard shortcuts: Space plays or pauses, → steps a trial, R resets, C switches high contrast,
 * ? lists them. They wait while the reader types in a field or works a control, and leave ← / →
 * to an open tour.
 */
export function setupKeys(app) {
  const dialog = $('keys-dialog');
  $('keys-open').addEventListener('click', () => dialog.showModal());
  $('close-keys').addEventListener('click', () => dialog.close());
  // Single-key shortcuts can be turned off (WCAG 2.1.4): a speech-input user's words must not
  // press them. The choice is kept in this browser where storage is allowed.
  const toggle = $('keys-on');
  const stored = (() => { try { return localStorage.getItem('bgloop:keys'); } catch { return null; } })();
  toggle.checked = stored !== 'off';
  toggle.addEventListener('change', () => {
    try { localStorage.setItem('bgloop:keys', toggle.checked ? 'on' : 'off'); } catch { /* storage refused: this page only */ }
  });
  document.addEventListener('keydown', (e) => {
    if (!toggle.checked || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement || target.isContentEditable) return;
    const touring = !$('tour').hidden;
    const act = {
      ' ': () => (app.player.playing ? $('pause') : $('play')).click(),
      ArrowRight: () => { if (!touring) $('step').click(); else return false; return true; },
      r: () => $('reset').click(),
      R: () => $('reset').click(),
      c: () => app.setHighContrast(!app.ui.highContrast),
      C: () => app.setHighContrast(!app.ui.highContrast),
      '?': () => dialog.showModal(),
    }[e.key];
    // Space on a focused button or summary is that control's own key.
    if (!act || (e.key === ' ' && (target instanceof HTMLButtonElement || target.tagName === 'SUMMARY'))) return;
    if (act() === false) return;
    e.preventDefault();
  });
}

/** The skip buttons: straight to Play and the result, or to the parameters (Loop strength
 * first), without tabbing through the header. Buttons, not `#` links: the address's hash is the
 * experiment. */
export function setupSkips() {
  const targets = { run: () => $('play').disabled ? $('pause') : $('play'), params: () => $('params-panel') };
  for (const b of document.querySelectorAll('.skip')) {
    b.addEventListener('click', () => {
      const target = targets[b.dataset.skip]?.();
      target?.focus();
      target?.scrollIntoView({ block: 'nearest' });
    });
  }
}
