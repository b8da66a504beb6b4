// npm run bench:zendesk — how long after Zendesk's app.registered the built sidebar shows its first SLA badge, on a warm
// page (the browser, the page and its chunks already loaded once), in Debian's Chromium. Printed beside a baseline from the
// same run: the sidebar's first render of anything at all, which is what the machine and React cost before any Plazo work.
// A measurement, not a test: nothing here passes or fails on speed.
import { loadavg } from 'node:os';
import { launchChromium, openSidebar } from '../../test/zendesk-app/support/sidebar-page.js';

const ROUNDS = Number(process.env.ROUNDS ?? 30);

type Marks = { registered: number; firstRender: number; firstBadge: number };

/** Records, in the page, when app.registered fired, when the app first rendered, and when the first badge appeared. */
const observe = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  new MutationObserver(() => {
    if (marks.firstRender === undefined && document.querySelector('[data-testid="plazo-sidebar"]')) marks.firstRender = performance.now();
    if (marks.firstBadge === undefined && document.querySelector('[data-testid^="plazo-badge-"]')) marks.firstBadge = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function measure(label: string, ticketId: string, fields?: { subject: string; description: string; createdAt: string }) {
  const browser = await launchChromium();
  const { page } = await openSidebar(browser, { ticketId, locale: 'es-419', clock: false, ...(fields ? { fields } : {}) });
  await page.addInitScript(observe);
  const badge = [] as number[];
  const render = [] as number[];
  // The first load warms the page; every reload after it is measured.
  for (let round = 0; round <= ROUNDS; round++) {
    await page.reload();
    await page.waitForFunction(
      'window.__benchMarks && window.__benchMarks.firstBadge !== undefined && window.__zafRegisteredAt !== undefined',
    );
    const m = (await page.evaluate('({ ...window.__benchMarks, registered: window.__zafRegisteredAt })')) as Marks;
    if (round === 0) continue;
    badge.push(m.firstBadge - m.registered);
    render.push(m.firstRender - m.registered);
  }
  await browser.close();
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(58)} p50 ${quantile(xs, 0.5).toFixed(1).padStart(6)} ms   p95 ${quantile(xs, 0.95).toFixed(1).padStart(6)} ms   max ${Math.max(
      ...xs,
    )
      .toFixed(1)
      .padStart(6)} ms`;
  console.log(row(`${label}: app.registered → first badge`, badge));
  console.log(row(`${label}: app.registered → first render (baseline)`, render));
}

console.log(
  `Zendesk sidebar, built dist in Chromium, ${ROUNDS} warm reloads each; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await measure('Worker evaluation', '101');
await measure('Browser preview (not seen)', '999', {
  subject: 'No podemos facturar: la plataforma no carga para nadie',
  description: 'Desde esta mañana ningún usuario puede entrar y no podemos emitir facturas.',
  createdAt: new Date(Date.now() - 30 * 60_000).toISOString(),
});
console.log('Target: first badge within 300 ms of app.registered on a warm page.');
