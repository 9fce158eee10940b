// Small helpers over pg for the records' one-statement reads and writes. Anything that must
// check and then act (enrollment, revocation) runs in a transaction instead (postgres-transaction.ts).
import type pg from 'pg';

export type Queryable = pg.Pool | pg.PoolClient;

/** The rows of one statement. */
export async function rowsOf<Row extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await db.query<Row>(sql, params)).rows;
}

/** The first row of one statement, if any. */
export async function firstRow<Row extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<Row | undefined> {
  return (await rowsOf<Row>(db, sql, params))[0];
}

/** How many rows one statement changed. */
export async function changed(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query(sql, params)).rowCount ?? 0;
}

/**
 * A text value as a PostgreSQL text column or parameter can take it. PostgreSQL's text cannot
 * hold U+0000, which JSON, the tablets and SQLite allow: in the copies kept for look-ups (job
 * number, plate, VIN) and in the terms they are searched by, a NUL becomes U+FFFD, so a value
 * is stored and found alike. The card itself is JSON text, where a NUL stays "\u0000".
 */
export function pgText<T extends string | null>(value: T): T {
  return (value === null ? value : value.replaceAll('\u0000', '\uFFFD')) as T;
}
