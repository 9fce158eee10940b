// Sign-ins to the store console in PostgreSQL (the same records as sqlite-console-sessions.ts).
import type pg from 'pg';
import { liveConsoleSession, type ConsoleSessionRow } from '../record-rows.ts';
import type { Storage } from '../storage.ts';
import { firstRow } from './postgres-query.ts';

type Methods = 'createConsoleSession' | 'findConsoleSession' | 'endConsoleSession';

export function postgresConsoleSessions(pool: pg.Pool): Pick<Storage, Methods> {
  return {
    async createConsoleSession({ tokenHash, storeId, advisorId, csrfToken, createdAt, expiresAt }) {
      // One statement: the sweep of expired sign-ins and the new one commit together.
      await pool.query(
        `WITH swept AS (DELETE FROM console_sessions WHERE expires_at <= $5)
         INSERT INTO console_sessions (token_hash, store_id, advisor_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [tokenHash, storeId, advisorId, csrfToken, createdAt, expiresAt],
      );
    },
    findConsoleSession: async (tokenHash, now) =>
      liveConsoleSession(
        await firstRow<ConsoleSessionRow>(
          pool,
          `SELECT s.store_id AS "storeId", s.advisor_id AS "advisorId", a.username, a.name, a.role, s.csrf_token AS "csrfToken",
                  s.expires_at AS "expiresAt", a.disabled_at AS "disabledAt"
           FROM console_sessions s JOIN advisors a ON a.id = s.advisor_id AND a.store_id = s.store_id
           WHERE s.token_hash = $1`,
          [tokenHash],
        ),
        now,
      ),
    async endConsoleSession(tokenHash) {
      await pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
    },
  };
}
