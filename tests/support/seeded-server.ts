// The real server with a seeded store, started once for a test file and closed after it: the
// set-up most integration files share (a store with one advisor and an enrollment code).
import { afterAll, beforeAll } from 'vitest';
import type { DataDir } from '../../src/server/data-dir.ts';
import { seedTestStore, type TestStore } from './store-fixture.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export type SeededServer = { server: TestServer; data: DataDir; baseUrl: string; store: TestStore };

/**
 * Before the file's tests: startTestServer(name) with seedTestStore on its storage, handed to
 * `ready`; after them, the server is closed and its data folder removed.
 */
export function useSeededServer(name: string, ready: (started: SeededServer) => unknown): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(name);
    await ready({ server, data: server.data, baseUrl: server.baseUrl, store: await seedTestStore(server.data.storage) });
  });
  afterAll(() => server?.close());
}
