import * as z from 'zod';
import { policySchema } from './policy-schema.js';

/** The policy format as JSON Schema, so admins get completion and validation in their editors. */
export function toPolicyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://plazo.dev/schemas/plazo-policy.schema.json',
    title: 'Plazo support policy',
  };
}
