// The rules every Storage adapter keeps beyond push and pull (those are in
// sync-records-contract.ts): stores, advisors and sign-ins, enrollment and tokens, blob links,
// the catalogue, the store's profile and a vehicle's earlier visits. Each adapter's test file
// calls defineStorageContract with a way to open an empty storage of its kind.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardPatch } from '../../src/shared/job.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../src/shared/mutation.ts';
import { jobFacts, type JobFacts } from '../../src/server/console/job-facts.ts';
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
      it('32. lists every store by its code', async () => {
        expect(await storage.listStores()).toEqual([]);
        const b = await storage.createStore({ code: 'SZ02', name: '深圳二店' });
        const a = await storage.createStore({ code: 'BJ01', name: '北京一店' });
        expect(await storage.listStores()).toEqual([a, b]);
      });

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

      it('13. disables and enables an advisor of this store only, never its last active admin', async () => {
        const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        const other = await storage.createStore({ code: 'BJ01', name: 'Beijing' });
        const boss = await storage.createAdvisor(store.id, { username: 'boss', name: '老板', role: 'admin', passwordHash: 'h' });
        const wang = await storage.createAdvisor(store.id, { username: 'wang', name: '王', role: 'advisor', passwordHash: 'h' });

        expect(await storage.setAdvisorDisabled(other.id, wang.id, NOW)).toBe('notFound');
        expect(await storage.setAdvisorDisabled(store.id, wang.id, NOW)).toBe('changed');
        // Disabled again later: the first time stays.
        expect(await storage.setAdvisorDisabled(store.id, wang.id, NEXT_MONTH)).toBe('changed');
        expect(await storage.listAdvisors(store.id)).toEqual([boss]);
        expect(await storage.listAllAdvisors(store.id)).toEqual([
          { ...wang, disabledAt: NOW },
          { ...boss, disabledAt: null },
        ]);
        expect((await storage.findAdvisorByUsername(store.id, 'wang'))?.disabledAt).toBe(NOW);

        // The only active admin stays; with a second one, either may go, but not both.
        expect(await storage.setAdvisorDisabled(store.id, boss.id, NOW)).toBe('lastAdmin');
        const deputy = await storage.createAdvisor(store.id, { username: 'deputy', name: '副', role: 'admin', passwordHash: 'h' });
        expect(await storage.setAdvisorDisabled(store.id, boss.id, NOW)).toBe('changed');
        expect(await storage.setAdvisorDisabled(store.id, deputy.id, NOW)).toBe('lastAdmin');
        // Another store's admins do not count.
        await storage.createAdvisor(other.id, { username: 'boss', name: '京', role: 'admin', passwordHash: 'h' });
        expect(await storage.setAdvisorDisabled(store.id, deputy.id, NOW)).toBe('lastAdmin');

        expect(await storage.setAdvisorDisabled(store.id, wang.id, null)).toBe('changed');
        expect(await storage.setAdvisorDisabled(store.id, boss.id, null)).toBe('changed');
        expect((await storage.listAllAdvisors(store.id)).map((a) => [a.username, a.disabledAt])).toEqual([
          ['deputy', null],
          ['wang', null],
          ['boss', null],
        ]);
        // At once too: of two admins disabling each other, one stays (a few rounds, so that
        // the two transactions overlap on a networked database).
        for (let round = 0; round < 20; round += 1) {
          await storage.setAdvisorDisabled(store.id, boss.id, null);
          await storage.setAdvisorDisabled(store.id, deputy.id, null);
          const both = await Promise.all([storage.setAdvisorDisabled(store.id, boss.id, NOW), storage.setAdvisorDisabled(store.id, deputy.id, NOW)]);
          expect(both.sort()).toEqual(['changed', 'lastAdmin']);
          expect((await storage.listAdvisors(store.id)).filter((a) => a.role === 'admin')).toHaveLength(1);
        }
      });
    });

    describe('console sessions', () => {
      it('30. finds a console sign-in by its token hash until it expires, is ended or its advisor is disabled, with its role', async () => {
        const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
        const boss = await storage.createAdvisor(store.id, { username: 'boss', name: '老板', role: 'admin', passwordHash: 'h' });
        const wang = await storage.createAdvisor(store.id, { username: 'wang', name: '王', role: 'advisor', passwordHash: 'h' });
        const start = (tokenHash: string, advisorId: string, expiresAt: string) =>
          storage.createConsoleSession({ tokenHash, storeId: store.id, advisorId, csrfToken: `csrf-${tokenHash}`, createdAt: '2026-11-27T01:00:00.000Z', expiresAt });
        await start('boss-1', boss.id, '2026-11-27T13:00:00.000Z');
        await start('wang-1', wang.id, '2026-11-27T13:00:00.000Z');

        expect(await storage.findConsoleSession('boss-1', '2026-11-27T12:59:59.999Z')).toEqual({
          storeId: store.id,
          advisorId: boss.id,
          username: 'boss',
          name: '老板',
          role: 'admin',
          csrfToken: 'csrf-boss-1',
          expiresAt: '2026-11-27T13:00:00.000Z',
        });
        expect(await storage.findConsoleSession('boss-1', '2026-11-27T13:00:00.000Z')).toBeUndefined();
        expect(await storage.findConsoleSession('nobody', '2026-11-27T02:00:00.000Z')).toBeUndefined();
        expect((await storage.findConsoleSession('wang-1', '2026-11-27T02:00:00.000Z'))?.role).toBe('advisor');

        await storage.endConsoleSession('wang-1');
        await storage.endConsoleSession('wang-1');
        expect(await storage.findConsoleSession('wang-1', '2026-11-27T02:00:00.000Z')).toBeUndefined();

        await start('wang-2', wang.id, '2026-11-27T13:00:00.000Z');
        expect(await storage.setAdvisorDisabled(store.id, wang.id, '2026-11-27T02:00:00.000Z')).toBe('changed');
        expect(await storage.findConsoleSession('wang-2', '2026-11-27T02:00:00.000Z')).toBeUndefined();
        expect(await storage.setAdvisorDisabled(store.id, wang.id, null)).toBe('changed');
        expect(await storage.findConsoleSession('wang-2', '2026-11-27T02:00:00.000Z')).toBeDefined();
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

    describe("the console's index of cards", () => {
      /** A store with cards pushed by its tablet; `card` names the customer and vehicle. */
      async function cardsIn(code: string, cards: Array<{ card: CardPatch; createdAt: string; checkIn?: boolean }>) {
        const t = await storeWithTablet(code);
        const ids = cards.map(() => uuidv7());
        await pushAlone(
          storage.records,
          t.device,
          cards.flatMap(({ card, createdAt, checkIn }, i) => [
            t.create(ids[i]!, card, createdAt),
            ...(checkIn ? [t.mutation(ids[i]!, { op: 'job.checkIn', payload: {} }, createdAt)] : []),
          ]),
        );
        return { ...t, ids };
      }

      it('20. consoleFacts holds exactly jobFacts of every stored card, caught up with each change, per store', async () => {
        const a = await cardsIn('SH01', [
          { card: { customer: { name: '王伟', phone: '138 0013 8000' } }, createdAt: '2026-11-01T09:00:00+08:00', checkIn: true },
          // 2026-10-31T23:30Z is 11-01 07:30 in Shanghai: the range is of instants, not of the text.
          { card: { vehicle: { plate: '粤B7K2Q9' } }, createdAt: '2026-10-31T23:30:00Z' },
          { card: {}, createdAt: '2026-11-02T09:00:00+08:00' },
        ]);
        const b = await cardsIn('BJ01', [{ card: {}, createdAt: '2026-11-01T10:00:00+08:00', checkIn: true }]);
        const expected = async (id: string) => jobFacts((await storage.getJob(a.store.id, id))!);
        const ids = (facts: JobFacts[]) => facts.map((f) => f.jobId);

        const created = await storage.consoleFacts(a.store.id, { kind: 'created', from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T09:00:00+08:00' });
        expect(created).toEqual([await expected(a.ids[1]!), await expected(a.ids[0]!)]);
        expect(ids(await storage.consoleFacts(a.store.id, { kind: 'open' }))).toEqual([a.ids[0]]);
        expect(ids(await storage.consoleFacts(b.store.id, { kind: 'open' }))).toEqual([b.ids[0]]);
        expect(await storage.consoleFacts(a.store.id, { kind: 'delivered', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).toEqual([]);

        // A later change of a card indexed already replaces its row.
        await pushAlone(storage.records, a.device, [a.update(a.ids[2]!, { customer: { name: '李娜' } }), a.mutation(a.ids[2]!, { op: 'job.checkIn', payload: {} })]);
        const open = await storage.consoleFacts(a.store.id, { kind: 'open' });
        expect(open).toEqual([await expected(a.ids[0]!), await expected(a.ids[2]!)]);
        expect(open[1]?.customerName).toBe('李娜');
      });

      it('31. consoleFacts of kind appointments gives the cards booked within the range, earliest first, with a no-show, per store', async () => {
        const a = await cardsIn('SH01', [
          { card: {}, createdAt: '2026-11-01T09:00:00+08:00' },
          { card: {}, createdAt: '2026-11-01T09:05:00+08:00' },
          { card: {}, createdAt: '2026-11-01T09:10:00+08:00' },
          { card: {}, createdAt: '2026-11-01T09:15:00+08:00' },
        ]);
        const b = await cardsIn('BJ01', [{ card: {}, createdAt: '2026-11-01T10:00:00+08:00' }]);
        const book = (t: typeof a, id: string, at: string) => t.mutation(id, { op: 'appointment.set', payload: { at, note: '' } });
        await pushAlone(storage.records, a.device, [
          book(a, a.ids[0]!, '2026-11-03T15:00:00+08:00'),
          book(a, a.ids[1]!, '2026-11-03T09:30:00+08:00'),
          // 2026-11-02T22:00Z is 11-03 06:00 in Shanghai: in the range of instants below.
          book(a, a.ids[2]!, '2026-11-02T22:00:00Z'),
          a.mutation(a.ids[1]!, { op: 'appointment.noShow', payload: { noShow: true } }),
        ]);
        await pushAlone(storage.records, b.device, [book(b, b.ids[0]!, '2026-11-03T10:00:00+08:00')]);
        const range = { kind: 'appointments', from: '2026-11-03T00:00:00+08:00', to: '2026-11-04T00:00:00+08:00' } as const;
        const booked = await storage.consoleFacts(a.store.id, range);
        expect(booked.map((f) => [f.jobId, f.appointmentAt, f.appointmentNoShow])).toEqual([
          [a.ids[2], '2026-11-02T22:00:00Z', false],
          [a.ids[1], '2026-11-03T09:30:00+08:00', true],
          [a.ids[0], '2026-11-03T15:00:00+08:00', false],
        ]);
        expect(booked[0]).toEqual(jobFacts((await storage.getJob(a.store.id, a.ids[2]!))!));
        expect((await storage.consoleFacts(b.store.id, range)).map((f) => f.jobId)).toEqual([b.ids[0]]);
        expect(await storage.consoleFacts(a.store.id, { ...range, from: '2026-11-04T00:00:00+08:00', to: '2026-11-05T00:00:00+08:00' })).toEqual([]);
      });

      it('21. searchCards finds a plate, VIN, phone, name or job number as the desk types it, newest first, in this store only', async () => {
        const vin = '1M8GDM9AXKP042788';
        const a = await cardsIn('SH01', [
          { card: { vehicle: { plate: '粤B7K2Q9', vin }, customer: { name: '王伟', phone: '138-0013-8000' } }, createdAt: '2026-10-01T09:00:00+08:00' },
          { card: { vehicle: { plate: '粤B7K2Q9' }, customer: { name: '王芳', phone: '13912345678' } }, createdAt: '2026-11-01T09:00:00+08:00' },
          { card: { vehicle: { plate: '沪A12345' }, customer: { name: '李娜', phone: '13700008000' } }, createdAt: '2026-11-02T09:00:00+08:00' },
        ]);
        const b = await cardsIn('BJ01', [{ card: { vehicle: { plate: '粤B7K2Q9', vin }, customer: { name: '王伟', phone: '13800138000' } }, createdAt: '2026-11-03T09:00:00+08:00' }]);
        const [older, newer, other] = a.ids;
        const found = async (text: string, limit = 10) => (await storage.searchCards(a.store.id, text, limit)).map((f) => f.jobId);

        expect(await found('粤B7K2Q9')).toEqual([newer, older]);
        expect(await found('粤b 7k2-q9')).toEqual([newer, older]);
        expect(await found('B7K2')).toEqual([newer, older]);
        expect(await found('7K2Q9')).toEqual([newer, older]);
        expect(await found('粤B7K2Q9', 1)).toEqual([newer]);
        expect(await found('1M8GDM9A')).toEqual([older]);
        // A start most cards share is no search: type more of it, or its end.
        expect(await found('1M8G')).toEqual([]);
        expect(await found('粤B')).toEqual([]);
        expect(await found('042788')).toEqual([older]);
        expect(await found('138 0013 8000')).toEqual([older]);
        expect(await found('8000')).toEqual([other, older]);
        expect(await found('王')).toEqual([newer, older]);
        expect(await found('王伟')).toEqual([older]);
        expect(await found('SH01-20261127-A001')).toEqual([other, newer, older]);
        expect(await found('A001')).toEqual([other, newer, older]);
        // The other store's card matches every one of these and is never found.
        expect(await storage.searchCards(b.store.id, '7K2Q9', 10)).toHaveLength(1);
        expect(await found('')).toEqual([]);
        expect(await found('   ')).toEqual([]);
        expect(await found('张')).toEqual([]);
        expect(await found('\u0000%_')).toEqual([]);
        // The index follows a change of the plate: the old one no longer finds the card.
        await pushAlone(storage.records, a.device, [a.update(older!, { vehicle: { plate: '粤B00001' } })]);
        expect(await found('7K2Q9')).toEqual([newer]);
        expect(await found('B00001')).toEqual([older]);
      });

      it("22. cardsOfCustomer lists a customer's cards by phone, else by name, newest first", async () => {
        const a = await cardsIn('SH01', [
          { card: { customer: { name: '王伟', phone: '13800138000' } }, createdAt: '2026-10-01T09:00:00+08:00' },
          { card: { customer: { name: '王伟', phone: '138-0013-8000' }, vehicle: { plate: '沪A12345' } }, createdAt: '2026-11-01T09:00:00+08:00' },
          { card: { customer: { name: '王伟', phone: '' } }, createdAt: '2026-11-02T09:00:00+08:00' },
        ]);
        const ids = async (customer: { phone: string; name: string }) => (await storage.cardsOfCustomer(a.store.id, customer, 10)).map((f) => f.jobId);
        expect(await ids({ phone: '13800138000', name: '' })).toEqual([a.ids[1], a.ids[0]]);
        expect(await ids({ phone: '', name: ' 王伟 ' })).toEqual([a.ids[2], a.ids[1], a.ids[0]]);
        expect(await ids({ phone: '', name: '王' })).toEqual([]);
        expect(await ids({ phone: '', name: '' })).toEqual([]);
      });

      it('23. jobsCheckedIn gives the cards checked in within the range, as stored, oldest first', async () => {
        const a = await cardsIn('SH01', [
          { card: {}, createdAt: '2026-11-01T09:00:00+08:00', checkIn: true },
          { card: {}, createdAt: '2026-11-01T08:00:00+08:00', checkIn: true },
          { card: {}, createdAt: '2026-11-01T10:00:00+08:00' },
          { card: {}, createdAt: '2026-11-02T09:00:00+08:00', checkIn: true },
        ]);
        const day = { from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T00:00:00+08:00' };
        expect(await storage.jobsCheckedIn(a.store.id, day, 100)).toEqual([await storage.getJob(a.store.id, a.ids[1]!), await storage.getJob(a.store.id, a.ids[0]!)]);
        expect(await storage.jobsCheckedIn(a.store.id, day, 1)).toHaveLength(1);
      });

      it('24. several reads catching up a long change log at once index every card once, at its latest change', async () => {
        const t = await storeWithTablet('SH01');
        const ids = Array.from({ length: 1_100 }, () => uuidv7());
        await pushAlone(storage.records, t.device, ids.map((id, i) => t.create(id, { customer: { name: `客户${i}` } })));
        const all = { kind: 'created', from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' } as const;
        expect(await storage.consoleFacts(t.store.id, all)).toHaveLength(ids.length);
        await pushAlone(storage.records, t.device, ids.map((id, i) => t.update(id, { customer: { name: i === 0 ? '最新' : `老客户${i}` } })));
        const [one, two, three] = await Promise.all([1, 2, 3].map(() => storage.consoleFacts(t.store.id, all)));
        expect(one).toHaveLength(ids.length);
        expect(new Set(one!.map((f) => f.jobId))).toEqual(new Set(ids));
        expect([two, three]).toEqual([one, one]);
        // Reads that ran at once may share one read, never one array: a caller may sort its own.
        expect(two).not.toBe(one);
        expect(one!.find((f) => f.jobId === ids[0])?.customerName).toBe('最新');
        expect(one!.filter((f) => f.customerName.startsWith('客户'))).toEqual([]);
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
