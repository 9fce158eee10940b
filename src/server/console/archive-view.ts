// What the card archive (客户档案) shows of the store's cards, made from what the storage keeps:
// a card's line in a list (from its facts), its signatures each checked against the server's
// own hash of what it names, its history with names and tablet letters instead of ids, and a
// customer's vehicles. The routes (routes/console-archive-routes.ts) only fetch and send.
import { createHash } from 'node:crypto';
import type { ArchiveHistoryEntry, ArchiveSignature, CardSummary } from '../../shared/console/archive-api.ts';
import type { Job } from '../../shared/job.ts';
import { signedBytes } from '../../shared/signed-content.ts';
import type { HistoryEntry } from '../storage/storage.ts';
import type { JobFacts } from './job-facts.ts';

export type Names = {
  /** Advisor id → name (disabled advisors too: their old cards still name them). */
  advisors: ReadonlyMap<string, string>;
  /** Device id → its letter. */
  devices: ReadonlyMap<string, string>;
  /** A signature names its tablet by sync client id: client id → letter. */
  clients: ReadonlyMap<string, string>;
};

export function cardSummary(facts: JobFacts, names: Pick<Names, 'advisors'>): CardSummary {
  return {
    jobId: facts.jobId,
    number: facts.number,
    status: facts.status,
    createdAt: facts.createdAt,
    checkedInAt: facts.checkedInAt,
    deliveredAt: facts.deliveredAt,
    plate: facts.plate,
    vin: facts.vin,
    customerName: facts.customerName,
    customerPhone: facts.customerPhone,
    advisorName: facts.advisorId === null ? null : (names.advisors.get(facts.advisorId) ?? null),
    serviceTypes: facts.serviceTypes,
    photoCount: facts.photoCount,
    estimateFen: facts.estimateFen,
  };
}

/**
 * Every signature on the card, oldest first, each verified when the SHA-256 of what it names,
 * recomputed here from the stored card exactly as push checked it (sync-rules/check-mutation.ts),
 * is the hash the customer signed. A document is hashed once however often it was signed.
 */
export function verifiedSignatures(job: Job, names: Pick<Names, 'clients'>): ArchiveSignature[] {
  const hashes = new Map<string, string>();
  const hashOf = (kind: ArchiveSignature['kind'], subjectId: string | undefined) => {
    const key = `${kind}:${subjectId ?? ''}`;
    let hash = hashes.get(key);
    if (hash === undefined) {
      hash = createHash('sha256').update(signedBytes(job, kind, subjectId)).digest('hex');
      hashes.set(key, hash);
    }
    return hash;
  };
  return Object.values(job.signatures)
    .sort((a, b) => (a.signedAt === b.signedAt ? (a.id < b.id ? -1 : 1) : Date.parse(a.signedAt) - Date.parse(b.signedAt)))
    .map((signature) => ({
      id: signature.id,
      kind: signature.kind,
      signerName: signature.signerName,
      signedAt: signature.signedAt,
      pngSha256: signature.pngSha256,
      device: names.clients.get(signature.deviceId) ?? null,
      verified: hashOf(signature.kind, signature.subjectId) === signature.contentHash,
    }));
}

/** The card's fields a job.update changed ("customer.phone"), from its payload as logged. */
function changedFields(entry: HistoryEntry): string[] {
  if (entry.op !== 'job.update') return [];
  const card = (entry.payload as { card?: unknown } | null)?.card;
  if (card === null || typeof card !== 'object') return [];
  return Object.entries(card).flatMap(([part, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).map((leaf) => `${part}.${leaf}`) : [part],
  );
}

export function historyEntries(entries: HistoryEntry[], names: Names): ArchiveHistoryEntry[] {
  return entries.map((entry) => ({
    serverOrder: entry.serverOrder,
    createdAt: entry.createdAt,
    receivedAt: entry.receivedAt,
    op: entry.op,
    fields: changedFields(entry),
    advisorName: entry.advisorId === null ? null : (names.advisors.get(entry.advisorId) ?? null),
    device: names.devices.get(entry.deviceId) ?? null,
    status: entry.status,
    reason: entry.reason,
  }));
}

/** The vehicles among a customer's cards (by plate, else VIN), the newest card's model and colour, most recent first. */
export function customerVehicles(visits: Array<{ facts: JobFacts; job: Job | undefined }>) {
  const vehicles = new Map<string, { plate: string; vin: string; model: string; color: string; visits: number; lastVisitAt: string }>();
  // Visits come newest first: the first card of a vehicle names it.
  for (const { facts, job } of visits) {
    const key = facts.plate || facts.vin;
    if (key === '') continue;
    const known = vehicles.get(key);
    if (known) {
      known.visits += 1;
      if (known.vin === '' && facts.vin !== '') known.vin = facts.vin;
      continue;
    }
    vehicles.set(key, {
      plate: facts.plate,
      vin: facts.vin,
      model: job?.card.vehicle.model ?? '',
      color: job?.card.vehicle.color ?? '',
      visits: 1,
      lastVisitAt: facts.createdAt,
    });
  }
  return [...vehicles.values()];
}
