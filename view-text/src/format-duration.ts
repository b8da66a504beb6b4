/** "2 h 10 min", "3 d 4 h", "45 min": whole minutes, rounded up so a running clock never shows 0 min left. */
export function formatDuration(ms: number): string {
  const minutes = Math.ceil(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}
