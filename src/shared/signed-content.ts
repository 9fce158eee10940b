// What a customer signs, exactly: the part of the job shown in customer mode for one kind of
// signature, as plain data. Its canonical JSON is hashed into the signature's contentHash, and
// the same function recomputes the hash later (here for staleness, on the server to refuse a
// forged or outdated signature). A field belongs here if and only if the customer sees it on
// that document; anything else (a colour, a company name, updatedAt) may change freely
// without invalidating a signature. Changing what is included changes every hash, so it is a
// protocol change: the server must run the same version.
import { agreedTotals, approvedAdditions, decidedAdditions, declinedAdditions, type Addition, type Decision } from './additions.ts';
import { bill } from './bill.ts';
import { canonicalJson } from './canonical-json.ts';
import { estimateTotals, lineAmounts, type EstimateTotals, type LineFields, type LineKind, type OldParts, type PaymentMethod } from './estimate.ts';
import type { Belonging, Cover, Fuel, Job, ServiceType, WarningLight } from './job.ts';
import { sha256Hex } from './sha256.ts';
import type { Signature, SignatureKind } from './signature.ts';
import { isHandoverDamage, live, type Damage, type DamageType, type Photo, type Severity, type VehicleView } from './walkaround.ts';

/** Which job and vehicle, and who: on every document. */
type Identity = {
  job: { id: string; number: string };
  vehicle: { plate: string; vin: string; model: string };
  customer: { name: string; phone: string };
};

export type SignedDamage = {
  view: VehicleView;
  /** Rounded to 0.001 of the view, so a jitter of the finger while dragging is not a change. */
  x: number;
  y: number;
  type: DamageType;
  severity: Severity | null;
  note: string;
  /** SHA-256 of each live photo of this damage, sorted. */
  photos: string[];
  /**
   * The last visit's mark this one was confirmed from (上次记录, seen then too). Only present on
   * such a mark, so the content of every other mark, and its hash, is as before.
   */
  previous?: { jobId: string; damageId: string };
};

export type SignedLine = {
  kind: LineKind;
  code: string;
  description: string;
  quantityMilli: number;
  unitPriceFen: number;
  discountBp: number;
  netFen: number;
};

/** 接车确认: the condition the car was handed over in. */
export type CheckinContent = Identity & {
  kind: 'checkin';
  odometerKm: number | null;
  fuel: Fuel | null;
  warningLights: WarningLight[];
  warningLightsNote: string;
  damages: SignedDamage[];
  generalPhotos: string[];
  covers: Cover[];
  belongings: Belonging[];
  belongingsNote: string;
  valuablesConfirmedAt: string | null;
  customerRequest: string;
  serviceTypes: ServiceType[];
};

/** 估价确认: the work and what it costs. */
export type EstimateContent = Identity & {
  kind: 'estimate';
  lines: SignedLine[];
  totals: EstimateTotals;
  promisedAt: string | null;
  oldParts: OldParts | null;
  payment: PaymentMethod | null;
  carWash: boolean | null;
};

/** An additional line as the customer saw it: the line, why, and the photos of the part. */
export type SignedAddition = SignedLine & { reason: string; photos: string[] };

/**
 * 追加项目: one decision round. Exactly the lines shown, each decision, the total of the work
 * once these decisions stand (the estimate and every approved addition up to this round) and
 * the promised time agreed with them.
 */
export type AdditionalContent = Identity & {
  kind: 'additional';
  /** The round (approval id) this signature decides. */
  round: string;
  lines: (SignedAddition & { decision: Decision })[];
  totals: EstimateTotals;
  promisedAt: string | null;
};

/** A check-in mark as found at handover: confirmed unchanged (with when), or not confirmed. */
export type SignedDamageCheck = SignedDamage & { unchangedAt: string | null };

/**
 * 交车确认: the car handed back against its check-in record, the work done, the 建议项目表 of
 * declined work, and the bill.
 */
