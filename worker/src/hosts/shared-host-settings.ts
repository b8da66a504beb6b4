import * as z from 'zod';

/**
 * Settings every host's installation defaults and scope files carry, read by shared code: which policy applies, when a
 * deadline turns at risk, and whether write-backs are planned without being sent. Each adapter's settings schema spreads this shape.
 */
export const sharedHostSettingsShape = {
  policy: z.string().min(1).optional().describe('Id of the policy; DEFAULT_POLICY_ID when absent.'),
  atRiskRemainingRatio: z
    .number()
    .gt(0)
    .lt(1)
    .optional()
    .describe("A running target is at risk when this share of it (or less) is left; the policy's sla.atRiskRemainingRatio when absent."),
  customerMessages: z
    .boolean()
    .optional()
    .describe("Reply to the customer on the ticket with the policy's customer messages, once each; off when absent."),
  dryRun: z
    .boolean()
    .optional()
    .describe("Plan write-backs without sending them, even with credentials (read from the installation's settings)."),
  monthlyTicketQuota: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Tickets a customer may open per calendar month (the policy's zone); replaces the policy's intake.monthlyTicketQuota."),
  organizationQuotas: z
    .array(z.strictObject({ organization: z.string().min(1), monthlyTicketQuota: z.number().int().positive() }))
    .optional()
    .describe("Monthly ticket limits of single organisations (their plans), by the host's organisation id, over monthlyTicketQuota."),
};
export const sharedHostSettingsSchema = z.object(sharedHostSettingsShape);
export type SharedHostSettings = z.infer<typeof sharedHostSettingsSchema>;
