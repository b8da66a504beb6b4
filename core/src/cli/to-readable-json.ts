const NUMBER = String.raw`-?\d[\d.eE+-]*`;
/** A list of numbers laid out one number per line by JSON.stringify (disjoint character classes: matched in linear time). */
const NUMBER_LIST = new RegExp(String.raw`\[\s+(${NUMBER}(?:,\s+${NUMBER})*)\s+\]`, 'g');

/** JSON with two-space indents, but each list of numbers on one line: a text model's weights read one word per line. */
export function toReadableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(NUMBER_LIST, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`);
}
