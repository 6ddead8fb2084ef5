/* global window, document */
// A smoke check of the harness in Chromium (playwright-core): page 1 drawn, jump to 400, zoom, rotate,
// a long scroll; prints timings, canvas counts and writes screenshots to /tmp. Needs the dev server on
// port 5180 and make-fixtures.mts's files.  node tools/viewer-harness/smoke-check.mjs
import { chromium } from 'playwright-core';
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const base = 'http://localhost:5180/?lang=en&';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning')
    console.log('console:', m.type(), m.text().slice(0, 200));
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
let bytes = 0;
page.on('response', async (r) => {
  if (r.url().includes('/fixtures/')) {
    const l = Number(r.headers()['content-length'] ?? 0);
    bytes += l;
  }
});
const drawn = (n) =>
  page.waitForFunction(
    (n) =>
      (document.querySelector('.pdf-viewer')?.getAttribute('data-rendered-pages') ?? '')
        .split(' ')
        .includes(String(n)),
    n,
    { timeout: 30000 },
  );
const info = () =>
  page.evaluate(() => {
    const v = document.querySelector('.pdf-viewer');
    const canvases = [...document.querySelectorAll('canvas')];
    return {
      current: v?.getAttribute('data-current-page'),
      rendered: v?.getAttribute('data-rendered-pages'),
      canvases: canvases.length,
      pixels: canvases.reduce((s, c) => s + c.width * c.height, 0),
      pageBoxes: document.querySelectorAll('.pdf-page').length,
      scale: window.__viewer.controller?.scale,
    };
  });
const blank = (n) =>
  page.evaluate((n) => {
    const c = document.querySelector(`.pdf-page[data-page-number="${n}"] canvas`);
    if (!c) return 'no canvas';
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4 * 7) if (d[i] < 128) dark++;
    return dark;
  }, n);
let t0 = Date.now();
await page.goto(base + 'file=/fixtures/scan-500.pdf');
await drawn(1);
console.log(
  '500p: page1 drawn ms',
  Date.now() - t0,
  'bytes fetched',
  bytes,
  await info(),
  'dark px',
  await blank(1),
);
await page.screenshot({ path: '/tmp/viewer-smoke-s1.png' });
t0 = Date.now();
await page.evaluate(() => window.__viewer.controller.goTo(400));
await drawn(400);
console.log('jump 400 ms', Date.now() - t0, await info(), 'dark', await blank(400));
await page.screenshot({ path: '/tmp/viewer-smoke-s2.png' });
await page.evaluate(() => window.__viewer.controller.setZoom({ kind: 'scale', scale: 0.5 }));
await page.waitForTimeout(1500);
console.log('zoom 50%', await info());
await page.screenshot({ path: '/tmp/viewer-smoke-s3.png' });
await page.evaluate(() => window.__viewer.controller.rotate(window.__viewer.controller.currentPage, 90));
await page.waitForTimeout(1500);
console.log('rotated', await info());
await page.screenshot({ path: '/tmp/viewer-smoke-s4.png' });
// scroll through 100 pages
await page.evaluate(() => window.__viewer.controller.setZoom({ kind: 'fit-width' }));
await page.waitForTimeout(500);
t0 = Date.now();
for (let i = 0; i < 60; i++) {
  await page.mouse.move(700, 400);
  await page.mouse.wheel(0, 1500);
  await page.waitForTimeout(30);
}
await page.waitForTimeout(1000);
console.log(
  'after scroll',
  Date.now() - t0,
  await info(),
  'states',
  await page.evaluate(() => window.__viewer.states.slice(-2)),
);
await page.screenshot({ path: '/tmp/viewer-smoke-s5.png' });
await browser.close();
