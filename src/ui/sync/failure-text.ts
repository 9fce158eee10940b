// The server's refusals and the engine's problems as messages the advisor can act on: known
// error codes get their own translated message; anything else shows the server's own words.
import type { FailureKind } from '../../sync/api-client.ts';
import { LocalSyncStop, type LocalStopReason } from '../../sync/sync-failure.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import type { MessageKey } from '../messages.ts';

export type Message = { key: MessageKey; params?: Record<string, string | number> };

/**
 * What the UI knows of a failure: an ApiFailure (the server's answer or the network), a
 * LocalSyncStop found on this tablet (`local`), or any other error.
 */
export type FailureLike = {
  kind?: FailureKind;
  code?: string;
  status?: number;
  message: string;
  local?: { reason: LocalStopReason; params: Record<string, string | number> };
};

// The server's error codes that have a message of their own: `apiError.${KnownCode}` is
// type-checked against the dictionaries, so a code listed here without a message fails tsc.
const KNOWN_CODES = [
  'enrollment_refused',
  'reenrollment_refused',
  'sign_in_failed',
  'rate_limited',
  'sign_in_busy',
  'network',
  'unauthenticated',
  'device_revoked',
  'client_outdated',
  'server_outdated',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

const KNOWN_CODE_SET: ReadonlySet<string> = new Set(KNOWN_CODES);
const isKnownCode = (code: string): code is KnownCode => KNOWN_CODE_SET.has(code);

const BY_KIND: Partial<Record<FailureKind, MessageKey>> = {
  revoked: 'apiError.device_revoked',
  unauthenticated: 'apiError.unauthenticated',
  'app-outdated': 'apiError.client_outdated',
  'server-outdated': 'apiError.server_outdated',
  'seq-conflict': 'sync.problem.seq-conflict',
  retry: 'apiError.server',
};

export function failureMessage(failure: FailureLike): Message {
  const { code, kind, message, local } = failure;
  if (local) return { key: `sync.local.${local.reason}`, params: local.params };
  if (code && isKnownCode(code)) return { key: `apiError.${code}` };
  if (code === 'invalid_request') return { key: 'apiError.invalid_request', params: { message } };
  const byKind = kind && BY_KIND[kind];
  if (byKind) return { key: byKind };
  return { key: 'apiError.other', params: { message } };
}

/**
 * The sync bar's line about what keeps changes from the server, if anything: a problem a
 * person must fix first, then being offline (no run is even tried), then a failed run that
 * will be retried. Null when nothing stands in the way.
 */
export function syncProblemMessage(status: Pick<SyncStatus, 'problem' | 'retryAt'>, online: boolean): Message | null {
  const { problem, retryAt } = status;
  if (problem?.kind === 'refused') return { key: 'sync.problem.refused', params: { message: problem.message } };
  if (problem?.kind === 'local' && problem.reason !== 'unexpected') return { key: `sync.local.${problem.reason}`, params: problem.params };
  if (problem && problem.kind !== 'retry' && problem.kind !== 'local') return { key: `sync.problem.${problem.kind}` };
  if (!online) return { key: 'sync.problem.offline' };
  if (!problem) return null;
  // The shop's wall clock, hours and minutes: the retry is due within minutes.
  const time = retryAt ? formatLocalDateTime(new Date(retryAt).toISOString()).slice(11) : null;
  if (problem.kind === 'local') {
    return time ? { key: 'sync.local.unexpected', params: { ...problem.params, time } } : { key: 'sync.local.unexpectedLater', params: problem.params };
  }
  return time ? { key: 'sync.problem.retry', params: { time } } : { key: 'sync.problem.retryLater' };
}

/** Any thrown value as a failure to describe (an ApiFailure keeps its kind, code and status). */
export function asFailure(error: unknown): FailureLike {
  if (error instanceof LocalSyncStop) return { message: error.message, local: { reason: error.reason, params: error.params } };
  if (error instanceof Error) {
    const { kind, code, status } = error as Error & Partial<FailureLike>;
    return { kind, code, status, message: error.message };
  }
  return { message: String(error) };
}
