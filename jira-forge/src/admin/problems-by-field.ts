import type { Problem } from '../worker/worker-contract';

/** Which field a problem belongs to: its path's first one or two segments ("projects.SUP", "priorityMap.alta", "pauseStatuses"). */
export function problemField(path: string): string {
  const [head = '', second] = path.split(/[.[]/);
  return (head === 'projects' || head === 'priorityMap' || head === 'agents') && second ? `${head}.${second}` : head;
}

/** Each field's problems, for the messages under it; every problem is also listed at the top of the page. */
export function problemsByField(problems: readonly Problem[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(problemField(p.path), [...(byField.get(problemField(p.path)) ?? []), p.message]);
  return byField;
}
