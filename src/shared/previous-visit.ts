// The returning car (上次记录): which card is the vehicle's last visit, where each of its damage
// marks stands on this card (still to decide, confirmed, cleared), what confirming one writes,
// and the belongings and covers this visit starts from. Pure, so the repo, the screens and the
// tests apply the same rules.
import { v5 as uuidv5 } from 'uuid';
import type { Card, Cover, Job } from './job.ts';
import type { MutationBody } from './mutation.ts';
import { live, type Damage, type Photo } from './walkaround.ts';

/** Where the last visit was read: this tablet's cards, or the store's server (never seen here). */
export type PreviousSource = 'tablet' | 'server';

/** A mark of the last visit with its live photos, as it was recorded then. */
export type PreviousMark = { damage: Damage; photos: Photo[] };

/**
 * Where a mark of the last visit stands on this card. Both decisions are marks on this card
 * linked to it (`previous`), so every tablet that has the card agrees: a live one is the mark
 * confirmed still there; a removed one (and no live one) is the mark cleared for this visit.
 */
export type PreviousMarkState = { kind: 'open' } | { kind: 'confirmed'; damageId: string } | { kind: 'cleared' };

type DamageAdd = Extract<MutationBody, { op: 'damage.add' }>['payload'];
type PhotoAdd = Extract<MutationBody, { op: 'photo.add' }>['payload'];

/**
 * The newest other card of the vehicle that was checked in and started before this one: a
 * draft nobody finished says nothing about the car, and a later card is not "last time".
 */
export function lastVisit(visits: readonly Job[], job: Pick<Job, 'id' | 'createdAt'>): Job | null {
  const before = (visit: Job) =>
    Date.parse(visit.createdAt) < Date.parse(job.createdAt) || (visit.createdAt === job.createdAt && visit.id < job.id);
  const earlier = visits.filter((visit) => visit.id !== job.id && visit.checkedInAt !== null && before(visit));
  earlier.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
  return earlier[0] ?? null;
}

/** Every live mark of the visit (check-in and handover alike: both were on the car when it left). */
export function previousMarks(visit: Pick<Job, 'damages' | 'photos'>): PreviousMark[] {
  const photos = live(visit.photos);
  return live(visit.damages).map((damage) => ({ damage, photos: photos.filter((photo) => photo.damageId === damage.id) }));
}

export function previousMarkState(job: Pick<Job, 'damages'>, visitId: string, damageId: string): PreviousMarkState {
  const linked = Object.values(job.damages).filter((d) => d.previous?.jobId === visitId && d.previous.damageId === damageId);
  const confirmed = linked.filter((d) => d.deletedAt === null).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  if (confirmed) return { kind: 'confirmed', damageId: confirmed.id };
  return linked.length > 0 ? { kind: 'cleared' } : { kind: 'open' };
}

/** The marks of the last visit still waiting for "still there" or "gone" on this card. */
export function openPreviousMarks(job: Pick<Job, 'damages'>, visit: Job): PreviousMark[] {
  return previousMarks(visit).filter((mark) => previousMarkState(job, visit.id, mark.damage.id).kind === 'open');
}

/**
 * The mark this visit records for a previous one: where it was, what it was, its note, linked
 * to it. A check-in mark of this visit, even if it was found at handover last time.
 */
// A fixed namespace of its own, so these ids never meet another kind of name-based id.
const LINKED_NAMESPACE = '3f1c5a52-8d2e-4b7a-9c41-6e0f2d9b7a15';

/**
 * The id a mark or photo of an earlier visit takes on card `jobId` when carried forward: derived,
 * not random, so two tablets confirming the same 上次记录 at once write the same mark, and the
 * reducer keeps the first add (one mark, not two). Still a UUIDv7 with the earlier one's time,
 * because `live` orders by id: carried marks keep last time's order, before this visit's new ones.
 */
export function linkedId(jobId: string, earlierId: string): string {
  const hashed = uuidv5(`${jobId}/${earlierId}`, LINKED_NAMESPACE);
  // 'tttttttt-tttt' is the earlier id's 48-bit time; then version 7 and the hash's bits (variant included).
  return `${earlierId.slice(0, 13)}-7${hashed.slice(15, 18)}-${hashed.slice(19)}`;
}

export function linkedDamage(visitId: string, mark: PreviousMark, id: string): DamageAdd {
  const { view, x, y, type, severity, note } = mark.damage;
  return { id, view, x, y, type, severity, note, previous: { jobId: visitId, damageId: mark.damage.id } };
}

/**
 * Its photos as this visit's photos of the new mark: the same bytes by their hashes (nothing is
 * copied), taken when they were taken. An annotated copy keeps pointing at its original.
 */
export function linkedPhotos(jobId: string, mark: PreviousMark, damageId: string): PhotoAdd[] {
  return mark.photos.map((photo) => ({
    id: linkedId(jobId, photo.id),
    sha256: photo.sha256,
    thumbSha256: photo.thumbSha256,
    mime: photo.mime,
    width: photo.width,
    height: photo.height,
    byteLength: photo.byteLength,
    damageId,
    slot: null,
    annotatedFromId: photo.annotatedFromId !== null && mark.photos.some((p) => p.id === photo.annotatedFromId) ? linkedId(jobId, photo.annotatedFromId) : null,
    takenAt: photo.takenAt,
  }));
}

/** Every blob the photos show (full photo and thumbnail). */
export function photoBlobs(photos: readonly Pick<Photo, 'sha256' | 'thumbSha256'>[]): string[] {
  return [...new Set(photos.flatMap((photo) => [photo.sha256, photo.thumbSha256]))];
}

/** Last time's belongings that this visit has not set either way yet (a key set to false counts as set). */
export function belongingsDefaults(current: Card['belongings'], last: Card['belongings']): Card['belongings'] {
  const defaults: Card['belongings'] = {};
  for (const [item, had] of Object.entries(last) as [keyof Card['belongings'], boolean | undefined][]) {
    if (had && current[item] === undefined) defaults[item] = true;
  }
  return defaults;
}

/** The covers fitted last time (and not taken off again before the check-in record was kept). */
export function coverSet(last: Card['covers']): Cover[] {
  return (Object.entries(last) as [Cover, string | null | undefined][]).filter(([, at]) => typeof at === 'string').map(([cover]) => cover);
}
