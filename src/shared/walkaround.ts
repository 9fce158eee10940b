// The walk-around (环车检查): damage marked on the vehicle diagram and the photos that prove
// it. Both are keyed sets on the job: added, updated by id, and removed only by a tombstone
// (`deletedAt`), so a delete syncs like any other change and the history is never lost.
import { z } from 'zod';
import { isoDateTime } from './primitives.ts';

export const VEHICLE_VIEWS = ['top', 'left', 'right', 'front', 'rear'] as const;
export const DAMAGE_TYPES = ['scratch', 'dent', 'crack', 'chip', 'rust', 'missing', 'other'] as const;
export const SEVERITIES = ['minor', 'moderate', 'severe'] as const;
/** The general photos every check-in should have, besides those of damage. */
export const PHOTO_SLOTS = [
  'odometer',
  'fuelGauge',
  'frontLeft',
  'frontRight',
  'rearLeft',
  'rearRight',
  'vinPlate',
  'interior',
] as const;

export type VehicleView = (typeof VEHICLE_VIEWS)[number];
export type DamageType = (typeof DAMAGE_TYPES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type PhotoSlot = (typeof PHOTO_SLOTS)[number];

/** A SHA-256 in lower-case hex: the identity of a blob (photo, thumbnail, signature). */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256.invalid' });

/** Where on a view: fractions of the view's width and height, so a mark stays put at any size. */
const fraction = z.number().min(0).max(1);

/** When a mark was made: on the check-in walk-around, or found when the car was handed back. */
export const DAMAGE_STAGES = ['checkin', 'handover'] as const;
export type DamageStage = (typeof DAMAGE_STAGES)[number];

export const damageFieldsSchema = z.object({
  view: z.enum(VEHICLE_VIEWS),
  x: fraction,
  y: fraction,
  type: z.enum(DAMAGE_TYPES),
  /** null: nobody chose it (e.g. a mark brought forward from elsewhere); flagged before the customer signs. */
  severity: z.enum(SEVERITIES).nullable(),
  note: z.string().max(200, { message: 'text.tooLong' }),
  /** Absent on marks made before handover existed: those are check-in marks. */
  stage: z.enum(DAMAGE_STAGES).optional(),
  /** The mark of the car's last visit this one confirms is still there (上次记录); absent on a new mark. */
  previous: z.object({ jobId: z.uuid(), damageId: z.uuid() }).strict().optional(),
});

/** A mark found at handover (交车时发现): shown apart from the check-in record everywhere. */
export function isHandoverDamage(damage: { stage?: DamageStage | undefined }): boolean {
  return damage.stage === 'handover';
}

export const damageSchema = damageFieldsSchema.extend({
  id: z.uuid(),
  createdAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type Damage = z.infer<typeof damageSchema>;

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const photoFieldsSchema = z.object({
  id: z.uuid(),
  sha256: sha256Schema,
  thumbSha256: sha256Schema,
  mime: z.enum(IMAGE_MIME_TYPES),
  width: z.number().int().positive().max(10_000),
  height: z.number().int().positive().max(10_000),
  byteLength: z.number().int().positive(),
  /** The damage mark this photo shows, or null for a general photo. */
  damageId: z.uuid().nullable(),
  /** Which general photo this is (odometer, a corner, ...), if any. */
  slot: z.enum(PHOTO_SLOTS).nullable(),
  /** For an annotated copy: the photo it was drawn on, which is kept unchanged. */
  annotatedFromId: z.uuid().nullable(),
  /** The additional line (追加项目) this photo shows, e.g. the worn part; absent otherwise. */
  additionId: z.uuid().nullable().optional(),
  takenAt: isoDateTime,
});

export const photoSchema = photoFieldsSchema.extend({ deletedAt: isoDateTime.nullable() });
export type Photo = z.infer<typeof photoSchema>;
export type NewPhoto = z.infer<typeof photoFieldsSchema>;

/** Live (not tombstoned) entries of a keyed set, oldest first (ids are UUIDv7, time-ordered). */
export function live<T extends { id: string; deletedAt: string | null }>(set: Record<string, T>): T[] {
  return Object.values(set)
    .filter((item) => item.deletedAt === null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
