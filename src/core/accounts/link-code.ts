import { createHash, randomInt } from 'node:crypto';

/** How long a `/link` code may be used. */
export const LINK_CODE_MS = 10 * 60_000;

// No 0/O, 1/I/L: a code read on one screen is typed on another.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A fresh code as shown: `ABCD-EFGH` (31^8 ≈ 8.5 × 10^11 codes, valid minutes, once). */
export function newLinkCode(): string {
  let s = '';
  for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * The code as typed, folded (full width from an IME, lower case, spaces and dashes), or
 * undefined when it cannot be a code at all.
 */
export function normalizeLinkCode(typed: string): string | undefined {
  const s = typed.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—ー－]/g, '');
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(s) ? s : undefined;
}

/** Only this is stored: reading the database does not give anyone a usable code. */
export function hashLinkCode(normalized: string): string {
  return createHash('sha256').update(`po-bot link code ${normalized}`).digest('hex');
}
