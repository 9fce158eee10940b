// The S3 peer's own process (s3-peer.ts starts it): s3rver on a loopback port, its objects in
// the folder given as argv[2], the bucket argv[3]. It prints its port as one JSON line and
// runs until stdin closes. A process of its own, so a fault inside s3rver (one was seen: a
// file it opened after an object's deletion, thrown where nothing caught it) reaches the
// tests as a failed request, never as a crash of the test runner's worker.
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) throw new Error('usage: s3-peer-process.ts <directory> <bucket>');
process.on('uncaughtException', (error) => console.error(`s3rver: ${error.message}`));
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
const address = (await server.run()) as AddressInfo;
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().finally(() => process.exit(0));
});
