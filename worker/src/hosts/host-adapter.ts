import type { Evaluation, Policy, Problem, Result, TicketInput, TicketMessage } from '@plazo/core';
import type { Env } from '../env.js';
import type { SharedHostSettings } from './shared-host-settings.js';

/** Hosts Plazo writes back to; a host joins by implementing `HostAdapter` and registering in adapters.ts. */
export type HostName = 'github' | 'zendesk' | 'jira';

/**
 * A delivery as it arrived, with everything a host may sign: the request URL (some hosts sign it), the headers, and the
 * body's exact bytes before any decoding (some hosts put the event's name in the body rather than in a header).
 */
export type RawDelivery = { url: string; headers: Headers; body: Uint8Array };

/** What the adapter learnt from a delivery once its signature checked out. */
export type DeliveryMeta = { id: string; event: string };

/** Why a delivery is refused before anything reads it. */
export type VerifyIssue = 'missing-signature' | 'bad-signature' | 'stale-signature' | 'bad-headers';

export type InstallationUpsert = { key: string; host: HostName; externalId: string; account: string | null };

/** What identifies a ticket and what the host said about it, both as delivered and as stored. */
type TicketFields = {
  key: string;
  installationKey: string;
  /** Where its configuration lives (a repository, a brand, a project: whatever the host configures separately). */
  scope: string;
  /** What the adapter needs to address it on the host. */
  ref: unknown;
  createdAt: string;
  subject: string;
  body: string;
  requester: string | null;
  /**
   * The requester's organisation as the host reports it; null or absent when the host has none (history rules then
   * count the requester's tickets alone).
   */
  organization?: string | null;
};

/** A ticket as the host reports it, stored as is; deciding anything waits for the write-back. */
export type TicketUpsert = TicketFields & {
  status: 'open' | 'closed';
  /** The host's update instant: an older delivery never overwrites a newer one. */
  hostUpdatedAt: string;
  /** What the host shows now, as far as this delivery tells (used by dry runs). */
  hostState: unknown;
};

/** A host fact that may move a clock (a comment, a close, a label); `eventKey` makes replays harmless. */
export type TicketFact = { eventKey: string; at: string; data: unknown };

/**
 * Time an agent spent on the ticket, as the host recorded it (a time-tracking field's change, a command, a worklog); `entryKey`
 * makes replays harmless and `source` says where it was read, so an installation's settings can say which sources count.
 */
export type TimeSpent = {
  entryKey: string;
  at: string;
  seconds: number;
  source: string;
  author: string | null;
  /**
   * A host record that can be edited or deleted (a Jira worklog: "worklog:<id>"): `seconds` is then its new total (0: deleted),
   * stored as the difference from its earlier entries; `entryKey` is `<revises>@<version>`, versions ordering as text, and a
   * version older than one stored adds nothing.
   */
  revises?: string;
};

/** What a verified, valid delivery asks Plazo to store. */
export type DeliveryEffect =
  | { kind: 'ignore'; reason: string }
  | {
      kind: 'ticket';
      installation: InstallationUpsert;
      actor: string | null;
      ticket: TicketUpsert;
      facts: TicketFact[];
      time?: TimeSpent[];
    }
  | { kind: 'retire-ticket'; installation: InstallationUpsert; actor: string | null; ticketKey: string }
  /** Time recorded apart from the ticket (a Jira worklog event names only the issue's id): stored, no write-back. */
  | { kind: 'time'; installation: InstallationUpsert; actor: string | null; ticketKey: string; time: TimeSpent[] }
  | { kind: 'move-ticket'; installation: InstallationUpsert; actor: string | null; fromKey: string; ticket: TicketUpsert }
  | { kind: 'installation'; installation: InstallationUpsert; active: boolean; retireScopes: string[] };

export type StoredInstallation = {
  key: string;
  host: HostName;
  externalId: string;
  account: string | null;
  active: boolean;
  /** The installation's defaults as stored (the adapter's settings shape, which includes the shared `policy` and `dryRun`). */
  settings: unknown;
  /** The host user whose changes are Plazo's own, learnt from the session (a login, a user id: whatever `actor` carries). */
  selfActor: string | null;
};

export type StoredTicket = TicketFields & {
  host: HostName;
  status: 'open' | 'closed' | 'retired';
  hostState: unknown;
  policyId: string | null;
  evaluation: Evaluation | null;
  /** The instant the stored evaluation was made for; later jobs never evaluate at an earlier one. */
  evaluatedAt: number | null;
  version: number;
  appliedVersion: number;
};

/** A scope's configuration as read from the host, before validation. */
export type ScopeConfigRead = { revision: string | null; raw: unknown; problems: Problem[] };

/**
 * Why a write-back failed, as a named problem, and whether trying again can help: a `permanent` failure is
 * recorded once and tried again only when its input changes (a new delivery) or an admin asks; `retryAfterMs` is the host's own wait.
 */
