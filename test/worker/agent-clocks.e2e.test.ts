import { describe, expect, it } from 'vitest';
import { deliver, example, githubTime, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { putFile } from './support/stand-in.js';
import { eventually, settled, ticketKey, ticketRow } from './support/storage.js';
import { deliverZendesk, setUp, standInAccount, standInTicket, uniqueAccount, zendeskEvent } from './support/zendesk-support.js';

type Evaluation = { tier: string | null; category: string | null; sla: Record<string, any>; reasons: { rule: string }[] };

/** The ticket's evaluation once every delivery so far is applied and `ready` holds. */
async function evaluationWhen(key: string, ready: (e: Evaluation) => boolean): Promise<Evaluation> {
  return eventually(async () => {
    const row = await ticketRow(key);
    if (!row || row.applied_version < row.version || row.lease_until !== null) return false;
    const evaluation = JSON.parse(row.evaluation) as Evaluation;
    return ready(evaluation) ? evaluation : false;
  });
}

describe('clocks agents move, on GitHub', () => {
  async function openIssue(policy: string, title: string, body: string) {
    const ids = uniqueIds();
    await putFile(ids, '.github/plazo.yml', `policy: ${policy}\n`);
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), title, body }));
    await settled(ticketKey(ids.issueId));
    return ids;
  }
  const agentComment = (ids: ReturnType<typeof uniqueIds>, body: string, id: number, association = 'MEMBER') => {
    const c = onIssue(example('issue_comment', 'created'), ids, { createdAt: recent() });
    c.comment = {
      ...c.comment,
      id,
      body,
      author_association: association,
      created_at: githubTime(),
      user: { ...c.comment.user, login: association === 'NONE' ? 'customer' : 'support-agent', id: 4242 + id, type: 'User' },
    };
    return deliver('issue_comment', c);
  };
  const label = (ids: ReturnType<typeof uniqueIds>, name: string, action: 'labeled' | 'unlabeled' = 'labeled') => {
    const p = onIssue(example('issues', action), ids, { createdAt: recent(), labels: action === 'labeled' ? [name] : [] });
    p.label = { ...p.label, name };
    p.issue.updated_at = githubTime();
    p.sender = { ...p.sender, login: 'support-agent', type: 'User' };
    return deliver('issues', p);
  };

  it("meets Peewah's resolution when an agent comments /plazo plan-delivered, and the issue stays open", async () => {
    const ids = await openIssue('peewah', 'Prioridad Media - No puedo crear un evento', 'La configuración del evento falla.');
    // A customer's command is text: nothing is met.
    expect(await (await agentComment(ids, '/plazo plan-delivered', ids.issueId + 1, 'NONE')).json()).toMatchObject({ status: 'accepted' });
    const before = await evaluationWhen(ticketKey(ids.issueId), () => true);
    expect(before.sla.resolution.state).not.toBe('met');

    await agentComment(ids, 'Adjunto el plan de acción.\n/plazo plan-delivered', ids.issueId + 2);
    const after = await evaluationWhen(ticketKey(ids.issueId), (e) => e.sla.resolution?.state === 'met');
    expect(after.sla.resolution).toMatchObject({ state: 'met', metBy: 'plan-delivered' });
    expect(after.reasons.map((r) => r.rule)).toContain('milestone:plan-delivered');
    expect((await ticketRow(ticketKey(ids.issueId)))!.status).toBe('open');
  });

  it("escalates a Skedu issue by the 'tier: nivel-3' label and takes level 3's estimate as the resolution target", async () => {
    const ids = await openIssue('skedu', 'No puedo iniciar sesión', 'La agenda no carga al entrar.');
    await label(ids, 'tier: nivel-3');
    const escalated = await evaluationWhen(ticketKey(ids.issueId), (e) => e.tier === 'nivel-3');
    expect(escalated.sla.resolution).toBeNull();
    await agentComment(ids, '/plazo estimate 2 días hábiles', ids.issueId + 3);
    const estimated = await evaluationWhen(ticketKey(ids.issueId), (e) => e.sla.resolution !== null);
    expect(estimated.sla.resolution).toMatchObject({ clock: 'business', targetMs: 2 * 9 * 3_600_000 });
    expect(estimated.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['escalation:nivel-3', 'estimate']));
  });

  it('pauses a WebSaaS issue on the default labels, with no statusLabels setting', async () => {
    const ids = await openIssue('websaas', 'Error en reporte', 'El reporte de ventas muestra totales distintos.');
    await label(ids, 'status: manufacturer');
    await evaluationWhen(ticketKey(ids.issueId), (e) => e.sla.resolution?.state === 'paused');
    await label(ids, 'status: manufacturer', 'unlabeled');
    await evaluationWhen(ticketKey(ids.issueId), (e) => e.sla.resolution?.state !== 'paused');
    await label(ids, 'waiting for customer');
    const waiting = await evaluationWhen(ticketKey(ids.issueId), (e) => e.sla.resolution?.state === 'paused');
    expect(waiting.sla.resolution.state).toBe('paused');
  });
});

