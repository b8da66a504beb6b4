import { describe, expect, it } from 'vitest';
import type { ZendeskChange } from './plan-zendesk-changes.js';
import { readZendeskState } from './zendesk-facts.js';
import { updateFor } from './zendesk-session.js';

const planned = readZendeskState({ priority: 'normal', tags: ['vip'], fields: { '101': null }, updatedStamp: '2026-12-01T14:00:00Z' });
const changes: ZendeskChange[] = [
  { kind: 'set-priority', priority: 'urgent' },
  { kind: 'add-tags', tags: ['plazo_priority_urgente'] },
  { kind: 'set-field', fieldId: 101, value: '2026-12-01T18:00:00.000Z' },
  { kind: 'add-note', body: 'Plazo: prioridad Urgente', priority: 'urgente' },
];

describe('updateFor', () => {
  it('sends the priority, the whole tag set, the fields and the internal note in one update', () => {
    expect(updateFor(changes, planned, planned)).toEqual({
      priority: 'urgent',
      tags: ['vip', 'plazo_priority_urgente'],
      custom_fields: [{ id: 101, value: '2026-12-01T18:00:00.000Z' }],
      comment: { body: 'Plazo: prioridad Urgente', public: false },
    });
  });

  it('after a conflict keeps what someone changed meanwhile: their priority, their field, their tags', () => {
    const now = readZendeskState({ priority: 'low', tags: ['vip', 'escalated'], fields: { '101': 'set by hand' } });
    expect(updateFor(changes, planned, now)).toEqual({
      tags: ['vip', 'escalated', 'plazo_priority_urgente'],
      comment: { body: 'Plazo: prioridad Urgente', public: false },
    });
  });

  it('sends no tags when the delta leaves them as they are', () => {
    const now = readZendeskState({ ...planned, tags: ['vip', 'plazo_priority_urgente'] });
    expect(updateFor([{ kind: 'add-tags', tags: ['plazo_priority_urgente'] }], planned, now)).toEqual({});
  });
});
