// The report API's JSON (GET /api/v1/reports/…), shared with the admin page (worker/reports-page) by type only.

/** Months are calendar months in the zone of the ticket's policy ("2026-03"); a range includes both ends. */
export type MonthRange = { installation: string; from: string; to: string; months: string[] };

/** A customer is a ticket's organisation when the host names one, else its requester (a GitHub login, a Zendesk user id). */
export type CustomerKind = 'organization' | 'requester';

/** Hours one customer's tickets took in one month, from the time agents recorded (Zendesk Time Tracking, `/plazo time`, worklogs). */
export type HoursRow = {
  customer: string;
  customerKind: CustomerKind;
  month: string;
  seconds: number;
  hours: number;
  tickets: number;
  entries: number;
};
export type HoursReport = MonthRange & { rows: HoursRow[] };

/** One target's outcome over the tickets of a row: counts by state and the median business time to meet it. */
export type TargetSummary = {
  met: number;
  breached: number;
  atRisk: number;
  running: number;
  paused: number;
  /** Median business time (policy calendar) from creation to the instant the target was met; null when none was met. */
  medianBusinessMs: number | null;
};

/** Tickets created in a month under one policy and priority, as their last evaluation left them. */
export type ComplianceRow = {
  policy: string;
  priority: string;
  month: string;
  tickets: number;
  excluded: number;
  firstResponse: TargetSummary;
  resolution: TargetSummary;
};

/** How many of a customer's tickets created in a month carry a flag of their evaluation (any flag, as the rules name it). */
export type FlagRow = { customer: string; customerKind: CustomerKind; month: string; flag: string; tickets: number };

export type ComplianceReport = MonthRange & { rows: ComplianceRow[]; flags: FlagRow[] };
