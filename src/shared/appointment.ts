// 预约: a car booked in for a time before it comes. The store console makes the appointment as
// a card of its own (a draft with the customer, plate, service type and note filled in) that
// the tablets pull like any other; when the car arrives the advisor opens it and the check-in
// starts from what was booked. `appointment.set` books or moves it (and clears a no-show);
// `appointment.noShow` marks that the customer did not come, or takes that back.
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';

export const appointmentSchema = z.object({
  /** When the customer is expected. */
  at: isoDateTime,
  /** What the customer said when booking (the desk's own words). */
  note: text(200),
  /** When the store marked that the customer did not come; null while expected. */
  noShowAt: isoDateTime.nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentSetSchema = z.object({ at: isoDateTime, note: text(200) }).strict();
export const appointmentNoShowSchema = z.object({ noShow: z.boolean() }).strict();
