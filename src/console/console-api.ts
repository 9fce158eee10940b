// The console's one way to the server: JSON in and out, the session cookie sent by the browser,
// the CSRF token in a header on every change, and an error a person can act on when it fails
// (the server's own message, or what to check when the server cannot be reached).
import type { z } from 'zod';
import { CSRF_HEADER } from '../shared/console/session-api.ts';

let csrfToken = '';

/** Remembers the session's CSRF token (from sign-in or GET /session) for the changes that follow. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }
}

/** What the console does when the server says the sign-in has ended: show the sign-in form. */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export type ApiOptions<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a Blob (a file the user chose, an image upload) is sent as its bytes with its own type. */
  body?: unknown;
  /** Checks the answer's shape; without it the answer is trusted as T. */
  schema?: z.ZodType<T>;
};

export async function consoleApi<T>(path: string, options: ApiOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = csrfToken;
  const file = options.body instanceof Blob ? options.body : undefined;
  if (options.body !== undefined) headers['content-type'] = file ? file.type : 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ConsoleApiError(0, 'offline', '连不上服务器：请检查网络后重试。 The server cannot be reached: check the network and try again.');
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { error, message } = (answer ?? {}) as { error?: string; message?: string };
    if (response.status === 401 && error === 'console_signed_out') onSignedOut();
    throw new ConsoleApiError(response.status, error ?? 'http_error', message ?? `服务器出错（${response.status}），请稍后再试。 The server answered ${response.status}; try again in a moment.`);
  }
  return options.schema ? options.schema.parse(answer) : (answer as T);
}

/** A file the server makes (CSV, JSON export): fetched with the session, saved under its name. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const { message } = ((await response.json().catch(() => null)) ?? {}) as { message?: string };
    throw new ConsoleApiError(response.status, 'download_failed', message ?? `下载失败（${response.status}）。 The download failed (${response.status}).`);
  }
  saveBlob(await response.blob(), fileName);
}

/** Hands a made file to the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
