// The job card (接车单) as one zod schema per part. The same schemas validate the form on the
// tablet, every mutation the reducer applies, and (from the sync issue on) every request the
// server accepts. Error messages are i18n keys ("plate.invalid"), never prose, so the shared
// code stays language-neutral and the UI says them in the advisor's language.
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';
import { estimateSchema } from './estimate.ts';
import { signatureSchema } from './signature.ts';
import { damageSchema, photoSchema } from './walkaround.ts';
import { additionSchema, approvalSchema } from './additions.ts';
import { appointmentSchema } from './appointment.ts';
import { emptyFollowUp, followUpSchema } from './follow-up.ts';
import { emptyHandover, handoverSchema } from './handover.ts';
import { JOB_STATUSES, statusMoveSchema } from './job-status.ts';
import { emptyQualityCheck, qualityCheckSchema } from './quality-check.ts';
import { BELONGINGS, COVERS, fuelSchema, MAX_ODOMETER_KM } from './vehicle-condition.ts';

// Defined beside the handover, which compares them with the car at check-in; re-exported so
// the card's users keep importing them from here.
export { BELONGINGS, COVERS, fuelSchema, MAX_ODOMETER_KM, type Belonging, type Cover, type Fuel } from './vehicle-condition.ts';

export const WARNING_LIGHTS = ['engine', 'abs', 'airbag', 'tyrePressure', 'oil', 'battery', 'brake', 'other'] as const;
/** The outline the walk-around diagram shows. */
export const BODY_STYLES = ['sedan', 'suv'] as const;
export type BodyStyle = (typeof BODY_STYLES)[number];
export const SERVICE_TYPES = ['maintenance', 'repair', 'bodyPaint', 'warranty', 'insurance'] as const;

export type WarningLight = (typeof WARNING_LIGHTS)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];



export const customerSchema = z.object({
  name: text(50),
  phone: text(30),
  company: text(100),
});

export const vehicleSchema = z.object({
  /** Normalised upper case, no spaces (see plate.ts); may be incomplete while a draft. */
  plate: text(12),
  vin: text(17),
  /** The advisor confirmed a VIN whose check digit does not match (imports, old cars). */
  vinCheckAccepted: z.boolean(),
  model: text(60),
  color: text(20),
  engineNo: text(30),
  bodyStyle: z.enum(BODY_STYLES),
});

const flags = <K extends string>(keys: readonly [K, ...K[]]) => z.partialRecord(z.enum(keys), z.boolean());

/** Everything the advisor fills on the sheet. Drafts may hold incomplete values. */
export const cardSchema = z.object({
  customer: customerSchema,
  vehicle: vehicleSchema,
  odometerKm: z.number().int().min(0).max(MAX_ODOMETER_KM).nullable(),
  /** The advisor confirmed a reading lower than this vehicle's last one on this device. */
  odometerLowerAccepted: z.boolean(),
  fuel: fuelSchema.nullable(),
  warningLights: flags(WARNING_LIGHTS),
  warningLightsNote: text(200),
  /** When each cover was fitted; null once taken off again. */
  covers: z.partialRecord(z.enum(COVERS), isoDateTime.nullable()),
  belongings: flags(BELONGINGS),
  belongingsNote: text(200),
  /** When the customer confirmed they took their valuables (贵重物品). */
  valuablesConfirmedAt: isoDateTime.nullable(),
  serviceTypes: flags(SERVICE_TYPES),
  customerRequest: text(1000),
});
export type Card = z.infer<typeof cardSchema>;

/**
 * A change to the card. Each leaf is merged on its own (last write wins per field), so two
 * advisors editing different fields of one card never overwrite each other.
 */
export const cardPatchSchema = z
  .object({
    customer: customerSchema.partial(),
    vehicle: vehicleSchema.partial(),
    odometerKm: cardSchema.shape.odometerKm,
    odometerLowerAccepted: z.boolean(),
    fuel: cardSchema.shape.fuel,
    warningLights: cardSchema.shape.warningLights,
    warningLightsNote: cardSchema.shape.warningLightsNote,
    covers: cardSchema.shape.covers,
    belongings: cardSchema.shape.belongings,
    belongingsNote: cardSchema.shape.belongingsNote,
    valuablesConfirmedAt: cardSchema.shape.valuablesConfirmedAt,
    serviceTypes: cardSchema.shape.serviceTypes,
    customerRequest: cardSchema.shape.customerRequest,
  })
  .partial()
  .strict();
export type CardPatch = z.infer<typeof cardPatchSchema>;

export { JOB_STATUSES, type JobStatus } from './job-status.ts';

export const jobSchema = z.object({
  id: z.uuid(),
  /** Short human number, unique without a server: store, date, device letter, sequence. */
  number: z.string().min(1).max(40),
  status: z.enum(JOB_STATUSES),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  checkedInAt: isoDateTime.nullable(),
  /** The advisor signed in when 完成接车 was tapped (the customer's copy names them); absent on a tablet not enrolled, and on cards checked in before it was kept. */
  checkedInBy: z.uuid().optional(),
  card: cardSchema,
  /** Damage marks of the walk-around, keyed by id; removed ones keep a tombstone. */
  damages: z.record(z.uuid(), damageSchema),
  /** Photos (general and of damage), keyed by id; removed ones keep a tombstone. */
  photos: z.record(z.uuid(), photoSchema),
  estimate: estimateSchema,
  /** Every signature ever given on this card; a stale one stays for audit. */
  signatures: z.record(z.uuid(), signatureSchema),
  // After check-in. Each part defaults to empty, so a card stored or sent before these
  // existed still parses (the tablet's database and the server's also fill them in once).
  /** Every status move after check-in, oldest first, with when and who. */
  moves: z.array(statusMoveSchema).default(() => []),
  /** 追加项目: additional lines offered after check-in, keyed by id; removed ones keep a tombstone. */
  additions: z.record(z.uuid(), additionSchema).default(() => ({})),
  /** The customer's decisions on additional lines, one entry per round, keyed by id. */
  approvals: z.record(z.uuid(), approvalSchema).default(() => ({})),
  qualityCheck: qualityCheckSchema.default(emptyQualityCheck),
  handover: handoverSchema.default(emptyHandover),
  followUp: followUpSchema.default(emptyFollowUp),
  /** 预约: set on a card the store console booked for a time; absent on a car that just came in. */
  appointment: appointmentSchema.optional(),
});
export type Job = z.infer<typeof jobSchema>;

/** The parts of a job that fill in after check-in, all empty: a new card's, and an upgraded old card's. */
export function emptyAfterCheckIn(): Pick<Job, 'moves' | 'additions' | 'approvals' | 'qualityCheck' | 'handover' | 'followUp'> {
  return { moves: [], additions: {}, approvals: {}, qualityCheck: emptyQualityCheck(), handover: emptyHandover(), followUp: emptyFollowUp() };
}

export function emptyCard(): Card {
  return {
    customer: { name: '', phone: '', company: '' },
    vehicle: { plate: '', vin: '', vinCheckAccepted: false, model: '', color: '', engineNo: '', bodyStyle: 'sedan' },
    odometerKm: null,
    odometerLowerAccepted: false,
    fuel: null,
    warningLights: {},
    warningLightsNote: '',
    covers: {},
    belongings: {},
    belongingsNote: '',
    valuablesConfirmedAt: null,
    serviceTypes: {},
    customerRequest: '',
  };
}