export type DeliveryContent = Identity & {
  kind: 'delivery';
  lines: SignedLine[];
  additions: SignedAddition[];
  /** 建议项目表: advised work the customer declined, with the price quoted and the reason. */
  declined: SignedAddition[];
  bill: { agreed: EstimateTotals; discountFen: number; discountReason: string; dueFen: number; paidFen: number | null; payment: PaymentMethod | null };
  odometerKm: { checkin: number | null; handover: number | null };
  fuel: { checkin: Fuel | null; handover: Fuel | null };
  checkinDamages: SignedDamageCheck[];
  /** New damage found at handover (交车时发现), with its photos. */
  handoverDamages: SignedDamage[];
  /** Each cover fitted at check-in and when it was taken off (null: not yet). */
  coversRemoved: { cover: Cover; at: string | null }[];
  belongingsReturned: Belonging[];
  oldParts: OldParts | null;
  oldPartsDone: boolean | null;
  nextService: { date: string | null; km: number | null };
};

export type SignedContent = CheckinContent | EstimateContent | AdditionalContent | DeliveryContent;

export function signedContent(job: Job, kind: 'checkin'): CheckinContent;
export function signedContent(job: Job, kind: 'estimate'): EstimateContent;
export function signedContent(job: Job, kind: 'additional', subjectId: string | undefined): AdditionalContent;
export function signedContent(job: Job, kind: 'delivery'): DeliveryContent;
export function signedContent(job: Job, kind: SignatureKind, subjectId?: string): SignedContent;
export function signedContent(job: Job, kind: SignatureKind, subjectId?: string): SignedContent {
  const { customer, vehicle } = job.card;
  const identity: Identity = {
    job: { id: job.id, number: job.number },
    vehicle: { plate: vehicle.plate, vin: vehicle.vin, model: vehicle.model },
    customer: { name: customer.name, phone: customer.phone },
  };
  switch (kind) {
    case 'checkin':
      return { kind, ...identity, ...checkinPart(job) };
    case 'estimate':
      return {
        kind,
        ...identity,
        ...linesPart(job),
        promisedAt: job.estimate.promisedAt,
        oldParts: job.estimate.oldParts,
        payment: job.estimate.payment,
        carWash: job.estimate.carWash,
      };
    case 'additional':
      return { kind, ...identity, ...additionalPart(job, subjectId ?? '') };
    case 'delivery':
      return { kind, ...identity, ...deliveryPart(job) };
  }
}

function checkinPart(job: Job): Omit<CheckinContent, keyof Identity | 'kind'> {
  const { card } = job;
  // The check-in record only: marks found at handover and photos of additional work belong
  // to later documents, and adding them must not make the check-in signature stale.
  const photos = live(job.photos).filter((photo) => !photo.additionId);
  return {
    odometerKm: card.odometerKm,
    fuel: card.fuel,
    warningLights: trueKeys(card.warningLights),
    warningLightsNote: card.warningLightsNote,
    damages: checkinDamages(job).map((damage) => signedDamage(damage, photos)),
    generalPhotos: photos
      .filter((photo) => photo.damageId === null)
      .map((photo) => photo.sha256)
      .sort(),
    // A cover is fitted while it has a time; null means taken off again.
    covers: keysWhere(card.covers, (fittedAt) => fittedAt !== null && fittedAt !== undefined),
    belongings: trueKeys(card.belongings),
    belongingsNote: card.belongingsNote,
    valuablesConfirmedAt: card.valuablesConfirmedAt,
    customerRequest: card.customerRequest,
    serviceTypes: trueKeys(card.serviceTypes),
  };
}

/** The live marks of the check-in walk-around (not those found at handover), oldest first. */
export function checkinDamages(job: Pick<Job, 'damages'>): Damage[] {
  return live(job.damages).filter((damage) => !isHandoverDamage(damage));
}

