/**
 * Errors with stable codes. The API copies `code` into GraphQL's `extensions.code`; anything
 * that is not an AppError is masked as INTERNAL_SERVER_ERROR before it reaches a client.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'LOCKED'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra fields a client may rely on (e.g. which argument was bad). */
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND' as const;
}

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string, field: string, details: Record<string, unknown> = {}) {
    super(message, { field, ...details });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN' as const;
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT' as const;
}

export class LockedError extends AppError {
  readonly code = 'LOCKED' as const;
}

/** Too many attempts (e.g. failed logins); `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED' as const;
}
