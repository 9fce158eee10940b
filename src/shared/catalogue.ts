// The labour and parts catalogue (工时/配件目录): what an estimate line is picked from,
// searchable offline by code, name or pinyin initials. A store imports its own from CSV.
import { z } from 'zod';
import { LINE_KINDS, MAX_UNIT_PRICE_FEN, lineFieldsSchema } from './estimate.ts';
import { text } from './primitives.ts';

/** More parts than any one job of a price list comes with (a 大保养 has about eight). */
export const MAX_PARTS_PER_ITEM = 20;

const codeSchema = z.string().min(1).max(30);

/** A part that comes with a labour item (带料工时 / 套餐): its code in the same catalogue and how many. */
export const cataloguePartSchema = z.object({
  code: codeSchema,
  /** In the part's own unit, in thousandths (4 升 = 4000), as on an estimate line. */
  quantityMilli: lineFieldsSchema.shape.quantityMilli,
});
export type CataloguePart = z.infer<typeof cataloguePartSchema>;

export const catalogueItemSchema = z
  .object({
    code: codeSchema,
    kind: z.enum(LINE_KINDS),
    name: text(120).min(1),
    /** Pinyin initials of the name, lower case (机油滤清器 → jylqq), for quick search. */
    initials: z.string().max(120),
    /** Unit of sale: 工时 labour in hours, parts in 个/升/套 …. */
    unit: text(10),
    unitPriceFen: z.number().int().min(0).max(MAX_UNIT_PRICE_FEN),
    /**
     * Labour only: the parts picked with it in one tap. Optional, so a catalogue written before
     * it (on a tablet or the server) still parses; a tablet of an older build strips it.
     */
    parts: z.array(cataloguePartSchema).max(MAX_PARTS_PER_ITEM).optional(),
  })
  .superRefine((item, ctx) => {
    const parts = item.parts ?? [];
    if (parts.length > 0 && item.kind !== 'labour') ctx.addIssue({ code: 'custom', path: ['parts'], message: 'Only a labour item carries parts' });
    const seen = new Set<string>([item.code]);
    parts.forEach((part, i) => {
      if (seen.has(part.code)) ctx.addIssue({ code: 'custom', path: ['parts', i, 'code'], message: `Part ${part.code} is listed twice or is the item itself` });
      seen.add(part.code);
    });
  });
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
