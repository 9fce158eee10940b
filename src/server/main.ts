// Server entry point (`npx tsx src/server/main.ts`): reads PORT/HOST, DATA_DIR (and optional
// TLS files and S3 settings) from the environment, opens the data folder (seeding a demo store on first
// start), starts the app, prints the addresses tablets should open, and shuts down cleanly.
// Tablets that lose Wi-Fi keep working from their precache.
import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { errorText } from '../shared/error-text.ts';
import { seedDemoStore } from './admin/demo-seed.ts';
import { warmConsoleIndex } from './console/warm-index.ts';
import { buildApp, defaultStaticDir } from './app.ts';
import { openDataDir } from './data-dir.ts';

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

// Tablets reach the server over the store's Wi-Fi, so the LAN addresses are the useful ones.
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

function readTls(): { key: Buffer; cert: Buffer } | undefined {
  const keyFile = process.env.TLS_KEY_FILE;
  const certFile = process.env.TLS_CERT_FILE;
  if (!keyFile && !certFile) return undefined;
  if (!keyFile || !certFile) {
    throw new Error('Set both TLS_KEY_FILE and TLS_CERT_FILE (PEM), or neither');
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

async function main(): Promise<void> {
  const port = readPort(process.env.PORT);
  const host = process.env.HOST || '0.0.0.0';
  const https = readTls();

  if (!existsSync(resolve(defaultStaticDir, 'index.html'))) {
    console.warn(
      `WARNING: ${resolve(defaultStaticDir, 'index.html')} is missing: run npm run build first. ` +
        'The API works, but there is no app to serve.',
    );
  }

  const data = await openDataDir();
  // A group's shared database gets its stores from `admin create-store` or `admin migrate`:
  // no demo store there (and several processes starting at once would race to make it).
  const seeded = data.storage.kind === 'sqlite' ? await seedDemoStore(data.storage, data.dir) : null;
  const app = await buildApp({ logger: { level: process.env.LOG_LEVEL || 'info' }, https, storage: data.storage, blobs: data.blobs });
  app.addHook('onClose', async () => {
    await data.close();
  });

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) {
      // A second Ctrl+C means "now": do not wait for slow uploads to finish.
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error(error, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second signal must reach our handler, not the default instant exit.
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  await app.listen({ port, host });
  // In the background: the console's first page after an upgrade need not wait for its index.
  void warmConsoleIndex(data.storage, app.log);
  data.clearInterruptedUploads().then(
    (removed) => removed > 0 && app.log.info({ removed }, 'removed uploads a crash cut short'),
    (error: unknown) => app.log.warn({ error: errorText(error) }, 'could not clear uploads a crash cut short'),
  );

  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const scheme = https ? 'https' : 'http';
  const wildcard = host === '0.0.0.0' || host === '::';
  const hosts = wildcard ? ['localhost', ...lanAddresses()] : [host];
  for (const name of hosts) {
    process.stdout.write(`Walkaround: open ${scheme}://${name}:${boundPort}/\n`);
  }
  process.stdout.write(`Data folder: ${data.dir}\nRecords: ${data.recordsAt}\nPhotos: ${data.blobsAt}\n`);
  process.stdout.write(
    seeded ??
      (data.storage.kind === 'sqlite'
        ? `Sign-in details of the demo store: ${resolve(data.dir, 'demo-credentials.txt')}; store administration: npm run admin -- help`
        : 'Stores: npm run admin -- create-store <CODE> <name>, or move one up with npm run admin -- migrate (README "A dealer group").'),
  );
  process.stdout.write('\n');
  if (!https) {
    // Browsers allow service workers and persistent storage only on HTTPS or localhost.
    process.stdout.write(
      'Note: tablets opening a LAN address over plain http get no offline mode. ' +
        'Set TLS_KEY_FILE and TLS_CERT_FILE (PEM) to serve HTTPS.\n',
    );
  }
}

main().catch((error: unknown) => {
  console.error(errorText(error));
  process.exit(1);
});
