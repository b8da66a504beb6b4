import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { loadSlice } from '../../eval/eval-set.js';
import { evaluateTicket } from '../evaluate/evaluate-ticket.js';
import type { TicketHistory } from '../history/ticket-history.js';
import { builtInPolicyFiles } from '../policies/built-in-policies.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import type { TicketInput } from '../ticket/ticket-schema.js';
import { fieldGroups, policyFieldPaths, recordReads } from './policy-field-paths.js';
import { intakeSchema, type Policy, policySchema } from './policy-schema.js';

/**
 * "A field nothing reads is a promise the product breaks" (issue 12). Every field of the policy schema must be read by
 * evaluating tickets (recorded through a Proxy over each built-in policy), or be named below with the code outside core
 * that reads it (checked in that file's text), or be documentation.
 */

/** Read by the Worker, the Zendesk app or the CLI, not by evaluating a ticket: the file and the words that read it. */
const READ_OUTSIDE_EVALUATION: Record<string, [file: string, reads: string]> = {
  name: ['worker/src/hosts/github/render-sla-comment.ts', 'policy.name'],
  vendor: ['worker/src/hosts/github/render-sla-comment.ts', 'policy.vendor'],
  'sla.binding': ['worker/src/hosts/github/render-sla-comment.ts', 'policy.sla.binding'],
  // The seed's own examples are the policy's test cases: each must triage to its priority or tier.
  'priorities[].examples': ['core/src/triage/seed-examples.test.ts', 'pr.examples'],
  'tiers[].examples': ['core/src/triage/seed-examples.test.ts', 't.examples'],
  // Read by evaluation only when the model overrides the rules, which no dev or holdout ticket makes it do.
  'triage.model.trainedOn': ['core/src/triage/triage.ts', 'trainedOn.tickets'],
  'triage.model.trainedOn.tickets': ['core/src/triage/triage.ts', 'trainedOn.tickets'],
  'triage.model.trainedOn.digest': ['core/eval/train-text-model.test.ts', 'trained.trainedOn'],
};

/** For people, not programs: where a figure comes from, and the editor's schema link. */
const DOCUMENTATION = new Set(['$schema', 'source']);
const isDocumentation = (path: string) => DOCUMENTATION.has(path.split('.').at(-1)!.replace('[]', ''));

const at = (iso: string) => Date.parse(iso);

/** Tickets that make evaluation read what each rule needs: the labelled eval sets plus clocks, agents and history. */
function exercise(policy: Policy, id: string): void {
  const run = (input: Partial<TicketInput> & { createdAt: string }, now: string, history?: TicketHistory) => {
    const ticket = parseTicket({ id: 'T', subject: '', body: '', ...input });
    if (!ticket.ok) throw new Error(ticket.issue.detail);
    const result = evaluateTicket(policy, ticket.value, at(now), history ? { history } : {});
    if (!result.ok) throw new Error(result.issue.detail);
  };
  const cases = (['dev', 'holdout'] as const).flatMap((s) => loadSlice(s)).filter((c) => c.case.policy === id);
  const weekday = '2026-03-03T10:00:00-05:00';
  for (const { case: c } of cases) run({ createdAt: weekday, subject: c.subject, body: c.body }, '2026-03-03T12:00:00-05:00');
  const timeline: TicketInput['timeline'] = [
    { type: 'status', at: '2026-03-03T10:30:00-05:00', status: 'pending' },
    { type: 'status', at: '2026-03-03T10:40:00-05:00', status: 'open' },
    { type: 'reply', at: '2026-03-03T10:50:00-05:00', public: true, byAgent: true },
    { type: 'reply', at: '2026-03-03T10:55:00-05:00', public: true, byAgent: false, byRequester: true },
    ...policy.tiers.map((t) => ({ type: 'tier' as const, at: '2026-03-03T11:00:00-05:00', tier: t.id })),
    { type: 'estimate', at: '2026-03-03T11:05:00-05:00', amount: 2, unit: 'hours' },
    ...policy.sla.milestones.map((m) => ({ type: 'milestone' as const, at: '2026-03-03T11:10:00-05:00', milestone: m.id })),
  ];
  const history: TicketHistory = {
    identity: 'requester',
    openTickets: [{ id: 'T0', label: '#1', subject: 'No puedo facturar', category: null, createdAt: '2026-03-02T10:00:00-05:00' }],
    monthCount: 40,
  };
  for (const { case: c } of cases.slice(0, 5)) {
    run({ createdAt: weekday, subject: c.subject, body: c.body, timeline }, '2026-03-03T12:00:00-05:00', history);
    for (const p of policy.priorities) {
      run({ createdAt: weekday, subject: c.subject, body: c.body, priority: p.id }, '2026-03-03T12:00:00-05:00');
      // Saturday night: out of hours, so the after-hours intake runs for the priorities it does not allow.
      run({ createdAt: '2026-03-07T22:00:00-05:00', subject: c.subject, body: c.body, priority: p.id }, '2026-03-08T12:00:00-05:00');
    }
  }
}

/** The fields of `schema` no evaluation of the built-in policies (parsed by `schema`) reads, at any path of the same field. */
function unreadFields(schema: z.ZodType): string[] {
  const reads = new Set<string>();
  for (const [id, file] of Object.entries(builtInPolicyFiles)) {
    const policy = schema.parse(file) as Policy;
    exercise(recordReads(policy, reads), id);
  }
  return [...fieldGroups(schema)].filter(([, group]) => !group.some((p) => reads.has(p))).map(([path]) => path);
}

describe('every policy field is read by something', () => {
  const unread = unreadFields(policySchema);
  const paths = policyFieldPaths(policySchema);

  it('has no field that nothing reads', () => {
    const explained = unread.filter((p) => !isDocumentation(p) && !Object.hasOwn(READ_OUTSIDE_EVALUATION, p));
    expect(explained).toEqual([]);
  });

  it.each(Object.entries(READ_OUTSIDE_EVALUATION))('finds %s read where the list says', (path, [file, words]) => {
    expect(paths).toContain(path);
    const text = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
    expect(text).toContain(words);
  });

  it('fails for a field added to the schema that no code reads', () => {
    const withUnread = policySchema.safeExtend({
      intake: intakeSchema.safeExtend({ neverRead: z.number().default(3) }).default({
        requiredInformation: [],
        rejectDuplicates: false,
        hints: [],
        neverRead: 3,
      }),
    });
    expect(unreadFields(withUnread)).toContain('intake.neverRead');
    expect(unreadFields(withUnread)).not.toContain('intake.afterHours');
  });
});

describe('policyFieldPaths', () => {
  it('names nested fields, array elements and optional objects, and reads a localized text as one field', () => {
    const schema = z.strictObject({
      a: z.array(z.strictObject({ b: z.number().optional(), text: z.strictObject({ es: z.string(), pt: z.string().optional() }) })),
      c: z.strictObject({ d: z.boolean() }).nullable().default(null),
      e: z.record(z.string(), z.string()),
    });
    expect(policyFieldPaths(schema)).toEqual(['a', 'a[].b', 'a[].text', 'c', 'c.d', 'e']);
  });
});

describe('recordReads', () => {
  it('records the paths read, array elements as [], and gives one view per object', () => {
    const value = { a: [{ b: 1 }, { b: 2 }], c: { d: true } };
    const reads = new Set<string>();
    const seen = recordReads(value, reads);
    expect(seen.a.map((x) => x.b)).toEqual([1, 2]);
    expect(seen.a).toBe(seen.a);
    expect([...reads].sort()).toEqual(['a', 'a[].b']);
  });
});