/** The live marks found at handover, oldest first. */
export function handoverDamages(job: Pick<Job, 'damages'>): Damage[] {
  return live(job.damages).filter(isHandoverDamage);
}

function signedDamage(damage: Damage, photos: Photo[]): SignedDamage {
  return {
    view: damage.view,
    x: round3(damage.x),
    y: round3(damage.y),
    type: damage.type,
    severity: damage.severity,
    note: damage.note,
    photos: photos
      .filter((photo) => photo.damageId === damage.id)
      .map((photo) => photo.sha256)
      .sort(),
    ...(damage.previous ? { previous: { jobId: damage.previous.jobId, damageId: damage.previous.damageId } } : {}),
  };
}

function signedLine(line: LineFields): SignedLine {
  return {
    kind: line.kind,
    code: line.code,
    description: line.description,
    quantityMilli: line.quantityMilli,
    unitPriceFen: line.unitPriceFen,
    discountBp: line.discountBp,
    netFen: lineAmounts(line).netFen,
  };
}

function signedAddition(job: Job, line: Addition): SignedAddition {
  const photos = live(job.photos)
    .filter((photo) => photo.additionId === line.id)
    .map((photo) => photo.sha256)
    .sort();
  return { ...signedLine(line), reason: line.reason, photos };
}

function linesPart(job: Job): { lines: SignedLine[]; totals: EstimateTotals } {
  const lines = live(job.estimate.lines);
  return { lines: lines.map(signedLine), totals: estimateTotals(lines) };
}

function additionalPart(job: Job, round: string): Omit<AdditionalContent, keyof Identity | 'kind'> {
  const approval = job.approvals[round];
  const decisions = approval?.decisions ?? {};
  // The lines of this round as they stand now: an edit of a line after the customer decided
  // makes the signature stale, which is the point.
  const lines = decidedAdditions(job)
    .filter((line) => Object.hasOwn(decisions, line.id))
    .map((line) => ({ ...signedAddition(job, line), decision: decisions[line.id] as Decision }));
  return { round, lines, totals: approval ? agreedTotals(job, round) : agreedTotals(job), promisedAt: approval?.promisedAt ?? null };
}

function deliveryPart(job: Job): Omit<DeliveryContent, keyof Identity | 'kind'> {
  const photos = live(job.photos);
  const { handover, card } = job;
  const settled = bill(job);
  return {
    lines: live(job.estimate.lines).map(signedLine),
    additions: approvedAdditions(job).map((line) => signedAddition(job, line)),
    declined: declinedAdditions(job).map((line) => signedAddition(job, line)),
    bill: {
      agreed: settled.agreed,
      discountFen: settled.discountFen,
      discountReason: settled.discountFen > 0 ? handover.discountReason : '',
      dueFen: settled.dueFen,
      paidFen: settled.paidFen,
      payment: settled.payment,
    },
    odometerKm: { checkin: card.odometerKm, handover: handover.odometerKm },
    fuel: { checkin: card.fuel, handover: handover.fuel },
    checkinDamages: checkinDamages(job).map((damage) => ({
      ...signedDamage(damage, photos),
      unchangedAt: handover.damageChecks[damage.id] ?? null,
    })),
    handoverDamages: handoverDamages(job).map((damage) => signedDamage(damage, photos)),
    coversRemoved: keysWhere(card.covers, (fittedAt) => fittedAt !== null && fittedAt !== undefined).map((cover) => ({
      cover,
      at: handover.coversRemoved[cover] ?? null,
    })),
    belongingsReturned: trueKeys(handover.belongingsReturned),
    oldParts: job.estimate.oldParts,
    oldPartsDone: handover.oldPartsDone,
    nextService: { date: handover.nextServiceDate, km: handover.nextServiceKm },
  };
}

function trueKeys<K extends string>(flags: Partial<Record<K, boolean>>): K[] {
  return keysWhere(flags, (value) => value === true);
}

