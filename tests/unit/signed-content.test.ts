// What a signature proves: contentHash changes when anything the customer was shown changes,
// and only then; each document's hash is independent of the others; a change makes the
// signature stale while it stays on the card for the history.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import { canonicalJson } from '../../src/shared/canonical-json.ts';
import type { Job } from '../../src/shared/job.ts';
import { mutationSchema, type MutationBody } from '../../src/shared/mutation.ts';
import type { Signature, SignatureKind } from '../../src/shared/signature.ts';
import {
  contentHash,
  documentNeedsSignature,
  documentSignatureState,
  latestSignatures,
  signatureStatus,
  signatureStatuses,
  signedContent,
  type DocumentSignatureState,
  type SignatureStatus,
} from '../../src/shared/signed-content.ts';

const JOB_ID = '0192f3a0-0000-7000-8000-000000000001';
const CLIENT_ID = '0192f3a0-0000-7000-8000-0000000000c1';
const D1 = '0192f3a0-0000-7000-8000-0000000000d1';
const D2 = '0192f3a0-0000-7000-8000-0000000000d2';
const D_GONE = '0192f3a0-0000-7000-8000-0000000000d9';
const P_DAMAGE = '0192f3a0-0000-7000-8000-0000000000e1';
const P_GENERAL = '0192f3a0-0000-7000-8000-0000000000e2';
const P_GONE = '0192f3a0-0000-7000-8000-0000000000e9';
const L1 = '0192f3a0-0000-7000-8000-0000000000f1';
const L2 = '0192f3a0-0000-7000-8000-0000000000f2';
const L_GONE = '0192f3a0-0000-7000-8000-0000000000f9';
const NEW_ID = '0192f3a0-0000-7000-8000-0000000000aa';
const T0 = '2026-11-27T09:00:00.000+08:00';
const T1 = '2026-11-27T09:30:00.000+08:00';
const hash = (c: string) => c.repeat(64);

let counter = 0;
/** Applies mutations as the tablet would, each checked against the shared schema. */
function apply(job: Job | undefined, ...bodies: MutationBody[]): Job {
  const result = bodies.reduce<Job | undefined>((current, body) => {
    counter += 1;
    const m = mutationSchema.parse({
      ...body,
      mutationId: `0192f3a0-0000-7000-9000-${String(counter).padStart(12, '0')}`,
      clientId: CLIENT_ID,
      seq: counter,
      jobId: JOB_ID,
      createdAt: T1,
    });
    return applyMutation(current, m);
  }, job);
  if (!result) throw new Error('expected a job');
  return result;
}

/** A change the reducer cannot make (history, server-side fields): edit a copy directly. */
function edit(job: Job, change: (draft: Job) => void): Job {
  const draft = structuredClone(job);
  change(draft);
  return draft;
}

const photo = (id: string, sha: string, damageId: string | null) => ({
  op: 'photo.add' as const,
  payload: {
    id,
    sha256: sha,
    thumbSha256: hash('0'),
    mime: 'image/jpeg' as const,
    width: 1600,
    height: 1200,
    byteLength: 1000,
    damageId,
    slot: null,
    annotatedFromId: null,
    takenAt: T0,
  },
});
const line = (id: string, unitPriceFen: number, quantityMilli = 1000, discountBp = 0): MutationBody => ({
  op: 'line.add',
  payload: { id, kind: 'part', code: 'P-01', description: '机油滤清器', quantityMilli, unitPriceFen, discountBp },
});

