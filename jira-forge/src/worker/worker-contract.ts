import type { Evaluation } from '@plazo/core';

// The shapes of /work/notes/jira-contract.md: what the Worker answers the Forge app's UI calls.

/** GET /forge/jira/issues/<issueId>. */
export type IssueView = {
  ticket: { key: string; status: string };
  evaluation: Evaluation;
  policy: { id: string; name: string; locale: string; zone: string | null };
  /** The Jira priority name the decided priority maps to. */
  hostPriority: string | null;
  due: { resolution: string | null };
};

/** An installation's Jira settings, as the Worker validates and stores them. */
export type JiraSettings = {
  policy?: string;
  dryRun?: boolean;
  atRiskRemainingRatio?: number;
  projects?: Record<string, { policy?: string }>;
  priorityMap?: Record<string, string>;
  pauseStatuses?: string[];
  agents?: { projectRole?: string; group?: string };
};

export type Problem = { path: string; message: string };

export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** GET /forge/jira/config: the stored settings, the policies to choose from, and the site's own lists. */
export type ConfigView = {
  settings: JiraSettings;
  policies: { id: string; name: string; priorities: { id: string; name: string }[] }[];
  site: {
    priorities: { id: string; name: string }[];
    statuses: { id: string; name: string; category: StatusCategory }[];
    projects: { id: string; key: string; name: string }[];
    roles: { id: string; name: string }[];
    groups: { groupId: string; name: string }[];
  };
  /** Lists that could not be read (each then `[]`). */
  siteProblems?: { code: string; detail: string }[];
};
