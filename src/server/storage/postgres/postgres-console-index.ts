// The store console's index of cards in PostgreSQL (migration 3; the rows: ../console-index-rows.ts).
// Before it answers, a read catches the store's index up with every card whose change_seq is
// past the store's cursor. That is complete: a store's change numbers commit in order
// (postgres-sync-records.ts), so once a number is visible every smaller one that still stands
// is too. Several server processes may catch one store up at once: each step indexes a batch
// and moves the cursor in one transaction, a card's row is replaced only by a newer change of
// it, the cursor only ever moves forward, and the rows are written in job id order, so two
// steps that overlap wait for each other rather than deadlock (and a deadlock is retried).
import type pg from 'pg';
import type { Job } from '../../../shared/job.ts';
import { jobFacts } from '../../console/job-facts.ts';
import { CARD_COLUMNS, CATCH_UP_BATCH, cardRow, factsOfValues, factsQueryKey, prefixEnd, SEARCH_COLUMNS, SELECTED, searchTerms, sharedWhileRunning, type CardColumn, type CardRow } from '../console-index-rows.ts';
import type { ConsoleIndexMethods, FactsQuery, Storage } from '../storage.ts';
import { firstRow, pgText, rowsOf } from './postgres-query.ts';
import { inTransaction, sqlState } from './postgres-transaction.ts';

const INT_COLUMNS = new Set<CardColumn>([
  'change_seq', 'created_ms', 'checked_in_ms', 'photo_count', 'estimate_fen', 'final_fen', 'additions_offered', 'additions_offered_fen',
  'additions_approved', 'additions_approved_fen', 'promised_ms', 'delivered_ms', 'follow_up_no_answer', 'follow_up_open',
  'appointment_ms', 'appointment_no_show',
]);

const UPSERT = `INSERT INTO console_cards (store_id, ${CARD_COLUMNS.join(', ')})
  SELECT $1, ${CARD_COLUMNS.map((c) => `r.${c}`).join(', ')}
  FROM unnest(${CARD_COLUMNS.map((c, i) => `$${i + 2}::${INT_COLUMNS.has(c) ? 'bigint' : 'text'}[]`).join(', ')})
    AS r (${CARD_COLUMNS.join(', ')})
  ORDER BY r.job_id
  ON CONFLICT (job_id) DO UPDATE SET ${CARD_COLUMNS.filter((c) => c !== 'job_id').map((c) => `${c} = excluded.${c}`).join(', ')}
  WHERE console_cards.change_seq < excluded.change_seq AND console_cards.store_id = excluded.store_id`;

const SET_CURSOR = `INSERT INTO console_index_cursors (store_id, indexed_seq) VALUES ($1, $2)
  ON CONFLICT (store_id) DO UPDATE SET indexed_seq = greatest(console_index_cursors.indexed_seq, excluded.indexed_seq)`;

const ORDER = 'ORDER BY created_ms DESC, job_id DESC';

// Each searched column a prefix range of its own index, which also holds created_ms: the
// matches are ranked newest first, then only the page's rows are read.
const SEARCH = `SELECT ${SELECTED} FROM console_cards WHERE job_id IN (
  SELECT job_id FROM (
    ${SEARCH_COLUMNS.map(([, column], i) => `SELECT job_id, created_ms FROM console_cards WHERE store_id = $1 AND ${column} >= $${2 * i + 3}::text AND ${column} < $${2 * i + 4}::text`).join('\n    UNION ')}
  ) AS matched ORDER BY created_ms DESC, job_id DESC LIMIT $2
) ${ORDER}`;

/** PostgreSQL's text cannot hold U+0000: every text the row takes goes through pgText, as the jobs' look-up copies do. */
function postgresValue(value: string | number | null): string | number | null {
  return typeof value === 'string' ? pgText(value) : value;
}

const RETRIED = new Set(['40001', '40P01']);

/**
 * Writes index rows of one store. A row replaces the one there only when it holds a newer change
 * of its card: a process that read a card before another indexed a later change of it (several
 * processes catch up at once) never puts the older facts back.
 */
export async function upsertIndexRows(client: pg.PoolClient | pg.Pool, storeId: string, rows: CardRow[]): Promise<void> {
  await client.query(UPSERT, [storeId, ...CARD_COLUMNS.map((column) => rows.map((row) => postgresValue(row[column])))]);
}