/** A card with some of everything, and removed entries that must not count. */
const BASE: Job = apply(
  undefined,
  {
    op: 'job.create',
    payload: {
      number: 'WK-20261127-A001',
      card: {
        customer: { name: '张伟', phone: '13812345678', company: '深圳某某公司' },
        vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', model: '凯美瑞', color: '白', engineNo: 'E123' },
        odometerKm: 42_000,
        fuel: { kind: 'gauge', eighths: 4 },
        warningLights: { engine: true, abs: false, tyrePressure: true },
        warningLightsNote: '胎压灯间歇亮',
        covers: { seat: T0, floorMat: T0, steeringWheel: null },
        belongings: { spareTyre: true, jack: false, warningTriangle: true },
        belongingsNote: '后备箱有儿童座椅',
        valuablesConfirmedAt: T0,
        serviceTypes: { repair: true, maintenance: true },
        customerRequest: '更换机油，检查异响',
      },
    },
  },
  { op: 'damage.add', payload: { id: D1, view: 'left', x: 0.4, y: 0.5, type: 'scratch', severity: 'minor', note: '左前门划痕' } },
  { op: 'damage.add', payload: { id: D2, view: 'front', x: 0.123_456, y: 0.9, type: 'dent', severity: 'moderate', note: '' } },
  { op: 'damage.add', payload: { id: D_GONE, view: 'rear', x: 0.5, y: 0.5, type: 'chip', severity: 'minor', note: '' } },
  { op: 'damage.remove', payload: { id: D_GONE } },
  photo(P_DAMAGE, hash('d'), D1),
  photo(P_GENERAL, hash('b'), null),
  photo(P_GONE, hash('c'), null),
  { op: 'photo.remove', payload: { id: P_GONE } },
  { op: 'line.add', payload: { id: L1, kind: 'labour', code: 'L-01', description: '更换机油工时', quantityMilli: 1500, unitPriceFen: 12_000, discountBp: 1000 } },
  line(L2, 35_650),
  line(L_GONE, 99_900),
  { op: 'line.remove', payload: { id: L_GONE } },
  { op: 'estimate.update', payload: { fields: { promisedAt: '2026-11-27T17:00:00.000+08:00', oldParts: 'take', payment: 'wechat', carWash: true } } },
);

