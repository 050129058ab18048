// Downloads: trial records as CSV or JSON, and the figure as SVG or as PNG (the same figure).

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
  const view = pg.view();
  return `bgloop-${view.preset || 'custom'}-seed${view.config.seed}-trial${view.trials}`;
}

/** The exported figure's size, CSS pixels (as `bgloop figure`'s default). */
export const FIGURE_SIZE = [1200, 560];

/** The SVG document `svg` (`width × height`) drawn as a PNG at `scale` times its size. */
export async function svgToPng(svg, [width, height], scale) {
  const img = new Image();
  // A data: URL (the page's CSP allows data: images, not blob: ones).
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const out = document.createElement('canvas');
  out.width = width * scale;
  out.height = height * scale;
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(img, 0, 0, out.width, out.height);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas made no image'))), 'image/png'));
}
