import { TOP_LEVEL_DOMAINS } from './top-level-domains.js';

// URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:<TOP_LEVEL_DOMAINS>)(?:\/\S*)?/gi;
// at a ".", the first top-level domain (in the list's order) that the text goes on with is the one taken.
const SCHEMES = ['http://', 'https://', 'www.'];

/** \w (ASCII), [\w-] and [\w.+-], by char code. */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isHostChar = (c: number) => isWordChar(c) || c === 45;
const isLocalChar = (c: number) => isHostChar(c) || c === 46 || c === 43;

/** Whether `s` goes on with `lower` at i, ASCII letters in either case. */
function startsAt(s: string, i: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = s.charCodeAt(i + k);
    const w = lower.charCodeAt(k);
    if (w >= 97 && w <= 122 ? (c | 32) !== w : c !== w) return false;
  }
  return true;
}

function tldLength(s: string, i: number): number {
  for (const tld of TOP_LEVEL_DOMAINS) if (startsAt(s, i, tld)) return tld.length;
  return 0;
}

/**
 * The spans [start, end) that `run.replace(URL_OR_EMAIL, …)` replaces in a run of non-space characters, in order, found
 * in time linear in the run. The regex itself, on a long dotted run that leads nowhere ("a.a.a…;x.co"), reads it to the
 * end again from every start: the square of its length. Here each start is settled from tables built right to left:
 * - a scheme (http://, https://, www.) at a word boundary takes the rest of the run;
 * - an e-mail's local part [\w.+-]+ can only end where its run of such characters ends, so it matches when that run
 *   ends in "@" and a dotted domain follows;
 * - a host [\w-]+(?:\.[\w-]+)* backtracks from its longest reach, so it ends at the last "." of its dotted chain that a
 *   top-level domain follows, and takes the rest of the run when "/" comes right after the domain.
 */
export function urlOrEmailSpans(run: string): number[] {
  const m = run.length;
  // Per position: where its [\w-] run ends, where its [\w.+-] run ends, and (in a [\w-] run) the last "." of the
  // dotted chain after its run that a top-level domain follows (-1: none).
  const hostEnd = new Int32Array(m + 1);
  const localEnd = new Int32Array(m + 1);
  const lastTld = new Int32Array(m + 1).fill(-1);
  for (let i = m - 1; i >= 0; i--) {
    const c = run.charCodeAt(i);
    const next = run.charCodeAt(i + 1);
    localEnd[i] = !isLocalChar(c) ? i : i + 1 < m && isLocalChar(next) ? localEnd[i + 1]! : i + 1;
    if (!isHostChar(c)) {
      hostEnd[i] = i;
      continue;
    }
    const end = (hostEnd[i] = i + 1 < m && isHostChar(next) ? hostEnd[i + 1]! : i + 1);
    if (end + 1 < m && run.charCodeAt(end) === 46 && isHostChar(run.charCodeAt(end + 1))) {
      lastTld[i] = lastTld[end + 1]! >= 0 ? lastTld[end + 1]! : tldLength(run, end + 1) > 0 ? end : -1;
    }
  }
  const isWordAt = (i: number) => i >= 0 && i < m && isWordChar(run.charCodeAt(i));
  const boundaryAt = (i: number) => isWordAt(i - 1) !== isWordAt(i);
  /** End of the dotted domain after the "@" at `at`, or -1. */
  const domainEnd = (at: number): number => {
    if (at + 1 >= m || !isHostChar(run.charCodeAt(at + 1))) return -1;
    let q = hostEnd[at + 1]!;
    let groups = 0;
    for (; q + 1 < m && run.charCodeAt(q) === 46 && isHostChar(run.charCodeAt(q + 1)); groups++) q = hostEnd[q + 1]!;
    return groups > 0 ? q : -1;
  };

  const spans: number[] = [];
  let s = 0;
  while (s < m) {
    const c = run.charCodeAt(s);
    let end = -1;
    if (boundaryAt(s)) {
      for (const scheme of SCHEMES) if (s + scheme.length < m && startsAt(run, s, scheme)) end = m;
    }
    if (end < 0 && isLocalChar(c) && run.charCodeAt(localEnd[s]!) === 64) end = domainEnd(localEnd[s]!);
    if (end < 0 && isHostChar(c) && lastTld[s]! >= 0 && boundaryAt(s)) {
      const dot = lastTld[s]!;
      end = dot + 1 + tldLength(run, dot + 1);
      if (run.charCodeAt(end) === 47) end = m;
    }
    if (end < 0) {
      s++;
      continue;
    }
    spans.push(s, end);
    s = end;
  }
  return spans;
}