describe('signedContent', () => {
  it('shows the check-in condition: live damages with their photo hashes, keys that are set, sorted', () => {
    expect(signedContent(BASE, 'checkin')).toEqual({
      kind: 'checkin',
      job: { id: JOB_ID, number: 'WK-20261127-A001' },
      vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', model: '凯美瑞' },
      customer: { name: '张伟', phone: '13812345678' },
      odometerKm: 42_000,
      fuel: { kind: 'gauge', eighths: 4 },
      warningLights: ['engine', 'tyrePressure'],
      warningLightsNote: '胎压灯间歇亮',
      damages: [
        { view: 'left', x: 0.4, y: 0.5, type: 'scratch', severity: 'minor', note: '左前门划痕', photos: [hash('d')] },
        { view: 'front', x: 0.123, y: 0.9, type: 'dent', severity: 'moderate', note: '', photos: [] },
      ],
      generalPhotos: [hash('b')],
      covers: ['floorMat', 'seat'],
      belongings: ['spareTyre', 'warningTriangle'],
      belongingsNote: '后备箱有儿童座椅',
      valuablesConfirmedAt: T0,
      customerRequest: '更换机油，检查异响',
      serviceTypes: ['maintenance', 'repair'],
    });
  });

  it('shows the estimate: live lines with their net amounts, the totals and the terms', () => {
    expect(signedContent(BASE, 'estimate')).toEqual({
      kind: 'estimate',
      job: { id: JOB_ID, number: 'WK-20261127-A001' },
      vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', model: '凯美瑞' },
      customer: { name: '张伟', phone: '13812345678' },
      lines: [
        { kind: 'labour', code: 'L-01', description: '更换机油工时', quantityMilli: 1500, unitPriceFen: 12_000, discountBp: 1000, netFen: 16_200 },
        { kind: 'part', code: 'P-01', description: '机油滤清器', quantityMilli: 1000, unitPriceFen: 35_650, discountBp: 0, netFen: 35_650 },
      ],
      totals: { labourFen: 16_200, partsFen: 35_650, discountFen: 1800, totalFen: 51_850 },
      promisedAt: '2026-11-27T17:00:00.000+08:00',
      oldParts: 'take',
      payment: 'wechat',
      carWash: true,
    });
  });

  it('shows on delivery the estimate lines and the check-in condition beside the handover, nothing decided yet', () => {
    const { lines } = signedContent(BASE, 'estimate');
    const delivery = signedContent(BASE, 'delivery');
    expect(delivery.lines).toEqual(lines);
    expect(delivery.additions).toEqual([]);
    expect(delivery.declined).toEqual([]);
    expect(delivery.odometerKm).toEqual({ checkin: BASE.card.odometerKm, handover: null });
    expect(delivery.checkinDamages.map((d) => d.unchangedAt)).toEqual(signedContent(BASE, 'checkin').damages.map(() => null));
    expect(delivery.handoverDamages).toEqual([]);
  });

  it('shows for additional work without a decision round no lines', () => {
    expect(signedContent(BASE, 'additional', undefined).lines).toEqual([]);
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the UTF-8 of the canonical JSON, as the server will compute it', async () => {
    for (const kind of ['checkin', 'estimate', 'additional', 'delivery'] as const) {
      const text = canonicalJson(signedContent(BASE, kind));
      expect(await contentHash(BASE, kind)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('differs between kinds of document', async () => {
    const hashes = await Promise.all((['checkin', 'estimate', 'additional', 'delivery'] as const).map((k) => contentHash(BASE, k)));
    expect(new Set(hashes).size).toBe(4);
  });

  type Case = [label: string, kind: SignatureKind, change: (job: Job) => Job];
  const update = (card: Extract<MutationBody, { op: 'job.update' }>['payload']['card']) => (job: Job) =>
    apply(job, { op: 'job.update', payload: { card } });
  const body = (...bodies: MutationBody[]) => (job: Job) => apply(job, ...bodies);

  const changes: Case[] = [
    // identity, on every document
    ['the plate', 'checkin', update({ vehicle: { plate: '粤B12346' } })],
    ['the plate', 'estimate', update({ vehicle: { plate: '粤B12346' } })],
    ['the VIN', 'delivery', update({ vehicle: { vin: '1M8GDM9AXKP042789' } })],
    ['the model', 'estimate', update({ vehicle: { model: '卡罗拉' } })],
    ['the customer name', 'checkin', update({ customer: { name: '张为' } })],
    ['the customer phone', 'estimate', update({ customer: { phone: '13812345679' } })],
    ['the job number', 'checkin', (job) => edit(job, (d) => void (d.number = 'WK-20261127-A002'))],
    // the estimate
    ['a line price', 'estimate', body({ op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 35_600 } } })],
    ['a line price by one 分', 'estimate', body({ op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 35_651 } } })],
    ['a quantity', 'estimate', body({ op: 'line.update', payload: { id: L1, fields: { quantityMilli: 2000 } } })],
    ['a discount', 'estimate', body({ op: 'line.update', payload: { id: L1, fields: { discountBp: 1500 } } })],
    ['a description', 'estimate', body({ op: 'line.update', payload: { id: L2, fields: { description: '空气滤清器' } } })],
    ['a code', 'estimate', body({ op: 'line.update', payload: { id: L2, fields: { code: 'P-02' } } })],
    ['a line kind', 'estimate', body({ op: 'line.update', payload: { id: L2, fields: { kind: 'labour' } } })],
    ['adding a line', 'estimate', body(line(NEW_ID, 100))],
    ['adding a free line', 'estimate', body(line(NEW_ID, 0))],
    ['removing a line', 'estimate', body({ op: 'line.remove', payload: { id: L2 } })],
    ['promisedAt', 'estimate', body({ op: 'estimate.update', payload: { fields: { promisedAt: '2026-11-27T18:00:00.000+08:00' } } })],
    ['oldParts', 'estimate', body({ op: 'estimate.update', payload: { fields: { oldParts: 'dispose' } } })],
    ['payment', 'estimate', body({ op: 'estimate.update', payload: { fields: { payment: 'cash' } } })],
    ['car wash', 'estimate', body({ op: 'estimate.update', payload: { fields: { carWash: false } } })],
    ['a line price, on additional work', 'additional', body({ op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 1 } } })],
    ['a line price, on delivery', 'delivery', body({ op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 1 } } })],
    ['adding a line, on delivery', 'delivery', body(line(NEW_ID, 100))],
    // the check-in condition
    ['a damage mark moved', 'checkin', body({ op: 'damage.update', payload: { id: D1, fields: { x: 0.45 } } })],
    ['a damage mark moved to another view', 'checkin', body({ op: 'damage.update', payload: { id: D1, fields: { view: 'right' } } })],
    ['a damage type', 'checkin', body({ op: 'damage.update', payload: { id: D1, fields: { type: 'dent' } } })],
    ['a damage severity', 'checkin', body({ op: 'damage.update', payload: { id: D2, fields: { severity: 'severe' } } })],
    ['a damage note', 'checkin', body({ op: 'damage.update', payload: { id: D2, fields: { note: '保险杠凹陷' } } })],
    [
      'a damage mark added',
      'checkin',
      body({ op: 'damage.add', payload: { id: NEW_ID, view: 'top', x: 0.1, y: 0.1, type: 'rust', severity: 'minor', note: '' } }),
    ],
    ['a damage mark removed', 'checkin', body({ op: 'damage.remove', payload: { id: D2 } })],
    ['a damage photo added', 'checkin', body(photo(NEW_ID, hash('e'), D2))],
    ['a damage photo removed', 'checkin', body({ op: 'photo.remove', payload: { id: P_DAMAGE } })],
    ['a damage photo moved to another damage', 'checkin', (job) => edit(job, (d) => void (d.photos[P_DAMAGE]!.damageId = D2))],
    ['a general photo added', 'checkin', body(photo(NEW_ID, hash('e'), null))],
    ['a removed general photo restored', 'checkin', body({ op: 'photo.restore', payload: { id: P_GONE } })],
    ['odometer', 'checkin', update({ odometerKm: 42_001 })],
    ['odometer cleared', 'checkin', update({ odometerKm: null })],
    ['fuel', 'checkin', update({ fuel: { kind: 'gauge', eighths: 5 } })],
    ['fuel as a battery', 'checkin', update({ fuel: { kind: 'battery', percent: 50 } })],
    ['a warning light on', 'checkin', update({ warningLights: { oil: true } })],
    ['a warning light off', 'checkin', update({ warningLights: { engine: false } })],
    ['the warning lights note', 'checkin', update({ warningLightsNote: '' })],
    ['a cover fitted', 'checkin', update({ covers: { steeringWheel: T1 } })],
    ['a cover taken off', 'checkin', update({ covers: { seat: null } })],
    ['belongings: one more', 'checkin', update({ belongings: { jack: true } })],
    ['belongings: one fewer', 'checkin', update({ belongings: { spareTyre: false } })],
    ['the belongings note', 'checkin', update({ belongingsNote: '无' })],
    ['valuables time', 'checkin', update({ valuablesConfirmedAt: T1 })],
    ['valuables not confirmed', 'checkin', update({ valuablesConfirmedAt: null })],
    ['the customer request', 'checkin', update({ customerRequest: '更换机油' })],
    ['a service type', 'checkin', update({ serviceTypes: { bodyPaint: true } })],
  ];

  it.each(changes)('changes with %s (%s)', async (_label, kind, change) => {
    const before = await contentHash(BASE, kind);
    expect(await contentHash(change(BASE), kind)).not.toBe(before);
  });

  const signature = (id: string): MutationBody => ({
    op: 'signature.add',
    payload: {
      id,
      kind: 'estimate',
      signerName: '张伟',
      signedAt: T1,
      deviceId: CLIENT_ID,
      contentHash: hash('a'),
      pngSha256: hash('1'),
      strokesSha256: hash('2'),
    },
  });

  const stays: Case[] = [
    // not shown on any document
    ['the customer company', 'checkin', update({ customer: { company: '另一家公司' } })],
    ['the customer company', 'estimate', update({ customer: { company: '另一家公司' } })],
    ['the vehicle colour', 'checkin', update({ vehicle: { color: '黑' } })],
    ['the engine number', 'estimate', update({ vehicle: { engineNo: 'E999' } })],
    ['the body style', 'checkin', update({ vehicle: { bodyStyle: 'suv' } })],
    ['VIN check accepted', 'checkin', update({ vehicle: { vinCheckAccepted: true } })],
    ['odometer lower accepted', 'checkin', update({ odometerLowerAccepted: true })],
    ['updatedAt', 'estimate', (job) => edit(job, (d) => void (d.updatedAt = '2026-12-01T00:00:00.000+08:00'))],
    ['updatedAt', 'checkin', (job) => edit(job, (d) => void (d.updatedAt = '2026-12-01T00:00:00.000+08:00'))],
    ['checking in', 'checkin', body({ op: 'job.checkIn', payload: {} })],
    ['a signature added', 'estimate', body(signature(NEW_ID))],
    ['a signature added', 'checkin', body(signature(NEW_ID))],
    // history: removed entries
    ['a tombstoned line edited', 'estimate', (job) => edit(job, (d) => void (d.estimate.lines[L_GONE]!.unitPriceFen = 1))],
    ['an edit of a removed line', 'estimate', body({ op: 'line.update', payload: { id: L_GONE, fields: { unitPriceFen: 1 } } })],
    ['a tombstoned damage moved', 'checkin', (job) => edit(job, (d) => void (d.damages[D_GONE]!.x = 0.9))],
    ['a removed photo edited', 'checkin', (job) => edit(job, (d) => void (d.photos[P_GONE]!.sha256 = hash('f')))],
    ['a photo added to a removed damage', 'checkin', body(photo(NEW_ID, hash('e'), D_GONE))],
    // details that are not shown
    ['a line createdAt', 'estimate', (job) => edit(job, (d) => void (d.estimate.lines[L1]!.createdAt = T0))],
    ['a line updated to the same price', 'estimate', body({ op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 35_650 } } })],
    ['a damage mark moved by finger jitter (< 0.0005)', 'checkin', body({ op: 'damage.update', payload: { id: D1, fields: { x: 0.4002 } } })],
    ['a photo thumbnail or size', 'checkin', (job) => edit(job, (d) => void Object.assign(d.photos[P_GENERAL]!, { thumbSha256: hash('9'), width: 800 }))],
    ['a warning light set off that was off', 'checkin', update({ warningLights: { abs: false, battery: false } })],
    ['a belonging set false that was unset', 'checkin', update({ belongings: { toolKit: false } })],
    ['key order of the keyed sets', 'checkin', (job) => edit(job, (d) => void (d.damages = Object.fromEntries(Object.entries(d.damages).reverse())))],
    // documents are independent
    ['a line price', 'checkin', body({ op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 35_600 } } })],
    ['adding a line', 'checkin', body(line(NEW_ID, 100))],
    ['promisedAt', 'checkin', body({ op: 'estimate.update', payload: { fields: { promisedAt: null } } })],
    ['promisedAt', 'delivery', body({ op: 'estimate.update', payload: { fields: { promisedAt: null } } })],
    ['odometer', 'estimate', update({ odometerKm: 50_000 })],
    ['a general photo added', 'estimate', body(photo(NEW_ID, hash('e'), null))],
    ['a damage mark removed', 'estimate', body({ op: 'damage.remove', payload: { id: D1 } })],
    ['belongings', 'estimate', update({ belongings: { jack: true } })],
    ['fuel', 'additional', update({ fuel: { kind: 'gauge', eighths: 1 } })],
  ];

  it.each(stays)('stays with %s (%s)', async (_label, kind, change) => {
    const before = await contentHash(BASE, kind);
    expect(await contentHash(change(BASE), kind)).toBe(before);
  });

  it('does not depend on the order photos were added in', async () => {
    const one = apply(BASE, photo(NEW_ID, hash('e'), D1), photo('0192f3a0-0000-7000-8000-0000000000ab', hash('1'), D1));
    const other = apply(BASE, photo(NEW_ID, hash('1'), D1), photo('0192f3a0-0000-7000-8000-0000000000ab', hash('e'), D1));
    expect(signedContent(one, 'checkin').damages[0]?.photos).toEqual([hash('1'), hash('d'), hash('e')]);
    expect(await contentHash(one, 'checkin')).toBe(await contentHash(other, 'checkin'));
  });
});

