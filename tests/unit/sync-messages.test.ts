// What the advisor reads when the server refuses or sync stops: known codes get their own
// message, unknown ones show the server's words; the sync bar's line follows the engine's
// failure kind, with being offline before a retry and a person's problem before both.
import { describe, expect, it } from 'vitest';
import { asFailure, failureMessage, syncProblemMessage, type FailureLike } from '../../src/ui/sync/failure-text.ts';
import { ApiFailure, type FailureKind } from '../../src/sync/api-client.ts';

describe('failureMessage', () => {
  it.each<[string, FailureLike, string, Record<string, string>?]>([
    ['a used-up code', { kind: 'refused', status: 403, code: 'enrollment_refused', message: 'This enrollment code…' }, 'apiError.enrollment_refused'],
    ['a wrong password', { kind: 'unauthenticated', status: 401, code: 'sign_in_failed', message: 'The username…' }, 'apiError.sign_in_failed'],
    ['too many tries', { kind: 'retry', status: 429, code: 'rate_limited', message: 'Too many…' }, 'apiError.rate_limited'],
    ['no network', { kind: 'retry', status: 0, code: 'network', message: 'Failed to fetch' }, 'apiError.network'],
    ['a revoked tablet', { kind: 'revoked', status: 401, code: 'device_revoked', message: '…' }, 'apiError.device_revoked'],
    ['an old app', { kind: 'app-outdated', status: 426, code: 'client_outdated', message: '…' }, 'apiError.client_outdated'],
    ['an old server', { kind: 'server-outdated', status: 426, code: 'server_outdated', message: '…' }, 'apiError.server_outdated'],
    ['a 5xx', { kind: 'retry', status: 502, code: 'http_502', message: 'The server answered 502.' }, 'apiError.server'],
    ['a garbled answer', { kind: 'retry', status: 200, code: 'bad_response', message: '…' }, 'apiError.server'],
    ['a refused body', { kind: 'refused', status: 400, code: 'invalid_request', message: 'The body is not valid: deviceName' }, 'apiError.invalid_request', { message: 'The body is not valid: deviceName' }],
    ['an unknown refusal', { kind: 'refused', status: 409, code: 'something_new', message: 'Ask support.' }, 'apiError.other', { message: 'Ask support.' }],
    ['a plain error', { message: 'IndexedDB is closed' }, 'apiError.other', { message: 'IndexedDB is closed' }],
  ])('%s', (_, failure, key, params) => {
    expect(failureMessage(failure)).toEqual(params ? { key, params } : { key });
  });

  it('reads kind, code and status off an ApiFailure, and the message off anything', () => {
    const failure = asFailure(new ApiFailure('refused', 403, 'enrollment_refused', 'No.'));
    expect(failure).toEqual({ kind: 'refused', code: 'enrollment_refused', status: 403, message: 'No.' });
    expect(failureMessage(asFailure(new TypeError('boom')))).toEqual({ key: 'apiError.other', params: { message: 'boom' } });
    expect(asFailure('text')).toEqual({ message: 'text' });
  });
});

describe('syncProblemMessage', () => {
  const problem = (kind: FailureKind, message = 'm') => ({ kind, message });
  // 2026-11-27 06:31:10 UTC is 14:31 at the desk (Asia/Shanghai).
  const retryAt = Date.parse('2026-11-27T06:31:10Z');

  it.each<[string, Parameters<typeof syncProblemMessage>[0], boolean, ReturnType<typeof syncProblemMessage>]>([
    ['nothing wrong, online', { problem: null, retryAt: null }, true, null],
    ['nothing wrong yet, offline', { problem: null, retryAt: null }, false, { key: 'sync.problem.offline' }],
    ['a failed run, offline', { problem: problem('retry'), retryAt }, false, { key: 'sync.problem.offline' }],
    ['a failed run with a retry due', { problem: problem('retry'), retryAt }, true, { key: 'sync.problem.retry', params: { time: '14:31' } }],
    ['a failed run, no retry planned', { problem: problem('retry'), retryAt: null }, true, { key: 'sync.problem.retryLater' }],
    ['revoked, even offline', { problem: problem('revoked'), retryAt: null }, false, { key: 'sync.problem.revoked' }],
    ['not connected any more', { problem: problem('unauthenticated'), retryAt: null }, true, { key: 'sync.problem.unauthenticated' }],
    ['an old app', { problem: problem('app-outdated'), retryAt: null }, true, { key: 'sync.problem.app-outdated' }],
    ['an old server', { problem: problem('server-outdated'), retryAt: null }, true, { key: 'sync.problem.server-outdated' }],
    ['refused, in the server’s words', { problem: problem('refused', 'Contact support.'), retryAt: null }, true, { key: 'sync.problem.refused', params: { message: 'Contact support.' } }],
  ])('%s', (_, status, online, expected) => {
    expect(syncProblemMessage(status, online)).toEqual(expected);
  });
});

describe('failureMessage for the tablet’s own problems and newer server codes', () => {
  it.each<[string, FailureLike, string, Record<string, string | number>?]>([
    ['passwords being checked at once', { kind: 'retry', status: 429, code: 'sign_in_busy', message: 'Several…' }, 'apiError.sign_in_busy'],
    ['a tablet that cannot prove it is that tablet', { kind: 'refused', status: 403, code: 'reenrollment_refused', message: '…' }, 'apiError.reenrollment_refused'],
    ['a seq used by another change', { kind: 'seq-conflict', status: 409, code: 'seq_conflict', message: '…' }, 'sync.problem.seq-conflict'],
    ['a gap found here', { message: 'x', local: { reason: 'seqGap', params: { serverSeq: 3, nextSeq: 7 } } }, 'sync.local.seqGap', { serverSeq: 3, nextSeq: 7 }],
  ])('%s', (_, failure, key, params) => {
    expect(failureMessage(failure)).toEqual(params ? { key, params } : { key });
  });

  it('shows a local stop in its own words, before being offline, and an unexpected one as a retry', () => {
    const retryAt = Date.parse('2026-11-27T06:31:10Z');
    const local = (reason: 'seqGap' | 'unexpected', params: Record<string, string | number>) => ({ kind: 'local' as const, reason, params, message: 'm' });
    expect(syncProblemMessage({ problem: local('seqGap', { serverSeq: 1, nextSeq: 3 }), retryAt: null }, false)).toEqual({ key: 'sync.local.seqGap', params: { serverSeq: 1, nextSeq: 3 } });
    expect(syncProblemMessage({ problem: local('unexpected', { reason: 'disk' }), retryAt }, true)).toEqual({ key: 'sync.local.unexpected', params: { reason: 'disk', time: '14:31' } });
    expect(syncProblemMessage({ problem: local('unexpected', { reason: 'disk' }), retryAt: null }, true)).toEqual({ key: 'sync.local.unexpectedLater', params: { reason: 'disk' } });
    expect(syncProblemMessage({ problem: local('unexpected', { reason: 'disk' }), retryAt }, false)).toEqual({ key: 'sync.problem.offline' });
  });
});
