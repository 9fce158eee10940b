// What must hold after a run of tablets against the server, however bad the network and
// however often the server died: each check returns the problems it found as sentences, so
// a failing test says what went wrong. The server side is read straight from its database
// (the SQLite file, or PostgreSQL) and its blob folder or bucket, not through the code under test.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { RejectReason } from '../../src/shared/protocol.ts';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import { canonicalJson } from '../../src/shared/canonical-json.ts';
import type { Job } from '../../src/shared/job.ts';
import type { Mutation } from '../../src/shared/mutation.ts';
import { blobsOf } from '../../src/shared/mutation-blobs.ts';
import { signedBytes } from '../../src/shared/signed-content.ts';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { s3ClientFor } from '../../src/server/blobs/s3-blob-store.ts';
import type { S3Config } from '../../src/server/blobs/s3-config.ts';
import { bucketKeys } from './s3-peer.ts';

export type LogRow = {
  serverOrder: number;
  mutationId: string;
  clientId: string;
  seq: number;
  jobId: string;
  op: string;
  payload: unknown;
  status: 'applied' | 'rejected';
  reason: RejectReason | null;
};

export type ServerState = {
  /** The mutation log in server order. */
  log: LogRow[];
  lastSeqs: Map<string, number>;
  jobs: Map<string, Job>;
  /** Blobs linked to the store (uploaded by its tablets). */
  storeBlobs: Set<string>;
};

/** Where the server keeps its records: its SQLite file, or a PostgreSQL database shared by its processes. */
export type RecordsAt = { sqlite: string } | { postgres: string };

// What the oracle reads, in SQL both databases take alike (the one parameter, $1, is the
// store id): quoted aliases, because PostgreSQL folds unquoted ones to lower case.
const STATE_SQL = {
  log: `SELECT server_order AS "serverOrder", mutation_id AS "mutationId", client_id AS "clientId", seq, job_id AS "jobId", op, payload, status, reason
        FROM mutations WHERE store_id = $1 ORDER BY server_order`,
  lastSeqs: `SELECT client_id AS "clientId", last_seq AS "lastSeq" FROM client_seqs WHERE client_id IN (SELECT client_id FROM devices WHERE store_id = $1)`,
  jobs: 'SELECT body FROM jobs WHERE store_id = $1',
  storeBlobs: 'SELECT sha256 FROM store_blobs WHERE store_id = $1',
} as const;
type StateRows = Record<keyof typeof STATE_SQL, Array<Record<string, unknown>>>;

/**
 * Reads the store's log, jobs, its tablets' lastSeqs and its blob links as committed, straight
 * from the database (the servers idle): the SQLite file read-only, or PostgreSQL in one snapshot.
 */
export async function readServerState(at: RecordsAt, storeId: string): Promise<ServerState> {
  const rows = 'sqlite' in at ? sqliteRows(at.sqlite, storeId) : await postgresRows(at.postgres, storeId);
  // PostgreSQL hands bigint columns over as strings.
  const log = rows.log.map((row) => ({
    ...(row as Omit<LogRow, 'payload'>),
    serverOrder: Number(row.serverOrder),
    seq: Number(row.seq),
    payload: JSON.parse(row.payload as string) as unknown,
  }));
  const lastSeqs = new Map(rows.lastSeqs.map((row) => [row.clientId as string, Number(row.lastSeq)]));
  const jobs = new Map(rows.jobs.map((row) => JSON.parse(row.body as string) as Job).map((job) => [job.id, job]));
  const storeBlobs = new Set(rows.storeBlobs.map((row) => row.sha256 as string));
  return { log, lastSeqs, jobs, storeBlobs };
}

function sqliteRows(file: string, storeId: string): StateRows {
  const db = new Database(file, { readonly: true });
  try {
    const read = (sql: string) => db.prepare<[string], Record<string, unknown>>(sql.replaceAll('$1', '?')).all(storeId);
    return { log: read(STATE_SQL.log), lastSeqs: read(STATE_SQL.lastSeqs), jobs: read(STATE_SQL.jobs), storeBlobs: read(STATE_SQL.storeBlobs) };
  } finally {
    db.close();
  }
}

