// The sample catalogue every tablet starts with: valid items, unique codes, plausible prices,
// and initials that match what pinyin-pro computes (run .tools/catalogue-sample.ts to fix).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInitials } from '../../src/shared/catalogue-initials.ts';
import { catalogueItemSchema } from '../../src/shared/catalogue.ts';
import { SAMPLE_CATALOGUE } from '../../src/shared/catalogue-sample.ts';

let initialsOf: (name: string) => string;
beforeAll(async () => {
  initialsOf = await loadInitials();
});

const yuan = (fen: number) => fen / 100;

describe('SAMPLE_CATALOGUE', () => {
  it('has 150 to 250 items with unique codes', () => {
    expect(SAMPLE_CATALOGUE.length).toBeGreaterThanOrEqual(150);
    expect(SAMPLE_CATALOGUE.length).toBeLessThanOrEqual(250);
    expect(new Set(SAMPLE_CATALOGUE.map((item) => item.code)).size).toBe(SAMPLE_CATALOGUE.length);
  });

  it.each(SAMPLE_CATALOGUE.map((item) => [item.code, item] as const))('%s parses and has its initials', (_code, item) => {
    expect(catalogueItemSchema.parse(item)).toEqual(item);
    expect(item.initials).toBe(initialsOf(item.name));
  });

  it('labour is L-xxxx by the 工时 at ¥80–¥2,000; parts are P-xxxxx at ¥10–¥3,000', () => {
    for (const item of SAMPLE_CATALOGUE) {
      if (item.kind === 'labour') {
        expect(item.code).toMatch(/^L-\d{4}$/);
        expect(item.unit).toBe('工时');
        expect(yuan(item.unitPriceFen)).toBeGreaterThanOrEqual(80);
        expect(yuan(item.unitPriceFen)).toBeLessThanOrEqual(2000);
      } else {
        expect(item.code).toMatch(/^P-\d{5}$/);
        expect(['升', '个', '套', '条', '只', '瓶', '块']).toContain(item.unit);
        expect(yuan(item.unitPriceFen)).toBeGreaterThanOrEqual(10);
        expect(yuan(item.unitPriceFen)).toBeLessThanOrEqual(3000);
      }
    }
  });

  it('covers the everyday work of the desk', () => {
    const names = new Set(SAMPLE_CATALOGUE.map((item) => item.name));
    for (const name of ['更换机油机滤', '四轮定位', '机油滤清器', '前刹车片', '蓄电池 60Ah', '轮胎 205/55 R16', '前保险杠喷漆'])
      expect(names).toContain(name);
  });
});
