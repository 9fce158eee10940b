// A simulated tablet for sync tests: the real database module on fake-indexeddb, the real
// sync engine, and helpers that make photos and signatures the way the app stores them.
// Import 'fake-indexeddb/auto' in the test file before this module.
import { v7 as uuidv7 } from 'uuid';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { addPhoto, type PhotoMeta } from '../../src/db/photo-repo.ts';
import { addSignature } from '../../src/db/signature-repo.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import type { Decision } from '../../src/shared/additions.ts';
import type { Signature, SignatureKind, Stroke } from '../../src/shared/signature.ts';
import type { ApiClientOptions } from '../../src/sync/api-client.ts';
import { enrollTablet } from '../../src/sync/enrollment.ts';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine.ts';

export type Tablet = { name: string; db: WalkaroundDb; engine: SyncEngine; api: Omit<ApiClientOptions, 'token'> };

export async function createTablet(
  name: string,
  api: Omit<ApiClientOptions, 'token'>,
  enrollmentCode: string,
  options: { random?: () => number; backoff?: { baseMs: number; capMs: number } } = {},
): Promise<Tablet> {
  const db = openDatabase(`tablet-${name}-${uuidv7()}`);
  await enrollTablet(db, { code: enrollmentCode, deviceName: name }, api);
  const engine = createSyncEngine({ db, api, random: options.random, backoff: options.backoff ?? { baseMs: 5, capMs: 50 } });
  return { name, db, engine, api };
}

/** Bytes that start like a JPEG, unique per seed, of about `size` bytes. */
export function fakeJpeg(seed: number, size = 2000): ArrayBuffer {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 4; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes.buffer;
}

/** `meta` places the photo elsewhere than the general front-left slot, e.g. on an additional line. */
export async function addFakePhoto(db: WalkaroundDb, jobId: string, seed: number, size = 2000, meta: Partial<PhotoMeta> = {}): Promise<string> {
  const photoBytes = fakeJpeg(seed, size);
  const thumbBytes = fakeJpeg(seed + 1_000_000, 300);
  const photo = await addPhoto(
    db,
    jobId,
    {
      photo: { bytes: photoBytes, sha256: await sha256Hex(photoBytes), width: 1600, height: 1200, mime: 'image/jpeg' },
      thumb: { bytes: thumbBytes, sha256: await sha256Hex(thumbBytes), width: 240, height: 180, mime: 'image/jpeg' },
    },
    { damageId: null, slot: 'frontLeft', annotatedFromId: null, ...meta },
  );
  return photo.id;
}

/** Bytes with a PNG signature in front, as the pad's export starts. */
export function fakePng(seed = 1): ArrayBuffer {
  const bytes = new Uint8Array(600);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (seed * 31 + i * 7) % 251;
  return bytes.buffer;
}

/** Two wavy strokes across a third of the pad: plenty of ink for the pad's rules. */
function strokes(seed: number): Stroke[] {
  return [0, 1].map((row) =>
    Array.from({ length: 60 }, (_, i) => ({ x: 150 + i * 4 + row * 20 + (seed % 7), y: 110 + row * 50 + 25 * Math.sin(i / 4), t: i * 16 })),
  );
}

export async function sign(db: WalkaroundDb, jobId: string, kind: SignatureKind, seed: number): Promise<string> {
  const signature = await addSignature(db, jobId, { kind, signerName: '张伟', strokes: strokes(seed), png: fakePng(seed), pad: { width: 800, height: 300 } });
  return signature.id;
}

/**
 * The customer decides additional lines on the tablet and signs for that round (追加项目): the
 * decision round and the signature in one transaction, as customer mode saves them. Returns
 * the signature; its subjectId is the round's id.
 */
export async function signDecisions(
  db: WalkaroundDb,
  jobId: string,
  decisions: Record<string, Decision>,
  seed: number,
  promisedAt: string | null = null,
): Promise<Signature> {
  return addSignature(db, jobId, {
    kind: 'additional',
    signerName: '张伟',
    strokes: strokes(seed),
    png: fakePng(seed),
    pad: { width: 800, height: 300 },
    decisions: { decisions, promisedAt },
  });
}
