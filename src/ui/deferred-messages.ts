// The strings of every screen but the first (the card and its steps, customer mode, print,
// settings, end of shift), in both languages: one chunk that loads with the first of those
// screens (messages.ts, loadScreenMessages), so the job list's start does not build them.
import { ADDITION_MESSAGES, type AdditionMessageKey } from './messages/additions.ts';
import { BILL_MESSAGES, type BillMessageKey } from './messages/bill.ts';
import { DAMAGE_MESSAGES, type DamageMessageKey } from './messages/damage.ts';
import { DESK_MESSAGES, type DeskMessageKey } from './messages/desk.ts';
import { ESTIMATE_MESSAGES, type EstimateMessageKey } from './messages/estimate.ts';
import { HANDOVER_MESSAGES, type HandoverMessageKey } from './messages/handover.ts';
import { INPUT_MESSAGES, type InputMessageKey } from './messages/input.ts';
import { RETURNING_MESSAGES, type ReturningMessageKey } from './messages/returning.ts';
import { SAVING_MESSAGES, type SavingMessageKey } from './messages/saving.ts';
import { SIGNING_MESSAGES, type SigningMessageKey } from './messages/signing.ts';
import { STORE_MESSAGES, type StoreMessageKey } from './messages/store.ts';
import type { Language } from './messages.ts';

export type DeferredMessageKey =
  | AdditionMessageKey
  | BillMessageKey
  | DamageMessageKey
  | DeskMessageKey
  | EstimateMessageKey
  | HandoverMessageKey
  | InputMessageKey
  | ReturningMessageKey
  | SavingMessageKey
  | SigningMessageKey
  | StoreMessageKey;

// Every area is spread in by name, so one left out makes its keys missing and fails the type check.
function dictionary(language: Language): Record<DeferredMessageKey, string> {
  return {
    ...ADDITION_MESSAGES[language],
    ...BILL_MESSAGES[language],
    ...DAMAGE_MESSAGES[language],
    ...DESK_MESSAGES[language],
    ...ESTIMATE_MESSAGES[language],
    ...HANDOVER_MESSAGES[language],
    ...INPUT_MESSAGES[language],
    ...RETURNING_MESSAGES[language],
    ...SAVING_MESSAGES[language],
    ...SIGNING_MESSAGES[language],
    ...STORE_MESSAGES[language],
  };
}

export const DEFERRED_MESSAGES: Record<Language, Record<DeferredMessageKey, string>> = {
  'zh-CN': dictionary('zh-CN'),
  en: dictionary('en'),
};
