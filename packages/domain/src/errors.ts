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
  | 'RULE_VIOLATED'
  | 'INVALID_STATE'
  | 'REPORT_LOCKED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'COST_LIMIT_EXCEEDED'
  | 'RESPONSE_TOO_LARGE'
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

/** One field of an input and what is wrong with it, in Chinese. */
export interface FieldError {
  field: string;
  message: string;
}

/** Several fields of one input are wrong: every one is reported at once (`extensions.fieldErrors`). */
export class FieldErrors extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly fieldErrors: FieldError[]) {
    super(`有 ${fieldErrors.length} 处填写有误:${fieldErrors.map((e) => `${e.field}:${e.message}`).join(';')}`, { fieldErrors });
  }
}

/** A write would break a hard rule of the rule catalogue (`extensions.rule` names it); nothing was written. */
export class RuleViolatedError extends AppError {
  readonly code = 'RULE_VIOLATED' as const;
}

/** A transition the current state does not allow (`extensions.status`, and `extensions.allowed`: what may be done now). */
export class InvalidStateError extends AppError {
  readonly code = 'INVALID_STATE' as const;
}

/** The records of a period whose report is submitted or approved are read-only (`extensions.period`, `extensions.status`). */
export class ReportLockedError extends AppError {
  readonly code = 'REPORT_LOCKED' as const;
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

/** Too many attempts (e.g. failed logins); `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED' as const;
}

/**
 * No database connection could be had in time (every pooled connection busy past the acquire
 * timeout, or the database unreachable): nothing was done; try again after `retryAfterSeconds`.
 */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(readonly retryAfterSeconds = 1, message = `服务器繁忙或数据库暂时无法连接,请 ${retryAfterSeconds} 秒后重试;本次请求未做任何修改`) {
    super(message, { retryAfterSeconds });
  }
}

/**
 * The database takes no writes for now: made read-only (maintenance, a standby promoted late)
 * or out of disk. Reads go on; a write is refused whole, with this.
 */
export function writesRefusedError(): ServiceUnavailableError {
  return new ServiceUnavailableError(60, '数据库暂时只能查询、不能保存(维护中或存储空间不足):本次修改未保存,查询不受影响;请稍后再试');
}

/** A statement refused because the database takes no writes (read-only transaction or database, disk full). */
export function writesRefused(error: unknown): boolean {
  const code = sqlStateOf(error) ?? (error as { code?: string } | null)?.code;
  return code === '25006' || code === '53100';
}

/**
 * A connection that could not be had: pg-pool's acquire timeout (every connection busy), or the
 * database refusing or not answering (down, restarting, starting up, shutting down).
 */
export function isUnavailable(error: unknown): boolean {
  const e = error as { message?: string; code?: string } | null;
  if (!e) return false;
  if (/timeout exceeded when trying to connect|Connection terminated/.test(e.message ?? '')) return true;
  return ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(e.code ?? '') || (e.code ?? '').startsWith('08');
}

/** The request ran past its time budget; the database cancelled what was running. */
export class TimeoutError extends AppError {
  readonly code = 'TIMEOUT' as const;
}

/** The query would cost more than a request may (`extensions.cost` and `extensions.maxCost` say by how much). */
export class CostLimitError extends AppError {
  readonly code = 'COST_LIMIT_EXCEEDED' as const;
}

/** The answer is larger than a response may be (`extensions.maxBytes`). */
export class ResponseTooLargeError extends AppError {
  readonly code = 'RESPONSE_TOO_LARGE' as const;
}

/** The SQLSTATE of a failed statement (TypeORM keeps the driver's error), if it is one. */
export function sqlStateOf(error: unknown): string | undefined {
  return (error as { driverError?: { code?: string } } | null)?.driverError?.code;
}
