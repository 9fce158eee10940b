// 质检: the short check before a car is ready to hand back. Each item is passed, failed or
// not applicable, with who checked and when. A failed or unchecked item blocks 待交车 unless
// an advisor overrides the check with a reason; the override is kept, never silent.
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';

/** 施工项目完成, 路试, 油液液位, 车内无遗留物品, 洗车. */
export const QC_ITEMS = ['workDone', 'roadTest', 'fluids', 'nothingLeft', 'washed'] as const;
export type QcItem = (typeof QC_ITEMS)[number];
export const QC_RESULTS = ['pass', 'fail', 'na'] as const;
export type QcResult = (typeof QC_RESULTS)[number];

export const qcCheckSchema = z.object({
  result: z.enum(QC_RESULTS),
  note: text(200),
  at: isoDateTime,
  advisorId: z.uuid().nullable(),
});
export type QcCheck = z.infer<typeof qcCheckSchema>;

export const qcOverrideSchema = z.object({
  reason: text(200),
  at: isoDateTime,
  advisorId: z.uuid().nullable(),
});

export const qualityCheckSchema = z.object({
  items: z.partialRecord(z.enum(QC_ITEMS), qcCheckSchema),
  /** The advisor let the car go to 待交车 despite the check; null when not overridden. */
  override: qcOverrideSchema.nullable(),
});
export type QualityCheck = z.infer<typeof qualityCheckSchema>;

export function emptyQualityCheck(): QualityCheck {
  return { items: {}, override: null };
}

/**
 * Items that may be marked not applicable: a road test only where the work needs one, the wash
 * only when 洗车 was not chosen. The others are always checked.
 */
export const QC_MAY_BE_NA: Readonly<Record<QcItem, boolean>> = {
  workDone: false,
  roadTest: true,
  fluids: true,
  nothingLeft: false,
  washed: true,
};

export type QcBlock = { item: QcItem; why: 'unchecked' | 'failed' };

/** What stands between the check and 待交车; empty when the car may go. */
export function qcBlocks(qc: QualityCheck, carWash: boolean | null): QcBlock[] {
  const blocks: QcBlock[] = [];
  for (const item of QC_ITEMS) {
    const check = qc.items[item];
    // The wash was not ordered: nothing to check.
    if (item === 'washed' && carWash !== true && check === undefined) continue;
    // A wash the customer ordered is never "not applicable".
    const mayBeNa = QC_MAY_BE_NA[item] && !(item === 'washed' && carWash === true);
    if (!check) blocks.push({ item, why: 'unchecked' });
    else if (check.result === 'fail' || (check.result === 'na' && !mayBeNa)) blocks.push({ item, why: 'failed' });
  }
  return blocks;
}

/** True when the car may move to 待交车: nothing blocks, or an advisor overrode with a reason. */
export function qcAllowsReady(qc: QualityCheck, carWash: boolean | null): boolean {
  return qcBlocks(qc, carWash).length === 0 || (qc.override !== null && qc.override.reason.trim().length > 0);
}
