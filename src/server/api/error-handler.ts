// Every error leaves the server as `{ error, message }` with a 4xx a person can act on;
// only a real fault in the server is a 5xx. Validation errors name the field and the rule
// that failed, so a developer or an administrator with curl sees what to fix. That includes
// what Fastify and Node refuse before any route runs: a URL that does not decode, broken HTTP.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { API_ERRORS, type ApiError } from '../../shared/protocol.ts';
import { RecordsUnavailable } from '../storage/storage.ts';
import { HttpError } from './http-error.ts';

const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too_large', 'The request body is larger than this route accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body with a content type this route accepts (application/json for the API).'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_request', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_request', 'The request body is not valid JSON, or it uses a key the server refuses (__proto__, constructor.prototype).'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request', 'The content-length header does not match the body.'],
};

const RECORDS_UNAVAILABLE_MESSAGE =
  'The server cannot reach its records right now. Nothing is lost: the tablet keeps its changes and tries again in a moment.';
const RECORDS_RETRY_AFTER_S = 5;

const INTERNAL_MESSAGE = 'Something went wrong on the server. Nothing was lost: the tablet keeps its data and will try again.';

/** What a person calls each part of a request that is validated. */
const PART_NAMES: Record<string, string> = { body: 'request body', querystring: 'query string', params: 'URL path', headers: 'request headers' };

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send(body(error.code, error.message));
    }
    // The database is down, restarting or slow past its time limit: not a bug, and nothing
    // was stored by this request. A warning for the operator, 503 for the tablet.
    if (error instanceof RecordsUnavailable) {
      request.log.warn({ reason: error.reason }, 'records unavailable');
      return reply.code(503).header('retry-after', String(RECORDS_RETRY_AFTER_S)).send(body(API_ERRORS.recordsUnavailable, RECORDS_UNAVAILABLE_MESSAGE));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = PART_NAMES[error.validationContext ?? ''] ?? 'request';
      const problems = error.validation.slice(0, 5).map((issue) => {
        // "/mutations/0/seq" → "mutations.0.seq"; an issue with the whole part has no path.
        const where = issue.instancePath.split('/').filter(Boolean).join('.');
        return where ? `${where}: ${issue.message}` : issue.message;
      });
      return reply.code(400).send(body('invalid_request', `The ${part} is not valid: ${problems.join('; ')}`));
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return reply.code(known[0]).send(body(known[1], known[2]));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(body('invalid_request', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send(body('internal', INTERNAL_MESSAGE));
  });
}

/** Fastify's `frameworkErrors`: what its router refuses before a route is chosen. */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.code(414).send(body('uri_too_long', 'A part of the URL path is longer than any id or hash the API uses. Check the address.'));
  } else if (error.code === 'FST_ERR_BAD_URL') {
    reply.code(400).send(body('invalid_request', 'The URL cannot be decoded: every "%" in it must be followed by two hexadecimal digits.'));
  } else {
    request.log.error({ err: error }, 'request failed');
    reply.code(500).send(body('internal', INTERNAL_MESSAGE));
  }
}

/**
 * Node's `clientError`: a request so broken that no route sees it (a NUL byte in the path,
 * oversized headers, bad body framing). Answered in the API's shape, then the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, answer] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', body('headers_too_large', 'The request headers are larger than the server accepts. Send fewer or shorter headers.')]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', body('timeout', 'The request took too long to arrive. Try again on a steadier connection.')]
        : [400, 'Bad Request', body('invalid_request', 'The request is not well-formed HTTP (its request line, a header or the body framing is broken). Nothing was done.')];
  const text = JSON.stringify(answer);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
  }
  socket.destroy(error);
}

function body(error: string, message: string): ApiError {
  return { error, message };
}
