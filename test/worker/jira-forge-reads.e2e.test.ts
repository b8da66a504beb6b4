import { describe, expect, it } from 'vitest';
import {
  adfDoc,
  deliverForge,
  forgeCall,
  forgeEvent,
  forgeIssue,
  jiraTime,
  signFit,
  standInDirectory,
  standInForgeSite,
  standInIssue,
  standInLog,
  uniqueForge,
  uniqueIssueId,
} from './support/jira-support.js';
import { settled, settledAt } from './support/storage.js';

const NEUTRAL = 'Consulta sobre el evento';
const SEVERE = 'La plataforma está caída para todos los usuarios, nadie puede inscribirse';

/** An issue on the site, created through a Forge event with `summary` (and, as Forge sends it, no description). */
async function created(forge: ReturnType<typeof uniqueForge>, summary: string, description: unknown = null) {
  const id = uniqueIssueId();
  await standInIssue(forge.prefix, id, 'Medium', [], description);
  const event = { ...forgeEvent('created', id), issue: forgeIssue(id, { summary }) };
  expect((await deliverForge(event, await signFit(forge), forge.systemToken)).status).toBe(202);
  const key = `${forge.key}:${id}`;
  const row = await settled(key);
  return { id, key, evaluation: JSON.parse(row.evaluation) as { priority: string | null } };
}

describe('What the Jira write-back reads from the issue through jira.js', () => {
  it('triages a Forge issue on its description (ADF, read with the issue) as well as its summary', async () => {
    const forge = uniqueForge();
    await standInForgeSite(forge);
    const [described, bare, severe] = await Promise.all([
      created(forge, NEUTRAL, adfDoc('Hola.', SEVERE)),
      created(forge, NEUTRAL),
      created(forge, SEVERE),
    ]);
    expect(bare.evaluation.priority).not.toBe(severe.evaluation.priority);
    expect(described.evaluation.priority).toBe(severe.evaluation.priority);
  });

  it.each([
    ['a group', { group: 'support-agents' }],
    ['a project role (its group actors included)', { projectRole: 'developers' }],
  ])('counts only agents (%s, decided through Jira) for the first response, asking once per author and write-back', async (_, agents) => {
    const forge = uniqueForge();
    await standInForgeSite(forge);
    await standInDirectory(forge.prefix, {
      groups: {
        '712020:agent': [{ name: 'support-agents', groupId: 'g-1' }],
        '712020:colleague': [{ name: 'customers', groupId: 'g-2' }],
      },
      roles: [{ id: 10002, name: 'Developers', users: ['712020:lead'], groups: [{ name: 'support-agents', groupId: 'g-1' }] }],
    });
    const put = await forgeCall('/config', await signFit(forge, { ui: 'admin' }), { method: 'PUT', body: JSON.stringify({ agents }) });
    expect(put.status).toBe(200);
    const id = uniqueIssueId();
    const key = `${forge.key}:${id}`;
    await standInIssue(forge.prefix, id);
    await deliverForge(forgeEvent('created', id), await signFit(forge), forge.systemToken);
    await settled(key);
    const comment = async (n: number, author: string) => {
      const c = { id: String(n), author: { accountId: author }, body: 'Hola', created: jiraTime(), updated: jiraTime() };
      expect((await deliverForge(forgeEvent('commented', id, { comment: c }), await signFit(forge))).status).toBe(202);
      const row = await settledAt(key, n);
      return JSON.parse(row.evaluation).sla.firstResponse.state as string;
    };
    expect(await comment(2, '712020:colleague')).not.toBe('met');
    expect(await comment(3, '712020:agent')).toBe('met');
    const asked = (await standInLog(forge.prefix)).filter((r) => r.path === '/user/groups');
    // Two write-backs after comments: the colleague asked in each, the agent in the second.
    expect(asked.length).toBeLessThanOrEqual(3);
  });

  it("reads an agent's /plazo commands in a comment (ADF): escalation and estimate; a reporter's are only text", async () => {
    const forge = uniqueForge();
    await standInForgeSite(forge);
    const body = JSON.stringify({ policy: 'skedu' });
    expect((await forgeCall('/config', await signFit(forge, { ui: 'admin' }), { method: 'PUT', body })).status).toBe(200);
    const { id, key } = await created(forge, 'No puedo iniciar sesión', adfDoc('La agenda no carga al entrar.'));
    const comment = async (n: number, author: string, ...lines: string[]) => {
      const c = { id: String(n), author: { accountId: author }, body: adfDoc(...lines), created: jiraTime(), updated: jiraTime() };
      expect((await deliverForge(forgeEvent('commented', id, { comment: c }), await signFit(forge))).status).toBe(202);
      const row = await settledAt(key, n);
      return JSON.parse(row.evaluation);
    };
    const reporter = forgeIssue(id).fields.reporter.accountId;
    expect((await comment(2, reporter, 'Por favor:', '/plazo escalate nivel-3')).tier).not.toBe('nivel-3');
    const escalated = await comment(
      3,
      '712020:agent',
      'Lo paso a desarrollo.',
      '/plazo escalate nivel-3',
      '/plazo estimate 2 días hábiles',
    );
    expect(escalated.tier).toBe('nivel-3');
    expect(escalated.sla.resolution).toMatchObject({ clock: 'business', targetMs: 2 * 9 * 3_600_000 });
    expect(escalated.reasons.map((r: any) => r.rule)).toEqual(expect.arrayContaining(['escalation:nivel-3', 'estimate']));
  });

  it('reads mark labels a person sets (status-manufacturer pauses WebSaaS, removing it resumes), as changelog items', async () => {
    const forge = uniqueForge();
    await standInForgeSite(forge);
    const body = JSON.stringify({ policy: 'websaas' });
    expect((await forgeCall('/config', await signFit(forge, { ui: 'admin' }), { method: 'PUT', body })).status).toBe(200);
    const { id, key } = await created(forge, 'Error en reporte', adfDoc('El reporte de ventas muestra totales distintos.'));
    const relabel = async (n: number, before: string, after: string) => {
      const item = { field: 'labels', fieldId: 'labels', fromString: before, toString: after };
      const changelog = { id: String(90_000 + n), items: [item] };
      const event = { ...forgeEvent('updated', id, { changelog }), issue: forgeIssue(id, { summary: 'Error en reporte' }) };
      expect((await deliverForge(event, await signFit(forge))).status).toBe(202);
      const row = await settledAt(key, n);
      return JSON.parse(row.evaluation).sla.resolution.state as string;
    };
    expect(await relabel(2, 'customer', 'customer status-manufacturer')).toBe('paused');
    expect(await relabel(3, 'customer status-manufacturer', 'customer')).not.toBe('paused');
  });
});