export function postgresConsoleIndex(pool: pg.Pool): Pick<Storage, ConsoleIndexMethods> {
  /** One step: the next batch indexed and the cursor moved past it, in one transaction; true when more may be left. */
  async function step(storeId: string): Promise<boolean> {
    return inTransaction(pool, 'BEGIN', async (client) => {
      const cursor = await firstRow<{ indexed_seq: string }>(client, 'SELECT indexed_seq FROM console_index_cursors WHERE store_id = $1', [storeId]);
      const changed = await rowsOf<{ change_seq: string; body: string }>(
        client,
        'SELECT change_seq, body FROM jobs WHERE store_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3',
        [storeId, cursor?.indexed_seq ?? 0, CATCH_UP_BATCH],
      );
      const last = changed.at(-1);
      if (!last) return false;
      // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
      const rows = changed.map((row) => cardRow(jobFacts(JSON.parse(row.body) as Job), Number(row.change_seq)));
      await upsertIndexRows(client, storeId, rows);
      await client.query(SET_CURSOR, [storeId, last.change_seq]);
      return changed.length === CATCH_UP_BATCH;
    });
  }

  async function catchUp(storeId: string): Promise<void> {
    for (let attempt = 1; ; ) {
      try {
        if (!(await step(storeId))) return;
      } catch (error) {
        // Two processes' steps that crossed: PostgreSQL undid one of them, which runs again.
        if (attempt < 4 && RETRIED.has(sqlState(error) ?? '')) {
          attempt += 1;
          continue;
        }
        throw error;
      }
    }
  }

  // Rows come as arrays in SELECTED's order: a year of cards is tens of thousands of rows.
  const facts = async (sql: string, params: unknown[]) =>
    (await pool.query<Array<string | number | null>>({ text: sql, values: params, rowMode: 'array' })).rows.map(factsOfValues);

  return {
    consoleFacts: sharedWhileRunning(factsQueryKey, async (storeId: string, query: FactsQuery) => {
      await catchUp(storeId);
      switch (query.kind) {
        case 'created':
          return facts(`SELECT ${SELECTED} FROM console_cards WHERE store_id = $1 AND created_ms >= $2 AND created_ms < $3 ORDER BY created_ms`, [
            storeId, Date.parse(query.from), Date.parse(query.to),
          ]);
        case 'delivered':
          return facts(`SELECT ${SELECTED} FROM console_cards WHERE store_id = $1 AND delivered_ms >= $2 AND delivered_ms < $3 ORDER BY delivered_ms`, [
            storeId, Date.parse(query.from), Date.parse(query.to),
          ]);
        case 'appointments':
          return facts(`SELECT ${SELECTED} FROM console_cards WHERE store_id = $1 AND appointment_ms >= $2 AND appointment_ms < $3 ORDER BY appointment_ms, job_id`, [
            storeId, Date.parse(query.from), Date.parse(query.to),
          ]);
        case 'open':
          return facts(
            `SELECT ${SELECTED} FROM console_cards WHERE store_id = $1 AND checked_in_ms IS NOT NULL AND delivered_ms IS NULL ORDER BY created_ms, job_id`,
            [storeId],
          );
      }
    }),
    async searchCards(storeId, text, limit) {
      const terms = searchTerms(text);
      if (!terms) return [];
      await catchUp(storeId);
      const ranges = SEARCH_COLUMNS.flatMap(([term]) => {
        const value = terms[term];
        return value === null ? [null, null] : [pgText(value), pgText(prefixEnd(value))];
      });
      return facts(SEARCH, [storeId, limit, ...ranges]);
    },
    async cardsOfCustomer(storeId, { phone, name }, limit) {
      const digits = phone.replace(/\D/g, '');
      if (digits === '' && name.trim() === '') return [];
      await catchUp(storeId);
      return digits !== ''
        ? facts(`SELECT ${SELECTED} FROM console_cards WHERE store_id = $1 AND customer_phone = $2 ${ORDER} LIMIT $3`, [storeId, digits, limit])
        : facts(`SELECT ${SELECTED} FROM console_cards WHERE store_id = $1 AND customer_name = $2 ${ORDER} LIMIT $3`, [storeId, pgText(name.trim()), limit]);
    },
    async jobsCheckedIn(storeId, { from, to }, limit) {
      await catchUp(storeId);
      const rows = await rowsOf<{ body: string }>(
        pool,
        `SELECT j.body FROM console_cards c JOIN jobs j ON j.id = c.job_id AND j.store_id = c.store_id
         WHERE c.store_id = $1 AND c.checked_in_ms >= $2 AND c.checked_in_ms < $3 ORDER BY c.checked_in_ms, c.job_id LIMIT $4`,
        [storeId, Date.parse(from), Date.parse(to), limit],
      );
      return rows.map((row) => JSON.parse(row.body) as Job);
    },
  };
}
