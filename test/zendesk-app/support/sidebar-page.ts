import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page, type Route } from 'playwright-core';
import { answerContract, NOW_MS, type SetupRecord, TOKEN } from './worker-stand-in.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const distDir = join(repo, 'zendesk-app', 'dist');
const standInPath = join(repo, 'zendesk-app', 'dev', 'zaf-stand-in.js');

/** Where Zendesk loads the SDK from; the page under test is the built one, byte for byte, so this URL is served here. */
export const ZAF_SDK_URL = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';
const ORIGIN = 'https://acme.zendesk.test';
export const SIDEBAR_URL = `${ORIGIN}/apps/plazo/assets/iframe.html`;
export const WORKER_URL = 'https://plazo.example.workers.dev';
/** A Worker URL nobody answers at: the proxy reports status 0, as ZAF does for a host it cannot reach. */
export const UNREACHABLE_URL = 'https://plazo-down.example.workers.dev';

/** Debian's Chromium, headless, with the flags that keep it off the network this machine does not have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type SidebarOptions = {
  ticketId: string | null;
  locale?: string;
  zendeskPriority?: string | null;
  plazoUrl?: string;
  /** The secure setting the proxy substitutes; the page never sees it. */
  token?: string;
  fields?: { subject?: string; description?: string; createdAt?: string };
  timeZone?: string;
  /** The app's non-secure settings beside plazoUrl (manifest parameters). */
  settings?: Record<string, unknown>;
  /** The installation's policy in the Worker stand-in (default infraspeak). */
  policy?: string;
  /** The signed-in user's Zendesk role; admins see the first-run setup step. */
  role?: 'admin' | 'agent';
  /** Installs Playwright's clock at the stand-in's NOW (default); a benchmark leaves real time and performance.now alone. */
  clock?: boolean;
};

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** Opens the built sidebar as Zendesk frames it, with the ZAF stand-in and the Worker stand-in; every other URL is refused. */
/** Zendesk's own API as the app's admin reads it during setup: the webhook and fields requirements.json created. */
export const ZENDESK_API: Record<string, unknown> = {
  '/api/v2/webhooks': {
    webhooks: [{ id: '01HPLAZOWEBHOOK', name: 'Plazo: ticket activity', endpoint: 'https://plazo.example.workers.dev/webhooks/zendesk' }],
  },
  '/api/v2/webhooks/01HPLAZOWEBHOOK/signing_secret': { signing_secret: { algorithm: 'SHA256', secret: 'zendesk-made-signing-secret' } },
  '/api/v2/ticket_fields.json': {
    ticket_fields: [
      { id: 360001, title: 'Plazo: first response due' },
      { id: 360002, title: 'Plazo: resolution due' },
      { id: 99, title: 'Product' },
    ],
  },
};

export async function openSidebar(
  browser: Browser,
  options: SidebarOptions,
): Promise<{ page: Page; workerCalls: string[]; setup: SetupRecord; zendeskWrites: unknown[][] }> {
  const page = await browser.newPage({ viewport: { width: 340, height: 720 }, locale: 'en-US', timezoneId: 'America/Bogota' });
  const workerCalls: string[] = [];
  const setup: SetupRecord = { posted: [], ready: false };
  const zendeskWrites: unknown[][] = [];
  const standIn = {
    settings: {
      plazoUrl: options.plazoUrl ?? WORKER_URL,
      policy: 'infraspeak',
      priorityMap: '{}',
      pauseStatuses: 'pending,hold',
      ...options.settings,
    },
    values: {
      'ticket.id': options.ticketId,
      'ticket.subject': options.fields?.subject ?? '',
      'ticket.description': options.fields?.description ?? '',
      'ticket.createdAt': options.fields?.createdAt ?? null,
      'ticket.priority': options.zendeskPriority ?? null,
      'currentUser.locale': options.locale ?? 'en-US',
      'currentUser.timeZone': { ianaName: options.timeZone ?? 'America/Bogota' },
      'currentAccount.subdomain': 'acme',
      'currentUser.role': options.role ?? 'agent',
    },
  };
  const standInScript = `window.__zafStandIn = ${JSON.stringify(standIn)};\n${await readFile(standInPath, 'utf8')}`;
  const secureToken = options.token ?? TOKEN;

  await page.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.href === ZAF_SDK_URL) return route.fulfill({ contentType: 'text/javascript', body: standInScript });
    if (url.origin === ORIGIN && url.pathname === '/__zaf_proxy') {
      const request = JSON.parse(route.request().postData() ?? '{}') as {
        url: string;
        type?: string;
        data?: string;
        secure?: boolean;
        headers?: Record<string, string>;
      };
      const target = new URL(request.url, ORIGIN);
      if (target.origin === ORIGIN) {
        // Zendesk's own API, answered as the signed-in user; secure settings are never sent there.
        if (request.type === 'PATCH' && target.pathname === '/api/v2/webhooks/01HPLAZOWEBHOOK') {
          zendeskWrites.push(['PATCH', target.pathname, JSON.parse(request.data ?? '{}')]);
          return route.fulfill({ contentType: 'application/json', body: request.data ?? '{}' });
        }
        const found = request.type === 'GET' || request.type === undefined ? ZENDESK_API[target.pathname] : undefined;
        if (request.secure || found === undefined) return route.fulfill({ status: 404, contentType: 'application/json', body: '{}' });
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify(found) });
      }
      if (target.origin !== WORKER_URL) return route.fulfill({ status: 502, headers: { 'x-zaf-status': '0' }, body: '' });
      workerCalls.push(target.pathname);
      const authorization = request.headers?.Authorization?.replace('{{setting.plazoToken}}', secureToken);
      const answer = answerContract(target.pathname, authorization, {
        method: request.type ?? 'GET',
        body: request.data,
        setup,
        ...(options.policy ? { policyId: options.policy } : {}),
      });
      return route.fulfill({ status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body) });
    }
    if (url.origin === ORIGIN && url.pathname.startsWith('/apps/plazo/')) {
      const file = normalize(join(distDir, url.pathname.slice('/apps/plazo/'.length)));
      if (!file.startsWith(distDir)) return route.fulfill({ status: 404, body: '' });
      try {
        return route.fulfill({ contentType: types[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    }
    return route.abort('internetdisconnected');
  });
  if (options.clock !== false) await page.clock.install({ time: NOW_MS });
  await page.goto(SIDEBAR_URL);
  return { page, workerCalls, setup, zendeskWrites };
}
