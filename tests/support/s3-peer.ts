// A real S3-compatible server on loopback for the tests: s3rver (npm), speaking S3's HTTP
// protocol with signed requests, keeping its objects in a temp folder. Debian packages no
// MinIO; this is the protocol peer the S3 blob store is tested against (README, "A dealer group").
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Config } from '../../src/server/blobs/s3-config.ts';

export type S3Peer = {
  /** Settings for a bucket on the peer, as s3ConfigFrom makes them from S3_ variables. */
  config: S3Config;
  /** The same, as the environment variables that select it. */
  env: Record<string, string>;
  close(): Promise<void>;
};

// s3rver checks signatures against these fixed credentials.
const ACCESS_KEY = 'S3RVER';

export async function startS3Peer(bucket = 'walkaround-test'): Promise<S3Peer> {
  const directory = mkdtempSync(join(tmpdir(), 'walkaround-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  let closed = false;
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
    // Once: a test that takes the peer away (to see the server without it) leaves nothing to close.
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
