import { UnauthenticatedError } from '@ggw/domain';
import { TokenService } from './tokens';

const SECRET = 'a-secret-of-the-tokens-spec-0123456789';
const principal = { userId: '00000000-0000-4000-8000-000000000001', tokenVersion: 3 };

/** The verified-token memory must answer exactly as a fresh verification would. */
describe('TokenService.verify remembers verified tokens', () => {
  it('refuses a remembered token once its expiry passes', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const tokens = new TokenService(SECRET, 60, () => now);
    const { token } = await tokens.issue(principal);
    expect(await tokens.verify(token)).toEqual(principal);
    now = new Date('2026-01-01T00:00:59Z');
    expect(await tokens.verify(token)).toEqual(principal);
    now = new Date('2026-01-01T00:01:00Z');
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
    // and stays refused
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('matches only the exact bytes verified: every altered signature, payload or header is refused', async () => {
    const tokens = new TokenService(SECRET);
    const { token } = await tokens.issue(principal);
    await tokens.verify(token);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const altered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      // base64url's last character can carry unused bits: a change there may decode to the same bytes
      const verified = await tokens.verify(altered).then(() => true, () => false);
      if (verified) expect(Buffer.from(altered.split('.')[2], 'base64url')).toEqual(Buffer.from(token.split('.')[2], 'base64url'));
    }
  });

  it('does not share what one service verified with another secret', async () => {
    const { token } = await new TokenService(SECRET).issue(principal);
    const other = new TokenService(`${SECRET}-other`);
    await expect(other.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('hands out a copy: a caller changing its principal changes nothing remembered', async () => {
    const tokens = new TokenService(SECRET);
    const { token } = await tokens.issue(principal);
    const first = await tokens.verify(token);
    first.userId = 'someone else';
    expect(await tokens.verify(token)).toEqual(principal);
  });

  it('keeps a bounded number of tokens and still verifies the ones it forgot', async () => {
    const tokens = new TokenService(SECRET);
    const issued = [];
    for (let i = 0; i < 10_050; i++) issued.push((await tokens.issue({ ...principal, tokenVersion: i + 1 })).token);
    for (const t of issued) await tokens.verify(t);
    expect((tokens as unknown as { verified: Map<string, unknown> }).verified.size).toBe(10_000);
    expect(await tokens.verify(issued[0])).toEqual({ ...principal, tokenVersion: 1 });
  });
});
