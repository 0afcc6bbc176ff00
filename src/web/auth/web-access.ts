import type { Store } from '../../core/records';
import { newSecret, signToken, TOKEN_TTL_MS, verifyToken, type TokenClaims } from './tokens';

export interface WebAccessOptions {
  /** WEB_SECRET; when unset a secret is generated once and kept in the database. */
  envSecret?: string;
  /** Where people reach the pages; undefined while they are not served. */
  baseUrl: () => string | undefined;
}

/**
 * Who may see the internal pages: personal sign-in links handed out by /web in chat, and the
 * session cookie a link starts. Loads no web framework (the /web command lives in every bot).
 */
export class WebAccess {
  private cached: string | undefined;

  constructor(
    private readonly store: Store,
    private readonly opts: WebAccessOptions,
  ) {}

  secret(now: Date): string {
    this.cached ??= this.opts.envSecret ?? this.store.secrets.getOrCreate('web', newSecret, now);
    return this.cached;
  }

  baseUrl(): string | undefined {
    return this.opts.baseUrl();
  }

  /** A link for this person, valid for a week; undefined when the pages are not served. */
  signInLink(userId: number, now: Date): { url: string; expiresAt: Date } | undefined {
    const base = this.opts.baseUrl();
    if (!base) return undefined;
    const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
    const token = signToken(this.secret(now), 'signin', { userId, expiresAt });
    return { url: `${base}/signin?t=${token}`, expiresAt };
  }

  verifyLink(token: string | undefined, now: Date): TokenClaims | undefined {
    return verifyToken(this.secret(now), 'signin', token, now);
  }

  /** The session a link starts lasts a week from signing in. */
  session(userId: number, now: Date): { value: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
    return { value: signToken(this.secret(now), 'session', { userId, expiresAt }), expiresAt };
  }

  verifySession(value: string | undefined, now: Date): TokenClaims | undefined {
    return verifyToken(this.secret(now), 'session', value, now);
  }
}
