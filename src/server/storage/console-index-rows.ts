// The store console's index of cards, as both adapters keep it (sqlite-console-index.ts and
// postgres/postgres-console-index.ts): one row per card holding exactly its facts
// (console/job-facts.ts), with times also as epoch ms for range queries, marks and service
// types as JSON text, and the search keys of the archive, some of them reversed so that a
// suffix (the last digits of a plate or a phone) is a prefix of an indexed column. The index
// is caught up from the change log (jobs.change_seq per store) before it answers; push never
// writes it.
import type { CallOutcome } from '../../shared/follow-up.ts';
import type { ServiceType } from '../../shared/job.ts';
import { normalizePlate } from '../../shared/plate.ts';
import type { JobStatus } from '../../shared/status-moves.ts';
import { normalizeVin } from '../../shared/vin.ts';
import type { JobFacts, MarkFact } from '../console/job-facts.ts';
import type { FactsQuery } from './storage.ts';

/** How many cards one catch-up step reads and writes in one transaction. */
export const CATCH_UP_BATCH = 500;

/** The index row's columns, in the order both adapters write them. */
export const CARD_COLUMNS = [
  'job_id', 'change_seq', 'number', 'number_key', 'number_rev', 'status', 'created_at', 'created_ms', 'checked_in_at', 'checked_in_ms',
  'advisor_id', 'service_types', 'plate', 'plate_rev', 'plate_local', 'vin', 'vin_rev', 'customer_name', 'customer_phone', 'phone_rev',
  'photo_count', 'estimate_fen', 'final_fen', 'additions_offered', 'additions_offered_fen', 'additions_approved',
  'additions_approved_fen', 'promised_at', 'promised_ms', 'delivered_at', 'delivered_ms', 'follow_up_outcome', 'follow_up_called_at',
  'follow_up_no_answer', 'follow_up_open', 'marks', 'appointment_at', 'appointment_ms', 'appointment_no_show',
] as const;

export type CardColumn = (typeof CARD_COLUMNS)[number];
export type CardRow = Record<CardColumn, string | number | null>;

const reversed = (text: string) => [...text].reverse().join('');
const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** A card's facts as its index row (without its store). */
export function cardRow(facts: JobFacts, changeSeq: number): CardRow {
  const numberKey = normalizePlate(facts.number);
  return {
    job_id: facts.jobId,
    change_seq: changeSeq,
    number: facts.number,
    number_key: numberKey,
    number_rev: reversed(numberKey),
    status: facts.status,
    created_at: facts.createdAt,
    created_ms: Date.parse(facts.createdAt),
    checked_in_at: facts.checkedInAt,
    checked_in_ms: ms(facts.checkedInAt),
    advisor_id: facts.advisorId,
    service_types: JSON.stringify(facts.serviceTypes),
    plate: facts.plate,
    plate_rev: reversed(facts.plate),
    // Without its province: the desk often types 粤B7K2Q9 as B7K2Q9.
    plate_local: [...facts.plate].slice(1).join(''),
    vin: facts.vin,
    vin_rev: reversed(facts.vin),
    customer_name: facts.customerName,
    customer_phone: facts.customerPhone,
    phone_rev: reversed(facts.customerPhone),
    photo_count: facts.photoCount,
    estimate_fen: facts.estimateFen,
    final_fen: facts.finalFen,
    additions_offered: facts.additionsOffered,
    additions_offered_fen: facts.additionsOfferedFen,
    additions_approved: facts.additionsApproved,
    additions_approved_fen: facts.additionsApprovedFen,
    promised_at: facts.promisedAt,
    promised_ms: ms(facts.promisedAt),
    delivered_at: facts.deliveredAt,
    delivered_ms: ms(facts.deliveredAt),
    follow_up_outcome: facts.followUpOutcome,
    follow_up_called_at: facts.followUpCalledAt,
    follow_up_no_answer: facts.followUpNoAnswer,
    follow_up_open: facts.followUpOpen ? 1 : 0,
    marks: JSON.stringify(facts.marks),
    appointment_at: facts.appointmentAt,
    appointment_ms: ms(facts.appointmentAt),
    appointment_no_show: facts.appointmentNoShow ? 1 : 0,
  };
}

/**
 * The columns the facts are read from, in the order factsOfValues takes them (not the search
 * keys, change number or ms copies: every row of a year is read, and each column costs).
 */
const FACT_COLUMNS = [
  'job_id', 'number', 'status', 'created_at', 'checked_in_at', 'advisor_id', 'service_types', 'plate', 'vin', 'customer_name',
  'customer_phone', 'photo_count', 'estimate_fen', 'final_fen', 'additions_offered', 'additions_offered_fen', 'additions_approved',
  'additions_approved_fen', 'promised_at', 'delivered_at', 'follow_up_outcome', 'follow_up_called_at', 'follow_up_no_answer',
  'follow_up_open', 'marks', 'appointment_at', 'appointment_no_show',
] as const satisfies readonly CardColumn[];

/** The facts' columns as a SELECT lists them: rows are read as arrays in this order (no object per row). */
export const SELECTED = FACT_COLUMNS.join(', ');

// Few distinct sets of service types: each is parsed once (a copy each row, a caller may change it).
const serviceTypeSets = new Map<string, ServiceType[]>();

function serviceTypesOf(text: string): ServiceType[] {
  let types = serviceTypeSets.get(text);
  if (!types) {
    types = JSON.parse(text) as ServiceType[];
    if (serviceTypeSets.size < 1000) serviceTypeSets.set(text, types);
  }
  return [...types];
}

