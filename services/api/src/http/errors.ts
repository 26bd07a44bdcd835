import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '@ggw/domain';

/** Codes graphql-js or Apollo give a malformed request; safe to pass through. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_MESSAGE = '服务器内部错误,请稍后重试;如持续出现,请把响应头 x-request-id 的值告诉管理员';

/**
 * `app`: one of our AppErrors (stable code, message meant for the client); `request`: the
 * request itself is malformed (parse, validation, variable types); `internal`: anything else,
 * a bug or an outage, which the client only ever sees as INTERNAL_SERVER_ERROR.
 */
export function classifyError(error: unknown): 'app' | 'request' | 'internal' {
  const original = unwrapResolverError(error);
  if (appErrorOf(original)) return 'app';
  if (original instanceof GraphQLError && REQUEST_CODES.has(String(original.extensions.code))) return 'request';
  return 'internal';
}

/**
 * The AppError behind an error: thrown by a resolver (unwrapped by Apollo's helper, which needs
 * a path) or by a plugin before execution (wrapped by Apollo as a GraphQLError without one).
 */
function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof AppError) return error.originalError;
  return null;
}

/** Shapes every error a client sees; see `classifyError`. No stack, SQL or internal message leaves. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  switch (classifyError(error)) {
    case 'app': {
      const original = appErrorOf(unwrapResolverError(error))!;
      return { ...base, message: original.message, extensions: { ...original.details, code: original.code } };
    }
    case 'request':
      return { ...base, message: formatted.message, extensions: { code: formatted.extensions?.code } };
    case 'internal':
      return { path: formatted.path, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}

/** The code a client sees for an error (`formatError`'s): the outcome label of the request metrics. */
export function errorCodeOf(error: unknown): string {
  switch (classifyError(error)) {
    case 'app':
      return appErrorOf(unwrapResolverError(error))!.code;
    case 'request':
      return String((error as GraphQLError).extensions?.code ?? 'BAD_REQUEST');
    case 'internal':
      return 'INTERNAL_SERVER_ERROR';
  }
}
