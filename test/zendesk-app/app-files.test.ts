import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handledTicketEvents } from '../../worker/src/hosts/zendesk/zendesk-payloads.js';
import { distDir } from './support/sidebar-page.js';

// The checks `zcli apps:validate` would make offline, from Zendesk's manifest and requirements references
// (developer.zendesk.com › apps › app-developer-guide › manifest, apps_requirements); zcli needs a login and cannot run here.

type Parameter = { name: string; type: string; required?: boolean; secure?: boolean; default?: unknown };
type Manifest = {
  name: string;
  author: { name: string; email: string; url?: string };
  defaultLocale: string;
  private: boolean;
  location: { support: { ticket_sidebar: { url: string; flexible?: boolean }; new_ticket_sidebar: { url: string } } };
  version: string;
  frameworkVersion: string;
  parameters: Parameter[];
  domainWhitelist: string[];
};

const read = (path: string) => JSON.parse(readFileSync(join(distDir, path), 'utf8'));
const manifest = read('manifest.json') as Manifest;
const requirements = read('requirements.json') as Record<string, Record<string, Record<string, unknown>>>;
const locales = ['en', 'es', 'pt'];
const parameterTypes = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const ticketFieldTypes = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'tagger', 'multiselect', 'lookup'];
const requirementTypes = [
  'automations',
  'channel_integrations',
  'custom_objects',
  'custom_resources',
  'macros',
  'organization_fields',
  'targets',
  'ticket_fields',
  'triggers',
  'user_fields',
  'views',
  'webhooks',
];

describe('the built Zendesk app files', () => {
  it('hold what Zendesk uploads: manifest, requirements, a translation per locale, the sidebar page and both logos', () => {
    for (const file of ['manifest.json', 'requirements.json', 'assets/iframe.html', 'assets/logo.png', 'assets/logo-small.png'])
      expect(existsSync(join(distDir, file)), file).toBe(true);
    expect(readdirSync(join(distDir, 'translations')).sort()).toEqual(locales.map((l) => `${l}.json`));
  });

  it('have a manifest with the required keys, framework 2.0 and ticket and new-ticket sidebar pages that exist in dist', () => {
    expect(manifest.name).toBe('Plazo');
    expect(manifest.author.name).not.toBe('');
    expect(manifest.author.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(manifest.frameworkVersion).toBe('2.0');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(locales).toContain(manifest.defaultLocale);
    const url = manifest.location.support.ticket_sidebar.url;
    expect(url).toBe('assets/iframe.html');
    // A ticket being written shows the browser preview from the same page.
    expect(manifest.location.support.new_ticket_sidebar.url).toBe(url);
    expect(existsSync(join(distDir, url))).toBe(true);
    // The page loads the SDK from Zendesk's CDN, and the scripts it names are in dist beside it.
    const page = readFileSync(join(distDir, url), 'utf8');
    expect(page).toContain('<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>');
    const scripts = [...page.matchAll(/src="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(existsSync(join(distDir, 'assets', s)), s).toBe(true);
  });

  it('declare valid, unique parameters: the Worker URL, the secure token and what an admin tunes', () => {
    const names = manifest.parameters.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['plazoUrl', 'plazoToken', 'policy', 'priorityMap', 'atRiskPercent', 'pauseStatuses']);
    for (const p of manifest.parameters) {
      expect(p.name, p.name).toMatch(/^[a-zA-Z][a-zA-Z0-9_]*$/);
      expect(parameterTypes, p.name).toContain(p.type);
    }
    const byName = new Map(manifest.parameters.map((p) => [p.name, p]));
    expect(byName.get('plazoToken')).toMatchObject({ secure: true, required: true });
    // Only the token is secret: the app reads the others with client.metadata(), which never returns secure settings.
    expect(manifest.parameters.filter((p) => p.secure).map((p) => p.name)).toEqual(['plazoToken']);
    expect(byName.get('plazoUrl')?.type).toBe('url');
  });

  it('let the app call the Worker: its host is in domainWhitelist, and so is every host the defaults name', () => {
    expect(manifest.domainWhitelist.length).toBeGreaterThan(0);
    const plazoUrl = manifest.parameters.find((p) => p.name === 'plazoUrl')?.default as string;
    expect(manifest.domainWhitelist).toContain(new URL(plazoUrl).host);
    const endpoint = requirements.webhooks!.plazo_ticket_events!.endpoint as string;
    expect(manifest.domainWhitelist).toContain(new URL(endpoint).host);
  });

  it('translate the app and every parameter in every locale', () => {
    for (const locale of locales) {
      const t = read(`translations/${locale}.json`) as {
        app: { name: string; short_description: string; long_description: string; installation_instructions: string };
      } & { app: { parameters: Record<string, { label: string; helpText: string }> } };
      for (const key of ['name', 'short_description', 'long_description', 'installation_instructions'] as const)
        expect(t.app[key], `${locale} app.${key}`).toMatch(/\S/);
      for (const { name } of manifest.parameters) {
        expect(t.app.parameters[name]?.label, `${locale} ${name}.label`).toMatch(/\S/);
        expect(t.app.parameters[name]?.helpText, `${locale} ${name}.helpText`).toMatch(/\S/);
      }
    }
  });

  it('require only resource types Zendesk creates at install, with due-instant fields that keep a time', () => {
    for (const type of Object.keys(requirements)) expect(requirementTypes, type).toContain(type);
    const fields = requirements.ticket_fields!;
    expect(Object.keys(fields).sort()).toEqual(['plazo_first_response_due', 'plazo_resolution_due']);
    for (const [key, field] of Object.entries(fields)) {
      expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(ticketFieldTypes).toContain(field.type);
      // A date field keeps a day only; an instant needs text or regexp.
      expect(['text', 'regexp'], key).toContain(field.type);
      expect(field.title, key).toMatch(/\S/);
      const pattern = new RegExp(field.regexp_for_validation as string);
      expect(pattern.test('2026-03-31T09:30:00Z'), key).toBe(true);
      expect(pattern.test('2026-03-31'), key).toBe(false);
    }
  });

  it('subscribe a webhook to the Worker for exactly the ticket events the Worker reads, signed by Zendesk', () => {
    const webhook = requirements.webhooks!.plazo_ticket_events!;
    expect(webhook).toMatchObject({ http_method: 'POST', request_format: 'json', status: 'active' });
    expect(new URL(webhook.endpoint as string).pathname).toBe('/webhooks/zendesk');
    expect([...(webhook.subscriptions as string[])].sort()).toEqual(handledTicketEvents.map((e) => `zen:event-type:ticket.${e}`).sort());
    // No fixed signing secret in a file every customer installs: Zendesk makes one per webhook, read once at setup.
    expect(webhook.signing_secret).toBeUndefined();
  });
});
