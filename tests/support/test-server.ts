// The real server for integration tests: a fresh data folder (SQLite file and blob folder)
// served over HTTP on loopback, and a raw request function on node:http so a test controls
// every byte of the path, headers and body (fetch would resolve `..` and `%2e%2e` in paths
// and choose its own headers).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v4 as uuidv4 } from 'uuid';
import { buildApp, type BuildAppOptions } from '../../src/server/app.ts';
import { s3ClientFor } from '../../src/server/blobs/s3-blob-store.ts';
import type { S3Config } from '../../src/server/blobs/s3-config.ts';
import { openDataDir, type DataDir } from '../../src/server/data-dir.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type EnrollResponse } from '../../src/shared/protocol.ts';
import { createTestDatabase } from './postgres-test-db.ts';
import { bucketKeys, startS3Peer } from './s3-peer.ts';

export type TestServer = {
  baseUrl: string;
  data: DataDir;
  app: FastifyInstance;
  /** Sends one request exactly as given; never throws for an HTTP status. */
  send(request: RawRequest): Promise<RawReply>;
  /** The names of the blobs stored, and any temporaries left, in the folder or the bucket. */
  storedBlobs(): Promise<{ names: Set<string>; temporaries: string[] }>;
  /**
   * The highest seq the server acknowledged for this tablet as of the last refreshLastSeqs()
   * (a test that builds requests synchronously refreshes before it builds them).
   */
  lastSeq(clientId: string): number;
  /** Reads lastSeq again for these tablets and every tablet read before. */
  refreshLastSeqs(clientIds?: string[]): Promise<void>;
  close(): Promise<void>;
};

export type RawRequest = {
  method: string;
  /** Sent as is: not normalised, not re-encoded. */
  path: string;
  headers?: Record<string, string | string[]>;
  /** A string or bytes go with a content-length; an iterable goes chunked, without one. */
  body?: string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** The loopback address to send from (e.g. 127.0.0.2), to be another client to per-address limits. */
  localAddress?: string;
};

export type RawReply = { status: number; headers: IncomingHttpHeaders; bytes: Buffer; text: string };

/**
 * Where the test servers keep the photos unless a test says: TEST_PHOTOS=s3 puts them in a
 * bucket of an S3-compatible server of their own (s3rver, tests/support/s3-peer.ts), so a
 * file's tests run on the storage a dealer group uses (`npm run test:group`); else the folder.
 */
export const testPhotos = (): 'folder' | 's3' => (process.env.TEST_PHOTOS === 's3' ? 's3' : 'folder');

/**
 * Where the test servers keep the records: TEST_RECORDS=postgres puts them in a PostgreSQL
 * database of their own (tests/support/postgres-test-db.ts), as a dealer group does; else the
 * data folder's SQLite file.
 */
export const testRecords = (): 'sqlite' | 'postgres' => (process.env.TEST_RECORDS === 'postgres' ? 'postgres' : 'sqlite');

/**
 * `options`: what a test tunes of the app, e.g. shorter enrollment delays; `env`: the S3_
 * variables of a bucket for the photos, or {} for the folder, where a test depends on one
 * (otherwise TEST_PHOTOS decides).
 */
export async function startTestServer(
  name: string,
  options: Pick<BuildAppOptions, 'enrollmentGuard'> = {},
  env?: Record<string, string>,
): Promise<TestServer> {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', `${name}-`));
  const peer = env === undefined && testPhotos() === 's3' ? await startS3Peer() : undefined;
  const database = testRecords() === 'postgres' ? await createTestDatabase({ migrated: false }) : undefined;
  const data = await openDataDir(dir, { ...(env ?? peer?.env ?? {}), ...(database ? { DATABASE_URL: database.url } : {}) });
  const app = await buildApp({ ...options, logger: false, staticDir: dir, storage: data.storage, blobs: data.blobs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  const agent = new Agent({ keepAlive: true });
  const lastSeqs = new Map<string, number>();
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    data,
    app,
    send: (request) => sendRaw(agent, address.port, request),
    storedBlobs: () => (peer ? bucketContents(peer.config) : folderContents(join(dir, 'blobs'))),
    lastSeq(clientId) {
      const seq = lastSeqs.get(clientId);
      if (seq === undefined) throw new Error(`no lastSeq read for ${clientId}: await server.refreshLastSeqs([clientId]) first`);
      return seq;
    },
    async refreshLastSeqs(clientIds = []) {
      const ids = new Set([...lastSeqs.keys(), ...clientIds]);
      await data.storage.records.read(async (tx) => {
        for (const id of ids) lastSeqs.set(id, await tx.lastSeq(id));
      });
    },
    async close() {
      agent.destroy();
      await app.close();
      await data.close();
      await database?.drop();
      await peer?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The headers every API request carries: the protocol version and, if given, the device token. */
export function apiHeaders(token?: string): Record<string, string> {
  return { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

export type EnrolledDevice = { token: string; clientId: string; deviceId: string; storeId: string };

/** Enrolls a tablet through the real route, as the app does; throws unless it worked. */
export async function enrollDevice(server: TestServer, code: string, deviceName: string, clientId = uuidv4()): Promise<EnrolledDevice> {
  const reply = await server.send({
    method: 'POST',
    path: '/api/v1/auth/enroll',
    headers: { ...apiHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId, deviceName }),
  });
  if (reply.status !== 200) throw new Error(`enrollment failed: ${reply.status} ${reply.text}`);
  const body = JSON.parse(reply.text) as EnrollResponse;
  return { token: body.deviceToken, clientId, deviceId: body.device.id, storeId: body.store.id };
}

function sendRaw(agent: Agent, port: number, { method, path, headers = {}, body, localAddress }: RawRequest): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent, localAddress }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text: bytes.toString('utf8') });
      });
    });
    // A server may answer (413, 401) before it has read the whole body and close the
    // connection: the writes then fail, but the answer is what the test looks at.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
      req.end(body);
      return;
    }
    void (async () => {
      try {
        for await (const chunk of body) {
          if (req.destroyed || answered) break;
          if (!req.write(chunk)) await drainOrClose(req);
        }
      } finally {
        req.end();
      }
    })();
  });
}

/** Waits until the request can take more bytes or is gone; leaves no listener behind (a long body waits often). */
function drainOrClose(req: ClientRequest): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      req.off('drain', finish).off('close', finish);
      done();
    };
    req.once('drain', finish).once('close', finish);
  });
}

const BLOB_NAME = /^[0-9a-f]{64}$/;

async function folderContents(blobDir: string): Promise<{ names: Set<string>; temporaries: string[] }> {
  const files = readdirSync(blobDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const temporaries = files.filter((entry) => entry.parentPath === join(blobDir, 'tmp')).map((entry) => entry.name);
  return { names: new Set(files.map((entry) => entry.name).filter((name) => BLOB_NAME.test(name))), temporaries };
}

async function bucketContents(config: S3Config): Promise<{ names: Set<string>; temporaries: string[] }> {
  const client = s3ClientFor(config);
  try {
    const keys = await bucketKeys(config, client);
    return {
      names: new Set(keys.filter((key) => key.startsWith('blobs/')).map((key) => key.slice('blobs/'.length))),
      temporaries: keys.filter((key) => key.startsWith('tmp/')),
    };
  } finally {
    client.destroy();
  }
}
