// The DMS export (routes/console-export-routes.ts): job cards with their lines for a day or a
// range of the store's days, as CSV (one row per line, the card's fields repeated) or as JSON in
// the schema below, which the OpenAPI document publishes. From the console (a signed-in user,
// /api/v1/console/export) or from the dealer management system itself (/api/v1/export, with
// an administrator's username and password in HTTP Basic). Money in 分 (1/100 yuan), quantities
// in thousandths, times ISO 8601 with the tablet's UTC offset, days of the store's clock.
import { z } from 'zod';
import { LINE_KINDS } from '../estimate.ts';
import { JOB_STATUSES } from '../job-status.ts';
import { SERVICE_TYPES } from '../job.ts';
import { isoDateTime } from '../primitives.ts';
import { daysFromTo, isCalendarDay, storeDaySchema } from './store-day.ts';

export const CONSOLE_EXPORT_API = '/api/v1/console/export';
export const DMS_EXPORT_API = '/api/v1/export';
/** The longest range one export covers (a quarter and a day): longer ones go in parts. */
export const MAX_EXPORT_DAYS = 92;
/** The most cards one export answers with: a busier range is refused, to be asked in parts. */
export const MAX_EXPORT_CARDS = 20_000;
export const EXPORT_FORMATS = ['csv', 'json'] as const;

/** Which cards: those checked in (进厂) on a day from `from` to `to`, both included; `to` defaults to `from`. */
export const exportQuerySchema = z
  .object({
    from: storeDaySchema('from'),
    to: storeDaySchema('to').optional(),
    format: z.enum(EXPORT_FORMATS, { message: 'format must be csv or json' }).default('csv'),
  })
  .strict()
  .transform((query) => ({ ...query, to: query.to ?? query.from }))
  .superRefine((query, ctx) => {
    if (!isCalendarDay(query.from) || !isCalendarDay(query.to)) return;
    const days = daysFromTo(query.from, query.to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${query.to}) must be on or after from (${query.from})` });
    else if (days > MAX_EXPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range is ${days} days; export at most ${MAX_EXPORT_DAYS} days at a time` });
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** One line of work on the card: the estimate's, or an additional line (追加项目) the customer approved. */
export const exportLineSchema = z
  .object({
    lineId: z.string().describe('The line id (UUID), stable across exports: use it to update a line imported before.'),
    source: z.enum(['estimate', 'addition']).describe('estimate: agreed at check-in; addition: 追加项目 approved by the customer later.'),
    kind: z.enum(LINE_KINDS).describe('labour (工时) or part (配件).'),
    code: z.string().describe("The store catalogue's code; empty for a line typed free."),
    description: z.string(),
    quantityMilli: z.number().int().describe('Quantity in thousandths: 1.5 hours of labour is 1500.'),
    unitPriceFen: z.number().int().describe('Unit price in 分.'),
    discountBp: z.number().int().describe('Discount in basis points of the line: 1000 is 10% off (9折).'),
    grossFen: z.number().int().describe('unitPrice × quantity, rounded half up to 分.'),
    discountFen: z.number().int(),
    netFen: z.number().int().describe('grossFen − discountFen: what the line adds to the bill.'),
  })
  .describe('A line of work on a job card.');
export type ExportLine = z.infer<typeof exportLineSchema>;

export const exportCardSchema = z
  .object({
    jobId: z.string().describe('The card id (UUID): the key to match a card exported before.'),
    number: z.string().describe('The job number printed on the card (store, date, tablet letter, sequence).'),
    status: z.enum(JOB_STATUSES),
    createdAt: isoDateTime,
    checkedInAt: isoDateTime.describe('When the car was checked in (进厂): the day the export selects by.'),
    deliveredAt: isoDateTime.nullable().describe('When the car was handed back (交车), if it was.'),
    promisedAt: isoDateTime.nullable().describe('预计交车时间 as it stands.'),
    advisor: z.object({ id: z.string(), username: z.string(), name: z.string() }).nullable().describe('The service advisor who checked the car in.'),
    customer: z.object({ name: z.string(), phone: z.string(), company: z.string() }),
    vehicle: z.object({
      plate: z.string().describe('As typed on the tablet, normalised: upper case, no spaces.'),
      vin: z.string(),
      model: z.string(),
      color: z.string(),
      engineNo: z.string(),
    }),
    odometerKm: z.number().int().nullable(),
    serviceTypes: z.array(z.enum(SERVICE_TYPES)).describe('maintenance 保养, repair 维修, bodyPaint 钣喷, warranty 保修, insurance 保险.'),
    customerRequest: z.string().describe("The customer's words (客户描述)."),
    estimateFen: z.number().int().describe("The estimate's total (live lines, net of their discounts)."),
    approvedAdditionsFen: z.number().int(),
    discountFen: z.number().int().describe('The discount given at handover (on the whole bill).'),
    dueFen: z.number().int().describe('应收: estimate + approved additions − handover discount.'),
    paidFen: z.number().int().nullable().describe('实收, once recorded at handover.'),
    lines: z.array(exportLineSchema),
  })
  .describe('A job card with its lines.');
export type ExportCard = z.infer<typeof exportCardSchema>;

export const exportResponseSchema = z
  .object({
    store: z.object({ code: z.string(), name: z.string() }),
    from: z.string().describe('First day, the store’s clock (YYYY-MM-DD).'),
    to: z.string().describe('Last day, included.'),
    generatedAt: isoDateTime,
    cards: z.array(exportCardSchema).describe('Oldest check-in first.'),
  })
  .describe('The cards checked in on the days asked, with their lines.');
export type ExportResponse = z.infer<typeof exportResponseSchema>;

/** The CSV's columns, in order: the card's fields repeated on each of its lines. */
export const CSV_COLUMNS = [
  'job_id', 'job_number', 'status', 'checked_in_at', 'delivered_at', 'promised_at', 'advisor_username', 'advisor_name', 'customer_name',
  'customer_phone', 'customer_company', 'plate', 'vin', 'model', 'color', 'engine_no', 'odometer_km', 'service_types', 'customer_request',
  'estimate_fen', 'approved_additions_fen', 'discount_fen', 'due_fen', 'paid_fen', 'line_id', 'line_source', 'line_kind', 'line_code',
  'line_description', 'quantity_milli', 'unit_price_fen', 'discount_bp', 'gross_fen', 'line_discount_fen', 'net_fen',
] as const;