describe('clocks agents move, on Zendesk', () => {
  async function ticket(policy: string, subject: string, description: string, tags: string[] = []) {
    const account = uniqueAccount();
    await standInAccount(account);
    const ticketId = 7000 + Math.floor(Math.random() * 1000);
    await standInTicket(account, ticketId, { priority: null, tags });
    await setUp(account, { settings: { policy } });
    const send = (payload: unknown) =>
      deliverZendesk(payload, { secret: account.webhookSecret, accountId: account.accountId, subdomain: account.subdomain });
    const key = `zendesk:${account.subdomain}:${ticketId}`;
    await send(zendeskEvent('created', account, ticketId, { detail: { subject, description, tags, priority: null } }));
    await settled(key);
    return { account, ticketId, send, key };
  }

  it('pauses a WebSaaS ticket while the status_manufacturer tag is on it', async () => {
    const { account, ticketId, send, key } = await ticket('websaas', 'Error en reporte', 'El reporte de ventas muestra totales distintos.');
    const added = zendeskEvent('tagsChanged', account, ticketId, { event: { tags_added: ['status_manufacturer'], tags_removed: [] } });
    await send(added);
    await evaluationWhen(key, (e) => e.sla.resolution?.state === 'paused');
    // Zendesk stamps events in whole seconds: a removal in the same second still comes after the addition it follows.
    const removed = zendeskEvent('tagsChanged', account, ticketId, { event: { tags_added: [], tags_removed: ['status_manufacturer'] } });
    removed.time = added.time;
    await send(removed);
    const resumed = await evaluationWhen(key, (e) => e.sla.resolution?.state !== 'paused');
    expect(resumed.sla.resolution.state).not.toBe('paused');
  });

  it("meets Peewah's resolution by an agent's internal note /plazo plan-delivered", async () => {
    const { account, ticketId, send, key } = await ticket(
      'peewah',
      'Prioridad Media - No puedo crear un evento',
      'Falla la configuración.',
    );
    const note = zendeskEvent('commentAdded', account, ticketId, {
      event: {
        comment: {
          id: '555',
          body: 'Plan enviado al cliente.\n/plazo plan-delivered',
          is_public: false,
          author: { id: '8447388090494', is_staff: true, name: 'A' },
        },
      },
    });
    await send(note);
    const met = await evaluationWhen(key, (e) => e.sla.resolution?.state === 'met');
    expect(met.sla.resolution).toMatchObject({ metBy: 'plan-delivered' });
  });

  it('escalates a Skedu ticket created with the tier_nivel_3 tag, and takes the estimate from a note', async () => {
    const { account, ticketId, send, key } = await ticket('skedu', 'No puedo iniciar sesión', 'La agenda no carga.', ['tier_nivel_3']);
    expect((await evaluationWhen(key, () => true)).tier).toBe('nivel-3');
    const note = zendeskEvent('commentAdded', account, ticketId, {
      event: {
        comment: {
          id: '556',
          body: '/plazo estimate 4 horas',
          is_public: false,
          author: { id: '8447388090494', is_staff: true, name: 'A' },
        },
      },
    });
    await send(note);
    const estimated = await evaluationWhen(key, (e) => e.sla.resolution !== null);
    expect(estimated.sla.resolution).toMatchObject({ clock: 'business', targetMs: 4 * 3_600_000 });
  });
});
