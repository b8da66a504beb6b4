/**
 * Whether `a` and `b` differ by one slip of the fingers: one letter dropped or added, or two neighbours swapped.
 * A substitution is not a slip here: between real words it is how "pusimos" turns into "pudimos".
 */
export function oneLetterSlip(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (long.length > short.length) return short.slice(i) === long.slice(i + 1);
  return i + 1 < short.length && short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
}

/** Index of the first letter where `a` and `b` differ (the shorter length when one starts the other). */
export function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
