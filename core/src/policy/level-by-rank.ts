/**
 * The level a priority of rank `rank` (0: the most urgent) among `of` gets on a host whose `levels` are listed most urgent
 * first, when no one mapped it: the ranks spread evenly over the levels (3 priorities over Zendesk's 4: urgent, high, normal).
 */
export function levelByRank<T>(rank: number, of: number, levels: readonly T[]): T {
  if (levels.length === 0) throw new Error('levelByRank needs at least one level');
  return levels[Math.min(levels.length - 1, Math.floor((rank * levels.length) / Math.max(1, of)))]!;
}
