import type { TicketInput } from '@plazo/core';

/** The ticket's own fields as the sidebar reads them through ZAF (`ticket.id`, `ticket.subject`, …). */
export type ZafTicketFields = {
  id: number | string | null;
  subject: string | null;
  description: string | null;
  createdAt: string | null;
};

/**
 * The core ticket the Worker would build for this ticket before any activity: its key, creation, subject and first
 * message, no timeline. A ticket still being written has no id or creation yet: it is created now.
 */
export function previewTicket(subdomain: string, fields: ZafTicketFields, nowMs: number): TicketInput {
  const id = fields.id === null || fields.id === '' ? 'new' : String(fields.id);
  const created = fields.createdAt && !Number.isNaN(Date.parse(fields.createdAt)) ? fields.createdAt : new Date(nowMs).toISOString();
  return {
    id: `zendesk:${subdomain}:${id}`,
    createdAt: new Date(Date.parse(created)).toISOString(),
    subject: fields.subject ?? '',
    body: fields.description ?? '',
    channel: 'zendesk',
    timeline: [],
  };
}
