// The rules every Storage adapter keeps beyond push and pull (those are in
// sync-records-contract.ts): stores, advisors and sign-ins, enrollment and tokens, blob links,
// the catalogue, the store's profile and a vehicle's earlier visits. Each adapter's test file
// calls defineStorageContract with a way to open an empty storage of its kind.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardPatch } from '../../src/shared/job.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../src/shared/mutation.ts';
import type { DeviceRecord, Storage } from '../../src/server/storage/storage.ts';
import { pushAlone } from './sync-records-contract.ts';

const NOW = '2026-11-27T09:00:00.000+08:00';
const NEXT_MONTH = '2026-12-27T09:00:00.000+08:00';

/** An empty storage of the adapter's kind, and how to throw it away. */
export type OpenedStorage = { storage: Storage; discard(): Promise<void> };

export function defineStorageContract(adapter: string, open: () => Promise<OpenedStorage>): void {
  describe(`storage contract: ${adapter}`, () => {
    let opened: OpenedStorage;
    let storage: Storage;
    beforeEach(async () => {
      opened = await open();
      storage = opened.storage;
    });
    afterEach(() => opened.discard());

    let codeCounter = 0;
    /** A fresh enrollment code (the route checks its shape; storage takes it as given). */
    async function newCode(storeId: string, uses = 5, expiresAt = NEXT_MONTH): Promise<string> {
      codeCounter += 1;
      const code = `CODE${codeCounter}`;
      await storage.createEnrollmentCode(storeId, { code, expiresAt, uses });
      return code;
    }

    async function enroll(code: string, clientId: string = uuidv7(), now = NOW, secretHash: string | null = null): Promise<DeviceRecord | undefined> {
      const outcome = await storage.enrollDevice({ code, clientId, name: 'Front desk', tokenHash: `token-${uuidv7()}`, secretHash, now });
      return 'device' in outcome ? outcome.device : undefined;
    }

    /** A store with one enrolled tablet, and a builder of that tablet's outbox entries. */
    async function storeWithTablet(code: string) {
      const store = await storage.createStore({ code, name: `Store ${code}` });
      const device = await enroll(await newCode(store.id));
      if (!device) throw new Error('enrollment failed');
      let seq = 0;
      const mutation = (jobId: string, body: MutationBody, createdAt = NOW): Mutation =>
        mutationSchema.parse({ ...body, mutationId: uuidv7(), clientId: device.clientId, seq: (seq += 1), jobId, createdAt });
      const create = (jobId: string, card: CardPatch = {}, createdAt = NOW) =>
        mutation(jobId, { op: 'job.create', payload: { number: `${code}-20261127-A001`, card } }, createdAt);
      const update = (jobId: string, card: CardPatch) => mutation(jobId, { op: 'job.update', payload: { card } });
      return { store, device, mutation, create, update };
    }

    describe('jobsForVehicle', () => {
      it('1. finds earlier visits by plate or VIN in this store only, newest first', async () => {
        const a = await storeWithTablet('SH01');
        const b = await storeWithTablet('BJ01');
        const vehicle = { plate: '沪A12345', vin: '1M8GDM9AXKP042788' };
        const [older, newer, byVin, other] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
        await pushAlone(
          storage.records,
          a.device,
          [
            a.create(older, { vehicle: { plate: vehicle.plate } }, '2026-10-01T09:00:00+08:00'),
            // Earlier wall-clock text, later instant: ordering is by time, not by the string.
            a.create(newer, { vehicle: { plate: vehicle.plate } }, '2026-11-01T02:00:00Z'),
            a.create(byVin, { vehicle: { vin: vehicle.vin } }, '2026-09-01T09:00:00+08:00'),
            a.create(uuidv7(), { vehicle: { plate: '沪B99999' } }),
          ],
        );
        await pushAlone(storage.records, b.device, [b.create(other, { vehicle })]);

        const ids = async (key: { plate?: string; vin?: string }, limit = 10) => (await storage.jobsForVehicle(a.store.id, key, limit)).map((job) => job.id);
        expect(await ids({ plate: vehicle.plate })).toEqual([newer, older]);
        expect(await ids({ vin: vehicle.vin })).toEqual([byVin]);
        expect(await ids(vehicle)).toEqual([newer, older, byVin]);
        expect(await ids(vehicle, 1)).toEqual([newer]);
        expect(await ids({ plate: '', vin: '' })).toEqual([]);
      });
    });

    describe('enrollment and tokens', () => {
      it('2. gives each new tablet of a store the next letter', async () => {
        const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        const code = await newCode(store.id, 3);
        expect([await enroll(code), await enroll(code), await enroll(code)].map((device) => device?.code)).toEqual(['A', 'B', 'C']);
        expect((await storage.listDevices(store.id)).map((device) => device.code)).toEqual(['A', 'B', 'C']);
      });

      it('3. refuses an unknown, expired or used-up code', async () => {
        const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        expect(await enroll('NOSUCH22')).toBeUndefined();
        expect(await enroll(await newCode(store.id, 5, '2026-11-27T00:59:59Z'))).toBeUndefined();
        const once = await newCode(store.id, 1);
        expect(await enroll(once)).toBeDefined();
        expect(await enroll(once)).toBeUndefined();
      });

      it('4. keeps the letter of a tablet enrolled again with its secret, and retires its old token', async () => {
        const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        const code = await newCode(store.id);
        const clientId = uuidv7();
        await storage.enrollDevice({ code, clientId, name: 'Tablet', tokenHash: 'first', secretHash: 'secret-a', now: NOW });
        await enroll(code);
        const again = await storage.enrollDevice({ code, clientId, name: 'Renamed', tokenHash: 'second', secretHash: 'secret-a', now: NOW });
        expect(again).toMatchObject({ device: { code: 'A', name: 'Renamed', clientId, revokedAt: null } });
        expect((await storage.findDeviceByTokenHash('second'))?.id).toBe('device' in again ? again.device.id : 'none');
        expect(await storage.findDeviceByTokenHash('first')).toBeUndefined();
        expect(await storage.isRevokedTokenHash('first')).toBe(true);
      });

      it('5. re-enrolls an enrolled clientId only with its secret or an approval, spending nothing when refused', async () => {
        const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        const code = await newCode(store.id, 3);
        const clientId = uuidv7();
        const first = await storage.enrollDevice({ code, clientId, name: 'Tablet', tokenHash: 'mine', secretHash: 'secret-a', now: NOW });
        if (!('device' in first)) throw new Error('not enrolled');
        // Someone who read the clientId (it travels in signatures): wrong secret, no secret.
        for (const secretHash of ['secret-b', null]) {
          expect(await storage.enrollDevice({ code, clientId, name: 'Thief', tokenHash: `thief-${secretHash}`, secretHash, now: NOW })).toEqual({ refused: 'proof' });
        }
        expect((await storage.findDeviceByTokenHash('mine'))?.name).toBe('Tablet');
        expect(await storage.isRevokedTokenHash('mine')).toBe(false);
        // Nothing was spent: two uses are left for the real tablet and one more.
        expect(await enroll(code, clientId, NOW, 'secret-a')).toMatchObject({ id: first.device.id, code: 'A' });
        expect(await enroll(code)).toBeDefined();
        expect(await enroll(code)).toBeUndefined();

        // A tablet enrolled before secrets (none on record) comes back only with an approval.
        const legacyCode = await newCode(store.id, 5);
        const legacy = await enroll(legacyCode);
        if (!legacy) throw new Error('not enrolled');
        expect(await enroll(legacyCode, legacy.clientId, NOW, 'new-secret')).toBeUndefined();
        expect(await storage.allowReenrollment(store.id, legacy.id, '2026-11-27T12:00:00.000Z')).toBe(true);
        expect(await enroll(legacyCode, legacy.clientId, '2026-11-27T12:00:00.000Z', 'new-secret')).toBeUndefined(); // expired
        expect(await enroll(legacyCode, legacy.clientId, NOW, 'new-secret')).toMatchObject({ id: legacy.id });
        // The approval is used up; the secret it brought is the proof from now on.
        expect(await enroll(legacyCode, legacy.clientId, NOW, null)).toBeUndefined();
        expect(await enroll(legacyCode, legacy.clientId, NOW, 'new-secret')).toMatchObject({ id: legacy.id });
        // An approval is scoped to its store.
        const other = await storage.createStore({ code: 'BJ01', name: 'Beijing' });
        expect(await storage.allowReenrollment(other.id, legacy.id, '2099-01-01T00:00:00.000Z')).toBe(false);
      });

      it('6. refuses to move a tablet to another store', async () => {
        const a = await storeWithTablet('SH01');
        const other = await storage.createStore({ code: 'BJ01', name: 'Beijing' });
        expect(await enroll(await newCode(other.id), a.device.clientId)).toBeUndefined();
        expect(await storage.listDevices(other.id)).toEqual([]);
      });

      it('7. revokes a token: not found any more, known as revoked, letter kept for good', async () => {
        const a = await storeWithTablet('SH01');
        const other = await storeWithTablet('BJ01');
        const tokenHash = 'revoke-me';
        const code = await newCode(a.store.id);
        const enrolled = await storage.enrollDevice({ code, clientId: uuidv7(), name: 'Bay 2', tokenHash, secretHash: 'bay-2', now: NOW });
        const device = 'device' in enrolled ? enrolled.device : undefined;
        expect((await storage.findDeviceByTokenHash(tokenHash))?.lastSeenAt).not.toBeNull();

        expect(await storage.revokeDevice(other.store.id, device!.id, NOW)).toBe(false);
        expect(await storage.revokeDevice(a.store.id, device!.id, NOW)).toBe(true);
        expect(await storage.findDeviceByTokenHash(tokenHash)).toBeUndefined();
        expect(await storage.isRevokedTokenHash(tokenHash)).toBe(true);
        expect(await storage.isRevokedTokenHash('never-issued')).toBe(false);
        expect((await enroll(code))?.code).toBe('C');

        const back = await storage.enrollDevice({ code, clientId: device!.clientId, name: 'Bay 2', tokenHash: 'new', secretHash: 'bay-2', now: NOW });
        expect(back).toMatchObject({ device: { id: device!.id, code: 'B', revokedAt: null } });
      });
    });

    describe('advisors, sign-ins, blobs and catalogue', () => {
      it('8. keeps advisors per store and remembers who signed in on which tablet', async () => {
        const a = await storeWithTablet('SH01');
        const other = await storage.createStore({ code: 'BJ01', name: 'Beijing' });
        const advisor = await storage.createAdvisor(a.store.id, { username: 'wang', name: '王', role: 'advisor', passwordHash: 'h1' });
        await storage.createAdvisor(other.id, { username: 'wang', name: '王', role: 'admin', passwordHash: 'h2' });

        expect(await storage.listAdvisors(a.store.id)).toEqual([advisor]);
        expect(await storage.setAdvisorPassword(other.id, advisor.id, 'stolen')).toBe(false);
        expect(await storage.setAdvisorPassword(a.store.id, advisor.id, 'h3')).toBe(true);
        expect(await storage.findAdvisorByUsername(a.store.id, 'wang')).toEqual({ ...advisor, storeId: a.store.id, passwordHash: 'h3', disabledAt: null });

        expect(await storage.hasSignedInOn(a.device.id, advisor.id)).toBe(false);
        await storage.recordSignIn(a.device.id, advisor.id, NOW);
        await storage.recordSignIn(a.device.id, advisor.id, NEXT_MONTH);
        expect(await storage.hasSignedInOn(a.device.id, advisor.id)).toBe(true);
      });

      it('9. links a blob to the store that uploaded it only', async () => {
        const a = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        const b = await storage.createStore({ code: 'BJ01', name: 'Beijing' });
        const sha = 'cd'.repeat(32);
        await storage.linkBlob(a.id, sha, 1234, NOW);
        await storage.linkBlob(a.id, sha, 1234, NOW);
        expect([await storage.storeHasBlob(a.id, sha), await storage.storeHasBlob(b.id, sha)]).toEqual([true, false]);
      });

      it('10. bumps the catalogue version on every replace and sends it only when newer', async () => {
        const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        const item = { code: 'L001', kind: 'labour', name: '更换机油', initials: 'ghjy', unit: '工时', unitPriceFen: 8000 } as const;
        expect(await storage.catalogueSince(store.id, 0)).toBeNull();
        expect(await storage.replaceCatalogue(store.id, [item])).toBe(1);
        expect(await storage.catalogueSince(store.id, 0)).toEqual({ version: 1, items: [item] });
        expect(await storage.catalogueSince(store.id, 1)).toBeNull();
        expect(await storage.replaceCatalogue(store.id, [])).toBe(2);
        expect(await storage.catalogueSince(store.id, 1)).toEqual({ version: 2, items: [] });
      });
    });

    describe('store profile', () => {
      it("11. is the store's own name until set, then exactly what was set, per store", async () => {
        const named = await storage.createStore({ code: 'SH01', name: '上海浦东店' });
        const bare = await storage.createStore({ code: 'BJ01', name: 'BJ01' });
        expect(await storage.storeProfile(named.id)).toEqual({ profile: { name: '上海浦东店', address: '', phone: '', defaults: {} }, updatedAt: null });
        expect((await storage.storeProfile(bare.id))?.profile.name).toBe('');
        expect(await storage.storeProfile('no-such-store')).toBeUndefined();

        const profile = { name: '浦东4S店', address: '上海市浦东新区1号', phone: '021-12345678', defaults: { oldParts: 'take' as const, carWash: true } };
        await storage.setStoreProfile(named.id, profile, NOW);
        expect(await storage.storeProfile(named.id)).toEqual({ profile, updatedAt: NOW });
        expect((await storage.storeProfile(bare.id))?.updatedAt).toBeNull();
      });
    });

    describe('edges of the input', () => {
      it('12. a NUL in a look-up value and a version or cursor beyond 32 bits are answered, never an error', async () => {
        const a = await storeWithTablet('SH01');
        const jobId = uuidv7();
        await pushAlone(storage.records, a.device, [a.create(jobId, { vehicle: { plate: '沪A\u00001234' } })]);
        expect((await storage.getJob(a.store.id, jobId))?.card.vehicle.plate).toBe('沪A\u00001234');
        expect(await storage.jobsForVehicle(a.store.id, { plate: '\u0000' }, 5)).toEqual([]);
        expect(await storage.findAdvisorByUsername(a.store.id, 'wang\u0000')).toBeUndefined();
        expect(await storage.findStoreByCode('SH\u000001')).toBeUndefined();
        expect(await storage.catalogueSince(a.store.id, Number.MAX_SAFE_INTEGER)).toBeNull();
      });
    });
  });
}
