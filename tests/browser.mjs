// Launches Debian's Chromium through playwright-core (no browser download), with the flags this
// machine's closed network needs.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
}

/**
 * A fresh context and page at `url`, waited on until the model has loaded; console errors and page
 * errors are collected in `problems`. `contextOptions` go to `browser.newContext` (viewport,
 * reducedMotion, acceptDownloads, …).
 */
export async function openPage(browser, url, contextOptions = {}) {
  // English unless a test asks for another language: the page follows the browser's languages.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, context, problems };
}
