import type { Actor } from '../types';
import type { PeopleRepo, User } from '../records';
import type { AgencyDirectory } from './agency-match';

export interface RosterEntry {
  user: string;
  agency: string;
  name?: string;
}

/**
 * Maps platform identities to users. Keeps recently seen users in memory so the vote path
 * does not write on every event; the roster pins some people to an agency.
 */
export class People {
  private readonly cache = new Map<string, User>();
  private readonly roster = new Map<string, { agencyId: number; name?: string }>();

  constructor(
    private readonly repo: PeopleRepo,
    readonly agencies: AgencyDirectory,
    roster: readonly RosterEntry[],
    private readonly facilitators: ReadonlySet<string>,
  ) {
    for (const r of roster) {
      const a = agencies.find(r.agency);
      if (a) this.roster.set(r.user, { agencyId: a.id, name: r.name });
    }
  }

  static key(actor: Pick<Actor, 'platform' | 'id'>): string {
    return `${actor.platform}:${actor.id}`;
  }

  resolve(actor: Actor, now: Date): User {
    const key = People.key(actor);
    const pinned = this.roster.get(key);
    const name = pinned?.name ?? actor.name;
    const cached = this.cache.get(key);
    if (cached && cached.name === name) return cached;
    let user = this.repo.upsertUser(actor.platform, actor.id, name, now);
    if (pinned && user.agencyId !== pinned.agencyId) {
      this.repo.setAgency(user.id, pinned.agencyId, now);
      user = { ...user, agencyId: pinned.agencyId };
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, user);
    return user;
  }

  rosterAgency(actor: Pick<Actor, 'platform' | 'id'>): number | undefined {
    return this.roster.get(People.key(actor))?.agencyId;
  }

  isFacilitator(actor: Pick<Actor, 'platform' | 'id'>): boolean {
    return this.facilitators.has(People.key(actor));
  }

  setAgency(user: User, agencyId: number, now: Date): User {
    this.repo.setAgency(user.id, agencyId, now);
    const updated = { ...user, agencyId };
    this.cache.set(`${user.platform}:${user.platformUserId}`, updated);
    return updated;
  }

  get(id: number): User | undefined {
    return this.repo.getUser(id);
  }
}