describe('staleness', () => {
  let n = 0;
  /** Signs `kind` of the job as it is, at `signedAt`. */
  async function sign(job: Job, kind: SignatureKind, signedAt = T1): Promise<{ job: Job; signature: Signature }> {
    n += 1;
    const id = `0192f3a0-0000-7000-a000-${String(n).padStart(12, '0')}`;
    const payload = {
      id,
      kind,
      signerName: '张伟',
      signedAt,
      deviceId: CLIENT_ID,
      contentHash: await contentHash(job, kind),
      pngSha256: hash('1'),
      strokesSha256: hash('2'),
    };
    const signed = apply(job, { op: 'signature.add', payload });
    const signature = signed.signatures[id];
    if (!signature) throw new Error('not signed');
    return { job: signed, signature };
  }
  const priceChange = (job: Job) => apply(job, { op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 30_000 } } });

  it('is valid when signed, stale after a signed field changes, and the old signature stays', async () => {
    const { job: signed, signature } = await sign(BASE, 'estimate');
    expect(await signatureStatus(signed, signature)).toBe('valid');

    const changed = priceChange(signed);
    expect(await signatureStatus(changed, signature)).toBe('stale');
    expect(changed.signatures[signature.id]).toEqual(signature);

    // Back to the signed price: what was signed is what the job says again.
    const reverted = apply(changed, { op: 'line.update', payload: { id: L2, fields: { unitPriceFen: 35_650 } } });
    expect(await signatureStatus(reverted, signature)).toBe('valid');
  });

  it('keeps the check-in signature valid when only the estimate changes', async () => {
    const checkin = await sign(BASE, 'checkin');
    const both = await sign(checkin.job, 'estimate');
    const changed = priceChange(both.job);
    expect(await signatureStatuses(changed)).toEqual({ [checkin.signature.id]: 'valid', [both.signature.id]: 'stale' });
  });

  it('asks for a new signature when the newest is stale, and not once re-signed', async () => {
    const first = await sign(BASE, 'estimate', T1);
    const changed = priceChange(first.job);
    const stale = await signatureStatuses(changed);
    expect(documentNeedsSignature(changed, 'estimate', stale)).toBe(true);
    expect(documentSignatureState(changed, 'estimate', stale)).toBe('stale');

    const second = await sign(changed, 'estimate', '2026-11-27T10:00:00.000+08:00');
    const statuses = await signatureStatuses(second.job);
    expect(statuses).toEqual({ [first.signature.id]: 'stale', [second.signature.id]: 'valid' });
    expect(latestSignatures(second.job).estimate).toEqual(second.signature);
    expect(documentNeedsSignature(second.job, 'estimate', statuses)).toBe(false);
    expect(Object.keys(second.job.signatures)).toHaveLength(2);
  });

  it('takes the newest by instant, not by the text of the time', async () => {
    // 03:30Z is 11:30 in Shanghai: later than 10:00+08:00 though it sorts first as text.
    const a = await sign(BASE, 'checkin', '2026-11-27T10:00:00.000+08:00');
    const b = await sign(a.job, 'checkin', '2026-11-27T03:30:00.000Z');
    const c = await sign(b.job, 'estimate', T0);
    expect(latestSignatures(c.job)).toEqual({ checkin: b.signature, estimate: c.signature, additional: undefined, delivery: undefined });
  });

  it('breaks a tie of signedAt by id, the later-made one', async () => {
    const a = await sign(BASE, 'delivery', T1);
    const b = await sign(a.job, 'delivery', T1);
    expect(latestSignatures(b.job).delivery).toEqual(b.signature);
  });

  it.each<[string, (s: { old: string; newest: string }) => Record<string, SignatureStatus>, DocumentSignatureState, boolean]>([
    ['statuses not computed yet', () => ({}), 'checking', false],
    ['newest valid', (s) => ({ [s.newest]: 'valid' }), 'valid', false],
    ['newest stale', (s) => ({ [s.newest]: 'stale', [s.old]: 'valid' }), 'stale', true],
    ['old stale, newest valid', (s) => ({ [s.newest]: 'valid', [s.old]: 'stale' }), 'valid', false],
  ])('document state: %s → %s', async (_label, statuses, state, needs) => {
    const old = await sign(BASE, 'estimate', T0);
    const newest = await sign(old.job, 'estimate', T1);
    const given = statuses({ old: old.signature.id, newest: newest.signature.id });
    expect(documentSignatureState(newest.job, 'estimate', given)).toBe(state);
    expect(documentNeedsSignature(newest.job, 'estimate', given)).toBe(needs);
  });

  it('asks for a signature of a document never signed', () => {
    expect(documentSignatureState(BASE, 'checkin', {})).toBe('unsigned');
    expect(documentNeedsSignature(BASE, 'checkin', {})).toBe(true);
  });
});