function keysWhere<K extends string, V>(record: Partial<Record<K, V>>, keep: (value: V | undefined) => boolean): K[] {
  return (Object.keys(record) as K[]).filter((key) => keep(record[key])).sort();
}

// Fractions of the view, 0..1: three decimals is a millimetre on a car's side.
function round3(fraction: number): number {
  return Math.round(fraction * 1000) / 1000;
}

/** The bytes a signature's contentHash is taken of: the UTF-8 of the canonical JSON of what is signed. */
export function signedBytes(job: Job, kind: SignatureKind, subjectId?: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(signedContent(job, kind, subjectId)));
}

/** SHA-256 (hex) of signedBytes: a signature's contentHash. */
export function contentHash(job: Job, kind: SignatureKind, subjectId?: string): Promise<string> {
  return sha256Hex(signedBytes(job, kind, subjectId));
}

export type SignatureStatus = 'valid' | 'stale';

/** Valid while what was signed is still what the job says; stale once any of it changed. */
export async function signatureStatus(job: Job, signature: Signature): Promise<SignatureStatus> {
  return (await contentHash(job, signature.kind, signature.subjectId)) === signature.contentHash ? 'valid' : 'stale';
}

/** The status of every signature on the job by id, hashing each document (kind and subject) once. */
export async function signatureStatuses(job: Job): Promise<Record<string, SignatureStatus>> {
  const signatures = Object.values(job.signatures);
  const documentOf = (s: Signature) => `${s.kind}:${s.subjectId ?? ''}`;
  const documents = new Map(signatures.map((s) => [documentOf(s), s] as const));
  const hashes = new Map(
    await Promise.all([...documents].map(async ([key, s]) => [key, await contentHash(job, s.kind, s.subjectId)] as const)),
  );
  return Object.fromEntries(signatures.map((s) => [s.id, hashes.get(documentOf(s)) === s.contentHash ? 'valid' : 'stale']));
}

/**
 * The newest signature of each kind (by signedAt, then id). Older ones stay in
 * job.signatures as the history; only the newest decides whether a document is signed.
 */
export function latestSignatures(job: Job): Record<SignatureKind, Signature | undefined> {
  const latest: Record<SignatureKind, Signature | undefined> = {
    checkin: undefined,
    estimate: undefined,
    additional: undefined,
    delivery: undefined,
  };
  for (const signature of Object.values(job.signatures)) {
    const current = latest[signature.kind];
    if (!current || newer(signature, current)) latest[signature.kind] = signature;
  }
  return latest;
}

// ISO strings with different offsets do not sort as text: compare instants; UUIDv7 ids
// break a tie deterministically (the later-made one wins).
function newer(a: Signature, b: Signature): boolean {
  const ta = Date.parse(a.signedAt);
  const tb = Date.parse(b.signedAt);
  return ta !== tb ? ta > tb : a.id > b.id;
}

/**
 * Where a document stands: never signed, signed and still valid, signed but changed since
 * (stale), or `checking` while its newest signature's status is not computed yet.
 */
export type DocumentSignatureState = 'unsigned' | 'valid' | 'stale' | 'checking';

export function documentSignatureState(
  job: Job,
  kind: SignatureKind,
  statuses: Readonly<Record<string, SignatureStatus | undefined>>,
): DocumentSignatureState {
  const newest = latestSignatures(job)[kind];
  if (!newest) return 'unsigned';
  return statuses[newest.id] ?? 'checking';
}

/**
 * True when the document asks for a (new) signature: never signed, or its newest signature is
 * stale. A stale older signature does not matter once a newer valid one exists; while the
 * status is still being computed the answer is false, so the card never flashes a warning.
 */
export function documentNeedsSignature(
  job: Job,
  kind: SignatureKind,
  statuses: Readonly<Record<string, SignatureStatus | undefined>>,
): boolean {
  const state = documentSignatureState(job, kind, statuses);
  return state === 'unsigned' || state === 'stale';
}