export type WriteBackFailure = { code: string; detail: string; permanent: boolean; retryAfterMs: number | null };

/** Limits every host call obeys, from the shared settings (HOST_RETRY_BASE_MS, HOST_TIMEOUT_MS). */
export type HostCallLimits = { retryBaseMs: number; timeoutMs: number };

/**
 * What an adapter is handed besides its input: its own configuration (what `readConfig` read from the Worker's
 * environment), the shared call limits, and the database for what it keeps per installation (a webhook secret, credentials).
 */
export type HostContext<Cfg> = { config: Cfg; limits: HostCallLimits; db: D1Database };

/** What `plan` sees: the decision from the core and what the host shows now. */
export type PlanInput<S, St> = {
  evaluation: Evaluation;
  policy: Policy;
  settings: S;
  /** Problems of the scope's configuration, reported on the ticket instead of silently ignored. */
  configProblems: Problem[];
  state: St;
  /** Customer messages to say now in one public reply: shared code drops the ones already said and those the settings keep quiet. */
  say?: readonly TicketMessage[];
};

/** An authenticated connection to one installation's host account. */
export interface HostSession<St, C> {
  /** The host user whose changes are Plazo's own, so that their deliveries are ignored. */
  selfActor(): Promise<string | null>;
  readScopeConfig(ticket: StoredTicket): Promise<ScopeConfigRead>;
  readState(ticket: StoredTicket): Promise<St>;
  /** Applies the changes in order and returns the host state they leave. */
  apply(ticket: StoredTicket, state: St, changes: readonly C[]): Promise<St>;
}

/**
 * One host: verify → parse into ticket facts → facts to a core ticket → plan a diff against host state → apply. It
 * translates; the core decides. Shared code decides the rest once for every host: the policy (`settings.policy`, else
 * DEFAULT_POLICY_ID), dry run (the installation's `dryRun`, or `connect` reporting missing credentials), retries.
 */
export interface HostAdapter<Cfg = unknown, S extends SharedHostSettings = SharedHostSettings, St = unknown, C = unknown> {
  readonly host: HostName;
  /** Reads this host's own vars and secrets from the Worker's environment; a malformed one throws naming it (an operator's mistake). */
  readConfig(env: Env): Cfg;
  /** Checks the signature over what the host signs, before anything parses the body. */
  verify(delivery: RawDelivery, ctx: HostContext<Cfg>): Promise<Result<DeliveryMeta, VerifyIssue>>;
  /** Validates a verified payload and says what to store; unhandled events are `ignore`. */
  parse(meta: DeliveryMeta, payload: unknown): Result<DeliveryEffect, 'invalid-payload'>;
  /** The users whose changes are Plazo's own, known from configuration alone (compared without regard to case). */
  configuredSelfActors(config: Cfg): string[];
  /** A session with the installation's credentials, or `missing-credentials` naming what is absent: then shared code runs a dry run. */
  connect(installation: StoredInstallation, ctx: HostContext<Cfg>): Promise<Result<HostSession<St, C>, 'missing-credentials'>>;
  /** Validates settings from a scope or an installation's defaults; the schema includes the shared keys (`sharedHostSettingsShape`). */
  parseSettings(raw: unknown): Result<S, 'invalid-config'>;
  /** Merges a scope's settings over the installation's. */
  mergeSettings(installation: S, scope: S | null): S;
  /** The installation's settings as they apply to one scope, when its own settings hold per-scope parts (Jira's projects). */
  settingsForScope?(installation: S, scope: string): S;
  /** `state`: what the host shows now (read for this write-back, or as stored for a dry run), for what only the host can tell. */
  toTicket(ticket: StoredTicket, facts: readonly TicketFact[], settings: S, policy: Policy, state: St): TicketInput;
  plan(input: PlanInput<S, St>): C[];
  /** The state a dry run keeps in place of calling the host, so the next plan diffs against the simulated host. */
  simulate(state: St, changes: readonly C[]): St;
  readStoredState(stored: unknown): St;
  describeFailure(error: unknown): WriteBackFailure;
  /** The ticket's text as the host state read for the write-back shows it, when deliveries may lack it; absent or null: as stored. */
  ticketText?(state: St): { body: string } | null;
  /** How people name a ticket on this host ("acme/web#12", "#4521"), for flags that point at another ticket; absent: its key. */
  ticketLabel?(ticket: Pick<StoredTicket, 'key' | 'ref'>): string;
  /** Set when the host has no organisations, saying so: history rules then use the requester, and their reasons say why. */
  readonly noOrganizations?: string;
  /** The customer message codes `changes` say (a public reply), recorded once applied or simulated; absent: the host says none. */
  toldCustomer?(changes: readonly C[]): string[];
  /** Whether reported time counts under the installation's settings (Zendesk: the Time Tracking field they name); absent: all counts. */
  countsTime?(time: TimeSpent, settings: S): boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds adapters of every host; each is used with its own types.
export type AnyHostAdapter = HostAdapter<any, any, any, any>;
