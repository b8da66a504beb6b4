import type { Policy, TimelineEvent } from '@plazo/core';

/** What a host label or tag means for a policy: a status (a pause), a milestone, or a tier. */
export type AgentMark = { kind: 'status' | 'milestone' | 'tier'; id: string };

/**
 * Turns marks set and removed on a ticket (GitHub labels, Zendesk tags) into timeline events, in time order. The ticket's
 * status is the last status mark still set, else the host's own status (`hostStatus`, "open" unless the host says more):
 * removing "manufacturer" while Zendesk still says pending goes back to pending, not open.
 */
export class AgentMarks {
  readonly #statusMarks: string[] = [];
  #hostStatus = 'open';
  #shown = 'open';

  constructor(private readonly timeline: TimelineEvent[]) {}

  /** A mark set (`on`) or removed at `at`. */
  mark(at: string, mark: AgentMark, on: boolean): void {
    if (mark.kind === 'milestone') this.timeline.push({ type: 'milestone', at, milestone: mark.id, reached: on });
    else if (mark.kind === 'tier') this.timeline.push({ type: 'tier', at, tier: mark.id, set: on });
    else {
      const i = this.#statusMarks.indexOf(mark.id);
      if (i >= 0) this.#statusMarks.splice(i, 1);
      if (on) this.#statusMarks.push(mark.id);
      this.#show(at);
    }
  }

  /** The host's own status changed (Zendesk's pending, on-hold, open…, as the installation maps them). */
  hostStatus(at: string, status: string): void {
    this.#hostStatus = status;
    this.#show(at, true);
  }

  #show(at: string, always = false): void {
    const status = this.#statusMarks.at(-1) ?? this.#hostStatus;
    if (status === this.#shown && !always) return;
    this.#shown = status;
    this.timeline.push({ type: 'status', at, status });
  }
}

/** The policy's marks by the name a host gives each (`nameOf`), compared by `key` (GitHub: case-insensitive). */
export function policyMarks(
  policy: Policy,
  nameOf: (mark: AgentMark) => string,
  key: (name: string) => string = (n) => n,
): Map<string, AgentMark> {
  const marks: AgentMark[] = [
    ...policy.sla.pauseStatuses.map((id) => ({ kind: 'status' as const, id })),
    ...policy.sla.milestones.map((m) => ({ kind: 'milestone' as const, id: m.id })),
    ...policy.tiers.map((t) => ({ kind: 'tier' as const, id: t.id })),
  ];
  return new Map(marks.map((m) => [key(nameOf(m)), m]));
}
