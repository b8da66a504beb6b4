/** Reads a JSON column; a value Plazo cannot read counts as absent rather than failing the request. */
export function readJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
