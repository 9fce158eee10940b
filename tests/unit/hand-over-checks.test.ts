// What is flagged before the customer signs: a check-in mark whose severity nobody chose, and
// each empty term (交车时间, 旧件, 结账方式, 洗车) of an estimate that has lines; nothing else.
import { describe, expect, it } from 'vitest';
import { handOverFlags } from '../../src/shared/hand-over-checks.ts';
import type { Job } from '../../src/shared/job.ts';
import { damageSchema } from '../../src/shared/walkaround.ts';
import { run } from './support/reducer.ts';
import { at, CLIENT_A, draftJob, id, LINE_LABOUR, LINE_OIL, tablet } from './support/work-job.ts';

const m = tablet(CLIENT_A);
const mark = (n: number, severity: 'minor' | 'severe' | null, stage?: 'handover') =>
  m({ op: 'damage.add', payload: { id: id('da', n), view: 'left', x: 0.5, y: 0.5, type: 'scratch', severity, note: '', ...(stage ? { stage } : {}) } }, 3);

describe('handOverFlags', () => {
  it('flags nothing on a card with chosen severities and every term of its estimate set', () => {
    const job = run(draftJob(), [mark(1, 'minor'), m({ op: 'estimate.update', payload: { fields: { promisedAt: at(300) } } }, 3)]);
    expect(handOverFlags(job)).toEqual([]);
  });

  it('flags each live check-in mark whose severity is null, not handover marks or removed ones', () => {
    const job = run(draftJob(), [
      mark(1, null),
      mark(2, 'severe'),
      mark(3, null),
      mark(4, null, 'handover'),
      m({ op: 'damage.remove', payload: { id: id('da', 3) } }, 4),
      m({ op: 'estimate.update', payload: { fields: { promisedAt: at(300) } } }, 3),
    ]);
    expect(handOverFlags(job)).toEqual([{ kind: 'severityUnset', damageId: id('da', 1) }]);
  });

  it('flags every empty term of an estimate with lines, in the form order', () => {
    const job: Job = run(draftJob(), [m({ op: 'estimate.update', payload: { fields: { oldParts: null, carWash: null } } }, 3)]);
    expect(handOverFlags(job)).toEqual([
      { kind: 'estimateTermUnset', term: 'promisedAt' },
      { kind: 'estimateTermUnset', term: 'oldParts' },
      { kind: 'estimateTermUnset', term: 'carWash' },
    ]);
  });

  it('takes 洗车 = no (false) as chosen, not empty', () => {
    const job = run(draftJob(), [m({ op: 'estimate.update', payload: { fields: { carWash: false, promisedAt: at(300) } } }, 3)]);
    expect(handOverFlags(job)).toEqual([]);
  });

  it('flags no term while the estimate has no live line', () => {
    const job = run(draftJob(), [
      m({ op: 'estimate.update', payload: { fields: { oldParts: null, payment: null, carWash: null } } }, 3),
      m({ op: 'line.remove', payload: { id: LINE_OIL } }, 4),
      m({ op: 'line.remove', payload: { id: LINE_LABOUR } }, 4),
    ]);
    expect(handOverFlags(job)).toEqual([]);
  });
});

describe('damage severity in the schema', () => {
  it('accepts null (nobody chose it) and refuses a severity that is not one of the three', () => {
    const base = { id: id('da', 1), view: 'top', x: 0.1, y: 0.2, type: 'dent', note: '', createdAt: at(0), deletedAt: null };
    expect(damageSchema.safeParse({ ...base, severity: null }).success).toBe(true);
    expect(damageSchema.safeParse({ ...base, severity: 'moderate' }).success).toBe(true);
    expect(damageSchema.safeParse({ ...base, severity: 'light' }).success).toBe(false);
    expect(damageSchema.safeParse({ ...base }).success).toBe(false);
  });
});
