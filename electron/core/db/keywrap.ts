/**
 * Key wrapping. The data key (32 random bytes) that opens the encrypted database is never stored
 * as is: each staff account and the recovery code hold a copy sealed with AES-256-GCM under a key
 * derived from their secret with scrypt (OWASP parameters: N=2^17, r=8, p=1).
 */
import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  randomInt,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

export const DATA_KEY_BYTES = 32;

export interface KdfParams {
  algorithm: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

export interface WrappedKey {
  kdf: KdfParams;
  cipher: 'aes-256-gcm';
  /** base64 */
  iv: string;
  /** base64 */
  ciphertext: string;
  /** base64 */
  tag: string;
}

/** OWASP Password Storage Cheat Sheet minimum for scrypt. */
export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function deriveKey(secret: string, params: KdfParams): Promise<Buffer> {
  const maxmem = 256 * params.N * params.r + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFKC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function wrapKey(
  dataKey: Buffer,
  secret: string,
  cost: { N: number; r: number; p: number } = OWASP_SCRYPT,
): Promise<WrappedKey> {
  const kdf: KdfParams = { algorithm: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKey(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return {
    kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or null when the secret is wrong (the GCM tag does not verify). */
export async function unwrapKey(wrapped: WrappedKey, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, wrapped.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/**
 * Burns the same time as a real unwrap. Used when the account does not exist, so that timing does
 * not tell an attacker which user names are real.
 */
export async function unwrapDecoy(
  secret: string,
  cost: { N: number; r: number; p: number } = OWASP_SCRYPT,
): Promise<null> {
  await deriveKey(secret, { algorithm: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') });
  return null;
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A recovery code: 8 groups of 4 characters from an unambiguous alphabet (~158 bits). */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 32 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  const groups: string[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(chars.slice(i, i + 4).join(''));
  return groups.join('-');
}

/** People type recovery codes by hand: ignore case, spaces and dashes. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
