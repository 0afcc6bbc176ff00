import type { Store } from '../../core/records';
import { signToken, TOKEN_TTL_MS, verifyToken, type TokenClaims } from './tokens';

export interface WebAccessOptions {
  /** The signing secret: WEB_SECRET or the data directory's file (loadWebSecret), read at start-up. */
  secret: string;
  /** Where people reach the pages; undefined while they are not served. */
  baseUrl: () => string | undefined;
}

/**
 * Who may see the internal pages: personal sign-in links handed out by /web in chat, and the
 * session cookie a link starts. A link works once (using it moves the person's link epoch on);
 * signing out ends every session of that person (the session epoch moves on). Loads no web
 * framework (the /web command lives in every bot).
 */
export class WebAccess {
  constructor(
    private readonly store: Store,
    private readonly opts: WebAccessOptions,
  ) {}

  baseUrl(): string | undefined {
    return this.opts.baseUrl();
  }

  /** A link for this person, valid for a week or until used; undefined when the pages are not served. */
  signInLink(userId: number, now: Date): { url: string; expiresAt: Date } | undefined {
    const base = this.opts.baseUrl();
    if (!base) return undefined;
    const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
    const epoch = this.store.webLogins.epochs(userId).link;
    const token = signToken(this.opts.secret, 'signin', { userId, epoch, expiresAt });
    return { url: `${base}/signin?t=${token}`, expiresAt };
  }

  /** The link's claims while it is valid and unused; it stays usable (the confirmation page). */
  checkLink(token: string | undefined, now: Date): TokenClaims | undefined {
    const claims = verifyToken(this.opts.secret, 'signin', token, now);
    return claims && claims.epoch === this.store.webLogins.epochs(claims.userId).link ? claims : undefined;
  }

  /** Uses the link up: its claims for the one request that did, else undefined. */
  useLink(token: string | undefined, now: Date): TokenClaims | undefined {
    const claims = verifyToken(this.opts.secret, 'signin', token, now);
    return claims && this.store.webLogins.useLink(claims.userId, claims.epoch) ? claims : undefined;
  }

  /** The session a link starts lasts a week from signing in (on the bot's clock). */
  session(userId: number, now: Date): { value: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
    const epoch = this.store.webLogins.epochs(userId).session;
    return { value: signToken(this.opts.secret, 'session', { userId, epoch, expiresAt }), expiresAt };
  }

  verifySession(value: string | undefined, now: Date): TokenClaims | undefined {
    const claims = verifyToken(this.opts.secret, 'session', value, now);
    return claims && claims.epoch === this.store.webLogins.epochs(claims.userId).session ? claims : undefined;
  }

  /** Signing out: every session this person has, on any device, ends. */
  endSessions(userId: number): void {
    this.store.webLogins.endSessions(userId);
  }
}
