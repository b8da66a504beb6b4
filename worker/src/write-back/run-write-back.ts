import { type Evaluation, evaluateTicket, ok, type Policy, type Problem, parseTicket, type Result, type TicketMessage } from '@plazo/core';
import type { Env, Settings } from '../env.js';
import { historyOptions } from '../history/history-options.js';
import { adapterFor } from '../hosts/adapters.js';
import { decideWriteMode } from '../hosts/decide-write-mode.js';
import type { AnyHostAdapter, HostSession, StoredInstallation, StoredTicket, WriteBackFailure } from '../hosts/host-adapter.js';
import { hostContext } from '../hosts/host-context.js';
import type { SharedHostSettings } from '../hosts/shared-host-settings.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { findInstallationPolicy } from '../policies/find-installation-policy.js';
import { recordFailedJob } from '../store/failed-jobs.js';
import { getInstallation, setSelfActor } from '../store/installations.js';
import { recordRequesterFlags } from '../store/requester-flags.js';
import { getScopeConfig, putScopeConfig, SCOPE_CONFIG_TTL_MS } from '../store/scope-configs.js';
import { recordSaid, saidCodes } from '../store/ticket-messages.js';
import { acquireLease, finishTicket, getFacts, getTicket, releaseFailedTicket, releaseLease } from '../store/tickets.js';
import { finishWriteBack, insertWriteBack } from '../store/write-backs.js';
import { retryDelaySeconds } from './retry-delay.js';
import type { WriteBackJob } from './write-back-job.js';

/** Longest a write-back may hold its ticket; a crashed consumer's lease lapses after it. */
const LEASE_MS = 60_000;
/** When a job ran out of tries on a failure that may pass (an outage), the cron looks at the ticket again after this long. */
const AFTER_FAILURE_MS = 30 * 60_000;

export type JobOutcome =
  | { kind: 'done'; status: 'applied' | 'dry-run' | 'no-change' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'busy' }
  | { kind: 'retry'; delaySeconds: number; error: string }
  | { kind: 'failed'; error: string; permanent: boolean };

export type RunContext = { env: Env; settings: Settings; attempts: number; nowMs: number; random?: () => number };

/** Evaluates a ticket and brings the host in line with a diff (or stores it as a dry run); an applied version is never applied again. */
export async function runWriteBack(job: WriteBackJob, ctx: RunContext): Promise<JobOutcome> {
  const db = ctx.env.DB;
  const ticket = await getTicket(db, job.ticketKey);
  if (!ticket || ticket.status === 'retired') return { kind: 'skipped', reason: 'ticket is gone' };
  if (ticket.appliedVersion >= job.version) return { kind: 'skipped', reason: `version ${job.version} is already written back` };
  const adapter = adapterFor(ticket.host);
  const installation = await getInstallation(db, ticket.installationKey);
  if (!adapter || !installation) return { kind: 'skipped', reason: 'no adapter or installation for the ticket' };
  if (!installation.active) return { kind: 'skipped', reason: 'installation is suspended or removed' };
  if (!(await acquireLease(db, ticket.key, ctx.nowMs, LEASE_MS))) return { kind: 'busy' };

  const attempt: Attempt = { writeBackId: null };
  let failure: WriteBackFailure;
  try {
    const written = await writeEvaluation(job, ctx, ticket, adapter, installation, attempt);
    if (written.ok) return { kind: 'done', status: written.value };
    // The core's answer depends only on the stored ticket and policy: retrying cannot fix a refusal.
    failure = { code: written.issue.code, detail: written.issue.detail, permanent: true, retryAfterMs: null };
  } catch (error) {
    // Host calls throw (the host's client); the adapter says whether trying again can help.
    failure = adapter.describeFailure(error);
  }
  return settle(job, ctx, ticket, attempt, failure);
}

/** The write-back row a job created, so a failure can be recorded on it. */
type Attempt = { writeBackId: number | null };

