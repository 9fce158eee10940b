// 交车: the car handed back to the customer at the car, against its check-in record. Each
// check-in damage mark is confirmed unchanged (new damage is its own kind of mark, found at
// handover); mileage and fuel are read again; the covers fitted in front of the customer come
// off in front of them; belongings and 旧件 go back as agreed; the bill is settled; the next
// service is told. Keyed parts merge per key, like the card, so two advisors ticking covers on
// two tablets never undo each other.
import { z } from 'zod';
import { PAYMENT_METHODS } from './estimate.ts';
import { isoDateTime, text } from './primitives.ts';
import { BELONGINGS, COVERS, fuelSchema, MAX_ODOMETER_KM, type Fuel } from './vehicle-condition.ts';

/** A calendar day that exists, "2027-06-07" (not "2027-13-45"): the next service is a date, not an instant. */
export const localDate = z.iso.date({ message: 'date.invalid' });

/** Largest bill discount or payment accepted: ¥9,999,999.99. */
export const MAX_BILL_FEN = 999_999_999;

export const handoverSchema = z.object({
  /**
   * Check-in damage mark id → when it was confirmed unchanged at the car; null when a
   * confirmation was taken back (撤销): not confirmed, like a mark never ticked. A keyed part
   * merges per key, so taking one back needs a value, not a missing key.
   */
  damageChecks: z.record(z.uuid(), isoDateTime.nullable()),
  odometerKm: z.number().int().min(0).max(MAX_ODOMETER_KM).nullable(),
  fuel: fuelSchema.nullable(),
  /** When each cover fitted at check-in was taken off in front of the customer. */
  coversRemoved: z.partialRecord(z.enum(COVERS), isoDateTime.nullable()),
  /** Each belonging listed at check-in, handed back (true) or not yet. */
  belongingsReturned: z.partialRecord(z.enum(BELONGINGS), z.boolean()),
  /** 旧件 returned to the customer or left with the shop, as chosen at check-in; null until done. */
  oldPartsDone: z.boolean().nullable(),
  /** A discount on the bill as a whole (抹零, goodwill), with its reason, in 分. */
  discountFen: z.number().int().min(0).max(MAX_BILL_FEN),
  discountReason: text(200),
  /** What the customer paid, in 分; null until paid. */
  paidFen: z.number().int().min(0).max(MAX_BILL_FEN).nullable(),
  payment: z.enum(PAYMENT_METHODS).nullable(),
  /** 下次保养: date and mileage, defaulted from the service type, editable. */
  nextServiceDate: localDate.nullable(),
  nextServiceKm: z.number().int().min(0).max(MAX_ODOMETER_KM).nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;

/** A change to the handover: only the fields given; keyed parts merge per key. */
export const handoverPatchSchema = handoverSchema.partial().strict();
export type HandoverPatch = z.infer<typeof handoverPatchSchema>;

export const KEYED_HANDOVER_PARTS = ['damageChecks', 'coversRemoved', 'belongingsReturned'] as const satisfies readonly (keyof Handover)[];

export function emptyHandover(): Handover {
  return {
    damageChecks: {},
    odometerKm: null,
    fuel: null,
    coversRemoved: {},
    belongingsReturned: {},
    oldPartsDone: null,
    discountFen: 0,
    discountReason: '',
    paidFen: null,
    payment: null,
    nextServiceDate: null,
    nextServiceKm: null,
  };
}

/** A road test adds a few kilometres; more than this between check-in and handover is asked about. */
export const ROAD_TEST_MAX_KM = 20;
/** A road test burns little: a fall of more than one eighth of the tank (or 10% charge) is asked about. */
export const ROAD_TEST_MAX_FUEL_EIGHTHS = 1;
export const ROAD_TEST_MAX_CHARGE_PERCENT = 10;

export type HandoverFlag = 'odometer.beyondRoadTest' | 'odometer.lower' | 'fuel.lower';

/** Differences between the car at check-in and now that the advisor should explain. */
export function handoverFlags(checkin: { odometerKm: number | null; fuel: Fuel | null }, now: Pick<Handover, 'odometerKm' | 'fuel'>): HandoverFlag[] {
  const flags: HandoverFlag[] = [];
  if (checkin.odometerKm !== null && now.odometerKm !== null) {
    if (now.odometerKm < checkin.odometerKm) flags.push('odometer.lower');
    else if (now.odometerKm - checkin.odometerKm > ROAD_TEST_MAX_KM) flags.push('odometer.beyondRoadTest');
  }
  if (checkin.fuel && now.fuel && checkin.fuel.kind === now.fuel.kind) {
    const fall =
      checkin.fuel.kind === 'gauge' && now.fuel.kind === 'gauge'
        ? checkin.fuel.eighths - now.fuel.eighths > ROAD_TEST_MAX_FUEL_EIGHTHS
        : checkin.fuel.kind === 'battery' && now.fuel.kind === 'battery' && checkin.fuel.percent - now.fuel.percent > ROAD_TEST_MAX_CHARGE_PERCENT;
    if (fall) flags.push('fuel.lower');
  }
  return flags;
}
