import { describe, expect, it } from 'vitest';
import { parseZendeskSettings } from '../../worker/src/hosts/zendesk/zendesk-settings.js';
import { setupSettings } from '../../zendesk-app/src/setup/setup-settings.js';

const fields = { firstResponseDue: 360001, resolutionDue: 360002 };

describe('setupSettings (the app settings the first-run step sends to the Worker)', () => {
  it('maps the manifest parameters to settings the Worker’s own schema accepts', () => {
    const r = setupSettings(
      { policy: ' peewah ', priorityMap: '{"alta": "urgent", "baja": "low"}', atRiskPercent: 40, pauseStatuses: 'pending, HOLD' },
      ['pending'],
      fields,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        policy: 'peewah',
        atRiskRemainingRatio: 0.4,
        priorityMap: { alta: 'urgent', baja: 'low' },
        statusMap: { pending: 'pending', hold: 'pending' },
        fields,
      },
    });
    if (!r.ok) return;
    expect(parseZendeskSettings(JSON.parse(JSON.stringify(r.value)))).toEqual({ ok: true, value: r.value });
  });

  it('lets an unlisted Zendesk status run the clock, and pauses a listed one in the policy’s first paused status', () => {
    const r = setupSettings({ pauseStatuses: 'hold' }, ['waiting-customer', 'pending'], {});
    expect(r).toEqual({ ok: true, value: { statusMap: { pending: null, hold: 'waiting-customer' } } });
    if (r.ok) expect(parseZendeskSettings(r.value).ok).toBe(true);
  });

  it('names a priority mapping that is not JSON, not an object, or maps to no Zendesk priority', () => {
    expect(setupSettings({ priorityMap: '{alta: urgent}' }, ['pending'], fields)).toEqual({
      ok: false,
      problem: 'priorityMap must be JSON, e.g. {"urgente": "urgent"}',
    });
    expect(setupSettings({ priorityMap: '["urgent"]' }, ['pending'], fields)).toMatchObject({ ok: false, problem: /JSON object/ });
    expect(setupSettings({ priorityMap: '{"alta": "critical"}' }, ['pending'], fields)).toEqual({
      ok: false,
      problem: 'priorityMap.alta must be one of urgent, high, normal, low',
    });
  });

  it('sends the at-risk percent as the Worker’s share of the target, and leaves the policy’s when it is empty', () => {
    const typed = setupSettings({ atRiskPercent: ' 12.5 ' }, ['pending'], {});
    expect(typed.ok && typed.value.atRiskRemainingRatio).toBe(0.125);
    if (typed.ok) expect(parseZendeskSettings(typed.value)).toEqual({ ok: true, value: typed.value });
    for (const empty of [undefined, null, '', '  ']) {
      const r = setupSettings({ atRiskPercent: empty }, ['pending'], {});
      expect(r.ok && 'atRiskRemainingRatio' in r.value).toBe(false);
    }
  });

  it('names an at-risk percent that is not a number strictly between 0 and 100', () => {
    for (const bad of [0, 100, -5, 'abc', '25%'])
      expect(setupSettings({ atRiskPercent: bad }, ['pending'], fields)).toEqual({
        ok: false,
        problem: `atRiskPercent must be a number above 0 and below 100, not "${String(bad)}"`,
      });
  });

  it('names a pause status Zendesk does not have, and a pause the policy cannot make', () => {
    expect(setupSettings({ pauseStatuses: 'pending,solved' }, ['pending'], fields)).toEqual({
      ok: false,
      problem: 'pauseStatuses: "solved" is not pending or hold',
    });
    expect(setupSettings({ pauseStatuses: 'pending' }, [], fields)).toEqual({
      ok: false,
      problem: 'pauseStatuses: the policy pauses no status',
    });
  });

  it('sends no field ids when the fields made at install are not found', () => {
    const r = setupSettings({}, ['pending'], {});
    expect(r.ok && 'fields' in r.value).toBe(false);
  });
});
