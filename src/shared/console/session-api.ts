// The store console's sign-in, as the server and the console page both read it.
import { z } from 'zod';
import { advisorSchema, storeSummarySchema, usernameSchema } from '../people.ts';

export const consoleSignInRequestSchema = z
  .object({
    /** The store's code (e.g. SH01): usernames are per store. */
    store: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,6}$/, { message: 'storeCode.invalid' }),
    username: usernameSchema,
    password: z.string().min(1).max(200),
  })
  .strict();
export type ConsoleSignInRequest = z.infer<typeof consoleSignInRequestSchema>;

export const consoleSessionSchema = z.object({
  store: storeSummarySchema,
  advisor: advisorSchema,
  /** Send it back in the x-csrf-token header with every change. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type ConsoleSession = z.infer<typeof consoleSessionSchema>;

export const CSRF_HEADER = 'x-csrf-token';
