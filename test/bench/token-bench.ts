import { webcrypto } from 'node:crypto';
import { jwtVerify } from 'jose';
import { TokenService } from '@ggw/authz';

/**
 * `pnpm bench:token`: the cost of checking a bearer token, as the API does it (TokenService: a
 * token it verified before is remembered until it expires), a first verification (jose with the
 * secret imported once as a key), and as it was done at first (the secret handed to jose as
 * bytes, imported again on every verification), interleaved in rounds on one process so the
 * machine's noise cancels out. Prints microseconds per verification.
 */
const SECRET = 'a-secret-of-the-token-bench-0123456789';
const N = Number(process.env.BENCH_TOKENS ?? 20_000);

async function main(): Promise<void> {
  const tokens = new TokenService(SECRET);
  const { token } = await tokens.issue({ userId: '00000000-0000-4000-8000-000000000001', tokenVersion: 1 });
  const bytes = new TextEncoder().encode(SECRET);
  const perVerify = async (verify: () => Promise<unknown>) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < N; i++) await verify();
    return Number(process.hrtime.bigint() - started) / 1000 / N;
  };
  const key = await webcrypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const options = { algorithms: ['HS256'], issuer: 'ggw-platform', audience: 'ggw-api' };
  for (let round = 1; round <= 3; round++) {
    const service = await perVerify(() => tokens.verify(token));
    const asKey = await perVerify(() => jwtVerify(token, key, options));
    const asBytes = await perVerify(() => jwtVerify(token, bytes, options));
    console.log(`round ${round}: TokenService.verify (remembered) ${service.toFixed(1)} µs | jose, key imported once ${asKey.toFixed(1)} µs | ` +
      `jose, secret as bytes ${asBytes.toFixed(1)} µs | ${N} verifications each`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
