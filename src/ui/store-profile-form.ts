// The settings form of the store's profile as typed: what is wrong with each field, said in a
// message key beside it, and the profile saved once nothing is. The rules are the shared
// schema's (what the server takes too), plus a phone made only of what a phone number holds.
import type { OldParts, PaymentMethod } from '../shared/estimate.ts';
import { hasControlCharacters } from '../shared/plain-text.ts';
import { MAX_PROMISED_IN_HOURS, type StoreProfileFields } from '../shared/store-profile.ts';
import type { MessageKey } from './messages.ts';

export type StoreForm = {
  name: string;
  address: string;
  phone: string;
  oldParts: OldParts | null;
  payment: PaymentMethod | null;
  carWash: boolean | null;
  /** As typed; empty when the store chooses no promised time. */
  promisedInHours: string;
};

export type StoreFormField = 'name' | 'address' | 'phone' | 'promisedInHours';
export type StoreFormProblem = { key: MessageKey; params?: Record<string, number> };

export const STORE_TEXT_LIMITS = { name: 60, address: 120, phone: 40 } as const;

const PHONE_CHARACTERS = /^[0-9+\-\s()转]*$/u;

export function storeFormOf(fields: StoreProfileFields | undefined): StoreForm {
  const defaults = fields?.defaults ?? {};
  return {
    name: fields?.name ?? '',
    address: fields?.address ?? '',
    phone: fields?.phone ?? '',
    oldParts: defaults.oldParts ?? null,
    payment: defaults.payment ?? null,
    carWash: defaults.carWash ?? null,
    promisedInHours: defaults.promisedInHours === undefined ? '' : String(defaults.promisedInHours),
  };
}

/** Every field that cannot be saved as typed, with what to tell the advisor. */
export function storeFormProblems(form: StoreForm): Partial<Record<StoreFormField, StoreFormProblem>> {
  const problems: Partial<Record<StoreFormField, StoreFormProblem>> = {};
  for (const field of ['name', 'address', 'phone'] as const) {
    const value = form[field].trim();
    if (hasControlCharacters(value)) problems[field] = { key: 'store.error.control' };
    else if (value.length > STORE_TEXT_LIMITS[field]) problems[field] = { key: 'store.error.tooLong', params: { max: STORE_TEXT_LIMITS[field] } };
  }
  if (!problems.phone && !PHONE_CHARACTERS.test(form.phone.trim())) problems.phone = { key: 'store.error.phone' };
  const hours = form.promisedInHours.trim();
  if (hours !== '' && !(/^\d+$/.test(hours) && Number(hours) >= 1 && Number(hours) <= MAX_PROMISED_IN_HOURS)) {
    problems.promisedInHours = { key: 'store.error.hours' };
  }
  return problems;
}

/** The profile to save; call only when storeFormProblems found nothing. */
export function storeFieldsOf(form: StoreForm): StoreProfileFields {
  const hours = form.promisedInHours.trim();
  return {
    name: form.name.trim(),
    address: form.address.trim(),
    phone: form.phone.trim(),
    defaults: {
      ...(form.oldParts ? { oldParts: form.oldParts } : {}),
      ...(form.payment ? { payment: form.payment } : {}),
      ...(form.carWash !== null ? { carWash: form.carWash } : {}),
      ...(hours !== '' ? { promisedInHours: Number(hours) } : {}),
    },
  };
}
