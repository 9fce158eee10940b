// `npm run admin -- migrate <CODE> --from <data folder>`: moves a store up from the embedded
// server (its SQLite file and photo folder) to a dealer group's PostgreSQL (DATABASE_URL) and
// S3-compatible bucket (S3_*). The source is opened read-only and never changed; every step
// skips what is there already, so a run cut short is run again; and it ends by checking that
// every table holds as many of the store's rows as the source and that every photo in the
// bucket hashes to its name.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openS3BlobStore } from '../blobs/s3-blob-store.ts';
import { s3ConfigFrom } from '../blobs/s3-config.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { fsBlobPath } from '../blobs/fs-blob-store.ts';
import { describePostgresUrl, postgresUrlFrom } from '../storage/database-url.ts';
import { copyStoreTable, countStoreRows, STORE_TABLES } from '../storage/postgres/postgres-import.ts';
import { migratePostgres } from '../storage/postgres/postgres-schema.ts';
import { AdminError } from './store-admin.ts';

export type MigrateReport = { lines: string[]; ok: boolean };

/** `say` prints progress as it goes (a store's photos take a while). */
export async function migrateStore(
  storeCode: string,
  fromDir: string,
  env: Record<string, string | undefined>,
  say: (line: string) => void,
): Promise<MigrateReport> {
  const postgresUrl = postgresUrlFrom(env);
  const s3 = s3ConfigFrom(env);
  if (!postgresUrl || !s3) {
    throw new AdminError('migrate copies into the group\'s storage: set DATABASE_URL (PostgreSQL) and the S3_ variables (the bucket) first. See README "A dealer group".');
  }
  const sqliteFile = resolve(fromDir, 'walkaround.sqlite');
  if (!existsSync(sqliteFile)) throw new AdminError(`There is no walkaround.sqlite in ${resolve(fromDir)}: give --from the data folder of the store's server.`);
  // Read-only, and no WAL checkpoint on close: the source file is left exactly as it was.
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: postgresUrl, max: 2 });
  pool.on('error', () => undefined);
  const blobs = openS3BlobStore(s3);
  try {
    const store = source.prepare<[string], { id: string; name: string }>('SELECT id, name FROM stores WHERE code = ?').get(storeCode);
    if (!store) throw new AdminError(`Store ${storeCode} is not in ${sqliteFile}.`);
    await migratePostgres(pool);
    const { rows: clash } = await pool.query<{ id: string }>('SELECT id FROM stores WHERE code = $1 AND id <> $2', [storeCode, store.id]);
    if (clash.length > 0) throw new AdminError(`${describePostgresUrl(postgresUrl)} already has another store with the code ${storeCode}: nothing was copied.`);

    say(`Copying ${storeCode} (${store.name}) from ${sqliteFile} to ${describePostgresUrl(postgresUrl)} and bucket ${s3.bucket}.`);
    for (const table of STORE_TABLES) {
      const inserted = await copyStoreTable(source, pool, table, store.id);
      say(`  ${table.name}: ${inserted} rows copied`);
    }
    const shas = source.prepare<[string], string>('SELECT sha256 FROM store_blobs WHERE store_id = ? ORDER BY sha256').pluck().all(store.id);
    await copyPhotos(resolve(fromDir, 'blobs'), blobs, shas, say);

    say('Checking…');
    const problems: string[] = [];
    for (const { table, source: inSource, target } of await countStoreRows(source, pool, store.id)) {
      if (target !== inSource) problems.push(`${table}: ${inSource} rows in the source, ${target} in PostgreSQL`);
    }
    problems.push(...(await photoProblems(blobs, shas, say)));
    const lines = problems.length
      ? [`${storeCode} is NOT fully copied:`, ...problems.map((p) => `  ${p}`), 'Run the same command again to finish; the source is unchanged.']
      : [`${storeCode} copied and checked: every table holds the source's rows, all ${shas.length} photos hash to their names. The source is unchanged.`];
    return { lines, ok: problems.length === 0 };
  } finally {
    source.close();
    blobs.close();
    await pool.end();
  }
}

/** Uploads the photos the bucket lacks; the bucket keeps only bytes that hash to their name. */
async function copyPhotos(blobDir: string, blobs: BlobStore, shas: string[], say: (line: string) => void): Promise<void> {
  let copied = 0;
  let present = 0;
  for (const [index, sha256] of shas.entries()) {
    if (await blobs.has(sha256)) present += 1;
    else {
      const path = fsBlobPath(blobDir, sha256);
      if (!existsSync(path)) continue; // reported by the check
      await blobs.put(sha256, createReadStream(path), Number.MAX_SAFE_INTEGER);
      copied += 1;
    }
    if ((index + 1) % 100 === 0 || index + 1 === shas.length) say(`  photos: ${index + 1} of ${shas.length} (${copied} uploaded, ${present} there already)`);
  }
}

/** Reads every photo back from the bucket and hashes it. */
async function photoProblems(blobs: BlobStore, shas: string[], say: (line: string) => void): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, sha256] of shas.entries()) {
    const stream = await blobs.read(sha256);
    if (!stream) {
      problems.push(`photo ${sha256} is missing from the bucket (and from the source folder?)`);
      continue;
    }
    const hash = createHash('sha256');
    for await (const chunk of stream) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    if (actual !== sha256) problems.push(`photo ${sha256} in the bucket hashes to ${actual}`);
    if ((index + 1) % 100 === 0 || index + 1 === shas.length) say(`  rehashed ${index + 1} of ${shas.length} photos`);
  }
  return problems;
}
