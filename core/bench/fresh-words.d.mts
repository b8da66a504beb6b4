/** Seeded words no cache has seen: the costliest text for triage to read, per character. */
export function freshWords(chars: number, seed: number): string;
