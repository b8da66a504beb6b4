import { describe, expect, it } from 'vitest';
import { resolveZone } from './resolve-zone.js';

describe('resolveZone', () => {
  it('accepts IANA zones, including the fixed Etc/GMT+4', () => {
    for (const name of ['America/Bogota', 'Europe/Lisbon', 'Etc/GMT+4']) {
      const r = resolveZone(name);
      expect(r.ok && r.value.name).toBe(name);
    }
  });

  it('reads "UTC-4" and "GMT-4" as four hours behind UTC, fixed all year', () => {
    for (const name of ['UTC-4', 'GMT-4', 'utc-04:00']) {
      const r = resolveZone(name);
      expect(r.ok && r.value.isUniversal).toBe(true);
      expect(r.ok && r.value.offset(Date.UTC(2026, 0, 1))).toBe(-240);
      expect(r.ok && r.value.offset(Date.UTC(2026, 6, 1))).toBe(-240);
    }
  });

  it('fails with unknown-zone for names that are neither', () => {
    for (const name of ['Mars/Olympus', 'UTC+25', '']) {
      const r = resolveZone(name);
      expect(!r.ok && r.issue.code).toBe('unknown-zone');
    }
  });
});
