// Sign-ins to the store console in SQLite (migration 5). Only the token's SHA-256 is kept; a
// sign-in counts while it has not expired and its advisor is not disabled.
import type Database from 'better-sqlite3';
import { liveConsoleSession, type ConsoleSessionRow } from './record-rows.ts';
import type { Storage } from './storage.ts';

type Methods = 'createConsoleSession' | 'findConsoleSession' | 'endConsoleSession';

export function sqliteConsoleSessions(db: Database.Database): Pick<Storage, Methods> {
  const insert = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO console_sessions (token_hash, store_id, advisor_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // Times are the server's own toISOString (UTC, one format), so text order is time order.
  const sweep = db.prepare<[string]>('DELETE FROM console_sessions WHERE expires_at <= ?');
  const select = db.prepare<[string], ConsoleSessionRow>(
    `SELECT s.store_id AS storeId, s.advisor_id AS advisorId, a.username, a.name, a.role, s.csrf_token AS csrfToken,
            s.expires_at AS expiresAt, a.disabled_at AS disabledAt
     FROM console_sessions s JOIN advisors a ON a.id = s.advisor_id AND a.store_id = s.store_id
     WHERE s.token_hash = ?`,
  );
  const remove = db.prepare<[string]>('DELETE FROM console_sessions WHERE token_hash = ?');

  return {
    async createConsoleSession({ tokenHash, storeId, advisorId, csrfToken, createdAt, expiresAt }) {
      db.transaction(() => {
        sweep.run(createdAt);
        insert.run(tokenHash, storeId, advisorId, csrfToken, createdAt, expiresAt);
      })();
    },
    findConsoleSession: async (tokenHash, now) => liveConsoleSession(select.get(tokenHash), now),
    async endConsoleSession(tokenHash) {
      remove.run(tokenHash);
    },
  };
}
