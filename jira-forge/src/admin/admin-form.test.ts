import { describe, expect, it } from 'vitest';
import type { JiraSettings } from '../worker/worker-contract';
import { formFromSettings, settingsFromForm } from './admin-form';

describe('the admin form', () => {
  it('gives back the stored settings unchanged when the admin changes nothing', () => {
    const stored: JiraSettings = {
      policy: 'websaas',
      dryRun: true,
      atRiskRemainingRatio: 0.15,
      projects: { SUP: { policy: 'infraspeak' } },
      priorityMap: { urgente: 'Highest', normal: 'Low' },
      pauseStatuses: ['Waiting for customer'],
      agents: { projectRole: 'Developers', group: 'support-agents' },
    };
    expect(settingsFromForm(formFromSettings(stored), 'bad')).toEqual({ ok: true, settings: stored });
    expect(settingsFromForm(formFromSettings({}), 'bad')).toEqual({ ok: true, settings: {} });
  });

  it('shows a stored ratio as a percent without float noise, and reads a comma as the decimal mark', () => {
    expect(formFromSettings({ atRiskRemainingRatio: 0.07 }).atRiskPercent).toBe('7');
    const form = { ...formFromSettings({}), atRiskPercent: '12,5' };
    expect(settingsFromForm(form, 'bad')).toEqual({ ok: true, settings: { atRiskRemainingRatio: 0.125 } });
  });

  it('names the threshold by its settings path when it is not a percent between 0 and 100', () => {
    for (const text of ['0', '100', 'abc', '-3']) {
      expect(settingsFromForm({ ...formFromSettings({}), atRiskPercent: text }, 'must be 1–99')).toEqual({
        ok: false,
        problems: [{ path: 'atRiskRemainingRatio', message: 'must be 1–99' }],
      });
    }
  });

  it('keeps a project key that plain objects treat specially as data', () => {
    const form = formFromSettings(JSON.parse('{"projects":{"__proto__":{"policy":"x"}}}') as JiraSettings);
    expect([...form.projectPolicies]).toEqual([['__proto__', 'x']]);
  });
});
