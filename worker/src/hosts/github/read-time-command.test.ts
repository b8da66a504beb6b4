import { describe, expect, it } from 'vitest';
import { readTimeCommand } from './read-time-command.js';

const seconds = (body: string) => {
  const r = readTimeCommand(body);
  return r.ok ? r.value : r.issue.code;
};

describe('readTimeCommand', () => {
  it('reads hours and minutes written together, apart or in words', () => {
    expect(seconds('/plazo time 1h30m')).toBe(5400);
    expect(seconds('/plazo time 1h 30m')).toBe(5400);
    expect(seconds('/plazo time 2 hours 15 minutes')).toBe(8100);
    expect(seconds('/plazo time 1.5h')).toBe(5400);
    expect(seconds('/plazo time 45 min')).toBe(2700);
  });

  it('finds the command on any line of a longer comment, in any case', () => {
    expect(seconds('Fixed the export.\n\n/Plazo TIME 20m\nThanks!')).toBe(1200);
  });

  it('records a negative duration as a correction', () => {
    expect(seconds('/plazo time -15m')).toBe(-900);
  });

  it('says nothing about comments without the command', () => {
    expect(seconds('We spent time on /plazo timing earlier')).toBeNull();
    expect(seconds('no command here')).toBeNull();
  });

  it('refuses a bare number, an unknown unit, zero and a day in one command, naming the problem', () => {
    expect(readTimeCommand('/plazo time 90')).toMatchObject({ ok: false, issue: { code: 'invalid-time' } });
    const unknown = readTimeCommand('/plazo time 1h 3x');
    expect(unknown.ok ? null : unknown.issue.detail).toContain('"x" is not a unit of time');
    expect(seconds('/plazo time 0m')).toBe('invalid-time');
    expect(seconds('/plazo time 24h')).toBe('invalid-time');
    expect(seconds('/plazo time soon')).toBe('invalid-time');
  });
});
