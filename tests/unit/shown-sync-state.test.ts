// Each card's badge: on a connected tablet the state from the outbox, the engine and the
// server's refusals; on a tablet not connected to a store, always "on this tablet only".
import { describe, expect, it } from 'vitest';
import type { SyncStateIndex } from '../../src/sync/job-sync-state.ts';
import { shownSyncState, syncCounts } from '../../src/ui/sync/shown-state.ts';

const index: SyncStateIndex = {
  pending: new Set(['pending', 'sending', 'both']),
  attention: new Map([
    ['refused', ['content_mismatch' as const]],
    ['both', ['unknown_job' as const, 'content_mismatch' as const]],
  ]),
};
const sending = new Set(['sending']);

describe('shownSyncState', () => {
  it.each([
    ['pending', { kind: 'local' }],
    ['sending', { kind: 'sending' }],
    ['synced', { kind: 'synced' }],
    ['refused', { kind: 'attention', reasons: ['content_mismatch'] }],
    ['both', { kind: 'attention', reasons: ['unknown_job', 'content_mismatch'] }],
  ])('connected: %s', (jobId, state) => {
    expect(shownSyncState(index, sending, jobId, true)).toEqual(state);
  });

  it.each(['pending', 'sending', 'synced', 'refused'])('not connected: %s is on this tablet only', (jobId) => {
    expect(shownSyncState(index, sending, jobId, false)).toEqual({ kind: 'local' });
  });
});

describe('syncCounts', () => {
  it('counts cards, not changes, and names each refusal reason once', () => {
    expect(syncCounts(index)).toEqual({ pendingCards: 3, attentionCards: 2, reasons: ['content_mismatch', 'unknown_job'] });
    expect(syncCounts({ pending: new Set(), attention: new Map() })).toEqual({ pendingCards: 0, attentionCards: 0, reasons: [] });
  });
});
