import type { Actor, Platform } from '../types';
import type { PeopleRepo, User } from '../records';
import type { AgencyDirectory } from './agency-match';
import { cleanName } from '../input/check-text';

export interface RosterEntry {
  user: string;
  agency: string;
  name?: string;
}

/**
 * Maps platform identities to users. Keeps recently seen users in memory so the vote path
 * does not write on every event; the roster pins some people to an agency. The memory is
 * dropped whenever another process has written to the database (its `/iam` must count here at
 * the next event), keyed to the store's data version like the store's own caches.
 */
export class People {
  private version = Number.NaN;
  private readonly cache = new Map<string, User>();
  private readonly byId = new Map<number, User>();
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
    // Display names come from platform profiles: cleaned, not refused (check-text.ts).
    const name = cleanName(pinned?.name ?? actor.name) || actor.id;
    this.sync();
    const cached = this.cache.get(key);
    if (cached && cached.name === name) return cached;
    let user = this.repo.upsertUser(actor.platform, actor.id, name, now);
    if (pinned && user.agencyId !== pinned.agencyId) {
      this.repo.setAgency(user.id, pinned.agencyId, now);
      user = { ...user, agencyId: pinned.agencyId };
    }
    this.remember(user);
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
    const updated = { ...user, agencyId, agencyConfirmed: false };
    this.remember(updated);
    return updated;
  }

  /** Whether a roster is in use: then agency claims need a facilitator's `/confirm` to carry authority. */
  get rosterInUse(): boolean {
    return this.roster.size > 0;
  }

  /**
   * The agency a person may act for (mark its follow-up items done, be mentioned as its PO):
   * any claimed one while no roster is configured; with a roster, the roster's own entry or a
   * claim a facilitator confirmed. Anyone may still vote, under whatever they claimed.
   */
  actsFor(user: User): number | null {
    if (user.agencyId === null) return null;
    if (!this.rosterInUse || user.agencyConfirmed) return user.agencyId;
    const pinned = this.roster.get(`${user.platform}:${user.platformUserId}`)?.agencyId;
    return pinned === user.agencyId ? user.agencyId : null;
  }

  /** A facilitator's `/confirm`: the person acts for the agency from now on. */
  confirm(user: User, agencyId: number, by: User, now: Date): User {
    this.repo.confirmAgency(user.id, agencyId, by.id, now);
    const updated = { ...user, agencyId, agencyConfirmed: true };
    this.remember(updated);
    return updated;
  }

  /** `/confirm`'s person: `platform:id`, or a display name (several people may share one). */
  findPeople(who: string): User[] {
    const ref = /^([a-z][a-z0-9_-]*):(\S+)$/.exec(who);
    const byRef = ref ? this.repo.userByRef(ref[1] as Platform, ref[2]!) : undefined;
    return byRef ? [byRef] : this.repo.usersNamed(who);
  }

  /** By id, for display (a card's proposer): names change rarely, so recent ones are kept. */
  get(id: number): User | undefined {
    this.sync();
    const hit = this.byId.get(id);
    if (hit) return hit;
    const u = this.repo.getUser(id);
    if (u) this.remember(u);
    return u;
  }

  /** After a rollback: a user or agency remembered from it may never have been stored. */
  forgetCached(): void {
    this.cache.clear();
    this.byId.clear();
  }

  private sync(): void {
    const v = this.repo.dataVersion();
    if (v === this.version) return;
    this.forgetCached();
    this.version = v;
  }

  private remember(u: User): void {
    if (this.cache.size > 10_000) this.cache.clear();
    if (this.byId.size > 10_000) this.byId.clear();
    this.cache.set(`${u.platform}:${u.platformUserId}`, u);
    this.byId.set(u.id, u);
  }
}
