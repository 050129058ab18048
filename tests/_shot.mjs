import { launch } from './browser.mjs';
const b = await launch();
for (const [w, h, name] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
  const p = await b.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 2 });
  p.on('console', (m) => console.log(name, 'console', m.type(), m.text()));
  p.on('pageerror', (e) => console.log(name, 'pageerror', e.message));
  await p.goto('http://127.0.0.1:8099/');
  await p.waitForSelector('html[data-ready=true]', { timeout: 10000 });
  await p.evaluate(() => { bgloop.playground.runTrials(99); bgloop.playground.recordTraces(1, true); bgloop.playground.stepTrial(); bgloop.redraw(); });
  await p.screenshot({ path: `/tmp/${name}.png`, fullPage: name === 'phone' });
}
await b.close();