async function postgresRows(url: string, storeId: string): Promise<StateRows> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const read = async (sql: string) => (await client.query<Record<string, unknown>>(sql, [storeId])).rows;
    const rows = { log: await read(STATE_SQL.log), lastSeqs: await read(STATE_SQL.lastSeqs), jobs: await read(STATE_SQL.jobs), storeBlobs: await read(STATE_SQL.storeBlobs) };
    await client.query('COMMIT');
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * Exactly once: every mutation a tablet made is in the log once, with the payload it was
 * made with; nothing else is; each tablet's seqs run 1..N without a gap and in server order,
 * and the server's lastSeq for it is N.
 */
export function exactlyOnceProblems(made: Map<string, Mutation[]>, server: ServerState): { problems: string[]; lost: number; duplicated: number; extra: number } {
  const problems: string[] = [];
  const byId = new Map<string, LogRow[]>();
  for (const row of server.log) byId.set(row.mutationId, [...(byId.get(row.mutationId) ?? []), row]);
  const madeIds = new Set<string>();
  let lost = 0;
  let duplicated = 0;
  for (const [clientId, mutations] of made) {
    mutations.forEach((m, index) => {
      madeIds.add(m.mutationId);
      if (m.seq !== index + 1) problems.push(`client ${clientId} made seq ${m.seq} as its mutation number ${index + 1}`);
      const rows = byId.get(m.mutationId) ?? [];
      if (rows.length === 0) {
        lost += 1;
        problems.push(`lost: ${m.op} ${m.mutationId} (client ${clientId} seq ${m.seq}) is not in the server's log`);
      } else if (rows.length > 1) {
        duplicated += rows.length - 1;
        problems.push(`duplicated: ${m.mutationId} is in the log ${rows.length} times`);
      }
      const row = rows[0];
      if (row && (row.clientId !== clientId || row.seq !== m.seq || row.jobId !== m.jobId || row.op !== m.op || !sameJson(row.payload, m.payload))) {
        problems.push(`changed: the log has ${m.mutationId} as ${row.op} seq ${row.seq}, the tablet made ${m.op} seq ${m.seq}`);
      }
    });
    const logged = server.log.filter((row) => row.clientId === clientId).map((row) => row.seq);
    const expected = mutations.map((_, index) => index + 1);
    if (!sameJson(logged, expected)) problems.push(`client ${clientId}: seqs in server order are ${compact(logged)}, expected 1..${mutations.length}`);
    const lastSeq = server.lastSeqs.get(clientId) ?? 0;
    if (lastSeq !== mutations.length) problems.push(`client ${clientId}: server lastSeq ${lastSeq}, but it made ${mutations.length}`);
  }
  const extra = server.log.filter((row) => !madeIds.has(row.mutationId));
  for (const row of extra) problems.push(`extra: ${row.mutationId} (${row.op}) in the log was made by no tablet`);
  return { problems, lost, duplicated, extra: extra.length };
}

/**
 * Replays the log in server order with the shared reducer and checks each verdict: a
 * signature is applied exactly when its contentHash matches the replayed job at that point,
 * and refused (content_mismatch) exactly when it does not; nothing else is refused. Returns
 * the replayed jobs, to compare with the server's: a mutation the server applied twice shows
 * there where a later write of another tablet was overwritten by the repeat.
 */
