// The store's profile: what the customer's copy prints at its head (name, address, phone) and
// the estimate terms the desk uses unless the customer asks otherwise. The same schema checks
// the administrator's input on the server, the route's answer and the tablet's own settings.
import { z } from 'zod';
import { OLD_PARTS, PAYMENT_METHODS } from './estimate.ts';
import { hasControlCharacters } from './plain-text.ts';
import { isoDateTime } from './primitives.ts';

/** Longest promise the store's default may make: two weeks. */
export const MAX_PROMISED_IN_HOURS = 336;

export const storeDefaultsSchema = z.object({
  oldParts: z.enum(OLD_PARTS),
  payment: z.enum(PAYMENT_METHODS),
  carWash: z.boolean(),
  /** Hours from check-in to the promised 交车时间. */
  promisedInHours: z.number().int().min(1).max(MAX_PROMISED_IN_HOURS),
});
export type StoreDefaults = z.infer<typeof storeDefaultsSchema>;

const line = (max: number) =>
  z
    .string()
    .max(max, { message: 'text.tooLong' })
    .refine((value) => !hasControlCharacters(value), { message: 'store.error.control' });

/** The largest logo the console takes: a small image at the head of a printed page. */
export const STORE_LOGO_MAX_BYTES = 200 * 1024;
export const STORE_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** The store's logo: a blob of the store (its bytes checked as an image by the server), by hash. */
export const storeLogoSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256.invalid' }),
  mime: z.enum(STORE_LOGO_TYPES),
});
export type StoreLogo = z.infer<typeof storeLogoSchema>;

/**
 * One source's profile (the server's, or the one set on the tablet). An empty string is a
 * field nobody set; a default left out is one the source does not choose.
 */
export const storeProfileFieldsSchema = z.object({
  name: line(60),
  address: line(120),
  phone: line(40),
  defaults: storeDefaultsSchema.partial(),
  /** Only the server's profile has one (uploaded at the store console); absent or null: none. */
  logo: storeLogoSchema.nullable().optional(),
});
export type StoreProfileFields = z.infer<typeof storeProfileFieldsSchema>;

export const EMPTY_STORE_PROFILE: StoreProfileFields = { name: '', address: '', phone: '', defaults: {} };

/** True when the source sets nothing at all: the customer's copy then has nothing from it. */
export function isEmptyProfile(fields: StoreProfileFields): boolean {
  return (
    fields.name.trim() === '' &&
    fields.address.trim() === '' &&
    fields.phone.trim() === '' &&
    !fields.logo &&
    Object.values(fields.defaults).every((value) => value === undefined)
  );
}

/** GET /api/v1/store/profile: the store's profile as the server keeps it; updatedAt null when never set. */
export const storeProfileResponseSchema = z.object({
  profile: storeProfileFieldsSchema,
  updatedAt: isoDateTime.nullable(),
});
export type StoreProfileResponse = z.infer<typeof storeProfileResponseSchema>;
