// The browser engines besides Chromium, behind one small interface: Firefox (Debian's firefox-esr,
// driven by puppeteer-core over WebDriver BiDi) and WebKitGTK (Debian's WebKitWebDriver with the
// MiniBrowser of libwebkit2gtk, under Xvfb, driven by selenium-webdriver). Each engine gives
// `goto(url)`, `evaluate(fn, ...args)` (fn may be async), `resize(w, h)`, `errors()`, `version` and
// `close()`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();

/** Collects page errors in the page itself, so every engine can report them the same way. */
const COLLECT = `(() => { if (window.__errors) return; window.__errors = [];
  addEventListener('error', (e) => window.__errors.push(String(e.message || e)));
  addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason && e.reason.message || e.reason)));
  const err = console.error.bind(console); console.error = (...a) => { window.__errors.push(a.map(String).join(' ')); err(...a); }; })()`;

export async function firefox() {
  const executablePath = which('firefox-esr') || which('firefox');
  if (!executablePath) throw new Error('firefox-esr is not installed (scripts/setup.sh --browser installs it)');
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setViewport({ width: 1280, height: 900 });
  return {
    name: 'Firefox',
    version: await browser.version(),
    async goto(url) {
      await page.goto('about:blank');
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', { timeout: 30000 });
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    resize: (width, height) => page.setViewport({ width, height }),
    errors: async () => [...errors, ...(await page.evaluate(() => window.__errors || []))],
    close: () => browser.close(),
  };
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/** MiniBrowser's path, from the files of libwebkit2gtk-4.1-0. */
function miniBrowser() {
  const listed = spawnSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).stdout || '';
  const found = listed.split('\n').find((p) => p.endsWith('/MiniBrowser'));
  return found && existsSync(found) ? found : null;
}

async function waitForPort(port, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on port ${port} after ${ms} ms`);
}

export async function webkit() {
  const driverPath = which('WebKitWebDriver');
  const binary = miniBrowser();
  const xvfb = which('Xvfb');
  if (!driverPath || !binary || !xvfb) throw new Error('WebKitWebDriver, MiniBrowser or Xvfb is missing (scripts/setup.sh --browser installs them)');
  // Xvfb picks a free display itself and writes its number on fd 3: a display chosen at random
  // could be one another program's X server holds (Xvfb then exits, and MiniBrowser would run on
  // that other server and die with it).
  const x = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  let driver = null;
  const stop = () => { driver?.kill(); x.kill(); };
  try {
    const display = await new Promise((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('Xvfb did not say its display within 15 s')), 15000);
      x.stdio[3].on('data', (d) => {
        text += d;
        if (text.includes('\n')) { clearTimeout(timer); resolve(`:${text.trim()}`); }
      });
      x.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}) before saying its display`)); });
    });
    const port = await freePort();
    driver = spawn(driverPath, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
    await waitForPort(port, 15000);
    const { Builder } = await import('selenium-webdriver');
    const session = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } })
      .build();
    // Bounded waits: a page that never loads or a script that never answers fails in a minute or
    // two with WebDriver's error, not at the test's ten-minute limit.
    await session.manage().setTimeouts({ pageLoad: 60000, script: 120000 });
    const caps = await session.getCapabilities();
    const version = `${caps.get('browserName')} ${caps.get('browserVersion')}`;
    // Runs `fn(...args)` in the page (awaiting a promise) through executeAsyncScript.
    const evaluate = (fn, ...args) => session.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${fn.toString()})(...Array.from(arguments).slice(0, -1)))
         .then((v) => done({ ok: true, v }), (e) => done({ ok: false, e: String(e && e.message || e) }));`,
      ...args,
    ).then((r) => { if (!r.ok) throw new Error(r.e); return r.v; });
    // Errors of every page visited, not only the last one's: each page's list is kept before
    // leaving it. (A page that fails while loading never sets data-ready, and goto says so.)
    const seen = [];
    const keep = async () => {
      const errs = await session.executeScript('return window.__errors || []').catch(() => []);
      seen.push(...errs);
    };
    return {
      name: 'WebKit',
      version,
      async goto(url) {
        await keep();
        await session.get('about:blank');
        await session.get(url);
        await session.executeScript(COLLECT);
        const end = Date.now() + 30000;
        while (await session.executeScript('return document.documentElement.dataset.ready') !== 'true') {
          if (Date.now() > end) throw new Error(`${url} did not become ready`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      evaluate,
      async resize(width, height) {
        // The window includes MiniBrowser's own bars: grow it until the page's viewport fits. The
        // window manager applies a new size a little later (later still on a busy machine), so
        // each size is waited for before the viewport is measured again.
        const inner = () => session.executeScript('return [innerWidth, innerHeight]');
        let outer = [width, height];
        for (let attempt = 0; attempt < 6; attempt += 1) {
          const before = await inner();
          await session.manage().window().setRect({ width: outer[0], height: outer[1] });
          let now = before;
          for (let k = 0; k < 40; k += 1) {
            await new Promise((r) => setTimeout(r, 50));
            now = await inner();
            if (now[0] !== before[0] || now[1] !== before[1]) break;
          }
          await new Promise((r) => setTimeout(r, 100));
          now = await inner();
          if (Math.abs(now[0] - width) <= 2 && Math.abs(now[1] - height) <= 2) return;
          outer = [outer[0] + (width - now[0]), outer[1] + (height - now[1])];
        }
      },
      errors: async () => [...seen, ...(await session.executeScript('return window.__errors || []'))],
      async close() { try { await session.quit(); } finally { stop(); } },
    };
  } catch (e) {
    stop();
    throw e;
  }
}
