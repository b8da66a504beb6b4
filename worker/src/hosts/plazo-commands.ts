import type { TimelineEvent } from '@plazo/core';
import * as z from 'zod';

/**
 * What an agent tells Plazo in a comment or internal note, one command per line:
 *   /plazo plan-delivered          marks a milestone of the policy (`sla.milestones`; here Peewah's action plan)
 *   /plazo escalate nivel-3        escalates to a tier of the policy (`/plazo tier nivel-3` says the same)
 *   /plazo estimate 3 days         the time to solve, from now (minutes, hours or business days)
 * A line that is not a command is text; a command Plazo cannot read is kept as `unknown`, so nothing is silently lost.
 */
export const plazoCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('milestone'), milestone: z.string().min(1) }),
  z.object({ kind: z.literal('tier'), tier: z.string().min(1) }),
  z.object({ kind: z.literal('estimate'), amount: z.number().positive(), unit: z.enum(['minutes', 'hours', 'businessDays']) }),
  z.object({ kind: z.literal('unknown'), text: z.string() }),
]);
export type PlazoCommand = z.infer<typeof plazoCommandSchema>;

const units: ReadonlyMap<string, 'minutes' | 'hours' | 'businessDays'> = new Map([
  ...['m', 'min', 'mins', 'minute', 'minutes', 'minuto', 'minutos'].map((u) => [u, 'minutes'] as const),
  ...['h', 'hour', 'hours', 'hora', 'horas'].map((u) => [u, 'hours'] as const),
  ...['d', 'day', 'days', 'dia', 'dias', 'business-days', 'businessdays'].map((u) => [u, 'businessDays'] as const),
]);

const line = /^[ \t]*\/plazo[ \t]+(.+?)[ \t]*$/gim;
const word = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ignored after a day or hour unit ("3 días hábiles", "2 business days"). */
const filler = new Set(['habiles', 'habil', 'business', 'working', 'uteis', 'util']);

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The commands in a comment's text, in order; at most 20, so a pasted log cannot flood a ticket's facts. */
export function readPlazoCommands(text: string): PlazoCommand[] {
  const out: PlazoCommand[] = [];
  for (const [, rest] of text.matchAll(line)) {
    if (out.length >= 20) break;
    out.push(readCommand(rest ?? ''));
  }
  return out;
}

function readCommand(rest: string): PlazoCommand {
  const words = plain(rest).split(/\s+/);
  const [verb, ...args] = words;
  if ((verb === 'escalate' || verb === 'tier' || verb === 'escalar' || verb === 'nivel') && args.length === 1 && word.test(args[0]!))
    return { kind: 'tier', tier: args[0]! };
  if (verb === 'estimate' || verb === 'estimacion' || verb === 'estimado') {
    const joined = args.filter((a) => !filler.has(a)).join(' ');
    const m = /^(\d+(?:[.,]\d+)?)\s*([a-z-]+)$/.exec(joined);
    const unit = m ? units.get(m[2]!) : undefined;
    const amount = m ? Number(m[1]!.replace(',', '.')) : Number.NaN;
    if (unit && amount > 0) return { kind: 'estimate', amount, unit };
    return { kind: 'unknown', text: rest.slice(0, 200) };
  }
  if (verb && args.length === 0 && word.test(verb)) return { kind: 'milestone', milestone: verb };
  return { kind: 'unknown', text: rest.slice(0, 200) };
}

/** A comment fact's `commands`, present only when the text has some: most comments have none. */
export function commandsOf(text: string | null | undefined): { commands?: PlazoCommand[] } {
  const commands = readPlazoCommands(text ?? '');
  return commands.length > 0 ? { commands } : {};
}

/** The timeline events an agent's commands make at `at`; unknown commands make none. */
export function commandEvents(commands: readonly PlazoCommand[], at: string): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const c of commands) {
    if (c.kind === 'milestone') out.push({ type: 'milestone', at, milestone: c.milestone, reached: true });
    else if (c.kind === 'tier') out.push({ type: 'tier', at, tier: c.tier, set: true });
    else if (c.kind === 'estimate') out.push({ type: 'estimate', at, amount: c.amount, unit: c.unit });
  }
  return out;
}