export function replay(server: ServerState, mutationsById: Map<string, Mutation>): { jobs: Map<string, Job>; problems: string[] } {
  const jobs = new Map<string, Job>();
  const problems: string[] = [];
  for (const row of server.log) {
    const m = mutationsById.get(row.mutationId);
    if (!m) continue; // reported as extra by exactlyOnceProblems
    const job = jobs.get(m.jobId);
    let expected: { status: LogRow['status']; reason: RejectReason | null } = { status: 'applied', reason: null };
    if (!job && m.op !== 'job.create') expected = { status: 'rejected', reason: 'unknown_job' };
    else if (m.op === 'signature.add' && job && !job.signatures[m.payload.id]) {
      const hash = createHash('sha256').update(signedBytes(job, m.payload.kind, m.payload.subjectId)).digest('hex');
      if (hash !== m.payload.contentHash) expected = { status: 'rejected', reason: 'content_mismatch' };
    }
    if (row.status !== expected.status || row.reason !== expected.reason) {
      problems.push(`${m.op} ${m.mutationId} at server order ${row.serverOrder}: the server says ${row.status}${row.reason ? ` (${row.reason})` : ''}, replay says ${expected.status}${expected.reason ? ` (${expected.reason})` : ''}`);
    }
    if (row.status === 'applied') {
      const next = applyMutation(job, m);
      if (next) jobs.set(next.id, next);
    }
  }
  return { jobs, problems };
}

/** Every file in the blob folder re-hashes to its name and sits where its name says. */
export function blobFolderProblems(blobDir: string): { problems: string[]; files: Set<string> } {
  const problems: string[] = [];
  const files = new Set<string>();
  for (const entry of readdirSync(blobDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const where = relative(blobDir, path).split(sep);
    if (where[0] === 'tmp') continue; // uploads cut short; the next start clears them
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (hash !== entry.name) problems.push(`blob file ${where.join('/')} hashes to ${hash}`);
    if (where.join('/') !== `${entry.name.slice(0, 2)}/${entry.name.slice(2, 4)}/${entry.name}`) problems.push(`blob file at ${where.join('/')}`);
    files.add(entry.name);
  }
  return { problems, files };
}

/** As blobFolderProblems, for photos in S3: every object under blobs/ re-hashes to its name. */
export async function bucketProblems(config: S3Config): Promise<{ problems: string[]; files: Set<string> }> {
  const client = s3ClientFor(config);
  const problems: string[] = [];
  const files = new Set<string>();
  try {
    for (const Key of await bucketKeys(config, client)) {
      if (Key.startsWith('tmp/')) continue; // uploads cut short; the next start clears old ones
      const name = Key.slice('blobs/'.length);
      if (!Key.startsWith('blobs/')) problems.push(`object ${Key} outside blobs/`);
      const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key }));
      const hash = createHash('sha256').update(await object.Body!.transformToByteArray()).digest('hex');
      if (hash !== name) problems.push(`object ${Key} hashes to ${hash}`);
      files.add(name);
    }
  } finally {
    client.destroy();
  }
  return { problems, files };
}

/** The blobs an applied mutation refers to: each must be on the server, file and link. */
export function referencedBlobProblems(server: ServerState, mutationsById: Map<string, Mutation>, files: Set<string>): string[] {
  const problems: string[] = [];
  for (const row of server.log) {
    const m = mutationsById.get(row.mutationId);
    if (!m || row.status !== 'applied') continue;
    for (const sha256 of blobsOf(m)) {
      if (!files.has(sha256)) problems.push(`${m.op} ${m.mutationId} refers to blob ${sha256}, which has no file on the server`);
      if (!server.storeBlobs.has(sha256)) problems.push(`${m.op} ${m.mutationId} refers to blob ${sha256}, which is not linked to the store`);
    }
  }
  return problems;
}

/** The blobs a tablet must hold to show these jobs: live photos (and thumbnails), signatures. */
export function blobsShown(jobs: Iterable<Job>): Set<string> {
  const shown = new Set<string>();
  for (const job of jobs) {
    for (const photo of Object.values(job.photos)) if (!photo.deletedAt) [photo.sha256, photo.thumbSha256].forEach((s) => shown.add(s));
    for (const signature of Object.values(job.signatures)) [signature.pngSha256, signature.strokesSha256].forEach((s) => shown.add(s));
  }
  return shown;
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** 1,2,3,5,6 → "1-3,5-6": a log of hundreds of seqs stays readable. */
function compact(seqs: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < seqs.length; ) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === (seqs[j] ?? 0) + 1) j++;
    runs.push(i === j ? `${seqs[i]}` : `${seqs[i]}-${seqs[j]}`);
    i = j + 1;
  }
  return runs.join(',') || 'none';
}