type Value = string | number | null;
const text = (value: Value) => String(value);
const textOrNull = (value: Value) => (value === null ? null : String(value));
const numOrNull = (value: Value) => (value === null ? null : Number(value));

/** The facts of an index row read as an array in SELECTED's order (PostgreSQL gives bigints as strings). */
export function factsOfValues(values: readonly Value[]): JobFacts {
  const [jobId, number, status, createdAt, checkedInAt, advisorId, serviceTypes, plate, vin, customerName, customerPhone, photoCount] = values;
  const [estimateFen, finalFen, offered, offeredFen, approved, approvedFen, promisedAt, deliveredAt, outcome, calledAt, noAnswer] = values.slice(12);
  const [open, marksText, appointmentAt, noShow] = values.slice(23);
  return {
    jobId: text(jobId!),
    number: text(number!),
    status: text(status!) as JobStatus,
    createdAt: text(createdAt!),
    checkedInAt: textOrNull(checkedInAt!),
    advisorId: textOrNull(advisorId!),
    serviceTypes: serviceTypesOf(text(serviceTypes!)),
    plate: text(plate!),
    vin: text(vin!),
    customerName: text(customerName!),
    customerPhone: text(customerPhone!),
    photoCount: Number(photoCount),
    estimateFen: Number(estimateFen),
    finalFen: numOrNull(finalFen!),
    additionsOffered: Number(offered),
    additionsOfferedFen: Number(offeredFen),
    additionsApproved: Number(approved),
    additionsApprovedFen: Number(approvedFen),
    promisedAt: textOrNull(promisedAt!),
    deliveredAt: textOrNull(deliveredAt!),
    followUpOutcome: textOrNull(outcome!) as CallOutcome | null,
    followUpCalledAt: textOrNull(calledAt!),
    followUpNoAnswer: Number(noAnswer),
    followUpOpen: Number(open) === 1,
    marks: marksText === '[]' ? [] : (JSON.parse(text(marksText!)) as MarkFact[]),
    appointmentAt: textOrNull(appointmentAt!),
    appointmentNoShow: Number(noShow) === 1,
  };
}

/** The end of a prefix range: every text that starts with `prefix` sorts at or above it and below this (byte order). */
export const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

/**
 * What the archive's search box looks for, each a prefix of one indexed column (null: that
 * column is not searched). A desk person types a plate whole, without its province or only
 * its end; a VIN's start or end; a phone whole or its last digits; a name's start; a job
 * number whole or its end.
 */
export type SearchTerms = {
  plate: string | null;
  plateRev: string | null;
  plateLocal: string | null;
  vin: string | null;
  vinRev: string | null;
  phone: string | null;
  phoneRev: string | null;
  name: string | null;
  number: string | null;
  numberRev: string | null;
};

/** The most characters of a search the archive reads. */
export const SEARCH_MAX_LENGTH = 50;

export function searchTerms(text: string): SearchTerms | null {
  const typed = text.trim().slice(0, SEARCH_MAX_LENGTH);
  if (typed === '') return null;
  const key = normalizePlate(typed);
  const vin = normalizeVin(typed);
  // A phone is digits with the spaces, dashes, brackets or +86 people write around them; three
  // digits at least, or "8" would find every card.
  const phone = /^[\d\s()+-]+$/.test(typed) ? typed.replace(/\D/g, '') : '';
  const orNull = (value: string, min: number) => ([...value].length >= min ? value : null);
  // The shortest text each column is searched by. A start shared by a large part of the store
  // (粤B, a maker's VIN prefix LSV, a mobile prefix 138, the store code every job number begins
  // with) would find tens of thousands of cards, only to keep the newest: the desk types more of
  // those, or the end. An end of 3 is already rare (about 1 card in 1,000).
  return {
    plate: orNull(key, 3),
    plateRev: orNull(reversed(key), 3),
    plateLocal: orNull(key, 3),
    vin: orNull(vin, 8),
    vinRev: orNull(reversed(vin), 4),
    phone: orNull(phone, 7),
    phoneRev: orNull(reversed(phone), 3),
    name: orNull(typed, 1),
    // The store code and the day (SH0120261127): one day's cards at most.
    number: orNull(key, 12),
    numberRev: orNull(reversed(key), 3),
  };
}

/** The prefix columns of SearchTerms, in one order both adapters build their query in. */
export const SEARCH_COLUMNS: ReadonlyArray<readonly [keyof SearchTerms, CardColumn]> = [
  ['plate', 'plate'],
  ['plateRev', 'plate_rev'],
  ['plateLocal', 'plate_local'],
  ['vin', 'vin'],
  ['vinRev', 'vin_rev'],
  ['phone', 'customer_phone'],
  ['phoneRev', 'phone_rev'],
  ['name', 'customer_name'],
  ['number', 'number_key'],
  ['numberRev', 'number_rev'],
];

/**
 * A read asked again while the same read runs (the reports page asks for its reports of one
 * period at once, each reading the same cards) joins the running read instead of reading tens of
 * thousands of rows again; each caller gets an array of its own. A caller that joins gets the
 * cards as of when that read began, at most the time of one read earlier.
 */
export function sharedWhileRunning<A extends unknown[], T>(key: (...args: A) => string, read: (...args: A) => Promise<T[]>): (...args: A) => Promise<T[]> {
  const running = new Map<string, Promise<T[]>>();
  return async (...args) => {
    const name = key(...args);
    let shared = running.get(name);
    if (!shared) {
      shared = read(...args).finally(() => running.delete(name));
      running.set(name, shared);
    }
    return (await shared).slice();
  };
}

/** The key of a facts query: its store, kind and range. */
export const factsQueryKey = (storeId: string, query: FactsQuery) => JSON.stringify([storeId, query]);
