import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import acmeHosting from '../../docs/examples/acme-hosting.json';
import { findInstallationPolicy } from '../../worker/src/policies/find-installation-policy.js';
import { admin, settled } from './support/storage.js';
import {
  api,
  deliverZendesk,
  setUp,
  standInAccount,
  standInState,
  standInTicket,
  uniqueAccount,
  zendeskEvent,
} from './support/zendesk-support.js';

const FIELDS = { firstResponseDue: 360_001, resolutionDue: 360_002 };

/** A Zendesk account set up with credentials on the built-in websaas policy, and a ticket on the stand-in. */
async function installation() {
  const account = uniqueAccount();
  await standInAccount(account);
  const ticketId = 7000 + Math.floor(Math.random() * 1000);
  await standInTicket(account, ticketId, { priority: 'low', tags: [], fields: [FIELDS.firstResponseDue, FIELDS.resolutionDue] });
  const token = await setUp(account, { settings: { policy: 'websaas', fields: FIELDS } });
  return { account, ticketId, token, key: `zendesk:${account.subdomain}` };
}

const putPolicy = (key: string, document: unknown) =>
  exports.default.fetch(
    admin(`/api/v1/installations/${key}/policy`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(document),
    }),
  );
const setup = (token: string, body: unknown) => api('/api/v1/zendesk/setup', token, { method: 'POST', body: JSON.stringify(body) });
const policyServed = async (token: string) => ((await (await api('/api/v1/zendesk/policy', token)).json()) as any).policy;
const storedPolicies = async (key: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM installation_policies WHERE installation_key = ?1').bind(key).first<{ n: number }>())?.n;

/** acme-hosting with three mistakes: an unknown zone, a triage rule naming no priority, and a target without an amount. */
function brokenAcme() {
  const broken = structuredClone(acmeHosting) as any;
  broken.calendar.zone = 'Mars/Olympus_Mons';
  delete broken.priorities[0].targets.resolution.amount;
  broken.triage.priorities[0].priority = 'altisima';
  return broken;
}

describe("an installation's uploaded policy", () => {
  it('is selected by its id and evaluates deliveries: its priority ids show in the Zendesk write-back and the sidebar', async () => {
    const { account, ticketId, token, key } = await installation();
    const uploaded = await putPolicy(key, acmeHosting);
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).toEqual({ key, policy: { id: 'acme-hosting', name: 'Acme Hosting support policy' } });
    const selected = await setup(token, { settings: { policy: 'acme-hosting', fields: FIELDS } });
    expect(selected.status).toBe(200);

    const event = zendeskEvent('created', account, ticketId, {
      detail: {
        priority: null,
        subject: 'El sitio está caído',
        description: 'El sitio web está caído desde las 9: no carga para nadie.',
        tags: [],
      },
    });
    const res = await deliverZendesk(event, { secret: account.webhookSecret, accountId: account.accountId, subdomain: account.subdomain });
    expect(res.status).toBe(202);
    const row = await settled(`${key}:${ticketId}`);
    expect(row.policy_id).toBe('acme-hosting');
    expect(JSON.parse(row.evaluation).priority).toBe('critica');

    const state = await standInState(account, ticketId);
    expect(state.tags).toEqual(['plazo_priority_critica']);
    // Two priorities map to urgent and normal by rank.
    expect(state.priority).toBe('urgent');
    const sidebar = (await (await api(`/api/v1/zendesk/tickets/${ticketId}`, token)).json()) as any;
    expect(sidebar.policy).toEqual({ id: 'acme-hosting', name: 'Acme Hosting support policy', locale: 'es', zone: 'America/Mexico_City' });
    expect(sidebar.hostPriority).toBe('urgent');
    const served = (await (await api('/api/v1/zendesk/policy', token)).json()) as any;
    expect(served.policy).toMatchObject({ id: 'acme-hosting', priorities: [{ id: 'critica' }, { id: 'normal' }] });
    expect(served.priorityMap).toEqual({ critica: 'urgent', normal: 'normal' });
  });

  it('arrives through the Zendesk setup step together with the settings that select it', async () => {
    const { token, key } = await installation();
    const res = await setup(token, { policyDocument: acmeHosting, settings: { policy: 'acme-hosting', fields: FIELDS } });
    expect(res.status).toBe(200);
    expect((await policyServed(token)).id).toBe('acme-hosting');
    expect(await storedPolicies(key)).toBe(1);
  });

  it('is refused with every problem named by path, and nothing changes', async () => {
    const { token, key } = await installation();
    const refused = await putPolicy(key, brokenAcme());
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as any;
    expect(body.error.code).toBe('invalid-policy');
    expect(body.error.problems.map((p: { path: string }) => p.path)).toContain('priorities[0].targets.resolution.amount');

    // Through the setup step: the settings that would select it are not stored either.
    const viaSetup = await setup(token, { policyDocument: brokenAcme(), settings: { policy: 'acme-hosting', fields: FIELDS } });
    expect(viaSetup.status).toBe(400);
    const problems = ((await viaSetup.json()) as any).error.problems.map((p: { path: string }) => p.path);
    expect(problems).toContain('policyDocument.priorities[0].targets.resolution.amount');
    expect(await storedPolicies(key)).toBe(0);
    expect((await policyServed(token)).id).toBe('websaas');

    // A document that compiles but names no zone Plazo knows is refused at the zone.
    const badZone = structuredClone(acmeHosting) as any;
    badZone.calendar.zone = 'Mars/Olympus_Mons';
    const zone = (await (await putPolicy(key, badZone)).json()) as any;
    expect(zone.error).toMatchObject({ code: 'invalid-policy', problems: [{ path: 'calendar.zone' }] });
    expect(await storedPolicies(key)).toBe(0);
  });

  it("never takes a built-in policy's id, nor leaves the settings naming a policy that is gone", async () => {
    const { token, key } = await installation();
    const shadow = await putPolicy(key, { ...acmeHosting, id: 'websaas' });
    expect(shadow.status).toBe(400);
    expect(await shadow.json()).toMatchObject({ error: { code: 'invalid-policy', problems: [{ path: 'id' }] } });
    expect(await storedPolicies(key)).toBe(0);

    expect((await putPolicy(key, acmeHosting)).status).toBe(200);
    expect((await setup(token, { settings: { policy: 'acme-hosting', fields: FIELDS } })).status).toBe(200);
    const renamed = await putPolicy(key, { ...acmeHosting, id: 'acme-2027' });
    expect(renamed.status).toBe(400);
    expect(await renamed.json()).toMatchObject({ error: { code: 'invalid-policy', problems: [{ path: 'id' }] } });
    expect((await policyServed(token)).id).toBe('acme-hosting');
  });

  it('is parsed once per revision: evaluations reuse the same object until a new document is uploaded', async () => {
    const { key } = await installation();
    expect((await putPolicy(key, acmeHosting)).status).toBe(200);
    const first = await findInstallationPolicy(env, key, 'acme-hosting');
    const again = await findInstallationPolicy(env, key, 'acme-hosting');
    expect(first.ok && again.ok && first.value === again.value).toBe(true);
    expect((await putPolicy(key, { ...acmeHosting, name: 'Acme Hosting 2027' })).status).toBe(200);
    const revised = await findInstallationPolicy(env, key, 'acme-hosting');
    expect(revised.ok && revised.value.name).toBe('Acme Hosting 2027');
  });

  it('is neither visible to nor usable by another installation', async () => {
    const owner = await installation();
    const other = await installation();
    expect((await putPolicy(owner.key, acmeHosting)).status).toBe(200);

    const viaSetup = await setup(other.token, { settings: { policy: 'acme-hosting' } });
    expect(viaSetup.status).toBe(400);
    expect(await viaSetup.json()).toMatchObject({ error: { code: 'unknown-policy', problems: [{ path: 'settings.policy' }] } });
    const viaAdmin = await exports.default.fetch(
      admin(`/api/v1/installations/${other.key}/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ policy: 'acme-hosting' }),
      }),
    );
    expect(viaAdmin.status).toBe(400);
    expect((await policyServed(other.token)).id).toBe('websaas');
    expect((await findInstallationPolicy(env, other.key, 'acme-hosting')).ok).toBe(false);
    // Its settings still select the built-in, so a delivery is evaluated with websaas.
    const event = zendeskEvent('created', other.account, other.ticketId, { detail: { priority: null, tags: [] } });
    const opts = { secret: other.account.webhookSecret, accountId: other.account.accountId, subdomain: other.account.subdomain };
    expect((await deliverZendesk(event, opts)).status).toBe(202);
    expect((await settled(`${other.key}:${other.ticketId}`)).policy_id).toBe('websaas');
  });
});
