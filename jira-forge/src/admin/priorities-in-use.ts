import type { ConfigView } from '../worker/worker-contract';
import type { AdminForm } from './admin-form';

/** The policy priorities the admin can map: those of every policy in use (the general one and each project's), once each. */
export function prioritiesInUse(form: AdminForm, config: ConfigView): { id: string; name: string; rank: number; of: number }[] {
  const used = new Set([form.policy ?? config.policies[0]?.id, ...form.projectPolicies.values()].filter(Boolean));
  const seen = new Map<string, { id: string; name: string; rank: number; of: number }>();
  for (const policy of config.policies) {
    if (!used.has(policy.id)) continue;
    policy.priorities.forEach((p, rank) => {
      if (!seen.has(p.id)) seen.set(p.id, { id: p.id, name: p.name, rank, of: policy.priorities.length });
    });
  }
  return [...seen.values()];
}
