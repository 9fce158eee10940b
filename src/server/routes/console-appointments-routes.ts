// 预约 at the store console (issue 14): the desk books a customer for a time; the booking is a
// card of its own (a draft with the customer, plate, service type and note filled in, plus its
// appointment) written as the console's device (console/console-writer.ts), so the tablets pull
// it with their next sync and show today's at the top of the job list; the advisor opens it
// when the car arrives and the check-in starts from what was booked. Any signed-in role of the
// store may book, move and mark a no-show; the store is always the session's.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import {
  appointmentFieldsSchema,
  appointmentListQuerySchema,
  appointmentListSchema,
  appointmentParamsSchema,
  appointmentViewSchema,
  noShowBodySchema,
  type AppointmentView,
} from '../../shared/console/appointment-api.ts';
import { daysFromTo } from '../../shared/console/store-day.ts';
import { SERVICE_TYPES, type Job } from '../../shared/job.ts';
import { localDateKey } from '../../shared/local-time.ts';
import type { MutationBody } from '../../shared/mutation.ts';
import { apiErrorSchema } from '../../shared/protocol.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { requireConsoleUser } from '../console/console-session.ts';
import { writeAsConsole } from '../console/console-writer.ts';
import { inPeriod, instantsAround } from '../reports/period.ts';
import type { Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 503: apiErrorSchema };
const APPOINTMENTS = '/api/v1/console/appointments';
/** A month of bookings is what the desk pages through; more is a report, not a list. */
const MAX_LIST_DAYS = 62;

function view(job: Job): AppointmentView {
  const booked = job.appointment;
  if (!booked) throw new Error(`card ${job.id} has no appointment`);
  return {
    jobId: job.id,
    number: job.number,
    at: booked.at,
    note: booked.note,
    noShow: booked.noShowAt !== null,
    status: job.status,
    customerName: job.card.customer.name,
    customerPhone: job.card.customer.phone,
    plate: job.card.vehicle.plate,
    serviceTypes: Object.entries(job.card.serviceTypes).flatMap(([type, on]) => (on ? [type] : [])),
  };
}

export function consoleAppointmentsRoutes(app: FastifyInstance, storage: Storage, _blobs: BlobStore): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The store's booked card, or 404 for an id that is not one (another store's included). */
  async function bookedCard(storeId: string, jobId: string): Promise<Job> {
    const job = await storage.getJob(storeId, jobId);
    if (!job?.appointment) throw notFound(`Appointment ${jobId}`);
    return job;
  }

  api.get(APPOINTMENTS, {
    schema: {
      summary: 'The store\'s appointments (预约) booked for the days from–to (store days, both counted), earliest first.',
      tags: ['console'],
      security: [{ consoleSession: [] }],
      querystring: appointmentListQuerySchema,
      response: { 200: appointmentListSchema, ...errors },
    },
    handler: async (request) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const { from, to } = request.query;
      const days = daysFromTo(from, to);
      if (days < 1) throw new HttpError(400, 'invalid_request', 'to must be the same day as from or later.');
      if (days > MAX_LIST_DAYS) throw new HttpError(400, 'invalid_request', `The list covers at most ${MAX_LIST_DAYS} days; choose a shorter period.`);
      const facts = await storage.consoleFacts(user.storeId, { kind: 'appointments', ...instantsAround(from, to) });
      const jobs = await Promise.all(facts.filter((f) => inPeriod(f.appointmentAt, from, to)).map((f) => storage.getJob(user.storeId, f.jobId)));
      return { appointments: jobs.flatMap((job) => (job?.appointment ? [view(job)] : [])) };
    },
  });

  api.post(APPOINTMENTS, {
    schema: {
      summary: 'Book a customer for a time: a new card the tablets pull, with the customer, plate, service type and note.',
      tags: ['console'],
      security: [{ consoleSession: [] }],
      body: appointmentFieldsSchema,
      response: { 200: appointmentViewSchema, ...errors },
    },
    handler: async (request) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const { customerName, customerPhone, plate, at, serviceType, note } = request.body;
      const store = await storage.getStore(user.storeId);
      if (!store) throw new Error(`store ${user.storeId} vanished`);
      // Numbered as a tablet numbers its cards: store, day, the console device's letter, a count (its seq).
      const number = (firstSeq: number, letter: string) => `${store.code}-${localDateKey(new Date())}-${letter}${String(firstSeq).padStart(3, '0')}`;
      const job = await writeAsConsole(storage, user, uuidv7(), (firstSeq, device): MutationBody[] => [
        { op: 'job.create', payload: { number: number(firstSeq, device.code), card: { customer: { name: customerName, phone: customerPhone }, vehicle: { plate }, serviceTypes: { [serviceType]: true }, customerRequest: note } } },
        { op: 'appointment.set', payload: { at, note } },
      ]);
      return view(job);
    },
  });

  api.put(`${APPOINTMENTS}/:jobId`, {
    schema: {
      summary: 'Change a booking not checked in yet: the customer, plate, service type, time and note.',
      tags: ['console'],
      security: [{ consoleSession: [] }],
      params: appointmentParamsSchema,
      body: appointmentFieldsSchema,
      response: { 200: appointmentViewSchema, ...errors },
    },
    handler: async (request) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const before = await bookedCard(user.storeId, request.params.jobId);
      if (before.status !== 'draft') throw new HttpError(409, 'already_checked_in', 'This car has been checked in: change the card on the tablet.');
      const { customerName, customerPhone, plate, at, serviceType, note } = request.body;
      // Every service type named, so the booked one replaces the choice (the card merges them key by key).
      const serviceTypes = Object.fromEntries(SERVICE_TYPES.map((type) => [type, type === serviceType]));
      const job = await writeAsConsole(storage, user, before.id, () => [
        { op: 'job.update', payload: { card: { customer: { name: customerName, phone: customerPhone }, vehicle: { plate }, serviceTypes, customerRequest: note } } },
        { op: 'appointment.set', payload: { at, note } },
      ]);
      return view(job);
    },
  });

  api.post(`${APPOINTMENTS}/:jobId/no-show`, {
    schema: {
      summary: 'Mark that the booked customer did not come (noShow true), or take it back (false).',
      tags: ['console'],
      security: [{ consoleSession: [] }],
      params: appointmentParamsSchema,
      body: noShowBodySchema,
      response: { 200: appointmentViewSchema, ...errors },
    },
    handler: async (request) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const before = await bookedCard(user.storeId, request.params.jobId);
      if (before.status !== 'draft') throw new HttpError(409, 'already_checked_in', 'This car has been checked in: it came.');
      const job = await writeAsConsole(storage, user, before.id, () => [{ op: 'appointment.noShow', payload: { noShow: request.body.noShow } }]);
      return view(job);
    },
  });
}
