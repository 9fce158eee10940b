// Copies one store's records from an embedded SQLite database into PostgreSQL, row for row, for
// `admin migrate` (admin/migrate-store.ts). Every insert skips a row already there, so a copy
// cut short is simply run again; rows keep their ids, the job cards their change numbers (the
// tablets' pull cursors stay valid) and the mutation log its order. The source is only read.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { pgText } from './postgres-query.ts';

type StoreTable = {
  name: string;
  /** The rows of the store, as a WHERE clause on the table with the store's id as `@storeId`. */
  where: string;
  /** The order rows are copied in, where it matters (the mutation log's server order). */
  orderBy?: string;
  /** The column the database makes itself, left out of the copy. */
  generated?: string;
  /** Where the same rows are in PostgreSQL, with the store's id as $1. */
  pgWhere: string;
};

const OF_STORE = { where: 'store_id = @storeId', pgWhere: 'store_id = $1' };
const OF_STORE_DEVICES = {
  where: 'device_id IN (SELECT id FROM devices WHERE store_id = @storeId)',
  pgWhere: 'device_id IN (SELECT id FROM devices WHERE store_id = $1)',
};

/** In the order foreign keys need: stores before what belongs to them. */
export const STORE_TABLES: readonly StoreTable[] = [
  { name: 'stores', where: 'id = @storeId', pgWhere: 'id = $1' },
  { name: 'advisors', ...OF_STORE },
  { name: 'enrollment_codes', ...OF_STORE },
  { name: 'devices', ...OF_STORE },
  { name: 'retired_tokens', ...OF_STORE_DEVICES },
  { name: 'device_advisors', ...OF_STORE_DEVICES },
  {
    name: 'client_seqs',
    where: 'client_id IN (SELECT client_id FROM devices WHERE store_id = @storeId)',
    pgWhere: 'client_id IN (SELECT client_id FROM devices WHERE store_id = $1)',
  },
  { name: 'jobs', ...OF_STORE, orderBy: 'change_seq' },
  { name: 'mutations', ...OF_STORE, orderBy: 'server_order', generated: 'server_order' },
  { name: 'catalogues', ...OF_STORE },
  { name: 'store_blobs', ...OF_STORE },
  { name: 'store_profiles', ...OF_STORE },
];

const BATCH_ROWS = 500;

type Row = Record<string, unknown>;

/** Copies the table's rows of the store that PostgreSQL lacks; returns how many it inserted. */
export async function copyStoreTable(source: Database.Database, pool: pg.Pool, table: StoreTable, storeId: string): Promise<number> {
  const select = source.prepare<[{ storeId: string }], Row>(
    `SELECT * FROM ${table.name} WHERE ${table.where}${table.orderBy ? ` ORDER BY ${table.orderBy}` : ''}`,
  );
  let inserted = 0;
  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length > 0) inserted += await insertRows(pool, table, batch);
    batch = [];
  };
  for (const row of select.iterate({ storeId })) {
    if (table.generated) delete row[table.generated];
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  if (table.name === 'jobs') await continueChangeNumbers(pool, storeId);
  return inserted;
}

async function insertRows(pool: pg.Pool, table: StoreTable, rows: Row[]): Promise<number> {
  const columns = Object.keys(rows[0] ?? {});
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      const value = row[column];
      values.push(typeof value === 'string' ? pgText(value) : value);
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  // A row already copied (a run cut short and started again) is left as it is.
  const sql = `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`;
  // One statement is atomic on its own: a batch is inserted whole or not at all.
  return (await pool.query(sql, values)).rowCount ?? 0;
}

/** The store's next change number follows the highest copied, so every cursor a tablet holds stays right. */
async function continueChangeNumbers(pool: pg.Pool, storeId: string): Promise<void> {
  await pool.query(
    `INSERT INTO store_change_counters (store_id, value)
     SELECT $1, coalesce(max(change_seq), 0) FROM jobs WHERE store_id = $1
     ON CONFLICT (store_id) DO UPDATE SET value = greatest(store_change_counters.value, excluded.value)`,
    [storeId],
  );
}

/** How many rows of the store each table holds, in the source and in PostgreSQL. */
export async function countStoreRows(source: Database.Database, pool: pg.Pool, storeId: string): Promise<Array<{ table: string; source: number; target: number }>> {
  const counts = [];
  for (const table of STORE_TABLES) {
    const inSource = source.prepare<[{ storeId: string }], number>(`SELECT count(*) FROM ${table.name} WHERE ${table.where}`).pluck().get({ storeId }) ?? 0;
    const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${table.name} WHERE ${table.pgWhere}`, [storeId]);
    counts.push({ table: table.name, source: inSource, target: rows[0]?.count ?? 0 });
  }
  return counts;
}
