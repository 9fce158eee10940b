// One way for a route to refuse a request: throw HttpError with a stable code for programs
// and a message for the person reading it. The error handler (error-handler.ts) turns it
// into the `{ error, message }` body every 4xx and 5xx has.
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found.`);
