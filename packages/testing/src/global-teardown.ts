import type { EmbeddedDatabase } from '@ggw/db';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __GGW_PG__?: EmbeddedDatabase }).__GGW_PG__;
  await embedded?.stop();
}
