import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPolicyJsonSchema } from './policy-json-schema.js';

describe('toPolicyJsonSchema', () => {
  it('matches the committed plazo-policy.schema.json (run `npm run schema` after changing the policy model)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../plazo-policy.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(toPolicyJsonSchema());
  });

  it('describes the top-level fields an admin writes', () => {
    const schema = toPolicyJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'calendar', 'priorities', 'targets', 'exclusions', 'intake', 'sla']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'vendor']));
  });
});
