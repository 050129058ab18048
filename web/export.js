// Downloads: trial records as CSV or JSON, and the views as a PNG or an SVG figure.

/** Offers `data` as a file called `name`. */
export function download(name, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name stem for the running experiment, e.g. `bgloop-rotation-seed1-trial120`. */
export function stem(pg) {
  const cfg = pg.config();
  return `bgloop-${pg.preset || 'custom'}-seed${cfg.seed}-trial${pg.trialCount()}`;
}

/** The three view canvases side by side on one PNG. */
export function viewsPng(canvases) {
  const gap = 16;
  const w = canvases.reduce((s, c) => s + c.width, 0) + gap * (canvases.length + 1);
  const h = Math.max(...canvases.map((c) => c.height)) + 2 * gap;
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h;
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  let x = gap;
  for (const c of canvases) {
    ctx.drawImage(c, x, gap);
    x += c.width + gap;
  }
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}