/** Evaluates the ticket and brings the host in line (or stores a dry run); host calls may throw. */
async function writeEvaluation(
  job: WriteBackJob,
  ctx: RunContext,
  ticket: StoredTicket,
  adapter: AnyHostAdapter,
  installation: StoredInstallation,
  attempt: Attempt,
): Promise<Result<'applied' | 'dry-run' | 'no-change', string>> {
  const db = ctx.env.DB;
  const mode = await decideWriteMode(adapter, installation, hostContext(adapter, ctx.env, ctx.settings));
  const session = mode.dryRun ? null : mode.session;
  const { settings, problems } = await resolveSettings(adapter, session, installation, ticket, ctx);
  const policy = await resolvePolicy(ctx.env, installation.key, settings, ctx.settings.defaultPolicyId, problems);
  // The host is read before evaluating: its state may carry text the deliveries did not (Jira's Forge events have no description).
  const state = session ? await session.readState(ticket) : adapter.readStoredState(ticket.hostState);
  const text = adapter.ticketText?.(state);
  const triaged = text ? { ...ticket, ...text } : ticket;
  const input = parseTicket(adapter.toTicket(triaged, await getFacts(db, ticket.key), settings, policy, state));
  const evaluateAt = Math.max(job.evaluateAt, ticket.evaluatedAt ?? 0);
  // The installation's threshold rides beside the shared policy object, whose compiled calendar and rules stay cached.
  // The customer's other tickets and this month's count, from D1: core reads no store.
  const history = input.ok ? await historyOptions(db, adapter, triaged, policy, settings) : {};
  const options = { atRiskRemainingRatio: settings.atRiskRemainingRatio, ...history };
  const evaluated = input.ok ? evaluateTicket(policy, input.value, evaluateAt, options) : input;
  if (!evaluated.ok) return evaluated;
  const evaluation = evaluated.value;

  const say = settings.customerMessages ? await unsaid(db, ticket.key, evaluation, session ? 'live' : 'dry-run') : [];
  const changes = adapter.plan({ evaluation, policy, settings, configProblems: problems, state, say });
  let hostState: unknown = state;
  let status: 'applied' | 'dry-run' | 'no-change' = 'no-change';
  if (changes.length > 0) {
    attempt.writeBackId = await insertWriteBack(
      db,
      {
        ticketKey: ticket.key,
        version: ticket.version,
        mode: session ? 'live' : 'dry-run',
        status: session ? 'planned' : 'dry-run',
        changes,
      },
      Date.now(),
    );
    if (session) {
      await learnSelf(db, session, installation);
      hostState = await session.apply(ticket, state, changes);
      await finishWriteBack(db, attempt.writeBackId, 'applied', null, Date.now());
      status = 'applied';
    } else {
      hostState = adapter.simulate(state, changes);
      status = 'dry-run';
    }
    await recordSaid(db, ticket.key, adapter.toldCustomer?.(changes) ?? [], session ? 'live' : 'dry-run', Date.now());
  }
  await finishTicket(db, ticket.key, {
    evaluation,
    policyId: policy.id,
    evaluatedAt: evaluateAt,
    appliedVersion: ticket.version,
    hostState,
    nowMs: Date.now(),
  });
  await recordRequesterFlags(db, ticket, evaluation, Date.now());
  return ok(status);
}

/**
 * Ends a failed job: a failure that may pass is retried with backoff while tries remain, and after the last one the cron
 * looks again later; a permanent failure is recorded once and the ticket waits for a new delivery or an admin retry.
 */
async function settle(
  job: WriteBackJob,
  ctx: RunContext,
  ticket: StoredTicket,
  attempt: Attempt,
  failure: WriteBackFailure,
): Promise<JobOutcome> {
  const db = ctx.env.DB;
  const giveUp = failure.permanent || ctx.attempts >= ctx.settings.maxAttempts;
  if (attempt.writeBackId !== null)
    await finishWriteBack(db, attempt.writeBackId, giveUp ? 'failed' : 'retrying', failure.detail, Date.now());
  if (!giveUp) {
    await releaseLease(db, ticket.key);
    return {
      kind: 'retry',
      delaySeconds: retryDelaySeconds(ctx.attempts, ctx.settings.retryBaseSeconds, failure.retryAfterMs, ctx.random),
      error: failure.detail,
    };
  }
  const nowMs = Date.now();
  const recheckAt = failure.permanent ? null : nowMs + AFTER_FAILURE_MS;
  const record = {
    ticketKey: ticket.key,
    job,
    code: failure.code,
    error: failure.detail,
    permanent: failure.permanent,
    attempts: ctx.attempts,
  };
  await db.batch([releaseFailedTicket(db, ticket.key, ticket.version, recheckAt), recordFailedJob(db, record, nowMs)]);
  return { kind: 'failed', error: failure.detail, permanent: failure.permanent };
}

