// The labour and parts catalogue (工时/配件目录): what an estimate line is picked from,
// searchable offline by code, name or pinyin initials. A store imports its own from CSV.
import { z } from 'zod';
import { LINE_KINDS, MAX_UNIT_PRICE_FEN } from './estimate.ts';
import { text } from './primitives.ts';

export const catalogueItemSchema = z.object({
  code: z.string().min(1).max(30),
  kind: z.enum(LINE_KINDS),
  name: text(120).min(1),
  /** Pinyin initials of the name, lower case (机油滤清器 → jylqq), for quick search. */
  initials: z.string().max(120),
  /** Unit of sale: 工时 labour in hours, parts in 个/升/套 …. */
  unit: text(10),
  unitPriceFen: z.number().int().min(0).max(MAX_UNIT_PRICE_FEN),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
