import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Sign-in links and session cookies: `<user id>.<epoch>.<expiry ms>.<HMAC-SHA256>` over the
 * purpose, the user, the epoch and the expiry. The purpose is signed too, so a link's token is
 * not a session cookie and a cookie is not a link. The epoch is the person's current link or
 * session epoch (store.webLogins): moving it on retires every token made before. Rotating the
 * secret retires them all.
 */
export type TokenPurpose = 'signin' | 'session';

export interface TokenClaims {
  userId: number;
  epoch: number;
  expiresAt: Date;
}

/** A sign-in link and the session it starts both last a week. */
export const TOKEN_TTL_MS = 7 * 86_400_000;

const FORMAT = /^(\d{1,16})\.(\d{1,16})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, purpose: TokenPurpose, c: { userId: number; epoch: number; exp: number }): string {
  return createHmac('sha256', secret).update(`po-bot:${purpose}:${c.userId}:${c.epoch}:${c.exp}`).digest('base64url');
}

export function signToken(secret: string, purpose: TokenPurpose, claims: TokenClaims): string {
  const exp = claims.expiresAt.getTime();
  return `${claims.userId}.${claims.epoch}.${exp}.${mac(secret, purpose, { userId: claims.userId, epoch: claims.epoch, exp })}`;
}

/**
 * The claims of a correctly signed token that has not expired at `now`; else undefined. Only
 * the one spelling signToken gives is accepted: the token is signed again from its numbers and
 * compared whole, so `01` for `1`, or a signature's last character with other unused bits, fail.
 */
export function verifyToken(secret: string, purpose: TokenPurpose, token: string | undefined, now: Date): TokenClaims | undefined {
  const m = token ? FORMAT.exec(token) : null;
  if (!m) return undefined;
  const claims = { userId: Number(m[1]), epoch: Number(m[2]), expiresAt: new Date(Number(m[3])) };
  if (!Number.isSafeInteger(claims.userId) || !Number.isSafeInteger(claims.epoch) || !Number.isSafeInteger(claims.expiresAt.getTime())) return undefined;
  const given = Buffer.from(token!);
  const wanted = Buffer.from(signToken(secret, purpose, claims));
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
  if (claims.expiresAt.getTime() <= now.getTime()) return undefined;
  return claims;
}
