// The tablet's side of the HTTP API: one function per route, each response checked against
// the shared schema. Failures are sorted into what the sync engine must do about them:
// try again later (network down, a 5xx, a timeout), stop and tell the advisor (not enrolled,
// revoked, app or server outdated), or give up on this request (any other 4xx).
import type { z } from 'zod';
import { errorText } from '../shared/error-text.ts';
import { jobSchema, type Job } from '../shared/job.ts';
import type { Mutation } from '../shared/mutation.ts';
import {
  API_ERRORS,
  enrollResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
  type EnrollRequest,
  type EnrollResponse,
  type PullQuery,
  type PullResponse,
  type PushResponse,
  type SignInRequest,
  type SignInResponse,
  type VisitsQuery,
  visitsResponseSchema,
} from '../shared/protocol.ts';
import { storeProfileResponseSchema, type StoreProfileResponse } from '../shared/store-profile.ts';

/** What the engine does about a failure: retry later, or stop until a person acts. */
export type FailureKind = 'retry' | 'unauthenticated' | 'revoked' | 'app-outdated' | 'server-outdated' | 'seq-conflict' | 'refused';

export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    readonly code: string,
    message: string,
    /** From a Retry-After header, if the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export type ApiClient = ReturnType<typeof createApiClient>;

export type ApiClientOptions = {
  /** '' for the server the app was loaded from; an absolute URL in tests. */
  baseUrl?: string;
  /** The device token, read before each request (it may have to be loaded first). */
  token?: () => string | undefined | Promise<string | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request(method: string, path: string, init: { body?: BodyInit; type?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    const token = await options.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.type) headers['content-type'] = init.type;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { method, headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new ApiFailure('retry', 0, 'network', `The server could not be reached (${errorText(error)}).`);
    }
    if (response.ok || (method === 'HEAD' && response.status === 404)) return response;
    throw await failureOf(response);
  }

  async function json<S extends z.ZodType>(schema: S, response: Response): Promise<z.infer<S>> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // A cut-off or garbled body: the request may or may not have taken effect; every
      // request here is safe to repeat, so try again.
      throw new ApiFailure('retry', response.status, 'bad_response', 'The server sent an incomplete answer.');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiFailure('retry', response.status, 'bad_response', 'The server sent an answer this app does not understand.');
    return parsed.data;
  }

  const sendJson = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json' });

  return {
    async enroll(body: EnrollRequest): Promise<EnrollResponse> {
      return json(enrollResponseSchema, await request('POST', '/api/v1/auth/enroll', sendJson(body)));
    },
    async signIn(body: SignInRequest): Promise<SignInResponse> {
      return json(signInResponseSchema, await request('POST', '/api/v1/auth/sign-in', sendJson(body)));
    },
    /** True when the server has this blob for this store. */
    async hasBlob(sha256: string): Promise<boolean> {
      return (await request('HEAD', `/api/v1/blobs/${sha256}`)).status === 200;
    },
    async putBlob(sha256: string, bytes: ArrayBuffer, mime: string): Promise<void> {
      const response = await request('PUT', `/api/v1/blobs/${sha256}`, { body: bytes, type: mime });
      await response.body?.cancel();
    },
    async getBlob(sha256: string): Promise<ArrayBuffer> {
      const response = await request('GET', `/api/v1/blobs/${sha256}`);
      try {
        return await response.arrayBuffer();
      } catch {
        throw new ApiFailure('retry', response.status, 'bad_response', 'The download was cut off.');
      }
    },
    async push(mutations: Mutation[]): Promise<PushResponse> {
      return json(pushResponseSchema, await request('POST', '/api/v1/push', sendJson({ mutations })));
    },
    async pull(query: PullQuery): Promise<PullResponse> {
      const params = new URLSearchParams({ cursor: String(query.cursor), limit: String(query.limit), catalogueVersion: String(query.catalogueVersion) });
      return json(pullResponseSchema, await request('GET', `/api/v1/pull?${params}`));
    },
    /** The server's copy of a job, or undefined if it has none for this store. */
    async job(id: string): Promise<Job | undefined> {
      try {
        return await json(jobSchema, await request('GET', `/api/v1/jobs/${id}`));
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 404) return undefined;
        throw error;
      }
    },
    async visits(key: VisitsQuery): Promise<Job[]> {
      const params = new URLSearchParams(Object.entries(key).filter((entry): entry is [string, string] => Boolean(entry[1])));
      const response = await request('GET', `/api/v1/vehicles/visits?${params}`);
      return (await json(visitsResponseSchema, response)).jobs;
    },
    async storeProfile(): Promise<StoreProfileResponse> {
      return json(storeProfileResponseSchema, await request('GET', '/api/v1/store/profile'));
    },
  };
}

async function failureOf(response: Response): Promise<ApiFailure> {
  let code = `http_${response.status}`;
  let message = `The server answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not our JSON (a proxy's error page): keep the status.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  return new ApiFailure(kindOf(response.status, code), response.status, code, message, retryAfterMs);
}

/** Error codes a person must act on, and what the engine calls each. */
const STOP_BY_CODE: Partial<Record<string, FailureKind>> = {
  [API_ERRORS.deviceRevoked]: 'revoked',
  [API_ERRORS.clientOutdated]: 'app-outdated',
  [API_ERRORS.serverOutdated]: 'server-outdated',
  [API_ERRORS.seqConflict]: 'seq-conflict',
};

/**
 * What the engine does about an answer: a 5xx, a timeout (408) or "too many" (429) may pass,
 * so retry; a known code stops with its own kind (revoked before the 401 it comes with); any
 * other 401 means the token is not valid; the rest is a refusal of this request.
 */
function kindOf(status: number, code: string): FailureKind {
  if (status >= 500 || status === 408 || status === 429) return 'retry';
  return STOP_BY_CODE[code] ?? (status === 401 ? 'unauthenticated' : 'refused');
}
