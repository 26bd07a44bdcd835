import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { isUuid, UnauthenticatedError } from '@ggw/domain';

const ISSUER = 'ggw-platform';
const AUDIENCE = 'ggw-api';
/** Download links carry a token of their own audience: it opens one file, never the API. */
const DOWNLOAD_AUDIENCE = 'ggw-download';
/** Activation and password-reset links: they set a password once, and open nothing else. */
const PASSWORD_LINK_AUDIENCE = 'ggw-password-link';
const PASSWORD_LINK_SECONDS = 72 * 3600;
const ALGORITHM = 'HS256';
/** Bearer tokens remembered as verified (see `TokenService.verify`): at most this many at once. */
const VERIFIED_TOKENS = 10_000;

/**
 * Who a token speaks for: the user, and the token version they had when it was issued (a
 * password change, a disabling or a revoked role raises the user's version in the database,
 * and the request's scope statement refuses a token of an older one).
 */
export interface Principal {
  userId: string;
  tokenVersion: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Signs and verifies the API's bearer tokens (JWT, HS256). Verification pins the algorithm,
 * issuer and audience, so `alg: none`, another algorithm, a foreign token or an expired one all
 * fail the same way: UNAUTHENTICATED, with nothing said about why.
 */
export class TokenService {
  /**
   * The secret as a key imported once: handed to jose as bytes it was imported again on every
   * verification (about 35% of a verification's time; `pnpm bench:token` compares the two).
   */
  private readonly key: Promise<webcrypto.CryptoKey>;
  /**
   * Bearer tokens this process has verified, with their principal and expiry (seconds). A client
   * sends the same token with every request; checking its HMAC again each time was the largest
   * single item of a small query's CPU (webcrypto's HMAC runs as a job on the thread pool). The
   * key is the whole token, signature included, so only the exact bytes that were verified
   * match; the expiry is checked on every use; revocation never depended on this check (the
   * token version is compared in the database with every request). Oldest first out when full.
   */
  private readonly verified = new Map<string, { principal: Principal; exp: number }>();

  constructor(secret: string, private readonly ttlSeconds = 8 * 3600, private readonly now: () => Date = () => new Date()) {
    if (Buffer.byteLength(secret, 'utf8') < 32) throw new Error('the token secret must be at least 32 bytes');
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issue(principal: Principal): Promise<IssuedToken> {
    return this.sign(principal, AUDIENCE, this.ttlSeconds, {});
  }

  /** The principal of a valid token; anything else is UnauthenticatedError. */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    // jose's rule: expired once the clock reaches exp; an expired token is verified again (and refused)
    if (known && known.exp > Math.floor(this.now().getTime() / 1000)) return { ...known.principal };
    try {
      const payload = await this.check(token, AUDIENCE);
      const principal = principalOf(payload);
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { principal: { ...principal }, exp: payload.exp as number });
      return principal;
    } catch {
      this.verified.delete(token);
      throw new UnauthenticatedError('登录已失效或令牌无效,请重新登录');
    }
  }

  /** A short-lived token for downloading one export's file as `userId` (a link a browser can open). */
  async issueDownload(principal: Principal, exportId: string, ttlSeconds = 300): Promise<IssuedToken> {
    return this.sign(principal, DOWNLOAD_AUDIENCE, ttlSeconds, { exp_id: exportId });
  }

  /** The principal of a valid download token for `exportId`; anything else is UnauthenticatedError. */
  async verifyDownload(token: string, exportId: string): Promise<Principal> {
    try {
      const payload = await this.check(token, DOWNLOAD_AUDIENCE);
      if (payload.exp_id !== exportId) throw new errors.JWTInvalid('another export');
      return principalOf(payload);
    } catch {
      throw new UnauthenticatedError('下载链接无效或已过期,请重新获取');
    }
  }

  /**
   * A link that sets `principal`'s password once (activation of a new account, or a reset),
   * valid 72 hours. It names the token version it was made at: setting the password raises the
   * version, so the link (and any older one) stops working.
   */
  async issuePasswordLink(principal: Principal, username: string): Promise<IssuedToken> {
    return this.sign(principal, PASSWORD_LINK_AUDIENCE, PASSWORD_LINK_SECONDS, { usr: username });
  }

  /** The principal (and username) a password link was made for; anything else is UnauthenticatedError. */
  async verifyPasswordLink(token: string): Promise<Principal & { username: string }> {
    try {
      const payload = await this.check(token, PASSWORD_LINK_AUDIENCE);
      if (typeof payload.usr !== 'string') throw new errors.JWTInvalid('no username');
      return { ...principalOf(payload), username: payload.usr };
    } catch {
      throw new UnauthenticatedError('激活或重置链接无效或已过期,请联系管理员重新获取');
    }
  }

  private async sign(principal: Principal, audience: string, ttlSeconds: number, claims: Record<string, string>): Promise<IssuedToken> {
    const subject = principal.userId;
    if (!Number.isSafeInteger(principal.tokenVersion) || principal.tokenVersion < 1) throw new Error('a token needs the user\'s token version');
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
    const token = await new SignJWT({ ...claims, ver: principal.tokenVersion })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.key);
    return { token, expiresAt };
  }

  /** The payload of a token of `audience` with algorithm, issuer, expiry and a user id as subject checked; throws otherwise. */
  private async check(token: string, audience: string): Promise<{ sub: string; [claim: string]: unknown }> {
    const { payload } = await jwtVerify(token, await this.key, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience,
      currentDate: this.now(),
      requiredClaims: ['sub', 'exp', 'iat', 'ver'],
    });
    if (typeof payload.sub !== 'string' || !isUuid(payload.sub)) throw new errors.JWTInvalid('bad subject');
    return payload as { sub: string };
  }
}

function principalOf(payload: { sub: string; [claim: string]: unknown }): Principal {
  const version = payload.ver;
  // a PostgreSQL int: anything larger is no version of ours
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > 2_147_483_647) throw new errors.JWTInvalid('bad version');
  return { userId: payload.sub, tokenVersion: version };
}
