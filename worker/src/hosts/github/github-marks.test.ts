import { builtInPolicies } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import { readPlazoCommands } from '../plazo-commands.js';
import type { GitHubFact } from './github-facts.js';
import { githubMarks } from './github-marks.js';
import { toGitHubTicket } from './github-ticket.js';

const policy = (id: string) => builtInPolicies.get(id)!;
const ticket = { key: 'github:issue:1', createdAt: '2026-03-02T15:00:00Z', subject: 's', body: 'b', requester: 'opener' } as StoredTicket;
const fact = (at: string, data: GitHubFact): TicketFact => ({ eventKey: at, at, data });
const label = (at: string, name: string, on = true) => fact(at, { kind: on ? 'labeled' : 'unlabeled', label: name, byPerson: true });
const comment = (at: string, body: string, association = 'MEMBER', byIssueAuthor = false) =>
  fact(at, { kind: 'comment', commentId: 1, login: 'x', association, bot: false, byIssueAuthor, commands: readPlazoCommands(body) });

describe('githubMarks', () => {
  it('knows each pause status, milestone and tier of the policy by its default label, and the common waiting labels, without settings', () => {
    const markOf = githubMarks({}, policy('websaas'));
    expect(markOf('Status: Manufacturer')).toEqual({ kind: 'status', id: 'manufacturer' });
    expect(markOf('status: on-site-visit')).toEqual({ kind: 'status', id: 'on-site-visit' });
    expect(markOf('waiting for customer')).toEqual({ kind: 'status', id: 'pending' });
    expect(markOf('bug')).toBeUndefined();
    expect(githubMarks({}, policy('peewah'))('plazo: plan-delivered')).toEqual({ kind: 'milestone', id: 'plan-delivered' });
    expect(githubMarks({}, policy('skedu'))('tier: nivel-3')).toEqual({ kind: 'tier', id: 'nivel-3' });
  });

  it("lets the settings' statusLabels add a label, move a default and turn one off", () => {
    const markOf = githubMarks({ statusLabels: { 'blocked upstream': 'manufacturer', 'Needs More Info': null } }, policy('websaas'));
    expect(markOf('Blocked upstream')).toEqual({ kind: 'status', id: 'manufacturer' });
    expect(markOf('needs more info')).toBeUndefined();
  });
});

describe('toGitHubTicket with marks and commands', () => {
  it('pauses on a status label and, once it is removed, returns to the status still labelled', () => {
    const t = toGitHubTicket(
      ticket,
      [
        label('2026-03-02T15:01:00Z', 'waiting for customer'),
        label('2026-03-02T15:02:00Z', 'status: manufacturer'),
        label('2026-03-02T15:03:00Z', 'status: manufacturer', false),
        label('2026-03-02T15:04:00Z', 'waiting for customer', false),
      ],
      {},
      policy('websaas'),
    );
    expect((t.timeline ?? []).map((e) => (e.type === 'status' ? e.status : e.type))).toEqual([
      'pending',
      'manufacturer',
      'pending',
      'open',
    ]);
  });

  it('turns milestone and tier labels into marks that a removal takes back', () => {
    const t = toGitHubTicket(
      ticket,
      [label('2026-03-02T15:01:00Z', 'tier: nivel-2'), label('2026-03-02T15:02:00Z', 'tier: nivel-2', false)],
      {},
      policy('skedu'),
    );
    expect(t.timeline).toEqual([
      { type: 'tier', at: '2026-03-02T15:01:00Z', tier: 'nivel-2', set: true },
      { type: 'tier', at: '2026-03-02T15:02:00Z', tier: 'nivel-2', set: false },
    ]);
  });

  it("takes an agent's /plazo commands and ignores the issue author's", () => {
    const t = toGitHubTicket(
      ticket,
      [
        comment('2026-03-02T15:01:00Z', '/plazo plan-delivered', 'NONE', true),
        comment('2026-03-02T15:02:00Z', 'Plan adjunto.\n/plazo plan-delivered'),
      ],
      {},
      policy('peewah'),
    );
    expect((t.timeline ?? []).filter((e) => e.type === 'milestone')).toEqual([
      { type: 'milestone', at: '2026-03-02T15:02:00Z', milestone: 'plan-delivered', reached: true },
    ]);
  });
});
