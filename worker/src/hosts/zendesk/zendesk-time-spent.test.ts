import { describe, expect, it } from 'vitest';
import customFieldChanged from '../../../../test/fixtures/zendesk/ticket-custom-field-changed.json';
import { parseZendeskDelivery } from './parse-zendesk-delivery.js';
import { zendeskAdapter } from './zendesk-adapter.js';
import { parseZendeskSettings } from './zendesk-settings.js';

const account = { subdomain: 'acme', accountId: '12514403' };

/** The fixture with another `event` object: the field's value as Zendesk may send it. */
function timeOf(event: Record<string, unknown>) {
  const parsed = parseZendeskDelivery(account, { ...structuredClone(customFieldChanged), event });
  if (!parsed.ok || parsed.value.effect.kind !== 'ticket') throw new Error('the fixture must parse as a ticket');
  return parsed.value.effect.time;
}

const field = { id: '360012345', title: 'Total time spent (sec)', type: 'integer' };

describe('Zendesk Time Tracking changes as time spent', () => {
  it('reads the total field’s growth as the seconds of that update, keyed by the event and attributed to the actor', () => {
    expect(timeOf(customFieldChanged.event)).toEqual([
      {
        entryKey: `field:${customFieldChanged.id}`,
        at: customFieldChanged.time,
        seconds: 3600,
        source: 'zendesk-field:360012345',
        author: customFieldChanged.detail.actor_id,
      },
    ]);
  });

  it('reads values wrapped as { value }, as digits, and a first value with no previous one', () => {
    expect(timeOf({ custom_field: field, current: { value: '900' }, previous: { value: '300' } })?.[0]?.seconds).toBe(600);
    expect(timeOf({ custom_field: field, current: 1200 })?.[0]?.seconds).toBe(1200);
    expect(timeOf({ custom_field: field, current: 600, previous: 900 })?.[0]?.seconds).toBe(-300);
  });

  it('reports nothing for a text field, a cleared field or no change', () => {
    expect(timeOf({ custom_field: field, current: 'Production', previous: 'Staging' })).toEqual([]);
    expect(timeOf({ custom_field: field, current: null, previous: 600 })).toEqual([]);
    expect(timeOf({ custom_field: field, current: 600, previous: 600 })).toEqual([]);
  });

  it('counts only the field the installation’s settings name', () => {
    const [time] = timeOf(customFieldChanged.event)!;
    const settings = (raw: unknown) => {
      const parsed = parseZendeskSettings(raw);
      if (!parsed.ok) throw new Error(parsed.issue.detail);
      return parsed.value;
    };
    expect(zendeskAdapter.countsTime!(time!, settings({ timeTracking: { totalTimeFieldId: 360012345 } }))).toBe(true);
    expect(zendeskAdapter.countsTime!(time!, settings({ timeTracking: { totalTimeFieldId: 777 } }))).toBe(false);
    expect(zendeskAdapter.countsTime!(time!, settings({}))).toBe(false);
    expect(parseZendeskSettings({ timeTracking: { totalTimeFieldId: 'total' } })).toMatchObject({
      ok: false,
      issue: { code: 'invalid-config' },
    });
  });
});
