// The store console's index of cards in SQLite (migration 6; the rows: console-index-rows.ts).
// Before it answers, a read catches the store's index up with every card whose change_seq is
// past the store's cursor: change numbers come from one counter under SQLite's single writer,
// so no change can commit behind the cursor. Each step reads and writes one batch in one
// transaction and then lets the event loop run, so pushes go on during a long first catch-up.
import type Database from 'better-sqlite3';
import type { Job } from '../../shared/job.ts';
import { jobFacts, type JobFacts } from '../console/job-facts.ts';
import {
  CARD_COLUMNS,
  CATCH_UP_BATCH,
  cardRow,
  factsOfValues,
  factsQueryKey,
  prefixEnd,
  SEARCH_COLUMNS,
  SELECTED,
  searchTerms,
  sharedWhileRunning,
  type CardRow,
} from './console-index-rows.ts';
import type { ConsoleIndexMethods, FactsQuery, Storage } from './storage.ts';

const NEWEST_FIRST = 'ORDER BY created_ms DESC, rowid DESC';

type Values = Array<string | number | null>;

export function sqliteConsoleIndex(db: Database.Database): Pick<Storage, ConsoleIndexMethods> {
  const cursorOf = db.prepare<[string], number>('SELECT indexed_seq FROM console_index_cursors WHERE store_id = ?').pluck();
  const changed = db.prepare<[string, number, number], { change_seq: number; body: string }>(
    'SELECT change_seq, body FROM jobs WHERE store_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?',
  );
  const upsertCard = db.prepare<[CardRow & { store_id: string }]>(
    `INSERT INTO console_cards (store_id, ${CARD_COLUMNS.join(', ')}) VALUES (@store_id, ${CARD_COLUMNS.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (job_id) DO UPDATE SET ${CARD_COLUMNS.filter((c) => c !== 'job_id').map((c) => `${c} = excluded.${c}`).join(', ')}
     WHERE console_cards.change_seq < excluded.change_seq AND console_cards.store_id = excluded.store_id`,
  );
  const setCursor = db.prepare<[string, number]>(
    `INSERT INTO console_index_cursors (store_id, indexed_seq) VALUES (?, ?)
     ON CONFLICT (store_id) DO UPDATE SET indexed_seq = max(indexed_seq, excluded.indexed_seq)`,
  );

  /** One step: the next batch of changed cards indexed, and the cursor moved past them; false when none was left. */
  const step = db.transaction((storeId: string): boolean => {
    const rows = changed.all(storeId, cursorOf.get(storeId) ?? 0, CATCH_UP_BATCH);
    for (const row of rows) upsertCard.run({ store_id: storeId, ...cardRow(jobFacts(JSON.parse(row.body) as Job), row.change_seq) });
    const last = rows.at(-1);
    if (last) setCursor.run(storeId, last.change_seq);
    return rows.length === CATCH_UP_BATCH;
  });

  async function catchUp(storeId: string): Promise<void> {
    // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
    while (step.immediate(storeId)) await new Promise((resolve) => setImmediate(resolve));
  }

  // Rows are read as arrays (raw): a year of cards is tens of thousands of rows. Each range is
  // read in its index's order, so no sort.
  const rows = <P extends unknown[]>(sql: string) => db.prepare<P, Values>(sql).raw(true);
  const byQuery = {
    created: rows<[string, number, number]>(`SELECT ${SELECTED} FROM console_cards WHERE store_id = ? AND created_ms >= ? AND created_ms < ? ORDER BY created_ms`),
    delivered: rows<[string, number, number]>(`SELECT ${SELECTED} FROM console_cards WHERE store_id = ? AND delivered_ms >= ? AND delivered_ms < ? ORDER BY delivered_ms`),
    appointments: rows<[string, number, number]>(`SELECT ${SELECTED} FROM console_cards WHERE store_id = ? AND appointment_ms >= ? AND appointment_ms < ? ORDER BY appointment_ms`),
    open: rows<[string]>(`SELECT ${SELECTED} FROM console_cards WHERE store_id = ? AND checked_in_ms IS NOT NULL AND delivered_ms IS NULL ORDER BY created_ms`),
  };
  // Each searched column a prefix range of its own index, which also holds created_ms: the
  // matches are ranked newest first from the indexes alone, and only the page's rows are read.
  // A term that is null matches nothing.
  const search = rows<[Record<string, string | number | null>]>(
    `SELECT ${SELECTED} FROM console_cards WHERE rowid IN (
       SELECT id FROM (
         ${SEARCH_COLUMNS.map(([term, column]) => `SELECT rowid AS id, created_ms FROM console_cards WHERE store_id = @storeId AND ${column} >= @${term} AND ${column} < @${term}End`).join('\n         UNION ')}
       ) ORDER BY created_ms DESC, id DESC LIMIT @limit
     ) ${NEWEST_FIRST}`,
  );
  const byPhone = rows<[string, string, number]>(`SELECT ${SELECTED} FROM console_cards WHERE store_id = ? AND customer_phone = ? ${NEWEST_FIRST} LIMIT ?`);
  const byName = rows<[string, string, number]>(`SELECT ${SELECTED} FROM console_cards WHERE store_id = ? AND customer_name = ? ${NEWEST_FIRST} LIMIT ?`);
  const checkedInBetween = db
    .prepare<[string, number, number, number], string>(
      `SELECT j.body FROM console_cards c JOIN jobs j ON j.id = c.job_id AND j.store_id = c.store_id
       WHERE c.store_id = ? AND c.checked_in_ms >= ? AND c.checked_in_ms < ? ORDER BY c.checked_in_ms, c.job_id LIMIT ?`,
    )
    .pluck();

  const facts = (values: Values[]): JobFacts[] => values.map(factsOfValues);

  return {
    consoleFacts: sharedWhileRunning(factsQueryKey, async (storeId: string, query: FactsQuery) => {
      await catchUp(storeId);
      if (query.kind === 'open') return facts(byQuery.open.all(storeId));
      return facts(byQuery[query.kind].all(storeId, Date.parse(query.from), Date.parse(query.to)));
    }),
    async searchCards(storeId, text, limit) {
      const terms = searchTerms(text);
      if (!terms) return [];
      await catchUp(storeId);
      const params: Record<string, string | number | null> = { storeId, limit };
      for (const [term] of SEARCH_COLUMNS) {
        params[term] = terms[term];
        params[`${term}End`] = terms[term] === null ? null : prefixEnd(terms[term]);
      }
      return facts(search.all(params));
    },
    async cardsOfCustomer(storeId, { phone, name }, limit) {
      const digits = phone.replace(/\D/g, '');
      if (digits === '' && name.trim() === '') return [];
      await catchUp(storeId);
      return facts(digits !== '' ? byPhone.all(storeId, digits, limit) : byName.all(storeId, name.trim(), limit));
    },
    async jobsCheckedIn(storeId, { from, to }, limit) {
      await catchUp(storeId);
      return checkedInBetween.all(storeId, Date.parse(from), Date.parse(to), limit).map((body) => JSON.parse(body) as Job);
    },
  };
}
