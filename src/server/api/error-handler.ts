// Every error leaves the server as `{ error, message }` with a 4xx a person can act on;
// only a real fault in the server is a 5xx. Validation errors name the field and the rule
// that failed, so a developer or an administrator with curl sees what to fix.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../../shared/protocol.ts';
import { HttpError } from './http-error.ts';

const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too_large', 'The request body is larger than this route accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body with a content type this route accepts (application/json for the API).'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_request', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_request', 'The request body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request', 'The content-length header does not match the body.'],
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send(body(error.code, error.message));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.slice(0, 5).map((issue) => {
        const where = issue.instancePath ? issue.instancePath.replaceAll('/', '.').slice(1) : error.validationContext;
        return `${where || 'body'}: ${issue.message}`;
      });
      return reply.code(400).send(body('invalid_request', `The ${error.validationContext ?? 'request'} is not valid: ${problems.join('; ')}`));
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return reply.code(known[0]).send(body(known[1], known[2]));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(body('invalid_request', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send(body('internal', 'Something went wrong on the server. Nothing was lost: the tablet keeps its data and will try again.'));
  });
}

function body(error: string, message: string): ApiError {
  return { error, message };
}
