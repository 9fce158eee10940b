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
  // The answers sorted into each kind, as [name, status, the server's code]: a Record, so a new
  // kind without its answers here fails the type check.
  const answersOfKind: Record<FailureKind, [string, number, string][]> = {
    retry: [['a 500', 500, 'internal'], ['a 502 from a proxy', 502, 'http_502'], ['a timeout', 408, 'timeout'], ['too many requests', 429, 'rate_limited']],
    revoked: [['a revoked tablet', 401, 'device_revoked']],
    unauthenticated: [['a token not valid', 401, 'unauthenticated']],
    'app-outdated': [['an old app', 426, 'client_outdated']],
    'server-outdated': [['an old server', 426, 'server_outdated']],
    'seq-conflict': [['a seq used by another change', 409, 'seq_conflict']],
    refused: [['a bad request', 400, 'invalid_request'], ['an unknown refusal', 409, 'something_new'], ['a 404', 404, 'not_found']],
  };
  const cases = (Object.entries(answersOfKind) as [FailureKind, [string, number, string][]][]).flatMap(([kind, answers]) =>
    answers.map(([name, status, error]) => [name, status, error, kind] as const),
  );

  it.each(cases)('%s is %s', async (_name, status, error, kind) => {
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
