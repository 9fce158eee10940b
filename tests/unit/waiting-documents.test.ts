// Which documents one hand-over to the customer holds: everything waiting for them, in the
// order the desk's paper forms come, so one visit to customer mode and one PIN signs them all.
import { describe, expect, it } from 'vitest';
import { handOverDocuments, waitingDocuments, DESK_DOCUMENTS } from '../../src/features/signing/waiting-documents.ts';
import type { Job } from '../../src/shared/job.ts';
import { run } from './support/reducer.ts';
import { BULB, CLIENT_A, LINE_LABOUR, LINE_OIL, PADS, body, draftJob, id, jobIn, tablet } from './support/work-job.ts';

const m = tablet(CLIENT_A);
const withoutLines = (job: Job) =>
  run(job, [m({ op: 'line.remove', payload: { id: LINE_OIL } }, 3), m({ op: 'line.remove', payload: { id: LINE_LABOUR } }, 3)]);
const signed = (job: Job, kind: 'checkin' | 'estimate' | 'delivery', n: number) => run(job, [m(body.signature(id('5c', n), kind), 4)]);

describe('the documents waiting for the customer', () => {
  it('at the desk: the check-in condition, then the estimate', () => {
    expect(waitingDocuments(draftJob(), DESK_DOCUMENTS, {})).toEqual(['checkin', 'estimate']);
  });

  it('leaves out an estimate with no lines: nothing to sign', () => {
    expect(waitingDocuments(withoutLines(draftJob()), DESK_DOCUMENTS, {})).toEqual(['checkin']);
  });

  it('leaves out a document whose newest signature is valid, and takes it again once stale', () => {
    const job = signed(draftJob(), 'checkin', 1);
    const signatureId = id('5c', 1);
    expect(waitingDocuments(job, DESK_DOCUMENTS, { [signatureId]: 'valid' })).toEqual(['estimate']);
    expect(waitingDocuments(job, DESK_DOCUMENTS, { [signatureId]: 'stale' })).toEqual(['checkin', 'estimate']);
    // While the status is being hashed it is not taken: nothing is re-signed by accident.
    expect(waitingDocuments(job, DESK_DOCUMENTS, {})).toEqual(['estimate']);
  });

  it('after check-in: a round of 追加项目 with an undecided line, and the 交车确认 once ready', () => {
    const ready = run(jobIn('ready'), [m(body.addAddition(PADS), 30), m(body.addAddition(BULB, { description: '近光灯泡' }), 30)]);
    // The 交车 signature jobIn puts on the card is stale for this content.
    const stale = { [id('5', 1)]: 'stale' as const };
    expect(handOverDocuments(ready, 'delivery', stale)).toEqual(['additional', 'delivery']);
    expect(handOverDocuments(ready, 'additional', { [id('5', 1)]: 'valid' })).toEqual(['additional']);
  });

  it('in the workshop: the round alone (the car is not ready to be accepted)', () => {
    const inRepair = run(jobIn('in-repair'), [m(body.addAddition(PADS), 30)]);
    expect(handOverDocuments(inRepair, 'additional', {})).toEqual(['additional']);
  });

  it('always holds the document asked for, even when nothing else waits', () => {
    expect(handOverDocuments(jobIn('in-repair'), 'additional', {})).toEqual(['additional']);
  });
});
