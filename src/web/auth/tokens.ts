import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Sign-in links and session cookies: `<user id>.<expiry ms>.<HMAC-SHA256>` over the purpose, the
 * user and the expiry. The purpose is signed too, so a link's token is not a session cookie
 * and a cookie is not a link. Nothing is stored: rotating the secret signs everyone out.
 */
export type TokenPurpose = 'signin' | 'session';

export interface TokenClaims {
  userId: number;
  expiresAt: Date;
}

/** A sign-in link and the session it starts both last a week. */
export const TOKEN_TTL_MS = 7 * 86_400_000;

const FORMAT = /^([1-9]\d{0,15})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, purpose: TokenPurpose, userId: number, exp: number): Buffer {
  return createHmac('sha256', secret).update(`po-bot:${purpose}:${userId}:${exp}`).digest();
}

export function signToken(secret: string, purpose: TokenPurpose, claims: TokenClaims): string {
  const exp = claims.expiresAt.getTime();
  return `${claims.userId}.${exp}.${mac(secret, purpose, claims.userId, exp).toString('base64url')}`;
}

/** The claims of a well-formed, correctly signed token that has not expired at `now`; else undefined. */
export function verifyToken(secret: string, purpose: TokenPurpose, token: string | undefined, now: Date): TokenClaims | undefined {
  const m = token ? FORMAT.exec(token) : null;
  if (!m) return undefined;
  const userId = Number(m[1]);
  const exp = Number(m[2]);
  // Compared as text: base64url's last character carries two unused bits, and decoding would
  // accept four spellings of one signature.
  const given = Buffer.from(m[3]!);
  const wanted = Buffer.from(mac(secret, purpose, userId, exp).toString('base64url'));
  if (!timingSafeEqual(given, wanted)) return undefined;
  if (exp <= now.getTime()) return undefined;
  return { userId, expiresAt: new Date(exp) };
}

/** A fresh random secret for the store (256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
