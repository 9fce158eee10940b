// A store and its people as the tablets and the store console both see them: small schemas of
// their own, so the console's sign-in reads them without loading the sync protocol.
import { z } from 'zod';

export const storeSummarySchema = z.object({
  id: z.uuid(),
  /** Short code in job numbers, e.g. 'SH01'. */
  code: z.string(),
  name: z.string(),
});
export type StoreSummary = z.infer<typeof storeSummarySchema>;

export const ADVISOR_ROLES = ['advisor', 'admin'] as const;
export type AdvisorRole = (typeof ADVISOR_ROLES)[number];

export const advisorSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ADVISOR_ROLES),
});
export type Advisor = z.infer<typeof advisorSchema>;

/** Lower-case letters, digits, dots, dashes and underscores: typed on a tablet's keyboard. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,40}$/, { message: 'username.invalid' });
