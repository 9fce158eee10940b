// A real S3-compatible server on loopback for the tests: s3rver (npm) in a process of its own
// (s3-peer-process.ts), speaking S3's HTTP protocol with signed requests, keeping its objects
// in a temp folder. Debian packages no MinIO; this is the protocol peer the S3 blob store is
// tested against (README, "A dealer group").
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3ClientFor } from '../../src/server/blobs/s3-blob-store.ts';
import type { S3Config } from '../../src/server/blobs/s3-config.ts';

export type S3Peer = {
  /** Settings for a bucket on the peer, as s3ConfigFrom makes them from S3_ variables. */
  config: S3Config;
  /** The same, as the environment variables that select it. */
  env: Record<string, string>;
  /** The peer's process, e.g. for its CPU time (the benchmark's sync-s3 part). */
  pid: number;
  close(): Promise<void>;
};

const PEER_PROCESS = fileURLToPath(new URL('./s3-peer-process.ts', import.meta.url));
// s3rver checks signatures against these fixed credentials.
const ACCESS_KEY = 'S3RVER';

export async function startS3Peer(bucket = 'walkaround-test'): Promise<S3Peer> {
  const directory = mkdtempSync(join(tmpdir(), 'walkaround-s3-'));
  const child = spawn(process.execPath, ['--import', 'tsx', PEER_PROCESS, directory, bucket], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then(() => reject(new Error('the S3 peer process ended before it listened')));
  });
  let closed = false;
  if (child.pid === undefined) throw new Error('the S3 peer process has no pid');
  const endpoint = `http://127.0.0.1:${port}`;
  const config: S3Config = { endpoint, bucket, region: 'us-east-1', accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY, forcePathStyle: true };
  return {
    config,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: config.region,
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: ACCESS_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    },
    pid: child.pid,
    // Once: a test that takes the peer away (to see the server without it) leaves nothing to close.
    async close() {
      if (closed) return;
      closed = true;
      child.stdin.end();
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Every key in the bucket, page by page, with the client the blob store itself would use.
 * ListObjects (v1, by marker), not v2: s3rver answers InternalError to a v2 continuation token,
 * i.e. to any bucket past 1,000 objects (seen in a 200-seed soak; tried again by hand).
 */
export async function bucketKeys(config: S3Config, client: S3Client = s3ClientFor(config)): Promise<string[]> {
  const keys: string[] = [];
  for (let Marker: string | undefined; ; ) {
    const listed = await client.send(new ListObjectsCommand({ Bucket: config.bucket, Marker }));
    for (const { Key } of listed.Contents ?? []) if (Key) keys.push(Key);
    if (!listed.IsTruncated) return keys;
    Marker = listed.NextMarker ?? keys.at(-1);
  }
}
