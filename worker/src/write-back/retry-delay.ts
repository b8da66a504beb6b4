/** Longest wait between two tries of a write-back (the queue allows up to 12 hours). */
export const MAX_DELAY_SECONDS = 15 * 60;

/**
 * Seconds before the next try: the host's own wait (Retry-After, rate-limit reset) when it gave one,
 * else exponential backoff; both get random jitter so that retries of many tickets spread out.
 */
export function retryDelaySeconds(
  attempt: number,
  baseSeconds: number,
  hostWaitMs: number | null,
  random: () => number = Math.random,
): number {
  if (hostWaitMs !== null) {
    const seconds = Math.ceil(hostWaitMs / 1000);
    return Math.min(MAX_DELAY_SECONDS, Math.max(1, seconds + Math.floor(random() * Math.max(1, seconds * 0.1))));
  }
  const ceiling = Math.min(MAX_DELAY_SECONDS, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(ceiling / 2 + random() * (ceiling / 2)));
}
