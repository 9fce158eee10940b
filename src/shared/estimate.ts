// The estimate (估价单 / 任务委托书): lines of labour (工时) and parts (配件) with integer
// money in 分, the promised time, old-parts disposition, payment method and car wash. Lines
// are a keyed set with tombstones, like damage marks; totals are always computed, never stored.
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';

export const LINE_KINDS = ['labour', 'part'] as const;
export const OLD_PARTS = ['take', 'dispose'] as const; // 带走 / 留厂处理
export const PAYMENT_METHODS = ['cash', 'card', 'wechat', 'alipay', 'insurance', 'warranty', 'company'] as const;

export type LineKind = (typeof LINE_KINDS)[number];
export type OldParts = (typeof OLD_PARTS)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Largest unit price accepted: ¥999,999.99. */
export const MAX_UNIT_PRICE_FEN = 99_999_999;

export const lineFieldsSchema = z.object({
  kind: z.enum(LINE_KINDS),
  /** Catalogue code, or empty for a line typed free. */
  code: text(30),
  description: text(120).min(1, { message: 'required' }),
  /** Quantity in thousandths (1.5 h of labour = 1500), so no float ever enters the money. */
  quantityMilli: z.number().int().min(1, { message: 'quantity.positive' }).max(9_999_000),
  unitPriceFen: z.number().int().min(0).max(MAX_UNIT_PRICE_FEN),
  /** Discount in basis points of the line: 1000 = 10% off (9折), 10000 = free. */
  discountBp: z.number().int().min(0).max(10_000),
});

export const lineSchema = lineFieldsSchema.extend({
  id: z.uuid(),
  createdAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type EstimateLine = z.infer<typeof lineSchema>;
export type LineFields = z.infer<typeof lineFieldsSchema>;

export const estimateFieldsSchema = z.object({
  /** 预计交车时间. */
  promisedAt: isoDateTime.nullable(),
  oldParts: z.enum(OLD_PARTS).nullable(),
  payment: z.enum(PAYMENT_METHODS).nullable(),
  carWash: z.boolean().nullable(),
});
export type EstimateFields = z.infer<typeof estimateFieldsSchema>;

export const estimateSchema = estimateFieldsSchema.extend({
  lines: z.record(z.uuid(), lineSchema),
});
export type Estimate = z.infer<typeof estimateSchema>;

export function emptyEstimate(): Estimate {
  return { promisedAt: null, oldParts: null, payment: null, carWash: null, lines: {} };
}

/** Half-up rounding of a non-negative numerator / denominator, in integers only. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0)
    throw new RangeError(`divideRoundHalfUp(${numerator}, ${denominator})`);
  // Quotient and remainder separately: `2 * numerator` would lose precision near 2^53.
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

export type LineAmounts = { grossFen: number; discountFen: number; netFen: number };

/** A line's amounts: gross = price × quantity, discount on the gross, each rounded to 分. */
export function lineAmounts(line: Pick<LineFields, 'quantityMilli' | 'unitPriceFen' | 'discountBp'>): LineAmounts {
  const grossFen = divideRoundHalfUp(line.unitPriceFen * line.quantityMilli, 1000);
  // Split the gross so gross × basis points never passes 2^53, even for ¥999,999.99 × 9,999.
  const wholeTenThousands = grossFen - (grossFen % 10_000);
  const discountFen = (wholeTenThousands / 10_000) * line.discountBp + divideRoundHalfUp((grossFen % 10_000) * line.discountBp, 10_000);
  return { grossFen, discountFen, netFen: grossFen - discountFen };
}

export type EstimateTotals = {
  labourFen: number;
  partsFen: number;
  discountFen: number;
  /** 总计: what the customer is asked to approve. */
  totalFen: number;
};

/** Totals over the live lines: labour and parts net of discount, the discount, the total. */
export function estimateTotals(lines: Pick<EstimateLine, 'kind' | 'quantityMilli' | 'unitPriceFen' | 'discountBp'>[]): EstimateTotals {
  const totals: EstimateTotals = { labourFen: 0, partsFen: 0, discountFen: 0, totalFen: 0 };
  for (const line of lines) {
    const { discountFen, netFen } = lineAmounts(line);
    if (line.kind === 'labour') totals.labourFen += netFen;
    else totals.partsFen += netFen;
    totals.discountFen += discountFen;
    totals.totalFen += netFen;
  }
  return totals;
}
