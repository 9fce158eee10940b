// The contract between the IndexedDB harness page (browser) and the runner (Node): what
// `window.bench` offers and what each call returns. Types only, so both sides agree on the
// shape of every figure without sharing any runtime code.

/** Timings of sequential `updateCard` calls on one job. */
export type SaveResult = {
  jobId: string;
  timingsMs: number[];
  /** Outbox rows after the run: each save must have queued exactly one mutation. */
  outboxRows: number;
  /** The customer name read back after the last save, to prove the writes landed. */
  lastName: string;
};

export type SeedResult = {
  created: number;
  /** Rows in `jobs` after seeding, counted by IndexedDB. */
  rowsInDb: number;
  ms: number;
  /** What the search queries are drawn from. */
  plates: string[];
  vins: string[];
  names: string[];
  jobIds: string[];
};

export type SearchTiming = {
  query: string;
  /** `searchJobs(db, query)` end to end, rows read and mapped. */
  ms: number;
  /** Rows `searchJobs` returned (it caps the list at 200). */
  hits: number;
  /** All rows whose search terms start with the query, counted afterwards (untimed). */
  matches: number;
};

export type BenchApi = {
  /** Deletes and reopens the benchmark database. */
  reset(): Promise<void>;
  /** Times `count` saves after `warmup` untimed ones, on a new job unless `jobId` is given. */
  saveChange(count: number, warmup: number, jobId?: string): Promise<SaveResult>;
  /** Creates `count` realistic cards through `createJob`, `batchSize` per transaction. */
  seed(count: number, seed: number, batchSize: number): Promise<SeedResult>;
  /** Times one `searchJobs` per query, after the `warmup` queries run untimed. */
  search(queries: string[], warmup: string[]): Promise<SearchTiming[]>;
  /** Dexie's debug mode during the run (Dexie turns it on by itself on localhost). */
  dexieDebug(): boolean;
};

declare global {
  interface Window {
    bench?: BenchApi;
  }
}
