import { errors, jwtVerify, SignJWT } from 'jose';
import { isUuid, UnauthenticatedError } from '@ggw/domain';

const ISSUER = 'ggw-platform';
const AUDIENCE = 'ggw-api';
/** Download links carry a token of their own audience: it opens one file, never the API. */
const DOWNLOAD_AUDIENCE = 'ggw-download';
const ALGORITHM = 'HS256';

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
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly ttlSeconds = 8 * 3600, private readonly now: () => Date = () => new Date()) {
    if (Buffer.byteLength(secret, 'utf8') < 32) throw new Error('the token secret must be at least 32 bytes');
    this.key = new TextEncoder().encode(secret);
  }

  async issue(userId: string): Promise<IssuedToken> {
    return this.sign(userId, AUDIENCE, this.ttlSeconds, {});
  }

  /** The user id of a valid token; anything else is UnauthenticatedError. */
  async verify(token: string): Promise<string> {
    try {
      return (await this.check(token, AUDIENCE)).sub;
    } catch {
      throw new UnauthenticatedError('登录已失效或令牌无效,请重新登录');
    }
  }

  /** A short-lived token for downloading one export's file as `userId` (a link a browser can open). */
  async issueDownload(userId: string, exportId: string, ttlSeconds = 300): Promise<IssuedToken> {
    return this.sign(userId, DOWNLOAD_AUDIENCE, ttlSeconds, { exp_id: exportId });
  }

  /** The user of a valid download token for `exportId`; anything else is UnauthenticatedError. */
  async verifyDownload(token: string, exportId: string): Promise<string> {
    try {
      const payload = await this.check(token, DOWNLOAD_AUDIENCE);
      if (payload.exp_id !== exportId) throw new errors.JWTInvalid('another export');
      return payload.sub;
    } catch {
      throw new UnauthenticatedError('下载链接无效或已过期,请重新获取');
    }
  }

  private async sign(subject: string, audience: string, ttlSeconds: number, claims: Record<string, string>): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The payload of a token of `audience` with algorithm, issuer, expiry and a user id as subject checked; throws otherwise. */
  private async check(token: string, audience: string): Promise<{ sub: string; [claim: string]: unknown }> {
    const { payload } = await jwtVerify(token, this.key, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience,
      currentDate: this.now(),
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (typeof payload.sub !== 'string' || !isUuid(payload.sub)) throw new errors.JWTInvalid('bad subject');
    return payload as { sub: string };
  }
}
