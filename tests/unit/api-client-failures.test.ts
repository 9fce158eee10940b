// How the tablet sorts the server's answers (api-client's table): what may pass is retried,
// what a person must fix stops with its own kind, the rest is a refusal; the server's code,
// words and Retry-After are kept. A fake fetch is the edge under test here.
import { describe, expect, it } from 'vitest';
import { ApiFailure, createApiClient, type FailureKind } from '../../src/sync/api-client.ts';

function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetch = async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  return createApiClient({ baseUrl: 'http://tablet.test', fetch, token: () => 'token' });
}

async function failureOf(status: number, body: unknown, headers?: Record<string, string>): Promise<ApiFailure> {
  const error = await clientAnswering(status, body, headers).pull({ cursor: 0, limit: 10, catalogueVersion: 0 }).catch((e: unknown) => e);
  if (!(error instanceof ApiFailure)) throw new Error(`expected an ApiFailure, got ${String(error)}`);
  return error;
}

describe('the failure kind of an answer', () => {
  it.each<[string, number, string, FailureKind]>([
    ['a 500', 500, 'internal', 'retry'],
    ['a 502 from a proxy', 502, 'http_502', 'retry'],
    ['a timeout', 408, 'timeout', 'retry'],
    ['too many requests', 429, 'rate_limited', 'retry'],
    ['a revoked tablet', 401, 'device_revoked', 'revoked'],
    ['a token not valid', 401, 'unauthenticated', 'unauthenticated'],
    ['an old app', 426, 'client_outdated', 'app-outdated'],
    ['an old server', 426, 'server_outdated', 'server-outdated'],
    ['a seq used by another change', 409, 'seq_conflict', 'seq-conflict'],
    ['a bad request', 400, 'invalid_request', 'refused'],
    ['an unknown refusal', 409, 'something_new', 'refused'],
    ['a 404', 404, 'not_found', 'refused'],
  ])('%s is %s', async (_name, status, error, kind) => {
    const failure = await failureOf(status, { error, message: `words for ${error}` });
    expect(failure).toMatchObject({ kind, status, code: error, message: `words for ${error}` });
  });

  it("keeps Retry-After, and the status when the body is not the server's JSON", async () => {
    expect((await failureOf(429, { error: 'rate_limited', message: 'wait' }, { 'retry-after': '7' })).retryAfterMs).toBe(7000);
    expect(await failureOf(503, '<html>Bad gateway</html>')).toMatchObject({ kind: 'retry', code: 'http_503', message: 'The server answered 503.' });
  });

  it('calls an unreachable server a network failure to retry', async () => {
    const api = createApiClient({ baseUrl: 'http://tablet.test', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(api.pull({ cursor: 0, limit: 1, catalogueVersion: 0 })).rejects.toMatchObject({ kind: 'retry', code: 'network', status: 0 });
  });
});
