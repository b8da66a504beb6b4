/** One of the customer's other open tickets, as the host's store knows it. */
export type HistoryTicket = {
  id: string;
  /** How the host names it to people ("acme/web#12", "#4521"). */
  label: string;
  subject: string;
  /** Its triage category when it was last evaluated (null: none). */
  category: string | null;
  createdAt: string;
};

/**
 * What the caller knows of the customer beyond this ticket (core reads no store): who "the customer" is, their other
 * open tickets, and how many tickets they opened in this ticket's calendar month. Absent: the history rules that need it
 * (duplicates, monthly quota) do not run.
 */
export type TicketHistory = {
  /** Whose history: the organisation's when the host gives one, else the requester's. */
  identity: 'requester' | 'organization';
  /** Why it is the requester's, when the host cannot give an organisation ("GitHub has no organisations"). */
  identityNote?: string;
  /** The customer's other open tickets created before this one. */
  openTickets: readonly HistoryTicket[];
  /** This ticket's position among the customer's tickets created in its calendar month (policy's zone), itself included. */
  monthCount: number;
};
