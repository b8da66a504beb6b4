// Plain JavaScript so that both the core benches (TypeScript, through tsx) and worker/scripts/bench.mjs (Node) import it.

/**
 * Seeded words no cache has seen (xorshift32, 32-bit integer arithmetic throughout, so every seed gives its own long
 * sequence): every word of such a text is looked up in full, typo tolerance included — the costliest text for triage to
 * read, per character.
 * @param {number} chars
 * @param {number} seed
 * @returns {string}
 */
export function freshWords(chars, seed) {
  let x = (Math.imul(seed + 1, 2654435761) ^ 0x9e3779b9) >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  let out = '';
  while (out.length < chars) {
    let w = '';
    for (let k = 7 + (next() % 4); k > 0; k--) w += String.fromCharCode(97 + (next() % 26));
    out += `${w} `;
  }
  return out.slice(0, chars);
}
