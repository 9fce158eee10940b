// Names reach other screens and the administrator's terminal: control characters are refused
// at enrollment and on the admin command line, and what is stored already (from before this
// rule, or written straight into SQLite) is printed by `npm run admin -- devices` escaped.
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminError, addAdvisor, createStore, requireStore } from '../../src/server/admin/store-admin.ts';
import { deviceList } from '../../src/server/admin/terminal-output.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { apiHeaders, enrollDevice, startTestServer, type TestServer } from '../support/test-server.ts';
import { runAdmin } from '../support/admin-cli.ts';

const ESC_NAME = 'Tablet\u001b[2J\u001b]0;owned\u0007';

let server: TestServer;
let store: TestStore;

beforeAll(async () => {
  server = await startTestServer('plain-names');
  store = await seedTestStore(server.data.storage);
});

afterAll(() => server.close());

function enrollNamed(deviceName: string) {
  return server.send({
    method: 'POST',
    path: '/api/v1/auth/enroll',
    headers: { ...apiHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ code: store.enrollmentCode, clientId: uuidv7(), deviceName }),
  });
}

/** Writes a name into the database the way no route would, as an older server might have stored it. */
function storeNameDirectly(table: 'devices' | 'advisors', id: string, name: string): void {
  const db = new Database(resolve(server.data.dir, 'walkaround.sqlite'));
  try {
    db.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(name, id);
  } finally {
    db.close();
  }
}

describe('names with control characters', () => {
  it('are refused at enrollment with a message naming the field; plain names are enrolled', async () => {
    const refused = await enrollNamed(ESC_NAME);
    expect(refused.status).toBe(400);
    const body = JSON.parse(refused.text) as { error: string; message: string };
    expect(body.error).toBe('invalid_request');
    expect(body.message).toBe('The request body is not valid: deviceName: deviceName.controlCharacters');
    expect(body.message).not.toContain('\u001b');

    expect((await enrollNamed('前台平板 🚗')).status).toBe(200);
    const names = (await server.data.storage.listDevices(store.storeId)).map((device) => device.name);
    expect(names).toContain('前台平板 🚗');
    expect(names.filter((name) => name.startsWith('Tablet'))).toEqual([]);
  });

  it('are refused in store and advisor names on the admin command line', async () => {
    const { storage } = server.data;
    await expect(createStore(storage, 'X1', 'Shop\u001b[31m')).rejects.toThrow(AdminError);
    await expect(createStore(storage, 'X1', 'Shop\u001b[31m')).rejects.toThrow(/control or invisible characters/);
    expect(await storage.findStoreByCode('X1')).toBeUndefined();
    const sample = await requireStore(storage, store.code);
    await expect(addAdvisor(storage, sample, { username: 'li', name: '李\u202E娜', role: 'advisor' })).rejects.toThrow(AdminError);
    expect(await storage.findAdvisorByUsername(store.storeId, 'li')).toBeUndefined();

    expect((await createStore(storage, 'X2', '上海二店')).name).toBe('上海二店');
    expect((await addAdvisor(storage, sample, { username: 'wang', name: '王 🙂', role: 'advisor' })).advisor.name).toBe('王 🙂');
  }, 30_000);

  it('already stored are listed escaped, one tablet per line', async () => {
    const escaped = await enrollDevice(server, store.enrollmentCode, 'Tablet E');
    const forged = await enrollDevice(server, store.enrollmentCode, 'Tablet F');
    storeNameDirectly('devices', escaped.deviceId, ESC_NAME);
    storeNameDirectly('devices', forged.deviceId, 'Tablet F\nZ\tfake row');

    const listing = await deviceList(server.data.storage, await requireStore(server.data.storage, store.code));
    // Tabs and newlines only between cells and rows; no other control character at all.
    expect(listing.replace(/[\t\n]/g, '')).not.toMatch(/\p{Cc}/u);
    expect(listing).toContain('Tablet\\u001b[2J\\u001b]0;owned\\u0007');
    expect(listing).toContain('Tablet F\\u000aZ\\u0009fake row');
    expect(listing.split('\n')).toHaveLength((await server.data.storage.listDevices(store.storeId)).length);
  });

  it('never reach the terminal raw from `npm run admin -- devices` or any other command', async () => {
    storeNameDirectly('advisors', store.advisor.id, '张\u001b]0;owned\u0007顾问');
    const admin = (...args: string[]) => runAdmin(args, { DATA_DIR: server.data.dir });
    const [devices, advisors] = await Promise.all([admin('devices', store.code), admin('advisors', store.code)]);
    expect(devices.stdout).toContain('Tablet\\u001b[2J');
    expect(advisors.stdout).toContain('张\\u001b]0;owned\\u0007顾问');
    for (const { stdout } of [devices, advisors]) expect(stdout.replace(/[\t\n]/g, '')).not.toMatch(/\p{Cc}/u);
  }, 30_000);
});
