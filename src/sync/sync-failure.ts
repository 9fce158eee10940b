// Problems found on this tablet that stop sync, as opposed to the server's answers and the
// network's silence (ApiFailure in api-client.ts): the server never saw these, so they are
// never shown as its refusal. Each reason has a message in both languages (sync.local.*).
import { errorText } from '../shared/error-text.ts';

export const LOCAL_STOP_REASONS = [
  /** The tablet has no enrollment: nothing to sync with yet. */
  'notEnrolled',
  /** The server acknowledged fewer changes than this tablet sent and cannot take the next one. */
  'seqGap',
  /** A photo or signature a change refers to is not on this tablet: that change cannot be sent. */
  'blobMissing',
  /** Anything else that went wrong here (storage, a bug): retried like a network failure. */
  'unexpected',
] as const;
export type LocalStopReason = (typeof LOCAL_STOP_REASONS)[number];

export class LocalSyncStop extends Error {
  constructor(
    readonly reason: LocalStopReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Sync stopped on this tablet (${reason}${Object.keys(params).length ? `: ${JSON.stringify(params)}` : ''})`);
    this.name = 'LocalSyncStop';
  }

  /** Whether the engine tries again by itself: only for the unexpected, which may pass. */
  get retry(): boolean {
    return this.reason === 'unexpected';
  }
}

/** Any error that is neither the server's nor already a local stop. */
export function unexpectedStop(error: unknown): LocalSyncStop {
  return new LocalSyncStop('unexpected', { reason: errorText(error) });
}
