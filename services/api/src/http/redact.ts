import { FastifyReply, FastifyRequest, LogController } from 'fastify';

/** Query parameters that carry credentials (a download link's token), by name. */
const SECRET_PARAMS = /([?&](?:token|access_token|jwt)=)[^&#]*/gi;

/** The URL as it may be logged: the values of credential parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[REDACTED]');
}

const requestLine = (request: FastifyRequest) => ({ method: request.method, url: redactUrl(request.url) });

/**
 * Fastify's own request log lines (incoming, completed, failed, not found) with the URL
 * redacted, and nothing else of the request: a download link's token never reaches a log, and
 * neither does an Authorization header.
 */
export class RedactingLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.info({ req: requestLine(request) }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: requestLine(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) reply.log.error({ req: requestLine(request), status: reply.statusCode, err: error }, error.message);
    else reply.log.info({ req: requestLine(request), status: reply.statusCode }, error.message);
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ req: requestLine(request) }, 'route not found');
  }
}
