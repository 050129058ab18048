import { launch } from './browser.mjs';
const b = await launch();
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.log('CSP', e.sourceFile, e.lineNumber, e.columnNumber, e.sample, e.violatedDirective)));
p.on('console', (m) => { if (m.text().startsWith('CSP')) console.log(m.text()); });
await p.goto('http://127.0.0.1:8099/');
await p.waitForSelector('html[data-ready=true]', { timeout: 10000 });
await b.close();
