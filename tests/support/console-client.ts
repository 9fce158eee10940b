// A signed-in store console over real HTTP, for the console's integration tests: signs in
// with a store code, username and password as the console page does, then sends requests
// with the session cookie and, on changes, the CSRF token.
import { CSRF_HEADER } from '../../src/shared/console/session-api.ts';

export type ConsoleCredentials = { store: string; username: string; password: string };

export type ConsoleReply = { status: number; headers: Headers; text: string; json: unknown };

export type ConsoleClient = {
  cookie: string;
  csrfToken: string;
  /** A request as the console page sends it (cookie always; CSRF header unless told not to). */
  request(method: string, path: string, body?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }): Promise<ConsoleReply>;
};

export async function consoleRequest(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ConsoleReply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (a CSV, say): the text is the answer.
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Signs in; throws with the server's answer if the sign-in is refused. */
export async function signInConsole(baseUrl: string, credentials: ConsoleCredentials): Promise<ConsoleClient> {
  const reply = await consoleRequest(baseUrl, 'POST', '/api/v1/console/sign-in', credentials);
  if (reply.status !== 200) throw new Error(`console sign-in refused: ${reply.status} ${reply.text}`);
  const setCookie = reply.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';', 1)[0] ?? '';
  const { csrfToken } = reply.json as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    request: (method, path, body, options = {}) =>
      consoleRequest(baseUrl, method, path, body, {
        cookie,
        ...(options.csrf === false || method === 'GET' || method === 'HEAD' ? {} : { [CSRF_HEADER]: csrfToken }),
        ...options.headers,
      }),
  };
}
