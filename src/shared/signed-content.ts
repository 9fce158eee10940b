// What a customer signs, exactly: the part of the job shown in customer mode for one kind of
// signature, as plain data. Its canonical JSON is hashed into the signature's contentHash, and
// the same function recomputes the hash later (here for staleness, on the server to refuse a
// forged or outdated signature). A field belongs here if and only if the customer sees it on
// that document; anything else (a colour, a company name, updatedAt) may change freely
// without invalidating a signature. Changing what is included changes every hash, so it is a
// protocol change: the server must run the same version.
import { canonicalJson } from './canonical-json.ts';
import { estimateTotals, lineAmounts, type EstimateTotals, type LineKind, type OldParts, type PaymentMethod } from './estimate.ts';
import type { Belonging, Cover, Fuel, Job, ServiceType, WarningLight } from './job.ts';
import { sha256Hex } from './sha256.ts';
import type { Signature, SignatureKind } from './signature.ts';
import { live, type DamageType, type Severity, type VehicleView } from './walkaround.ts';

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
  severity: Severity;
  note: string;
  /** SHA-256 of each live photo of this damage, sorted. */
  photos: string[];
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

/** 估价确认 and 追加项目: the work and what it costs. */
export type EstimateContent = Identity & {
  kind: 'estimate' | 'additional';
  lines: SignedLine[];
  totals: EstimateTotals;
  promisedAt: string | null;
  oldParts: OldParts | null;
  payment: PaymentMethod | null;
  carWash: boolean | null;
};

/** 交车: for now the identity and the final lines and totals. */
export type DeliveryContent = Identity & {
  kind: 'delivery';
  lines: SignedLine[];
  totals: EstimateTotals;
};

export type SignedContent = CheckinContent | EstimateContent | DeliveryContent;

export function signedContent(job: Job, kind: 'checkin'): CheckinContent;
export function signedContent(job: Job, kind: 'estimate' | 'additional'): EstimateContent;
export function signedContent(job: Job, kind: 'delivery'): DeliveryContent;
export function signedContent(job: Job, kind: SignatureKind): SignedContent;
export function signedContent(job: Job, kind: SignatureKind): SignedContent {
  const { customer, vehicle } = job.card;
  const identity: Identity = {
    job: { id: job.id, number: job.number },
    vehicle: { plate: vehicle.plate, vin: vehicle.vin, model: vehicle.model },
    customer: { name: customer.name, phone: customer.phone },
  };
  switch (kind) {
    case 'checkin':
      return { kind, ...identity, ...checkinPart(job) };
    // Additional work (追加项目) signs the whole estimate as it then stands, until the
    // estimate tells the original lines from the added ones.
    case 'estimate':
    case 'additional':
      return {
        kind,
        ...identity,
        ...linesPart(job),
        promisedAt: job.estimate.promisedAt,
        oldParts: job.estimate.oldParts,
        payment: job.estimate.payment,
        carWash: job.estimate.carWash,
      };
    // Delivery (交车) details (work done, old parts handed back, payment taken) come with the
    // delivery issue; until then the customer confirms the final lines and totals.
    case 'delivery':
      return { kind, ...identity, ...linesPart(job) };
  }
}

function checkinPart(job: Job): Omit<CheckinContent, keyof Identity | 'kind'> {
  const { card } = job;
  const photos = live(job.photos);
  return {
    odometerKm: card.odometerKm,
    fuel: card.fuel,
    warningLights: trueKeys(card.warningLights),
    warningLightsNote: card.warningLightsNote,
    damages: live(job.damages).map((damage) => ({
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
    })),
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

function linesPart(job: Job): { lines: SignedLine[]; totals: EstimateTotals } {
  const lines = live(job.estimate.lines);
  return {
    lines: lines.map((line) => ({
      kind: line.kind,
      code: line.code,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unitPriceFen: line.unitPriceFen,
      discountBp: line.discountBp,
      netFen: lineAmounts(line).netFen,
    })),
    totals: estimateTotals(lines),
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
export function signedBytes(job: Job, kind: SignatureKind): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(signedContent(job, kind)));
}

/** SHA-256 (hex) of signedBytes: a signature's contentHash. */
export function contentHash(job: Job, kind: SignatureKind): Promise<string> {
  return sha256Hex(signedBytes(job, kind));
}

export type SignatureStatus = 'valid' | 'stale';

/** Valid while what was signed is still what the job says; stale once any of it changed. */
export async function signatureStatus(job: Job, signature: Signature): Promise<SignatureStatus> {
  return (await contentHash(job, signature.kind)) === signature.contentHash ? 'valid' : 'stale';
}

/** The status of every signature on the job by id, hashing each kind once. */
export async function signatureStatuses(job: Job): Promise<Record<string, SignatureStatus>> {
  const signatures = Object.values(job.signatures);
  const kinds = [...new Set(signatures.map((s) => s.kind))];
  const hashes = new Map(await Promise.all(kinds.map(async (kind) => [kind, await contentHash(job, kind)] as const)));
  return Object.fromEntries(signatures.map((s) => [s.id, hashes.get(s.kind) === s.contentHash ? 'valid' : 'stale']));
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
