// 质检 as a gate: an unchecked or failed item blocks 待交车, "not applicable" only where the
// item allows it, the wash only when 洗车 was ordered, and an override opens the gate only
// with a reason.
import { describe, expect, it } from 'vitest';
import { QC_ITEMS, emptyQualityCheck, qcAllowsReady, qcBlocks, type QcBlock, type QcItem, type QcResult, type QualityCheck } from '../../src/shared/quality-check.ts';

const AT = '2026-11-27T15:00:00.000+08:00';

/** A quality check with the given results (unlisted items unchecked) and override reason. */
function qc(results: Partial<Record<QcItem, QcResult>>, overrideReason?: string): QualityCheck {
  const items = Object.fromEntries(Object.entries(results).map(([item, result]) => [item, { result, note: '', at: AT, advisorId: null }]));
  return { items, override: overrideReason === undefined ? null : { reason: overrideReason, at: AT, advisorId: null } };
}

const allPass = (): Partial<Record<QcItem, QcResult>> => Object.fromEntries(QC_ITEMS.map((item) => [item, 'pass']));
const without = (item: QcItem) => Object.fromEntries(Object.entries(allPass()).filter(([key]) => key !== item));

describe('qcBlocks and qcAllowsReady', () => {
  // [what, results, carWash, the blocks]
  const cases: [string, Partial<Record<QcItem, QcResult>>, boolean | null, QcBlock[]][] = [
    ['every item passed, wash ordered', allPass(), true, []],
    ['every item passed, no wash ordered', allPass(), false, []],
    ['nothing checked, wash ordered', {}, true, QC_ITEMS.map((item) => ({ item, why: 'unchecked' }))],
    ['nothing checked, no wash ordered', {}, false, QC_ITEMS.filter((i) => i !== 'washed').map((item) => ({ item, why: 'unchecked' }))],
    ['nothing checked, wash not decided', {}, null, QC_ITEMS.filter((i) => i !== 'washed').map((item) => ({ item, why: 'unchecked' }))],
    ['work done unchecked', without('workDone'), true, [{ item: 'workDone', why: 'unchecked' }]],
    ['nothing left unchecked', without('nothingLeft'), true, [{ item: 'nothingLeft', why: 'unchecked' }]],
    ['wash unchecked when ordered', without('washed'), true, [{ item: 'washed', why: 'unchecked' }]],
    ['wash unchecked when not ordered', without('washed'), false, []],
    ['wash unchecked when not decided', without('washed'), null, []],
    ['fluids failed', { ...allPass(), fluids: 'fail' }, true, [{ item: 'fluids', why: 'failed' }]],
    ['road test failed', { ...allPass(), roadTest: 'fail' }, true, [{ item: 'roadTest', why: 'failed' }]],
    ['road test not applicable', { ...allPass(), roadTest: 'na' }, true, []],
    ['fluids not applicable', { ...allPass(), fluids: 'na' }, true, []],
    ['work done may not be "not applicable"', { ...allPass(), workDone: 'na' }, true, [{ item: 'workDone', why: 'failed' }]],
    ['nothing left may not be "not applicable"', { ...allPass(), nothingLeft: 'na' }, true, [{ item: 'nothingLeft', why: 'failed' }]],
    ['wash not applicable when not ordered', { ...allPass(), washed: 'na' }, false, []],
    ['wash may not be "not applicable" when ordered', { ...allPass(), washed: 'na' }, true, [{ item: 'washed', why: 'failed' }]],
    ['two items failed, in checklist order', { ...allPass(), washed: 'fail', workDone: 'fail' }, true, [
      { item: 'workDone', why: 'failed' },
      { item: 'washed', why: 'failed' },
    ]],
  ];

  it.each(cases)('%s', (_what, results, carWash, blocks) => {
    expect(qcBlocks(qc(results), carWash)).toEqual(blocks);
    expect(qcAllowsReady(qc(results), carWash)).toBe(blocks.length === 0);
  });

  it('an empty check blocks', () => {
    expect(qcAllowsReady(emptyQualityCheck(), false)).toBe(false);
  });

  it('an override with a reason opens the gate despite failed and unchecked items, which stay listed', () => {
    const overridden = qc({ fluids: 'fail' }, '客户急需用车，已告知');
    expect(qcAllowsReady(overridden, true)).toBe(true);
    expect(qcBlocks(overridden, true)).toContainEqual({ item: 'fluids', why: 'failed' });
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['a full-width space and a newline', '\u3000\n'],
  ])('an override whose reason is %s does not open the gate', (_what, reason) => {
    expect(qcAllowsReady(qc({ fluids: 'fail' }, reason), true)).toBe(false);
  });
});