/** The scope's configuration (cached a few minutes) over the installation's defaults; a broken one is reported, not used. */
async function resolveSettings(
  adapter: AnyHostAdapter,
  session: HostSession<unknown, unknown> | null,
  installation: StoredInstallation,
  ticket: StoredTicket,
  ctx: RunContext,
): Promise<{ settings: SharedHostSettings; problems: Problem[] }> {
  const own = adapter.parseSettings(installation.settings);
  const empty = adapter.parseSettings({});
  const installationWide = own.ok ? own.value : empty.ok ? empty.value : {};
  const base = adapter.settingsForScope ? adapter.settingsForScope(installationWide, ticket.scope) : installationWide;
  if (!session) return { settings: base, problems: [] };
  let cached = await getScopeConfig(ctx.env.DB, installation.key, ticket.scope);
  if (!cached || Date.now() - cached.fetchedAt > SCOPE_CONFIG_TTL_MS) {
    const read = await session.readScopeConfig(ticket);
    const parsed = read.raw === null ? null : adapter.parseSettings(read.raw);
    const problems = [
      ...read.problems,
      ...(parsed && !parsed.ok ? (parsed.issue.problems ?? [{ path: '(root)', message: parsed.issue.detail }]) : []),
    ];
    cached = { settings: parsed?.ok ? parsed.value : null, problems, revision: read.revision, fetchedAt: Date.now() };
    await putScopeConfig(ctx.env.DB, installation.key, ticket.scope, cached);
  }
  const scope = cached.settings === null ? null : adapter.parseSettings(cached.settings);
  return { settings: adapter.mergeSettings(base, scope?.ok ? scope.value : null), problems: cached.problems };
}

/** The policy the settings name (a built-in or the installation's uploaded one); an unknown one is reported and the default used. */
async function resolvePolicy(
  env: Env,
  installationKey: string,
  settings: SharedHostSettings,
  fallbackId: string,
  problems: Problem[],
): Promise<Policy> {
  const chosen = settings.policy ? await findInstallationPolicy(env, installationKey, settings.policy) : null;
  if (chosen && !chosen.ok) problems.push({ path: 'policy', message: chosen.issue.detail });
  const builtIns = await builtInPolicies(env.ASSETS);
  const policy = (chosen?.ok ? chosen.value : undefined) ?? builtIns.get(fallbackId) ?? builtIns.values().next().value;
  // The asset always holds core's built-in policies (builtInPolicies refuses an empty one), so finding none is a programmer error.
  if (!policy) throw new Error('no built-in policy is available');
  return policy;
}

/** The evaluation's customer messages not yet said on the ticket (in this write mode): each is said once. */
async function unsaid(db: D1Database, ticketKey: string, evaluation: Evaluation, mode: 'live' | 'dry-run'): Promise<TicketMessage[]> {
  const customer = (evaluation.messages ?? []).filter((m) => m.audience === 'customer');
  if (customer.length === 0) return [];
  const said = await saidCodes(db, ticketKey, mode);
  return customer.filter((m) => !said.has(m.code));
}

/** Plazo's own later changes arrive as deliveries from this actor and are ignored. */
async function learnSelf(db: D1Database, session: HostSession<unknown, unknown>, installation: StoredInstallation): Promise<void> {
  if (installation.selfActor) return;
  const actor = await session.selfActor();
  if (actor) await setSelfActor(db, installation.key, actor);
}
