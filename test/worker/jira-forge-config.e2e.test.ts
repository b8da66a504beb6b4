import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import acmeHosting from '../../docs/examples/acme-hosting.json';
import { forgeCall, signFit, standInForgeSite, standInLog, uniqueForge } from './support/jira-support.js';
import { admin } from './support/storage.js';

/** A Forge installation whose site is on the stand-in, with a fresh system token stored. */
async function installed() {
  const forge = uniqueForge();
  await standInForgeSite(forge);
  const token = await signFit(forge);
  expect(await forgeCall('/token', token, { method: 'POST', headers: { 'x-forge-oauth-system': forge.systemToken } })).toHaveProperty(
    'status',
    204,
  );
  return { forge, token };
}

describe("The Forge admin page's configuration endpoint", () => {
  it("reads the site's priorities and roles with the manifest's scopes (GET /priority, a project's roledetails)", async () => {
    const { forge, token } = await installed();
    const config = await (await forgeCall('/config', token)).json<any>();
    expect(config.siteProblems).toBeUndefined();
    expect(config.site.priorities).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, i) => ({ id: String(i + 1), name })));
    expect(config.site.roles).toEqual([{ id: '10002', name: 'Developers' }]);
    const paths = (await standInLog(forge.prefix)).map((r) => r.path);
    expect(paths).toContain('/project/SUP/roledetails');
    expect(paths).not.toContain('/priority/search');
    expect(paths).not.toContain('/role');
  });

  it('takes settings only from the admin page (the FIT names the calling UI module): 403 forbidden from the issue panel', async () => {
    const { forge } = await installed();
    const settings = JSON.stringify({ policy: 'websaas' });
    for (const token of [await signFit(forge, { ui: 'panel' }), await signFit(forge)]) {
      const refused = await forgeCall('/config', token, { method: 'PUT', body: settings });
      expect(refused.status).toBe(403);
      const { error } = await refused.json<any>();
      expect(error.code).toBe('forbidden');
      expect(error.detail).toContain('jira:adminPage');
    }
    expect((await (await forgeCall('/config', await signFit(forge, { ui: 'panel' }))).json<any>()).settings).toEqual({});
    const allowed = await forgeCall('/config', await signFit(forge, { ui: 'admin' }), { method: 'PUT', body: settings });
    expect(allowed.status).toBe(200);
    expect((await (await forgeCall('/config', await signFit(forge))).json<any>()).settings).toEqual({ policy: 'websaas' });
  });

  it("lists the installation's uploaded policy beside the built-in ones, and takes it as the policy", async () => {
    const { forge, token } = await installed();
    const upload = await exports.default.fetch(
      admin(`/api/v1/installations/${encodeURIComponent(forge.key)}/policy`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(acmeHosting),
      }),
    );
    expect(upload.status).toBe(200);
    const { policies } = await (await forgeCall('/config', token)).json<any>();
    const acme = policies.find((p: any) => p.id === 'acme-hosting');
    expect(acme).toEqual({
      id: 'acme-hosting',
      name: 'Acme Hosting support policy',
      priorities: acmeHosting.priorities.map((p: any) => ({ id: p.id, name: p.labels[acmeHosting.locale] })),
    });
    expect(policies.map((p: any) => p.id)).toContain('websaas');
    const put = await forgeCall('/config', await signFit(forge, { ui: 'admin' }), {
      method: 'PUT',
      body: JSON.stringify({ policy: 'acme-hosting' }),
    });
    expect(put.status).toBe(200);
  });
});
