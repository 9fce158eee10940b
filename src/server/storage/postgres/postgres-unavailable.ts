// Which PostgreSQL failures mean "not now" rather than "wrong": the server down or restarting,
// the network between, a connection not had in time, a statement past its time limit, too
// many connections. These become RecordsUnavailable (503, try again); anything else stays the
// error it is (a 500 is a bug to look at).
import { RecordsUnavailable } from '../storage.ts';

// SQLSTATE classes 08 (connection exception) and 53 (insufficient resources, e.g. too many
// connections), and single states: query canceled (statement_timeout), idle-in-transaction
// timeout, admin / crash shutdown, cannot connect now, and the two a unit was retried for
// already (serialization failure, deadlock).
const UNAVAILABLE_CLASSES = ['08', '53'];
const UNAVAILABLE_STATES = new Set(['57014', '25P03', '57P01', '57P02', '57P03', '40001', '40P01']);
// What Node says when the network is the problem.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
// What pg says of a connection it lost or never got (these come without a code).
const PG_CONNECTION_MESSAGES = [/timeout exceeded when trying to connect/i, /connection terminated/i, /not queryable/i, /connection ended/i];

export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2)) || NETWORK_CODES.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isPostgresUnavailable);
  return PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message));
}

/** The error as the rest of the server should see it. */
export function recordsError(error: unknown): unknown {
  return isPostgresUnavailable(error) ? new RecordsUnavailable((error as Error).message) : error;
}

/** The same methods, each rethrowing a PostgreSQL failure of availability as RecordsUnavailable. */
export function reportingUnavailable<Methods extends object>(methods: Methods): Methods {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] =
      typeof method === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              throw recordsError(error);
            }
          }
        : method;
  }
  return wrapped as Methods;
}
