// 预约 as the store console asks for them and makes them: the request bodies with messages a
// person can act on (the desk types these), and what the list shows.
import { z } from 'zod';
import { checkPhone, normalizePhone } from '../phone.ts';
import { checkPlate, normalizePlate } from '../plate.ts';
import { hasControlCharacters } from '../plain-text.ts';
import { SERVICE_TYPES } from '../job.ts';
import { isoDateTime } from '../primitives.ts';
import { storeDaySchema } from './store-day.ts';

const plainText = (max: number, what: string) =>
  z
    .string({ message: `${what} must be text` })
    .trim()
    .max(max, { message: `${what} has at most ${max} characters` })
    .refine((value) => !hasControlCharacters(value), { message: `${what} cannot hold control or invisible characters` });

/** The customer and the car as the desk books them; the plate may be unknown yet. */
export const appointmentFieldsSchema = z
  .object({
    customerName: plainText(50, 'The customer name').refine((name) => name !== '', { message: 'The customer name is required' }),
    customerPhone: z
      .string({ message: 'The phone must be text' })
      .max(30, { message: 'The phone has at most 30 characters' })
      .transform(normalizePhone)
      .refine((phone) => checkPhone(phone).ok, { message: 'The phone is not a mobile (11 digits), a landline with its area code, or a Hong Kong or Macau mobile' }),
    plate: z
      .string({ message: 'The plate must be text' })
      .max(20, { message: 'The plate has at most 20 characters' })
      .transform(normalizePlate)
      .refine((plate) => plate === '' || checkPlate(plate).ok, { message: 'The plate is not a plate (e.g. 粤B12345); leave it empty if it is not known yet' }),
    /** When the customer is expected: a time with its offset, as the page's clock gives it. */
    at: isoDateTime,
    serviceType: z.enum(SERVICE_TYPES, { message: `The service type is one of ${SERVICE_TYPES.join(', ')}` }),
    note: plainText(200, 'The note'),
  })
  .strict();
export type AppointmentFields = z.input<typeof appointmentFieldsSchema>;

export const appointmentListQuerySchema = z.object({ from: storeDaySchema('from'), to: storeDaySchema('to') }).strict();

export const noShowBodySchema = z.object({ noShow: z.boolean({ message: 'noShow is true or false' }) }).strict();

export const appointmentViewSchema = z.object({
  jobId: z.uuid(),
  number: z.string(),
  at: z.string(),
  note: z.string(),
  noShow: z.boolean(),
  /** draft while expected; checked-in and on once the car came in. */
  status: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  plate: z.string(),
  serviceTypes: z.array(z.string()),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const appointmentListSchema = z.object({ appointments: z.array(appointmentViewSchema) });
export const appointmentParamsSchema = z.object({ jobId: z.uuid({ message: 'jobId must be a card id (a UUID)' }) }).strict();
