import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { SlackApi } from './api';
import { userInfoSchema } from './parse';

export interface SlackPerson {
  name: string;
  isBot: boolean;
}

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 5000;

/**
 * Display names from users.info, cached for an hour so a burst of votes costs one lookup per
 * person. A failed lookup is not fatal: the person votes under the best name we have and the
 * next event asks again.
 */
export class SlackIdentity {
  private readonly cache = new Map<string, { person: SlackPerson; until: number }>();
  private readonly pending = new Map<string, Promise<SlackPerson>>();

  constructor(
    private readonly api: SlackApi,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  lookup(userId: string, fallbackName?: string): Promise<SlackPerson> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(userId);
    if (hit && hit.until > now) return Promise.resolve(hit.person);
    const running = this.pending.get(userId);
    if (running) return running;
    const p = this.fetch(userId, fallbackName, now).finally(() => this.pending.delete(userId));
    this.pending.set(userId, p);
    return p;
  }

  private async fetch(userId: string, fallbackName: string | undefined, now: number): Promise<SlackPerson> {
    try {
      const res = userInfoSchema.parse(await this.api.call('users.info', { user: userId }));
      const u = res.user;
      const name = [u.profile?.display_name, u.profile?.real_name, u.real_name, u.name, fallbackName].find((n) => n && n.trim())?.trim() ?? userId;
      const person = { name: name.slice(0, 80), isBot: u.is_bot === true };
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      this.cache.set(userId, { person, until: now + TTL_MS });
      return person;
    } catch (e) {
      this.logger.warn({ err: e, user: userId }, 'slack users.info failed; using the fallback name');
      return { name: fallbackName?.trim() || userId, isBot: false };
    }
  }
}
