// 预约 from the store console over real HTTP and real SQLite, to a simulated tablet that syncs
// with the app's own engine: a booking is a card the console writes as its own device, which
// the tablet pulls with the customer, plate, service type, note and time; moving it and marking
// a no-show reach the tablet the same way; once the car is checked in on the tablet the console
// cannot change the booking. Bad input is a 400 that names what to fix.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitMutation } from '../../src/db/job-repo.ts';
import { CONSOLE_DEVICE_NAME } from '../../src/server/console/console-writer.ts';
import type { AppointmentView } from '../../src/shared/console/appointment-api.ts';
import { localDateKey, nowIso } from '../../src/shared/local-time.ts';
import { signInConsole, type ConsoleClient } from '../support/console-client.ts';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { createTablet, type Tablet } from '../support/tablet.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let store: TestStore;
let desk: ConsoleClient;
let tablet: Tablet;

const today = new Date();
const todayKey = localDateKey(today);
const day = (date: Date) => {
  const key = localDateKey(date);
  return `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
};
const inHours = (hours: number) => nowIso(new Date(today.getTime() + hours * 3_600_000));
const BOOKING = { customerName: '王先生', customerPhone: '138 0013 8000', plate: '粤b7k2q9', serviceType: 'maintenance', note: '一万公里保养，顺便看异响' };

beforeAll(async () => {
  server = await startTestServer('console-appointments');
  store = await seedTestStore(server.data.storage, 'AP1');
  await addAdvisorTo(server.data.storage, store.storeId, { username: 'desk', name: '前台小李', role: 'advisor', password: 'desk-password-1' });
  desk = await signInConsole(server.baseUrl, { store: store.code, username: 'desk', password: 'desk-password-1' });
  tablet = await createTablet('AP1-A', { baseUrl: server.baseUrl }, store.enrollmentCode);
}, 20_000);
afterAll(() => server.close());

async function book(fields: Record<string, unknown>): Promise<AppointmentView> {
  const reply = await desk.request('POST', '/api/v1/console/appointments', fields);
  expect(reply.status, reply.text).toBe(200);
  return reply.json as AppointmentView;
}

describe('booking at the console', () => {
  let booked: AppointmentView;

  it('makes a card of its own, numbered by the console device, with the customer, plate, service type and note', async () => {
    booked = await book({ ...BOOKING, at: inHours(1) });
    expect(booked).toMatchObject({ customerName: '王先生', customerPhone: '13800138000', plate: '粤B7K2Q9', serviceTypes: ['maintenance'], note: BOOKING.note, noShow: false, status: 'draft' });
    const devices = await server.data.storage.listDevices(store.storeId);
    const consoleDevice = devices.find((device) => device.name === CONSOLE_DEVICE_NAME);
    expect(consoleDevice).toBeDefined();
    expect(booked.number).toBe(`${store.code}-${todayKey}-${consoleDevice!.code}001`);
    // A second booking: the same device, the next number.
    const second = await book({ ...BOOKING, customerName: '李女士', customerPhone: '13900139000', plate: '', at: inHours(2) });
    expect(second.number).toBe(`${store.code}-${todayKey}-${consoleDevice!.code}003`);
    expect((await server.data.storage.listDevices(store.storeId)).filter((device) => device.name === CONSOLE_DEVICE_NAME)).toHaveLength(1);
    // Its history says who booked it, from where.
    const history = await server.data.storage.jobHistory(store.storeId, booked.jobId);
    expect(history.map((entry) => [entry.op, entry.deviceId, entry.status])).toEqual([
      ['job.create', consoleDevice!.id, 'applied'],
      ['appointment.set', consoleDevice!.id, 'applied'],
    ]);
    const deskAdvisor = await server.data.storage.findAdvisorByUsername(store.storeId, 'desk');
    expect(history.every((entry) => entry.advisorId === deskAdvisor?.id)).toBe(true);
  });

  it('lists the bookings of the days asked for, earliest first, and none of other days', async () => {
    const list = await desk.request('GET', `/api/v1/console/appointments?from=${day(today)}&to=${day(today)}`);
    expect(list.status).toBe(200);
    const names = (list.json as { appointments: AppointmentView[] }).appointments.map((a) => a.customerName);
    expect(names.slice(0, 2)).toEqual(['王先生', '李女士']);
    const tomorrow = new Date(today.getTime() + 2 * 86_400_000);
    const none = await desk.request('GET', `/api/v1/console/appointments?from=${day(tomorrow)}&to=${day(tomorrow)}`);
    expect((none.json as { appointments: AppointmentView[] }).appointments.filter((a) => a.jobId === booked.jobId)).toEqual([]);
  });

  it('reaches the tablet with its next sync, prefilled for the check-in', async () => {
    expect(await tablet.engine.syncNow()).toMatchObject({ complete: true });
    const card = await tablet.db.jobs.get(booked.jobId);
    expect(card?.appointment).toMatchObject({ note: BOOKING.note, noShowAt: null });
    expect(Date.parse(card!.appointment!.at)).toBe(Date.parse(booked.at));
    expect(card?.card.customer).toMatchObject({ name: '王先生', phone: '13800138000' });
    expect(card?.card.vehicle.plate).toBe('粤B7K2Q9');
    expect(card?.card.serviceTypes).toEqual({ maintenance: true });
    expect(card?.card.customerRequest).toBe(BOOKING.note);
    expect(card?.status).toBe('draft');
  });

  it('moves a booking and marks a no-show, and the tablet gets both', async () => {
    const moved = await desk.request('PUT', `/api/v1/console/appointments/${booked.jobId}`, { ...BOOKING, serviceType: 'repair', at: inHours(3), note: '改到下午' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json).toMatchObject({ serviceTypes: ['repair'], note: '改到下午', noShow: false });
    const absent = await desk.request('POST', `/api/v1/console/appointments/${booked.jobId}/no-show`, { noShow: true });
    expect(absent.json).toMatchObject({ noShow: true });
    await tablet.engine.syncNow();
    const card = await tablet.db.jobs.get(booked.jobId);
    expect(card?.appointment?.noShowAt).not.toBeNull();
    expect(card?.card.serviceTypes).toEqual({ maintenance: false, repair: true, bodyPaint: false, warranty: false, insurance: false });
    const back = await desk.request('POST', `/api/v1/console/appointments/${booked.jobId}/no-show`, { noShow: false });
    expect(back.json).toMatchObject({ noShow: false });
  });

  it('cannot change a booking once the car is checked in on the tablet', async () => {
    const fresh = await book({ ...BOOKING, customerName: '赵先生', at: inHours(1) });
    await tablet.engine.syncNow();
    // The advisor opened it and checked the car in (the form's own rules are the tablet's tests').
    await commitMutation(tablet.db, fresh.jobId, { op: 'job.checkIn', payload: {} });
    expect(await tablet.engine.syncNow()).toMatchObject({ complete: true });
    const moved = await desk.request('PUT', `/api/v1/console/appointments/${fresh.jobId}`, { ...BOOKING, at: inHours(5) });
    expect(moved.status).toBe(409);
    expect(moved.json).toMatchObject({ error: 'already_checked_in', message: expect.stringContaining('tablet') });
    const absent = await desk.request('POST', `/api/v1/console/appointments/${fresh.jobId}/no-show`, { noShow: true });
    expect(absent.status).toBe(409);
    expect((await server.data.storage.getJob(store.storeId, fresh.jobId))?.appointment?.noShowAt).toBeNull();
  });
});

describe('bad bookings', () => {
  it.each([
    ['no name', { customerName: '  ' }, 'customer name'],
    ['a phone a digit short', { customerPhone: '1380013800' }, 'phone'],
    ['a plate that is none', { plate: 'ABC' }, 'plate'],
    ['a time without its offset', { at: '2026-12-08 10:30' }, 'at'],
    ['an unknown service type', { serviceType: 'wash' }, 'service type'],
    ['a note of 201 characters', { note: '约'.repeat(201) }, 'note'],
    ['a name with a terminal escape', { customerName: '王\u001b[31m' }, 'customer name'],
  ])('refuses %s with a 400 that names it, and books nothing', async (_name, change, named) => {
    const before = await server.data.storage.consoleFacts(store.storeId, { kind: 'appointments', from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    const reply = await desk.request('POST', '/api/v1/console/appointments', { ...BOOKING, at: inHours(1), ...change });
    expect(reply.status).toBe(400);
    expect(String((reply.json as { message: string }).message).toLowerCase()).toContain(named);
    const after = await server.data.storage.consoleFacts(store.storeId, { kind: 'appointments', from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(after.length).toBe(before.length);
  });

  it('answers a card that is no booking, or an id of nothing, with 404', async () => {
    const walkIn = await tablet.db.jobs.toArray();
    const notBooked = walkIn.find((job) => !job.appointment);
    for (const jobId of [notBooked?.id ?? '0192f3a0-0000-7000-8000-000000000000', '0192f3a0-0000-7000-8000-0000000000ff']) {
      const reply = await desk.request('POST', `/api/v1/console/appointments/${jobId}/no-show`, { noShow: true });
      expect(reply.status).toBe(404);
    }
  });

  it('refuses a list of more than 62 days, or one that ends before it starts', async () => {
    expect((await desk.request('GET', '/api/v1/console/appointments?from=2026-01-01&to=2026-12-31')).status).toBe(400);
    expect((await desk.request('GET', '/api/v1/console/appointments?from=2026-12-08&to=2026-12-01')).status).toBe(400);
    expect((await desk.request('GET', '/api/v1/console/appointments?from=2026-02-30&to=2026-03-01')).status).toBe(400);
  });
});
