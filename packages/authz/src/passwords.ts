import argon2 from 'argon2';

/** Hashes a password with argon2id (memory-hard; parameters are in the hash). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A valid argon2id hash of a random password nobody knows: verified when the user does not exist. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$dc+IzzzfQqoLw6/F0gabJA$qh2AC2TjA+df3N7OUOO2a0nI3AKpBvy150R+YaiVjsQ';

/**
 * Checks a login. When the user does not exist (`hash` null) the same argon2 work is done on
 * a dummy hash, so the answer's timing does not tell whether a username exists.
 */
export async function verifyLogin(hash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await argon2.verify(hash ?? DUMMY_HASH, password);
    return ok && hash !== null;
  } catch {
    return false;
  }
}
