import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER, formatDue, isPlazoComment } from './render-sla-comment.js';

describe('the SLA comment', () => {
  it('shows due instants as the core gives them, in the policy zone', () => {
    expect(formatDue('2026-03-02T10:30:00-05:00')).toBe('Mon 2026-03-02 10:30 (-05:00)');
    expect(formatDue('2026-03-29T09:00:00.000+01:00')).toBe('Sun 2026-03-29 09:00 (+01:00)');
    expect(formatDue('2026-03-02T15:00:00Z')).toBe('Mon 2026-03-02 15:00 (UTC)');
  });

  it('is recognised by its marker, not by a quote of it', () => {
    expect(isPlazoComment(`${COMMENT_MARKER}\n### Plazo`)).toBe(true);
    expect(isPlazoComment(`> ${COMMENT_MARKER}`)).toBe(false);
    expect(isPlazoComment(null)).toBe(false);
  });
});
