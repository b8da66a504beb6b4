import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

// `forge lint` runs @forge/manifest's processors on manifest.yml (FULL, and PRODUCT_TRIGGER for the events' scopes), with the
// runtimes Atlassian currently deprecates as warnings; `forge` itself needs a login, the processors do not.
const appDir = dirname(fileURLToPath(import.meta.url));
const manifestPath = join(appDir, 'manifest.yml');
const lintOptions = { deprecatedRuntimes: ['nodejs18.x', 'nodejs20.x'] };
const WORKER_URL = 'https://plazo.acme.workers.dev';

async function lint(path: string, type: ValidationTypes = ValidationTypes.FULL) {
  const result = await ProcessorBuilder.instance().withValidation(type).withOptions(lintOptions).build().process(path);
  return { success: result.success, errors: result.errors ?? [], manifest: result.manifestObject };
}

let scratch: string;
const savedUrl = process.env.PLAZO_WORKER_URL;

beforeAll(() => {
  process.env.PLAZO_WORKER_URL = WORKER_URL;
  // Broken copies sit beside a link to the real src/, so the resources they name exist and only the breakage can fail.
  scratch = mkdtempSync(join(tmpdir(), 'plazo-forge-manifest-'));
  symlinkSync(join(appDir, 'src'), join(scratch, 'src'));
});

// Building the FULL processor compiles Forge's 2 MB manifest schema once (seconds on a busy machine); later builds reuse it.
beforeAll(async () => {
  await lint(manifestPath);
  await lint(manifestPath, ValidationTypes.PRODUCT_TRIGGER);
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (savedUrl === undefined) delete process.env.PLAZO_WORKER_URL;
  else process.env.PLAZO_WORKER_URL = savedUrl;
});

/** The manifest with one change made through the YAML document, written beside the real src/. */
function broken(name: string, change: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(readFileSync(manifestPath, 'utf8'));
  change(doc);
  const path = join(scratch, `${name}.yml`);
  writeFileSync(path, doc.toString());
  return path;
}

const messages = (errors: { message: string }[]) => errors.map((e) => e.message).join('\n');

describe('manifest.yml', () => {
  it('passes the full validation forge lint runs, with no error and no warning', async () => {
    const full = await lint(manifestPath);
    expect(messages(full.errors)).toBe('');
    expect(full.success).toBe(true);
    const triggers = await lint(manifestPath, ValidationTypes.PRODUCT_TRIGGER);
    expect(messages(triggers.errors)).toBe('');
    expect(triggers.success).toBe(true);
  });

  it('sends every module to the Worker named by PLAZO_WORKER_URL, over Forge Remote with the app system token', async () => {
    const { manifest } = await lint(manifestPath);
    const typed = (manifest as { typedContent: Record<string, any> }).typedContent;
    expect(typed.app.runtime.name).toMatch(/^nodejs(22|24)\.x$/);
    expect(typed.remotes).toEqual([
      expect.objectContaining({ key: 'plazo-worker', baseUrl: WORKER_URL, operations: expect.arrayContaining(['compute']) }),
    ]);
    const endpoints = new Map<string, any>(typed.modules.endpoint.map((e: any) => [e.key, e]));
    for (const endpoint of endpoints.values()) {
      expect(endpoint.remote).toBe('plazo-worker');
      expect(endpoint.auth).toEqual({ appSystemToken: { enabled: true } });
    }
    expect(endpoints.get('plazo-events')?.route).toEqual({ path: '/forge/jira/events' });
    expect(endpoints.get('plazo-token')?.route).toEqual({ path: '/forge/jira/token' });
    const [trigger] = typed.modules.trigger;
    expect(trigger.endpoint).toBe('plazo-events');
    expect(trigger.filter).toEqual({ ignoreSelf: true });
    expect(trigger.events).toEqual([
      'avi:jira:created:issue',
      'avi:jira:updated:issue',
      'avi:jira:commented:issue',
      'avi:jira:deleted:issue',
      'avi:jira:created:worklog',
      'avi:jira:updated:worklog',
      'avi:jira:deleted:worklog',
    ]);
    expect(typed.modules.scheduledTrigger).toEqual([{ key: 'plazo-token-refresh', endpoint: 'plazo-token', interval: 'hour' }]);
    const [panel] = typed.modules['jira:issueContext'];
    expect(panel).toMatchObject({ render: 'native', resolver: { endpoint: 'plazo-ui' } });
    const [admin] = typed.modules['jira:adminPage'];
    expect(admin).toMatchObject({ render: 'native', useAsConfig: true, resolver: { endpoint: 'plazo-ui' } });
    expect(typed.permissions.scopes).toEqual(['read:jira-work', 'write:jira-work', 'read:jira-user', 'read:app-system-token']);
  });

  it('indexes the plazo-sla property under the contract’s JQL aliases', async () => {
    const { manifest } = await lint(manifestPath);
    const [index] = (manifest as { typedContent: Record<string, any> }).typedContent.modules['jira:entityProperty'];
    expect(index.entityType).toBe('issue');
    expect(index.propertyKey).toBe('plazo-sla');
    expect(index.values.map((v: any) => `${v.searchAlias}=${v.path}:${v.type}`)).toEqual([
      'plazoPriority=priority:string',
      'plazoState=state:string',
      'plazoResolutionState=resolution.state:string',
      'plazoResolutionDue=resolution.due:date',
      'plazoFirstResponseState=firstResponse.state:string',
      'plazoFirstResponseDue=firstResponse.due:date',
    ]);
  });

  it('fails on a runtime Forge does not run', async () => {
    const result = await lint(broken('node18', (doc) => doc.setIn(['app', 'runtime', 'name'], 'nodejs18.x')));
    expect(result.success).toBe(false);
    expect(messages(result.errors)).toContain("app runtime property name 'nodejs18.x'");
  });

  it('fails when PLAZO_WORKER_URL is not set, naming it', async () => {
    delete process.env.PLAZO_WORKER_URL;
    try {
      const result = await lint(manifestPath);
      expect(result.success).toBe(false);
      expect(messages(result.errors)).toContain('PLAZO_WORKER_URL');
    } finally {
      process.env.PLAZO_WORKER_URL = WORKER_URL;
    }
  });

  it('fails when an endpoint names a remote the manifest does not declare', async () => {
    const result = await lint(broken('no-remote', (doc) => doc.setIn(['modules', 'endpoint', 0, 'remote'], 'elsewhere')));
    expect(result.success).toBe(false);
    expect(messages(result.errors)).toContain('elsewhere');
  });

  it('fails on an entity property value type Jira cannot index', async () => {
    const result = await lint(
      broken('bad-index', (doc) => doc.setIn(['modules', 'jira:entityProperty', 0, 'values', 3, 'type'], 'instant')),
    );
    expect(result.success).toBe(false);
  });

  it('fails when a resource file is missing', async () => {
    const result = await lint(broken('no-resource', (doc) => doc.setIn(['resources', 0, 'path'], 'src/frontend/missing.tsx')));
    expect(result.success).toBe(false);
    expect(messages(result.errors)).toContain('missing.tsx');
  });
});
